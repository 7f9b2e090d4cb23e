"""Plain text and Markdown layouts of a drafted document (chitieu.documents.blocks)."""

from __future__ import annotations

from ..documents.blocks import Bullet, DocumentBlocks, Heading, Para, Table
from ._text import clean
from ._text import md as _md


def render_text(doc: DocumentBlocks, *, with_header: bool = True) -> str:
    lines: list[str] = []
    if with_header:
        h = doc.header
        lines += [x for x in (h.parent or "").split("\n") if x] + h.body.split("\n") + [h.number, h.place_date, ""]
        lines += [doc.kind] + doc.title + [""]
    for b in doc.blocks:
        if isinstance(b, Heading):
            lines += ["", b.text] if b.level == 1 else [b.text]
        elif isinstance(b, Para):
            lines.append(b.text)
        elif isinstance(b, Bullet):
            lines.append(f"{b.marker} {b.text}")
        elif isinstance(b, Table):
            if b.caption:
                lines.append(b.caption)
            lines.append(" | ".join(b.header))
            lines += [" | ".join(c.replace("\n", " — ") for c in r) for r in b.rows]
    if with_header and doc.signature is not None:
        s = doc.signature
        lines += ["", "Nơi nhận:"] + [f"- {r}" for r in s.recipients] + ["", s.authority, s.role]
        if s.name:
            lines.append(s.name)
    if doc.footnote:
        lines += ["", doc.footnote]
    return clean("\n".join(lines).strip("\n")) + "\n"


def render_markdown(doc: DocumentBlocks) -> str:
    h = doc.header
    head = [_md(x) for x in (h.parent or "").split("\n") if x] + [f"**{_md(x)}**" for x in h.body.split("\n")]
    lines = [
        "<br>".join(head) + f"<br>{_md(h.number)}",
        "",
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**",
        "",
        f"*{_md(h.place_date)}*",
        "",
        f"# {_md(doc.kind)}",
        "",
    ]
    lines += [f"**{_md(t)}**" for t in doc.title] + [""]
    for b in doc.blocks:
        if isinstance(b, Heading):
            lines += [f"{'#' * (b.level + 1)} {_md(b.text, line_start=False)}", ""]
        elif isinstance(b, Para):
            lines += [f"*{_md(b.text)}*" if b.italic else _md(b.text), ""]
        elif isinstance(b, Bullet):
            # administrative markers are kept as text ("- Về …", "+ …", "1."), not turned into Markdown lists
            marker = "\\" + b.marker if b.marker in ("-", "+") else b.marker.replace(".", "\\.")
            lines += [f"{marker} {_md(b.text)}", ""]
        elif isinstance(b, Table):
            lines += ["| " + " | ".join(_md(c) for c in b.header) + " |", "|" + "---|" * len(b.header)]
            lines += ["| " + " | ".join(_md(c).replace("\n", " ") for c in r) + " |" for r in b.rows] + [""]
    if doc.signature is not None:
        s = doc.signature
        lines += ["**Nơi nhận:**", ""] + [f"\\- {_md(r)}" for r in s.recipients] + [""]
        sig = f"**{_md(s.authority)}**<br>**{_md(s.role)}**" if s.authority else f"**{_md(s.role)}**"
        lines += [sig + (f"<br><br>**{_md(s.name)}**" if s.name else ""), ""]
    if doc.footnote:
        lines += ["---", "", f"*{_md(doc.footnote)}*"]
    return "\n".join(lines).rstrip("\n") + "\n"
