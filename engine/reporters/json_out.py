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


def _commune(cf: CommuneFacts) -> dict:
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


def write_stream(cat: Catalogue, stream: Iterable[tuple[CommuneFacts, list[Finding]]], out: IO[str]) -> dict[str, int]:
    """Write the document while auditing; return the counts per status."""
    head = {
        "schema": SCHEMA,
        "engine_version": __version__,
        "catalogue": {"name": cat.info.name, "version": cat.version, "digest": cat.digest},
    }
    opening = json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "findings": ['
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
        communes.append(_commune(cf))
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
        chunk = (b"\n    " if first else b",\n    ") + b",\n    ".join(lines)
        first = False
        if raw is not None:  # the UTF-8 straight to the file: no decoding, and no encoding again, of every line
            out.flush()
            raw.write(chunk)
        else:
            out.write(chunk.decode())
    out.write(opening + ("\n  " if not first else "") + "],\n")
    tail = json.dumps({"communes": communes, "summary": counts}, ensure_ascii=False, indent=2)
    out.write(tail[2:] + "\n")
    return counts
