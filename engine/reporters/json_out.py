"""The JSON findings contract (schema chitieu.findings/2, CHANGELOG.md): stable field order, sorted findings, byte-identical runs.

Written as a stream — findings commune by commune — so a national run never holds every finding in memory.
"""

from __future__ import annotations

import json
from typing import IO, Iterable

from .. import __version__, vi
from ..catalogue import Catalogue
from ..facts import CommuneFacts
from ..model import Finding

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
    for cf, findings in stream:
        if opening:
            out.write(opening)
            opening = ""
        communes.append(_commune(cf))
        lines = []
        for f in findings:
            counts[f.status] += 1
            # one finding per line, written by pydantic's own serialiser (compact: 3× faster than a dict through
            # json.dumps; indentation would force json's pure-Python encoder, 5× slower still)
            lines.append(("\n    " if first else ",\n    ") + f.json_line())
            first = False
        out.write("".join(lines))  # one write per commune, not per finding
    out.write(opening + ("\n  " if not first else "") + "],\n")
    tail = json.dumps({"communes": communes, "summary": counts}, ensure_ascii=False, indent=2)
    out.write(tail[2:] + "\n")
    return counts
