"""Reporters, one per output format: each renders a finished result and nothing else.

Each registry drives the ``--format`` choice of one command: a new format is one function and one line here.
``SUFFIXES`` ties file name suffixes to formats, so ``-o NAME.json`` picks JSON and ``--format`` cannot contradict it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import json_out, listing, section, table


def _lazy(module: str, name: str) -> Callable:
    """A renderer imported on first use: python-docx and openpyxl cost a tenth of a second to import, and most runs
    never write Word or Excel."""

    def render(*args, **kwargs):
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)(*args, **kwargs)

    render.__name__ = name
    return render


@dataclass(frozen=True)
class Format:
    render: Callable
    takes: str              # "result" (an AuditResult), "stream" (communes as they are audited), "matrix"
    binary: bool = False
    styled: bool = False    # takes color=… (terminal styling)


# chitieu check: the findings
REPORTERS: dict[str, Format] = {
    "list": Format(listing.write_list, "stream", styled=True),
    "table": Format(table.render, "result", styled=True),
    "json": Format(json_out.write_stream, "stream"),
    "section": Format(section.render, "result"),
    "matrix": Format(_lazy("matrix_out", "render_table"), "matrix", styled=True),
    "html": Format(_lazy("matrix_out", "write_html"), "stream"),
    "xlsx": Format(_lazy("matrix_out", "write_xlsx"), "stream", binary=True),
}

# chitieu shortfalls: the shortfall list (take an AuditResult)
SHORTFALL_FORMATS: dict[str, Callable[..., str | bytes]] = {
    name: _lazy("shortfall", f"render_{name}") for name in ("xlsx", "csv", "md", "json")
}

BINARY_FORMATS = {"docx", "xlsx"}

# The suffixes each format is written under. Plain text (.txt, .md) suits every text format; a suffix that names
# another kind of file (.json for a table, .docx for a workbook) is a contradiction.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "json": (".json",), "html": (".html", ".htm"), "xlsx": (".xlsx",), "docx": (".docx",), "csv": (".csv",),
    "yaml": (".yaml", ".yml"), "md": (".md", ".markdown"), "txt": (".txt",),
}
TEXT_FORMATS = {"list", "table", "section", "matrix", "md", "txt"}
PLAIN_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def pick_format(formats: Iterable[str], given: Optional[str], output: Optional[Path], default: str) -> str:
    """The format to write: ``given``, else the one the output's suffix names, else ``default``. A suffix that
    names another kind of file than ``given`` raises ValueError with what to do instead."""
    formats = list(formats)
    suffix = output.suffix.lower() if output is not None else ""
    named = next((f for f, sfx in SUFFIXES.items() if suffix in sfx), None)
    if given is None:
        if named in formats:
            return named
        if named is not None and named not in TEXT_FORMATS:
            raise ValueError(f"-o {output}: this command does not write {named.upper()} (its formats: "
                             f"{', '.join(formats)}); choose another name or --format")
        return default
    if named is None or named == given:
        return given
    if given in TEXT_FORMATS and suffix in PLAIN_SUFFIXES:
        return given
    raise ValueError(f"--format {given} contradicts the name -o {output} (a {suffix} file); "
                     f"use a name ending in {SUFFIXES.get(given, ('.txt',))[0]} or drop --format")
