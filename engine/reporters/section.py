"""The drafted section III.2 “Tồn tại, hạn chế và nguyên nhân”, as plain text, one block per commune."""

from __future__ import annotations

from .. import vi
from ..audit import AuditResult
from ..narrative import render_text, write_section


def render(result: AuditResult, *, color: bool = False) -> str:
    blocks = []
    for cf in result.communes:
        head = f"{cf.commune.name.upper()} — dự thảo mục “Tồn tại, hạn chế và nguyên nhân”\n\n" if len(result.communes) > 1 else ""
        if cf.unreviewed:
            head += vi.unreviewed_note(cf.commune.name, cf.unreviewed_files) + "\n\n"
        blocks.append(head + render_text(write_section(result, cf)))
    return "\n".join(blocks)
