"""A loaded catalogue kept between runs, so that a `chitieu check` does not read, parse and validate the same rule
files every time it starts.

The catalogue a run loads is written, once it loaded without an error, to the user's cache folder
(``$CHITIEU_CACHE_DIR``, else ``$XDG_CACHE_HOME/chitieu``, else ``~/.cache/chitieu``); the next run whose rule files
are byte for byte the same — same names, same bytes, read again every run — and whose chitieu code is the same takes
it from there. ``CHITIEU_CACHE_DIR=off`` (or a relative folder) turns the cache off.

The cache is a pickle, which runs code when it is read: it is therefore only ever read from a folder and a file that
belong to the user running chitieu and that no one else may write (the same test ssh applies to its keys). Anything
else — another owner, a folder others may write, a link, a file that does not unpickle into a catalogue — is
ignored and the rule files are loaded as if there were no cache; so is a folder that cannot be written (a read-only
home). A cache is never needed for a correct result, only for a faster start.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

ENV = "CHITIEU_CACHE_DIR"
OFF = {"", "0", "off", "no", "false", "none"}
_FORMAT = 1  # raised when what is pickled changes shape in a way the code signature would not notice
_KEEP = 16  # catalogues kept: every edit of a rule file makes a new one
_STALE_TEMP_S = 3600  # a temporary file older than this was left by a run that was killed while writing


def cache_dir() -> Optional[Path]:
    """The folder of the cache, or None when it is turned off (or the system has no notion of a file's owner)."""
    if not hasattr(os, "getuid"):
        return None
    given = os.environ.get(ENV)
    if given is not None:  # a relative folder would put a cache in whatever folder a run starts in: none then
        return None if given.strip().lower() in OFF or not Path(given).is_absolute() else Path(given)
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    except RuntimeError:  # no home folder
        return None
    return root / "chitieu"


def _code_signature() -> bytes:
    """Which chitieu the pickled classes come from: its version, Python's and pydantic's, and the size and time of
    every module of the package (so that an edited checkout never reads a catalogue pickled by older code)."""
    from pydantic.version import VERSION as PYDANTIC

    from . import __version__

    parts = [__version__, sys.version, PYDANTIC, str(_FORMAT)]
    package = Path(__file__).resolve().parent
    for dirpath, dirnames, filenames in os.walk(package):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith(".py"):
                st = os.stat(os.path.join(dirpath, name))
                parts.append(f"{os.path.relpath(os.path.join(dirpath, name), package)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts).encode()


_SIGNATURE: Optional[bytes] = None


def _file_name(content_key: tuple) -> str:
    global _SIGNATURE
    if _SIGNATURE is None:
        _SIGNATURE = _code_signature()
    digest = hashlib.sha256(_SIGNATURE)
    digest.update(repr(content_key).encode())
    return f"catalogue-{digest.hexdigest()[:32]}.pickle"


def _private(st: os.stat_result, *, folder: bool) -> bool:
    """Owned by this user, writable by no one else, and what it should be (a folder, or a plain file)."""
    kind_ok = stat.S_ISDIR(st.st_mode) if folder else stat.S_ISREG(st.st_mode)
    return kind_ok and st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(content_key: tuple) -> Optional[Any]:
    """What ``store`` kept under this key, or None (no cache, not trusted, unreadable, another shape)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if not _private(os.stat(folder, follow_symlinks=False), folder=True):
            return None
        fd = os.open(folder / _file_name(content_key), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            if not _private(os.fstat(fd), folder=False):
                return None
            kept = pickle.load(fh)
    except Exception:  # noqa: BLE001 - a cache that cannot be read is no cache: the rule files are loaded instead
        return None
    if not (isinstance(kept, tuple) and len(kept) == 3 and kept[0] == _FORMAT and kept[1] == content_key):
        return None
    return kept[2]


def store(content_key: tuple, value: Any) -> None:
    """Keep ``value`` for the next run; any problem (read-only folder, full disk, a folder others may write) is
    silently given up: the cache only saves time."""
    folder = cache_dir()
    if folder is None:
        return
    tmp: Optional[str] = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(folder, follow_symlinks=False), folder=True):
            return
        data = pickle.dumps((_FORMAT, content_key, value), protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / _file_name(content_key))  # readers see the old file or the whole new one
        tmp = None
        _prune(folder)
    except Exception:  # noqa: BLE001 - see the docstring
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(folder: Path) -> None:
    """Keep the most recently written catalogues; remove temporary files that a killed run left behind."""
    now = time.time()
    kept = []
    for entry in os.scandir(folder):
        if entry.name.startswith(".tmp-"):
            if now - entry.stat().st_mtime > _STALE_TEMP_S:
                os.unlink(entry.path)
        elif entry.name.startswith("catalogue-") and entry.name.endswith(".pickle"):
            kept.append((entry.stat().st_mtime, entry.path))
    for _, path in sorted(kept, reverse=True)[_KEEP:]:
        os.unlink(path)
