"""Writing output files: atomically (temporary file, then rename), never over an input, never over a file unasked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterable, Iterator


class OutputError(Exception):
    """An output file cannot be written as asked; the message says why and what to do."""


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def check_target(path: Path, inputs: Iterable[Path], *, force: bool) -> None:
    """Refuse a target that is one of the inputs (whatever --force says), a folder, or an existing file."""
    for p in inputs:
        if p.is_dir():
            continue
        if _same(p, path):
            raise OutputError(f"{path}: refusing to write over an input file")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    if path.exists() and not force:
        raise OutputError(f"{path}: the file exists; pass --force to replace it")
    if not path.parent.exists():
        raise OutputError(f"{path}: the folder {path.parent} does not exist")


def write_atomic(path: Path, data: bytes | str, *, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Write all of ``data`` atomically (temporary file, then rename); see ``check_target`` for what is refused."""
    if isinstance(data, str):
        with atomic_text(path, inputs=inputs, force=force) as fh:
            fh.write(data)
        return
    with atomic_text(path, inputs=inputs, force=force) as fh:
        fh.flush()
        fh.buffer.write(data)


@contextlib.contextmanager
def atomic_text(path: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> Iterator[IO[str]]:
    """A text file written bit by bit into a temporary file, renamed over ``path`` only if the block succeeds."""
    check_target(path, list(inputs), force=force)
    if path.exists():
        mode = path.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
