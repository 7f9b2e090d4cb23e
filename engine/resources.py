"""What ships inside the package: the rule catalogue (chitieu.rules) and the seed commune (chitieu.seed).

Both are read with importlib.resources, so they are found the same way from a checkout (an editable install maps
them to the top-level rules/ and facts/ folders) and from an installed wheel.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .diagnostics import shown_path

SEED_COMMUNE = "tinh-an"


def _folder(package: str) -> Path:
    # A package installed on a file system gives a real path; chitieu is never run from a zip.
    return Path(os.fspath(resources.files(package)))  # type: ignore[call-overload]  # a package on disk: a Path


def shipped_rules_dir() -> Path:
    """The catalogue that ships with chitieu, shown relative to the working folder when inside it."""
    return Path(shown_path(_folder("chitieu.rules")))


def default_rules_dir() -> Path:
    """$CHITIEU_RULES when set, else the shipped catalogue."""
    env = os.environ.get("CHITIEU_RULES")
    return Path(env) if env else shipped_rules_dir()


def seed_facts_dir() -> Path:
    """The seed commune's fact folder (xã Tịnh An), checked when `chitieu check` is given no path."""
    return Path(shown_path(_folder("chitieu.seed") / SEED_COMMUNE))


def shipped_files(folder: Path) -> list[Path]:
    """The data files of a shipped folder (YAML only: the package's __init__.py is not part of the catalogue)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))
