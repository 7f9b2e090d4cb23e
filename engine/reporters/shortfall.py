"""The shortfall list — one row per unmet, at-risk or claimed-only finding — as XLSX, CSV (UTF-8 with BOM),
Markdown and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__, vi
from ..audit import AuditResult
from ..rows import SHORTFALL_HEADER, shortfall_rows
from ._text import csv_value, md
from ._xlsx import append, workbook_bytes

WIDTHS = [5, 20, 14, 26, 40, 14, 18, 22, 22, 10, 14, 10, 11, 30, 40, 22, 50, 10, 14, 60]
FILL = {
    "Chưa đạt": "F8CBAD",
    "Có nguy cơ không đạt": "FFF2CC",
    "Cần làm rõ": "FCE4D6",
    "Chỉ nêu, chưa có minh chứng": "E4DFEC",
}


def _rows(result: AuditResult) -> list[list]:
    return [r.cells(i) for i, r in enumerate(shortfall_rows(result), 1)]


def render_xlsx(result: AuditResult, *, created: dt.datetime | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook opens on one worksheet
    ws.title = "Danh sách thiếu hụt"
    thin = Side(style="thin", color="999999")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    append(
        ws,
        SHORTFALL_HEADER,
        font=Font(name="Times New Roman", bold=True, size=11),
        fill=PatternFill("solid", fgColor="D9D9D9"),
        border=border,
        alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
    )
    kind_col = SHORTFALL_HEADER.index("Loại thiếu hụt")
    pct_col = SHORTFALL_HEADER.index("Tỷ lệ đạt (%)")
    body = {
        "font": Font(name="Times New Roman", size=11),
        "alignment": Alignment(wrap_text=True, vertical="top"),
        "border": border,
    }
    n = 0
    for row in _rows(result):
        cells = append(ws, row, **body)
        if cells[pct_col].value is not None:
            cells[pct_col].number_format = "0.0"
        cells[kind_col].fill = PatternFill("solid", fgColor=FILL[row[kind_col]])
        n += 1
    for i, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "1:1"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(SHORTFALL_HEADER))}{n + 1}"
    info = wb.create_sheet("Thông tin")
    cat = result.catalogue
    for pair in (
        ("Danh mục quy tắc", cat.info.name),
        ("Phiên bản danh mục", f"{cat.version} ({cat.digest})"),
        ("chitieu", __version__),
        ("Số dòng", n),
        ("Đơn vị", ", ".join(cf.commune.name for cf in result.communes)),
        ("Số liệu đến ngày", ", ".join(cf.as_of.strftime("%d/%m/%Y") for cf in result.communes)),
        *([("Chưa kiểm tra", "; ".join(result.left_out))] if result.left_out else []),
    ):
        append(info, pair)
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 24, 80
    return workbook_bytes(wb, created)


def render_csv(result: AuditResult) -> str:
    """CSV for Excel and LibreOffice: UTF-8 with a BOM (added when written), one header row, CRLF lines."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(SHORTFALL_HEADER)
    for row in _rows(result):
        writer.writerow([csv_value(v) for v in row])
    return "\ufeff" + buf.getvalue()


def _md(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return vi.number(value)
    return md(str(value))


def render_md(result: AuditResult) -> str:
    cols = [
        "STT",
        "Xã",
        "Mã quy tắc",
        "Kỳ",
        "Loại thiếu hụt",
        "Mức chỉ tiêu",
        "Kết quả",
        "Còn thiếu",
        "Đơn vị (còn thiếu)",
        "Tỷ lệ đạt (%)",
        "Văn bản nguồn",
        "Dòng báo cáo",
    ]
    idx = [SHORTFALL_HEADER.index(c) for c in cols]
    lines = ["# Danh sách thiếu hụt", ""]
    lines += [
        f"> **{vi.unreviewed_note(cf.commune.name, cf.unreviewed_files)}**\n" for cf in result.communes if cf.unreviewed
    ]
    lines += [f"> Chưa kiểm tra: {md('; '.join(result.left_out))}.\n"] if result.left_out else []
    lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in _rows(result):
        cells = [_md(row[i]) for i in idx]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_json(result: AuditResult) -> str:
    keys = [
        "stt",
        "commune_id",
        "commune",
        "rule_id",
        "title",
        "period",
        "kind",
        "target",
        "actual",
        "shortfall",
        "shortfall_unit",
        "achievement_pct",
        "deadline",
        "document",
        "clause",
        "evidence",
        "quote",
        "report_lines",
        "severity",
        "message",
    ]
    rows = [dict(zip(keys, row, strict=True)) for row in _rows(result)]
    return (
        json.dumps(
            {
                "schema": "chitieu.shortfalls/1",
                "engine_version": __version__,
                "header": SHORTFALL_HEADER,
                "rows": rows,
                "not_checked": result.left_out,  # communes read but left out, each with why
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
