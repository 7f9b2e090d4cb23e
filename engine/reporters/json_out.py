"""The JSON findings contract (schema chitieu.findings/1): stable field order, sorted findings, byte-identical runs."""

from __future__ import annotations

import json

from .. import __version__
from ..audit import AuditResult

SCHEMA = "chitieu.findings/1"


def document(result: AuditResult) -> dict:
    cat = result.catalogue
    return {
        "schema": SCHEMA,
        "engine_version": __version__,
        "catalogue": {"name": cat.info.name, "version": cat.version, "digest": cat.digest},
        "communes": [
            {
                "id": cf.commune.id,
                "name": cf.commune.name,
                "as_of": cf.as_of.isoformat(),
                "reports": [
                    {"title": r.title, "number": r.number, "date": str(r.date), "as_of": r.as_of.isoformat(),
                     "issuer": r.issuer}
                    for r in cf.reports
                ],
                "files": [str(p) for p in cf.paths],
            }
            for cf in result.communes
        ],
        "summary": result.counts(),
        "findings": [f.model_dump(mode="json") for f in result.findings],
    }


def render(result: AuditResult, *, color: bool = False) -> str:
    return json.dumps(document(result), ensure_ascii=False, indent=2) + "\n"
