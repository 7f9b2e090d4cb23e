"""The report as a Word document laid out after Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins 20/20/30/15 mm,
Times New Roman 13 pt, the issuing body and the national motto side by side, number and place-date lines, the
title, the body, “Nơi nhận” and the signature block."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from .. import vi
from ..document import TABLE_HEADER, ReportDoc
from ..narrative import cause_groups
from .report import SECTION_II, SECTION_III

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 11
STATUS_SHADE = {"met": "E2EFDA", "unmet": "F8CBAD", "pending": "FFF2CC", "insufficient_data": "E4DFEC",
                "waived": "DDEBF7", "not_applicable": "EDEDED"}


def _font(run, size: float = BODY_PT, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run.underline = underline
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _para(container, text: str = "", *, size: float = BODY_PT, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, after: float = 6, underline: bool = False):
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.15
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if text:
        _font(p.add_run(text), size, bold, italic, underline)
    return p


def _shade(cell, color: str) -> None:
    tcpr = cell._element.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color)
    tcpr.append(shd)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _cell_text(cell, text: str, *, size: float = TABLE_PT, bold: bool = False, italic: bool = False,
               align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    cell.paragraphs[0].text = ""
    p = cell.paragraphs[0]
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    _font(p.add_run(text), size, bold, italic)


def _widths(table, widths) -> None:
    """Column widths that Word and LibreOffice both honour: the grid and every cell."""
    for col, w in zip(table.columns, widths, strict=True):
        col.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w


def _header_block(doc, rd: ReportDoc) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, [Cm(7.0), Cm(9.5)])
    left, right = table.rows[0].cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    left.paragraphs[0].text = ""
    _font(left.paragraphs[0].add_run(rd.parent), 12)
    left.paragraphs[0].alignment = center
    p = left.add_paragraph()
    p.alignment = center
    _font(p.add_run(rd.issuer), 12, bold=True, underline=True)
    p = left.add_paragraph()
    p.alignment = center
    _font(p.add_run(rd.number), 13)
    right.paragraphs[0].text = ""
    right.paragraphs[0].alignment = center
    _font(right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 12, bold=True)
    p = right.add_paragraph()
    p.alignment = center
    _font(p.add_run("Độc lập - Tự do - Hạnh phúc"), 13, bold=True, underline=True)
    p = right.add_paragraph()
    p.alignment = center
    _font(p.add_run(rd.place_date), 13, italic=True)
    for cell in (left, right):
        for para in cell.paragraphs:
            para.paragraph_format.space_after = Pt(2)


def _findings_table(doc, rows: list[list[str]], statuses: list[str]) -> None:
    widths = [Cm(1.1), Cm(4.0), Cm(2.1), Cm(2.1), Cm(2.2), Cm(1.8), Cm(1.7), Cm(1.5)]  # 16.5 cm of A4 text width
    table = doc.add_table(rows=1, cols=len(TABLE_HEADER))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    head = table.rows[0]
    _repeat_header(head)
    for cell, name, w in zip(head.cells, TABLE_HEADER, widths, strict=True):
        cell.width = w
        _cell_text(cell, name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "D9D9D9")
    for row, status in zip(rows, statuses, strict=True):
        cells = table.add_row().cells
        for i, (cell, text, w) in enumerate(zip(cells, row, widths, strict=True)):
            cell.width = w
            _cell_text(cell, text, align=WD_ALIGN_PARAGRAPH.CENTER if i == 0 else WD_ALIGN_PARAGRAPH.LEFT)
        _shade(cells[5], STATUS_SHADE[status])
    _widths(table, widths)


def _signature_block(doc, rd: ReportDoc) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    _widths(table, [Cm(8), Cm(8)])
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    _font(left.paragraphs[0].add_run("Nơi nhận:"), 12, bold=True, italic=True)
    for r in rd.recipients:
        p = left.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        _font(p.add_run(f"- {r}"), 11)
    center = WD_ALIGN_PARAGRAPH.CENTER
    right.paragraphs[0].text = ""
    right.paragraphs[0].alignment = center
    _font(right.paragraphs[0].add_run(rd.signer_title), 13, bold=True)
    p = right.add_paragraph()
    p.alignment = center
    _font(p.add_run(rd.signer_role), 13, bold=True)
    if rd.signer_name:
        for _ in range(3):
            right.add_paragraph()
        p = right.add_paragraph()
        p.alignment = center
        _font(p.add_run(rd.signer_name), 13, bold=True)


def render_docx(rd: ReportDoc, *, created: dt.datetime | None = None) -> bytes:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.element.get_or_add_rPr()
    props = doc.core_properties
    props.title = f"{rd.title} — {rd.subtitle}"
    props.author = "chitieu"
    props.language = "vi-VN"
    stamp = created or dt.datetime(2000, 1, 1)
    props.created = props.modified = stamp
    props.last_modified_by = "chitieu"
    props.revision = 1

    _header_block(doc, rd)
    _para(doc, after=6)
    _para(doc, rd.title, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(doc, rd.subtitle, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    for warning in rd.warnings:
        _para(doc, warning, bold=True, indent=True).runs[0].font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    _para(doc, rd.intro, indent=True)
    multi = len(rd.communes) > 1
    for cr in rd.communes:
        if multi:
            _para(doc, cr.commune.commune.name.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        _para(doc, "I. KẾT QUẢ ĐỐI CHIẾU CÁC CHỈ TIÊU", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        _findings_table(doc, cr.rows, cr.statuses)
        _para(doc, cr.summary, indent=True, after=6).paragraph_format.space_before = Pt(6)
        section = cr.section
        _para(doc, SECTION_II, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        _para(doc, "a) Tồn tại, hạn chế", bold=True, italic=True, indent=True)
        if not section.sentences:
            _para(doc, "Qua đối chiếu với các chỉ tiêu đã mã hóa, chưa phát hiện tồn tại, hạn chế.", indent=True)
        for theme, sentences in section.by_theme():
            _para(doc, f"- {vi.THEME_LABELS[theme]}:", italic=True, indent=True)
            for s in sentences:
                _para(doc, f"+ {s.full_text}", indent=True)
        _para(doc, "b) Nguyên nhân", bold=True, italic=True, indent=True)
        for heading, causes, _ in cause_groups(section):
            if causes:
                _para(doc, f"- {heading}:", italic=True, indent=True)
                for c in causes:
                    _para(doc, f"+ {c.text}", indent=True)
            else:
                _para(doc, f"- {heading}: báo cáo chưa nêu.", italic=True, indent=True)
        _para(doc, SECTION_III, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        for i, t in enumerate(section.tasks, 1):
            _para(doc, f"{i}. {t.text}", indent=True)
    _para(doc, after=6)
    _signature_block(doc, rd)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
