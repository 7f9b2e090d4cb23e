"""The drafted section III.2 “Tồn tại, hạn chế và nguyên nhân”, as plain text, one block per commune."""

from __future__ import annotations

from ..audit import AuditResult
from ..narrative import render_text, write_section
from ._text import clean


def render(result: AuditResult, *, color: bool = False) -> str:
    blocks = []
    for cf in result.communes:
        head = f"{cf.commune.name.upper()} — dự thảo mục “Tồn tại, hạn chế và nguyên nhân”\n\n" if len(result.communes) > 1 else ""
        blocks.append(head + render_text(write_section(result, cf)))
    return clean("\n".join(blocks))
