"""A drafted document (chitieu.documents.blocks) as a Word file laid out after Nghị định 30/2020/NĐ-CP, Phụ lục I.

A4 (landscape where the document is a wide table), margins 20/20/30/15 mm, Times New Roman 13 pt; the issuing body
(written in full, with a superior body only where there is one) beside the national motto; number and place-date;
the kind and the summary line; real Heading styles (so the navigation pane and a table of contents work); "- Về …"
and "+ …" lists as the administrative markers, not Word bullets; tables whose header repeats on every page and
whose columns keep "STT", dates and document numbers on one line; "Nơi nhận" and the signature block; page numbers
at the top centre from page 2.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from ..documents.blocks import Bullet, DocumentBlocks, Heading, Para, Table
from ._style import LOOKS
from ._text import clean as _clean
from ._zip import repack

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 11
HEADING_LOOK = {1: (BODY_PT, True, False), 2: (BODY_PT, True, False), 3: (BODY_PT, True, True)}


CORE_MAX = 255  # Word's limit on a core property (the document's title in File → Info)


def _core_text(text: str) -> str:
    """Text for a core property: cleaned, on one line, and cut at a word with '…' past Word's 255 characters (a
    report's title that quotes the plan's full name is longer)."""
    text = " ".join(_clean(text).split())
    if len(text) <= CORE_MAX:
        return text
    return text[: CORE_MAX - 1].rsplit(" ", 1)[0] + "…"


def _font(run, size: float = BODY_PT, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run.underline = underline
    _all_scripts(run._element.get_or_add_rPr())


def _all_scripts(rpr):
    """Times New Roman for every script Word distinguishes (Vietnamese falls back to the theme font otherwise)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    return fonts


def _para(
    container,
    text: str = "",
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
    after: float = 6,
    style=None,
):
    p = container.add_paragraph(style=style)
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.15
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if text:
        _font(p.add_run(_clean(text)), size, bold, italic)
    return p


def _lines(cell, text: str, *, size: float, bold: bool = False, underline: bool = False, first: bool = True) -> None:
    for i, line in enumerate(text.split("\n")):
        p = cell.paragraphs[0] if first and i == 0 else cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        _font(p.add_run(_clean(line)), size, bold=bold, underline=underline and i == len(text.split("\n")) - 1)


def _widths(table, widths) -> None:
    """Column widths that Word and LibreOffice both honour: the grid and every cell."""
    for col, w in zip(table.columns, widths, strict=True):
        col.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w


def _shade(cell, color: str) -> None:
    tcpr = cell._element.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color)
    tcpr.append(shd)


def _no_split(row, header: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    if header:
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        trpr.append(el)
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _header_block(doc, d: DocumentBlocks, width_cm: float) -> None:
    left_w = 6.0 if width_cm < 20 else 9.0
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, [Cm(left_w), Cm(width_cm - left_w)])
    left, right = table.rows[0].cells
    h = d.header
    first = True
    if h.parent:
        _lines(left, h.parent, size=12)
        first = False
    _lines(left, h.body, size=12, bold=True, underline=True, first=first)
    p = left.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(6)
    _font(p.add_run(_clean(h.number)), BODY_PT)
    _lines(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
    _lines(right, "Độc lập - Tự do - Hạnh phúc", size=BODY_PT, bold=True, underline=True, first=False)
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(6)
    _font(p.add_run(_clean(h.place_date)), BODY_PT, italic=True)


def _heading_styles(doc) -> None:
    for level, (size, bold, italic) in HEADING_LOOK.items():
        style = doc.styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        style.font.color.rgb = RGBColor(0, 0, 0)
        fonts = _all_scripts(style.element.get_or_add_rPr())
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            if fonts.get(qn(attr)) is not None:
                del fonts.attrib[qn(attr)]
        pf = style.paragraph_format
        pf.space_before = Pt(6)
        pf.space_after = Pt(6)
        pf.keep_with_next = True


def _table(doc, t: Table) -> None:
    if t.caption:
        _para(doc, t.caption, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=4)
    widths = [Cm(w) for w in t.widths_cm]
    table = doc.add_table(rows=1, cols=len(t.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    head = table.rows[0]
    _no_split(head, header=True)
    for cell, name in zip(head.cells, t.header, strict=True):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(cell.paragraphs[0].add_run(_clean(name)), TABLE_PT, bold=True)
        _shade(cell, "D9D9D9")
    for r, row in enumerate(t.rows):
        added = table.add_row()
        _no_split(added)  # a finding's row is read whole: it moves to the next page rather than break across two
        cells = added.cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            for j, line in enumerate(text.split("\n")):
                p = cell.paragraphs[0] if j == 0 else cell.add_paragraph()
                p.paragraph_format.space_after = Pt(0)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER if i == 0 or i in t.numeric_columns else WD_ALIGN_PARAGRAPH.LEFT
                _font(p.add_run(_clean(line)), TABLE_PT, italic=j > 0)
        shade = t.shades[r] if r < len(t.shades) else None
        if t.shade_column is not None and shade is not None and shade in LOOKS:
            _shade(cells[t.shade_column], LOOKS[shade].fill)
    _widths(table, widths)
    _para(doc, after=4)


def _page_numbers(section) -> None:
    """Page numbers at the top centre of every page but the first (Nghị định 30/2020, Phụ lục I)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    _font(run, BODY_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _restart_numbering(section) -> None:
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    el = OxmlElement("w:pgNumType")
    el.set(qn("w:start"), "1")
    # in its place in the schema's sequence (after pgMar … lnNumType, before cols, titlePg, docGrid …)
    later = ("cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid")
    following = next((c for c in sect_pr if any(c.tag == qn(f"w:{name}") for name in later)), None)
    if following is None:
        sect_pr.append(el)
    else:
        following.addprevious(el)


def _signature(doc, d: DocumentBlocks, width_cm: float) -> None:
    s = d.signature
    assert s is not None
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    _no_split(table.rows[0])  # "Nơi nhận" and the signer stay on one page
    _widths(table, [Cm(width_cm / 2), Cm(width_cm / 2)])
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    _font(left.paragraphs[0].add_run("Nơi nhận:"), 12, bold=True, italic=True)
    for r in s.recipients:
        p = left.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        _font(p.add_run(_clean(f"- {r}")), 11)
    first = True
    for line in (s.authority, s.role):
        if line:
            _lines(right, line, size=BODY_PT, bold=True, first=first)
            first = False
    if s.name:
        for _ in range(4):
            right.add_paragraph()
        _lines(right, s.name, size=BODY_PT, bold=True, first=False)


def render_docx(docs: DocumentBlocks | list[DocumentBlocks]) -> bytes:
    """One Word file; several documents (one per commune) each start a new section on a new page."""
    docs = docs if isinstance(docs, list) else [docs]
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _heading_styles(doc)
    props = doc.core_properties
    props.title = _core_text(" ".join([docs[0].kind] + docs[0].title)) if docs else ""
    props.author = props.last_modified_by = "chitieu"
    props.language = "vi-VN"
    props.revision = 1
    for i, d in enumerate(docs):
        sec = doc.sections[0] if i == 0 else doc.add_section()
        if d.landscape:
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Mm(297), Mm(210)
        else:
            sec.orientation = WD_ORIENT.PORTRAIT
            sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
        if i == 0:
            _page_numbers(sec)
        else:  # each commune's document is numbered from its own first page
            _restart_numbering(sec)
        _document(doc, d, (297 if d.landscape else 210) / 10 - 4.5)
    buf = io.BytesIO()
    doc.save(buf)
    return repack(buf.getvalue())


def _document(doc, d: DocumentBlocks, width_cm: float) -> None:
    _header_block(doc, d, width_cm)
    _para(doc, after=6)
    _para(doc, d.kind, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    for i, line in enumerate(d.title):
        _para(
            doc,
            line,
            size=14,
            bold=i == 0,
            italic=i > 0,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            after=12 if i == len(d.title) - 1 else 0,
        )
    for b in d.blocks:
        if isinstance(b, Heading):
            p = doc.add_paragraph(style=f"Heading {min(b.level, 3)}")
            p.paragraph_format.first_line_indent = Cm(1.27) if b.level == 3 else None
            _font(p.add_run(_clean(b.text)), BODY_PT, bold=True, italic=b.level == 3)
        elif isinstance(b, Para):
            _para(doc, b.text, italic=b.italic or b.placeholder, indent=True)
        elif isinstance(b, Bullet):
            p = _para(doc, indent=True)
            _font(
                p.add_run(_clean(f"{b.marker} {b.text}")),
                BODY_PT,
                italic=b.placeholder or b.marker == "-" and b.text.endswith(":"),
            )
        elif isinstance(b, Table):
            _table(doc, b)
    if d.signature is not None:
        _para(doc, after=6)
        _signature(doc, d, width_cm)
    if d.footnote:
        _para(doc, d.footnote, size=10, italic=True, after=0).paragraph_format.space_before = Pt(12)
