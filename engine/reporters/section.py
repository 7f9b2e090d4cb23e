"""The drafted sections III.2 and IV of the commune's own report, as plain text, one block per commune."""

from __future__ import annotations

from .. import vi
from ..audit import AuditResult
from ..documents.blocks import DocumentBlocks, Header
from ..documents.commune import section_blocks, write_draft
from .blocks_text import render_text


def render(result: AuditResult, *, color: bool = False) -> str:
    blocks = []
    for cf in result.communes:
        head = f"{cf.commune.name.upper()}\n\n" if len(result.communes) > 1 else ""
        if cf.unreviewed:
            head += vi.unreviewed_note(cf.commune.name, cf.unreviewed_files) + "\n\n"
        doc = DocumentBlocks(Header(body=""), "", [], section_blocks(write_draft(result, cf)))
        blocks.append(head + render_text(doc, with_header=False))
    return "\n".join(blocks)
