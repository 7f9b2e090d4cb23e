"""The tables of a drafted document as an Excel workbook: one sheet per table (the self-assessment table in the
province's spreadsheet habits), numbers as numbers, header row frozen, print titles set."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..documents.blocks import DocumentBlocks, Table
from ._zip import stable_zip

_NUMBER = re.compile(r"^-?\d+(?:,\d+)?$")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str):
    """A number where the text is one; text that a spreadsheet would run as a formula is kept as text."""
    if _NUMBER.match(text):
        return float(text.replace(",", ".")) if "," in text else int(text)
    text = "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)
    return "'" + text if text.startswith(_FORMULA) else text


def render_xlsx(docs: list[DocumentBlocks]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin", color="999999")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for d in docs:
        tables = [b for b in d.blocks if isinstance(b, Table)]
        for n, t in enumerate(tables, 1):
            title = re.sub(r"[\[\]:*?/\\]", "", (d.header.body.split("\n")[-1] + f" {n}"))[:31]
            ws = wb.create_sheet(title=title if title not in wb.sheetnames else f"{title[:28]} {len(wb.sheetnames)}")
            row = 1
            if t.caption:
                ws.cell(1, 1, _cell(t.caption)).font = Font(name="Times New Roman", bold=True, size=12)
                row = 2
            for c, name in enumerate(t.header, 1):
                cell = ws.cell(row, c, name)
                cell.font = Font(name="Times New Roman", bold=True, size=11)
                cell.fill = PatternFill("solid", fgColor="D9D9D9")
                cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
                cell.border = border
            for values in t.rows:
                row += 1
                for c, text in enumerate(values, 1):
                    cell = ws.cell(row + 0, c, _cell(text))
                    cell.font = Font(name="Times New Roman", size=11)
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                    cell.border = border
            for c, w in enumerate(t.widths_cm, 1):
                ws.column_dimensions[get_column_letter(c)].width = round(w * 4.6, 1)
            header_row = 2 if t.caption else 1
            ws.freeze_panes = f"A{header_row + 1}"
            ws.print_title_rows = f"{header_row}:{header_row}"
            ws.page_setup.orientation = "landscape"
            ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if not wb.sheetnames:
        wb.create_sheet("Trống")
    wb.properties.creator = "chitieu"
    buf = io.BytesIO()
    wb.save(buf)
    return stable_zip(buf.getvalue())
