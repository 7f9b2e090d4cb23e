"""Reporters, one per output format: each renders a finished AuditResult and nothing else.

``REPORTERS`` drives the ``--format`` choice of the CLI: a new format is one module and one line here.
"""

from __future__ import annotations

from typing import Callable, Protocol

from ..audit import AuditResult
from . import json_out, section, table


class Reporter(Protocol):
    def __call__(self, result: AuditResult, *, color: bool) -> str: ...


REPORTERS: dict[str, Callable[..., str]] = {
    "table": table.render,
    "json": json_out.render,
    "section": section.render,
}
