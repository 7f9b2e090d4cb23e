"""Reporters, one per output format: each renders a finished result and nothing else.

Each registry drives the ``--format`` choice of one command: a new format is one function and one line here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from . import json_out, section, table


def _lazy(module: str, name: str) -> Callable:
    """A renderer imported on first use: python-docx and openpyxl cost a tenth of a second to import, and most runs
    never write Word or Excel."""

    def render(*args, **kwargs):
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)(*args, **kwargs)

    render.__name__ = name
    return render


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
    "matrix": Format(_lazy("matrix_out", "render_table"), "matrix"),
    "html": Format(_lazy("matrix_out", "render_html"), "matrix"),
    "xlsx": Format(_lazy("matrix_out", "render_xlsx"), "matrix", binary=True),
}

# chitieu shortfalls: the shortfall list (take an AuditResult)
SHORTFALL_FORMATS: dict[str, Callable[..., str | bytes]] = {
    name: _lazy("shortfall", f"render_{name}") for name in ("xlsx", "csv", "md", "json")
}

BINARY_FORMATS = {"docx", "xlsx"}
