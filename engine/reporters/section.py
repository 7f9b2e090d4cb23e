"""The drafted sections III.2 and IV of the commune's own report, as plain text, one block per commune."""

from __future__ import annotations

from .. import vi
from ..audit import AuditResult
from ..documents.blocks import DocumentBlocks, Header
from ..documents.commune import section_blocks, write_draft
from ._text import clean
from .blocks_text import render_text


def render(result: AuditResult, *, color: bool = False) -> str:
    blocks = []
    for cf in result.communes:
        multi = len(result.communes) > 1
        head = f"{cf.commune.name.upper()} — dự thảo mục “Tồn tại, hạn chế và nguyên nhân”\n\n" if multi else ""
        if cf.unreviewed:
            head += vi.unreviewed_note(cf.commune.name, cf.unreviewed_files) + "\n\n"
        doc = DocumentBlocks(Header(body=""), "", [], section_blocks(write_draft(result, cf)))
        blocks.append(head + render_text(doc, with_header=False))
    return clean("\n".join(blocks))
