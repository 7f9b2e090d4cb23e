"""Reporters, one per output format: each renders a finished result and nothing else.

Each registry drives the ``--format`` choice of one command: a new format is one function and one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import docx_out, json_out, matrix_out, report, section, shortfall, table


@dataclass(frozen=True)
class Format:
    render: Callable
    takes: str              # "result" (an AuditResult), "stream" (communes as they are audited), "matrix"
    binary: bool = False


# chitieu check: the findings
REPORTERS: dict[str, Format] = {
    "table": Format(table.render, "result"),
    "json": Format(json_out.write_stream, "stream"),
    "section": Format(section.render, "result"),
    "matrix": Format(matrix_out.render_table, "matrix"),
    "html": Format(matrix_out.render_html, "matrix"),
    "xlsx": Format(matrix_out.render_xlsx, "matrix", binary=True),
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
