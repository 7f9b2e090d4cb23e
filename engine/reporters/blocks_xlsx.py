"""The tables of a drafted document as an Excel workbook: one sheet per table (the self-assessment table in the
province's spreadsheet habits), numbers as numbers, header row frozen, print titles set."""

from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..documents.blocks import DocumentBlocks, Table
from ._text import one_line, sheet_value
from ._xlsx import guard, workbook_bytes

_NUMBER = re.compile(r"^-?\d+(?:,\d+)?$")


def _put(ws, row: int, col: int, text: str):
    """A cell holding a number where the text is one; other text is cleaned and never runs as a formula."""
    value = (float(text.replace(",", ".")) if "," in text else int(text)) if _NUMBER.match(text) else sheet_value(text)
    cell = ws.cell(row, col, value)
    guard(cell)
    return cell


def render_xlsx(docs: list[DocumentBlocks]) -> bytes:
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the empty sheet a new workbook starts with
    thin = Side(style="thin", color="999999")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for d in docs:
        tables = [b for b in d.blocks if isinstance(b, Table)]
        for n, t in enumerate(tables, 1):
            title = re.sub(r"[\[\]:*?/\\]", "", one_line(d.header.body.split("\n")[-1]) + f" {n}")[-31:].strip()
            ws = wb.create_sheet(title=title if title not in wb.sheetnames else f"{title[:28]} {len(wb.sheetnames)}")
            row = 1
            if t.caption:
                _put(ws, 1, 1, t.caption).font = Font(name="Times New Roman", bold=True, size=12)
                row = 2
            for c, name in enumerate(t.header, 1):
                cell = _put(ws, row, c, name)
                cell.font = Font(name="Times New Roman", bold=True, size=11)
                cell.fill = PatternFill("solid", fgColor="D9D9D9")
                cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
                cell.border = border
            for values in t.rows:
                row += 1
                for c, text in enumerate(values, 1):
                    cell = _put(ws, row, c, text)
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
    return workbook_bytes(wb)
