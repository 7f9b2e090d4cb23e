"""Writing output files: atomically, never over an input, never over a file unasked, never anything but a file.

The rules, checked when the file is opened and again at the very moment it is put in place:
- the target is never one of the run's inputs (fact, waiver and rule files, and the reports the fact files name —
  these are learnt while the run goes on, so the list may grow after the file was opened);
- it is a new path or a regular file: a folder, FIFO, socket or device node is refused, even with --force;
- an existing file is replaced only with --force; without it the file is linked into place, which fails if a file of
  that name has appeared meanwhile (another run, another program), so nothing is ever clobbered by a race;
- any operating-system failure (read-only folder, no space, file too large, /proc) becomes an ``OutputError`` that
  says "cannot write …", and the temporary file is removed — also when the run is interrupted.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterable, Literal, Optional

from .sigmask import raise_if_lost, signals_held


class OutputError(Exception):
    """An output file cannot be written as asked; the message says why and what to do."""


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_target(path: Path, inputs: Iterable[Path], *, force: bool, final: bool = False) -> None:
    """Refuse a target that is one of the inputs (whatever --force says), anything but a regular file or a new path,
    and an existing file without --force. ``path`` may be a symbolic link: what it points to is what is checked."""
    for p in inputs:
        if p.is_dir():
            continue
        if _same(p, path):
            raise OutputError(f"{path}: refusing to write over an input file")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{path}: is a folder; give a file name")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"{path}: is {_kind(st.st_mode)}; chitieu writes only a regular file or a new path")
        if not force:
            if final:
                raise OutputError(
                    f"{path}: a file of this name appeared while chitieu was writing; it was left as it "
                    "is (pass --force to replace it)"
                )
            raise OutputError(f"{path}: the file exists; pass --force to replace it")
    if not path.parent.exists():
        raise OutputError(f"{path}: the folder {path.parent} does not exist")


def _cannot(path: Path, exc: OSError) -> OutputError:
    """'cannot write PATH: reason'; a file named by the error is shown only when it is not the target or its
    temporary file (a library's own temporary file in /tmp, say)."""
    other = exc.filename and Path(os.fsdecode(exc.filename)).parent not in (path.parent, path.resolve().parent)
    return OutputError(
        f"cannot write {path}: {exc.strerror or exc}"
        + (f" ({exc.filename})" if other else "")
        + "; nothing was written"
    )


_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def _place(tmp: str, target: Path, force: bool, shown: Path) -> None:
    """Put the finished temporary file at ``target`` (``shown`` is the name the user gave); without --force, never
    over a file that exists by now."""
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails with EEXIST if the name was taken meanwhile: no check-then-rename race
    except FileExistsError:
        raise OutputError(
            f"{shown}: a file of this name appeared while chitieu was writing; it was left as it is "
            "(pass --force to replace it)"
        ) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        # a file system without hard links: claim the name exclusively, then rename over our own empty claim
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise OutputError(
                f"{shown}: a file of this name appeared while chitieu was writing; it was left as it "
                "is (pass --force to replace it)"
            ) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


class AtomicFile:
    """A file written bit by bit into a hidden temporary file beside the target, put in place only when the block
    ends without an exception and without ``abandon()``; otherwise the temporary file is removed.

    ``inputs`` may be a list the caller extends while writing (reports discovered during the run): it is read again
    at the end."""

    def __init__(self, path: Path, *, inputs: Iterable[Path] = (), force: bool = False, binary: bool = False):
        self.path = Path(path)
        self.inputs = inputs if isinstance(inputs, list) else list(inputs)
        self.force = force
        self.binary = binary
        self._tmp: Optional[str] = None
        self._fh: Optional[IO] = None
        self._abandoned = False

    def abandon(self) -> None:
        """Write nothing: the temporary file is removed when the block ends."""
        self._abandoned = True

    def __enter__(self) -> IO:
        check_target(self.path, self.inputs, force=self.force)
        try:
            mode = stat.S_IMODE(os.stat(self.path).st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        except OSError as exc:
            raise _cannot(self.path, exc) from exc
        parent = self.path.resolve().parent  # beside what a symbolic link points to, so the rename stays in place
        try:
            with signals_held():  # a signal between creating the file and keeping its name would leave it behind
                fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=parent)
        except OSError as exc:
            raise _cannot(self.path, exc) from exc
        try:
            os.fchmod(fd, mode)
            self._fh = os.fdopen(fd, "wb") if self.binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        except BaseException as exc:
            os.close(fd)
            self._remove()
            if isinstance(exc, OSError):
                raise _cannot(self.path, exc) from exc
            raise
        return self._fh

    def _remove(self) -> None:
        if self._tmp is not None:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass
            self._tmp = None

    def __exit__(self, exc_type, exc, tb) -> Literal[False]:
        try:
            if exc_type is None and not self._abandoned:
                assert self._fh is not None and self._tmp is not None  # __enter__ made both
                raise_if_lost()  # an interrupted run keeps no output, even where its exception was swallowed
                self._fh.flush()
                os.fsync(self._fh.fileno())
                self._fh.close()
                check_target(self.path, self.inputs, force=self.force, final=True)
                _place(self._tmp, self.path.resolve(), self.force, self.path)
                self._tmp = None
                return False
        except OSError as err:
            raise _cannot(self.path, err) from err
        finally:
            if self._tmp is not None:
                try:
                    if self._fh is not None:
                        self._fh.close()
                except OSError:
                    pass
                self._remove()
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise _cannot(self.path, exc) from exc
        return False


def write_atomic(path: Path, data: bytes | str, *, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Write all of ``data`` atomically; see ``AtomicFile`` for what is refused."""
    with AtomicFile(path, inputs=inputs, force=force, binary=isinstance(data, bytes)) as fh:
        fh.write(data)


class Stdout:
    """Standard output as a text file whose failures (a full disk, /dev/full) are ``OutputError``s; a reader that
    went away (BrokenPipeError) is left to the caller, which ends quietly."""

    @property
    def encoding(self) -> Optional[str]:
        """The encoding of standard output (a writer that must keep to it asks: the JSON's escapes)."""
        return getattr(sys.stdout, "encoding", None)

    def write(self, text: str) -> int:
        try:
            return sys.stdout.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write standard output: {exc.strerror or exc}") from exc

    def flush(self) -> None:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write standard output: {exc.strerror or exc}") from exc
