"""Reporters, one per output format: each renders a finished result and nothing else.

Each registry drives the ``--format`` choice of one command: a new format is one function and one line here.
"""

from __future__ import annotations

from typing import Callable

from . import docx_out, json_out, report, section, shortfall, table

# chitieu check: the findings (take an AuditResult)
REPORTERS: dict[str, Callable[..., str]] = {
    "table": table.render,
    "json": json_out.render,
    "section": section.render,
}

# chitieu report: the drafted document (take a ReportDoc)
REPORT_FORMATS: dict[str, Callable[..., str | bytes]] = {
    "md": report.render_md,
    "txt": report.render_txt,
    "json": report.render_json,
    "docx": docx_out.render_docx,
}

# chitieu shortfalls: the shortfall list (take an AuditResult)
SHORTFALL_FORMATS: dict[str, Callable[..., str | bytes]] = {
    "xlsx": shortfall.render_xlsx,
    "csv": shortfall.render_csv,
    "md": shortfall.render_md,
    "json": shortfall.render_json,
}

BINARY_FORMATS = {"docx", "xlsx"}
