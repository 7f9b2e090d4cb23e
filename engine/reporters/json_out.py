"""The JSON findings contract (schema chitieu.findings/2, CHANGELOG.md): stable field order, sorted findings, byte-identical runs.

Written as a stream — findings commune by commune — so a national run never holds every finding in memory.
"""

from __future__ import annotations

import codecs
import json
import os
from typing import IO, Iterable, Optional

from .. import __version__, vi
from ..catalogue import Catalogue
from ..facts import CommuneFacts
from ..model import Finding
from ..sigmask import signals_held

SCHEMA = "chitieu.findings/2"


def _commune(cat: Catalogue, cf: CommuneFacts) -> dict:
    return {
        "id": cf.commune.id,
        "name": cf.commune.name,
        "as_of": cf.as_of.isoformat(),
        "reports": [
            {
                "title": r.title,
                "number": r.number,
                "date": str(r.date),
                "as_of": r.as_of.isoformat(),
                "issuer": r.issuer,
            }
            for r in cf.reports
        ],
        "files": [str(p) for p in cf.paths],
        "unreviewed_files": cf.unreviewed_files,  # drafts of `facts extract` audited with --allow-unreviewed
        # the plans of the catalogue that cover it; none: nothing was checked for it (warning commune-uncovered)
        "plans": [d.number for d in cat.documents_for(cf.commune)],
    }


def _utf8_bytes_under(out: IO[str]) -> Optional[IO[bytes]]:
    """The binary stream under ``out`` when bytes written to it read as the same text written to ``out`` would: a
    UTF-8 text stream, on a system whose line ends are '\\n' (a Windows console or file opened in text mode writes
    '\\r\\n' for the text's '\\n'). None otherwise."""
    raw, encoding = getattr(out, "buffer", None), getattr(out, "encoding", None)
    if raw is None or not isinstance(encoding, str) or os.linesep != "\n":
        return None
    try:
        return raw if codecs.lookup(encoding).name == "utf-8" else None
    except LookupError:
        return None


def _holds_vietnamese(out: IO[str]) -> bool:
    """Whether ``out`` can write Vietnamese as it is (a UTF-8 or UTF-16 stream, a StringIO); if not (an ASCII or
    latin-1 standard output), the document is written in ASCII with JSON's own escapes ("T\\u1ecbnh An"), which read
    back as the same text: valid JSON in any such encoding."""
    encoding = getattr(out, "encoding", None)
    if not isinstance(encoding, str):
        return True
    try:
        "Tịnh An — “”".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def write_stream(cat: Catalogue, stream: Iterable[tuple[CommuneFacts, list[Finding]]], out: IO[str]) -> dict[str, int]:
    """Write the document while auditing; return the counts per status."""
    plain = not _holds_vietnamese(out)
    head = {
        "schema": SCHEMA,
        "engine_version": __version__,
        "catalogue": {"name": cat.info.name, "version": cat.version, "digest": cat.digest},
    }
    opening = json.dumps(head, ensure_ascii=plain, indent=2)[:-2] + ',\n  "findings": ['
    counts = {s: 0 for s in vi.STATUS_LABELS}
    communes = []
    first = True
    # the document's opening is written with the first commune, not before: a run refused before any commune was
    # audited (a --commune that matches none) leaves nothing on standard output
    raw = _utf8_bytes_under(out)
    for cf, findings in stream:
        if opening:
            out.write(opening)
            opening = ""
        communes.append(_commune(cat, cf))
        # one finding per line, written by pydantic's own serialiser (compact: 3× faster than a dict through
        # json.dumps; indentation would force json's pure-Python encoder, 5× slower still); one write per commune
        for f in findings:
            counts[f.status] += 1
        # pydantic's serialiser calls back into Python (isinstance checks) and swallows what is raised there: a
        # Ctrl-C or SIGTERM landing then would be lost ("Exception ignored in: …") and the run go on; held, it is
        # raised right after
        with signals_held():
            lines = [f.json_bytes() for f in findings]
        if not lines:
            continue
        lead = "\n    " if first else ",\n    "
        first = False
        if raw is not None:  # the UTF-8 straight to the file: no decoding, and no encoding again, of every line
            out.flush()
            raw.write(lead.encode() + b",\n    ".join(lines))
        elif plain:  # the same lines with JSON's escapes for every letter beyond ASCII
            out.write(lead + ",\n    ".join(json.dumps(json.loads(x), separators=(",", ":")) for x in lines))
        else:
            out.write(lead + ",\n    ".join(x.decode() for x in lines))
    out.write(opening + ("\n  " if not first else "") + "],\n")
    tail = json.dumps({"communes": communes, "summary": counts}, ensure_ascii=plain, indent=2)
    out.write(tail[2:] + "\n")
    return counts
