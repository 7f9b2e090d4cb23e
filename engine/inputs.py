"""Reading input files within bounds: regular files only, a hard byte cap, Word archives opened member by member
with caps on size and element count, and what a file is when it is not what its name says.

Every limit here is listed in the README ("Bad input and limits"); past one, a located error says which and why.
"""

from __future__ import annotations

import difflib
import io
import os
import stat
import zipfile
from pathlib import Path
from typing import Iterator, Optional

from .diagnostics import Diagnostic, InputError

# A Word report (.docx) is a zip archive: its main part is read as a stream, never whole, and only within these.
MAX_ARCHIVE_MEMBERS = 2_000
MAX_MEMBER_BYTES = 32 * 1024 * 1024  # uncompressed, per member read
MAX_XML_ELEMENTS = 1_000_000  # per member read
_RELS_BYTES = 1024 * 1024


def error(path: Path | str, code: str, message: str, line: int = 1, col: int = 1) -> InputError:
    return InputError([Diagnostic(str(path), line, col, code, message)])


_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def _missing(path: Path) -> InputError:
    """'no such file', with the nearest names in the deepest folder that exists."""
    parent, part = path.parent, path.name
    while not parent.is_dir() and parent != parent.parent:
        parent, part = parent.parent, parent.name
    hint = ""
    try:
        names = [p.name for p in parent.iterdir()]
        close = difflib.get_close_matches(part, names, n=3, cutoff=0.6)
        if close:
            shown = [str(parent / c) if str(parent) != "." else c for c in close]
            hint = " (did you mean: " + ", ".join(f"'{s}'" for s in shown) + "?)"
    except OSError:
        pass
    return error(path, "io", "no such file or folder" + hint)


def require_regular(path: Path, *, what: str = "file") -> None:
    """Refuse a path that is not a regular file (a FIFO, a device, a folder) without waiting on it: for readers
    that open the path themselves (openpyxl, zipfile)."""
    read_capped(path, 0, what=what, size_only=True)


def read_capped(path: Path, max_bytes: int, *, what: str = "file", size_only: bool = False) -> bytes:
    """All bytes of a regular file, reading at most ``max_bytes`` + 1 whatever the file system says its size is
    (/proc files say 0, a growing file says less); a FIFO, a device or a folder is refused before any read."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is then refused by its type below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise _missing(Path(path)) from None
    except OSError as exc:
        raise error(path, "io", f"cannot read the {what}: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")
            if stat.S_ISDIR(st.st_mode):
                raise error(path, "io", f"is a folder; give the {what} itself")
            raise error(path, "not-a-file", f"is {kind}, not a regular file; chitieu reads only regular files")
        if size_only:
            return b""
        if st.st_size > max_bytes:
            raise error(path, "file-too-large", f"the {what} is {st.st_size:,} bytes; the limit is {max_bytes:,} bytes")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise error(path, "file-too-large", f"the {what} holds more than {max_bytes:,} bytes (the limit)")
        return b"".join(chunks)
    except OSError as exc:
        raise error(path, "io", f"cannot read the {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


# --------------------------------------------------------------------------------------------------- what a file is

_READS = (
    "chitieu reads fact and waiver files (.yaml, 'schema: chitieu.facts/1') and a commune's report as "
    ".txt, .md or .docx"
)


def _zip_names(raw: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            if _zip_entry_count(raw) > MAX_ARCHIVE_MEMBERS:
                return []
            return zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []


def _zip_entry_count(raw: bytes) -> int:
    """The entry count of the end-of-central-directory record, read before zipfile lists every entry."""
    at = raw.rfind(b"PK\x05\x06", max(0, len(raw) - 65_557))
    if at < 0 or at + 12 > len(raw):
        return 0
    count = int.from_bytes(raw[at + 10 : at + 12], "little")
    return 1 << 30 if count == 0xFFFF else count  # zip64: far more than any Word file


def describe(raw: bytes) -> Optional[str]:
    """What a file that is not UTF-8 text is, by its content: 'a Word document (.docx)', 'a PDF document'…;
    None when the bytes say nothing recognisable."""
    head = raw[:8]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        names = set(_zip_names(raw))
        if "word/document.xml" in names:
            return "a Word document (.docx)"
        if "xl/workbook.xml" in names:
            return "an Excel workbook (.xlsx)"
        if "ppt/presentation.xml" in names:
            return "a PowerPoint presentation (.pptx)"
        if "content.xml" in names:
            return "an OpenDocument file (.odt/.ods)"
        return "a zip archive"
    if head.startswith(b"%PDF"):
        return "a PDF document"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "an old Office document (.doc or .xls, Office 97–2003)"
    if head.startswith(b"{\\rtf"):
        return "a Rich Text document (.rtf)"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "an image"
    return None


def what_instead(kind: str) -> str:
    """What to do with a file of ``kind`` instead."""
    if "docx" in kind:
        return (
            "give a Word report its .docx name to check it as a report (chitieu check bao-cao.docx), or draft "
            "its facts with `chitieu facts extract`"
        )
    if "old Office" in kind or "Rich Text" in kind or "OpenDocument" in kind:
        return "open it in Word or LibreOffice and save it as .docx (Word) or .txt (UTF-8); " + _READS
    return _READS


# --------------------------------------------------------------------------------------------------- Word archives


def open_docx_part(path: Path, raw: bytes) -> tuple[zipfile.ZipFile, str]:
    """The archive of a Word file and the name of its main document part, refusing archives past the limits."""
    n = _zip_entry_count(raw)
    if n > MAX_ARCHIVE_MEMBERS:
        raise error(
            path,
            "archive-limit",
            f"the Word file holds {n:,} archive members; the limit is {MAX_ARCHIVE_MEMBERS:,} (a zip bomb?)",
        )
    what = describe(raw)
    if what != "a Word document (.docx)":
        if what in (None, "a zip archive"):
            raise error(
                path,
                "io",
                "the Word file is damaged, or is not a Word .docx (no Word document inside); "
                "open it in Word and save it again as .docx",
            )
        raise error(path, "file-kind", f"the file is {what}; {what_instead(what)}")
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        part = "word/document.xml"
        rels = zf.getinfo("_rels/.rels") if "_rels/.rels" in zf.namelist() else None
        if rels is not None and rels.file_size <= _RELS_BYTES:
            for el in iter_xml(path, zf, "_rels/.rels", max_bytes=_RELS_BYTES):
                if el.tag.endswith("}Relationship") and el.get("Type", "").endswith("/officeDocument"):
                    target = el.get("Target", "").lstrip("/")
                    if target in zf.namelist():
                        part = target
        return zf, part
    except zipfile.BadZipFile as exc:
        raise error(path, "io", f"the Word file is damaged ({exc})") from None


def iter_xml(
    path: Path,
    zf: zipfile.ZipFile,
    name: str,
    *,
    max_bytes: int = MAX_MEMBER_BYTES,
    max_elements: int = MAX_XML_ELEMENTS,
    depth: Optional[int] = None,
) -> Iterator:
    """The elements of one archive member as they end (each cleared after the caller has seen it, when ``depth``
    is given: only elements at that depth are yielded), within the size and element caps; no entity is
    expanded and nothing is fetched."""
    from lxml import etree

    try:
        info = zf.getinfo(name)
    except KeyError:
        raise error(path, "io", f"the Word file has no part '{name}'") from None
    if info.file_size > max_bytes:
        raise error(
            path,
            "archive-limit",
            f"the part '{name}' unpacks to {info.file_size:,} bytes; the limit is {max_bytes:,} (a zip bomb?)",
        )
    count, level = 0, 0
    try:
        # zipfile stops at the size the archive declares (checked above) and then fails the CRC check: a member
        # that holds more than it declares ends as "damaged", after at most max_bytes
        with zf.open(info) as member:
            events = etree.iterparse(
                member,
                events=("start", "end"),
                resolve_entities=False,
                no_network=True,
                huge_tree=False,
                load_dtd=False,
            )
            for event, el in events:
                if event == "start":
                    count += 1
                    level += 1
                    if count > max_elements:
                        raise error(
                            path,
                            "archive-limit",
                            f"the part '{name}' holds more than {max_elements:,} XML elements (the limit; a zip bomb?)",
                        )
                    continue
                if depth is None or level == depth:
                    yield el
                    if depth is not None:
                        el.clear()
                        parent = el.getparent()
                        while parent is not None and el.getprevious() is not None:
                            del parent[0]
                level -= 1
    except etree.XMLSyntaxError as exc:
        raise error(path, "io", f"the Word file is damaged: '{name}' is not valid XML ({exc.msg})") from None
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise error(path, "io", f"the Word file is damaged ({exc})") from None
