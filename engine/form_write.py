"""Writing the reporting form (`chitieu form`): an XLSX workbook a commune fills in, built from the catalogue.

The layout (sheets, columns, periods) is chitieu.form's; this module only lays it out in openpyxl — cell styles,
Excel data validation (numbers in the indicator's range, Có/Không, the level labels, dates), sheet protection with
the input cells unlocked, hidden key columns, print setup — and saves it reproducibly.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable, Literal, Optional

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from . import __version__, vi
from .catalogue import Catalogue
from .form import (
    MAIN_INPUTS,
    BASES,
    BLOCK,
    BOUNDS,
    CLAIMS,
    DOCUMENT_KINDS,
    HEADER_ROWS,
    HEADER_SIDES,
    INSTRUCTIONS,
    ITEM,
    ITEM_COLUMNS,
    ITEM_ROWS,
    ITEMS,
    LISTS,
    MAIN,
    MAIN_COLUMNS,
    NO,
    SCHEMA,
    YES,
    ICOL,
    Line,
    M,
    Section,
    Slot,
    layout,
)
from .model import Commune, Indicator
from .reporters._xlsx import workbook_bytes

FONT = "Times New Roman"
THIN = Side(style="thin", color="808080")
BOX = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
GREY = PatternFill("solid", fgColor="D9D9D9")  # headers
SECTION = PatternFill("solid", fgColor="DDEBF7")  # a plan's heading
INPUT = PatternFill("solid", fgColor="FFFDE7")  # where to type
NOT_USED = PatternFill("solid", fgColor="EFEFEF")  # cells that do not apply to the row
UNLOCKED = Protection(locked=False)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
DATE_FORMAT = "dd/mm/yyyy"
TEXT_FORMAT = "@"
POINTS_PER_LINE = 15.0


@dataclass
class FormSpec:
    """What a form is made for."""

    commune: Commune
    documents: list[str]  # document ids, in catalogue order
    years: Optional[set[int]]  # None: every year of the plans
    issuer: Optional[str] = None


def _font(**kw) -> Font:
    return Font(name=FONT, size=kw.pop("size", 11), **kw)


def _height(text: object, width: float, *, size: int = 11) -> float:
    """A row height that shows ``text`` wrapped in a column ``width`` characters wide (LibreOffice and Excel do not
    grow rows written by openpyxl)."""
    per_line = max(width * (11 / size) * 1.3 - 2, 1)
    lines = sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))
    return max(1, lines) * POINTS_PER_LINE * size / 11 + 3


class _Validations:
    """One data validation per distinct rule of input, each covering all the cells it applies to."""

    def __init__(self, ws: Worksheet):
        self.ws = ws
        self.by_key: dict[tuple, DataValidation] = {}

    def add(self, cell: str, key: tuple, make) -> None:
        dv = self.by_key.get(key)
        if dv is None:
            dv = self.by_key[key] = make()
            self.ws.add_data_validation(dv)
        dv.add(cell)


def _dv(
    kind: Literal["whole", "decimal", "list", "date", "time", "textLength", "custom"],
    *,
    formula1: str,
    formula2: Optional[str] = None,
    operator: Optional[
        Literal[
            "between",
            "notBetween",
            "equal",
            "notEqual",
            "lessThan",
            "lessThanOrEqual",
            "greaterThan",
            "greaterThanOrEqual",
        ]
    ] = None,
    error: str,
    prompt: str,
    strict: bool = True,
) -> DataValidation:
    return DataValidation(
        type=kind,
        operator=operator,
        formula1=formula1,
        formula2=formula2,
        allow_blank=True,
        showErrorMessage=strict,
        errorTitle="Giá trị không hợp lệ",
        error=error,
        showInputMessage=True,
        promptTitle="Cách điền",
        prompt=prompt,
    )


def _pick(options: Iterable[str], prompt: str) -> DataValidation:
    """A drop-down of fixed choices, held in the rule itself; its error names them: “Chọn “a”, “b” hoặc “c”.”"""
    names = [f"“{o}”" for o in options]
    said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " hoặc " + names[-1]
    return _dv("list", formula1='"' + ",".join(options) + '"', error=f"Chọn {said}.", prompt=prompt)


def _number_text(x: Optional[Decimal]) -> str:
    return vi.number(x, places=4) if x is not None else ""


def _value_rule(ind: Indicator, lists: "_Lists") -> tuple[tuple, Callable[[], DataValidation]]:
    """The data validation of an indicator's value cell (keyed so that equal rules are shared)."""
    lo, hi = ind.lower, ind.upper
    if ind.type == "boolean":
        return ("yesno",), lambda: _pick((YES, NO), f"Chọn “{YES}” hoặc “{NO}”; để trống nếu không có số liệu.")
    if ind.type == "level":
        ref = lists.levels(ind)
        labels = "; ".join(f"“{lv.label}”" for lv in ind.levels or [])
        return ("level", ref), lambda: _dv(
            "list",
            formula1=ref,
            error=f"Chọn một mức trong danh sách: {labels}.",
            prompt="Chọn mức trong danh sách; để trống nếu không có số liệu.",
        )
    whole = ind.type in ("count", "items")
    kind: Literal["whole", "decimal"] = "whole" if whole else "decimal"
    what = "số nguyên" if whole else "số"
    unit = "" if ind.type != "percent" else " (không ghi dấu %)"
    if ind.type == "items":
        prompt = "Số lượng (số nguyên); kê tên từng mục tại Biểu 02. Ghi 0 nếu không có; để trống nếu không có số liệu."
    else:
        prompt = f"Ghi {what}{unit}; để trống nếu không có số liệu (ô trống không phải là 0)."
    if hi is not None:
        return (
            (kind, str(lo), str(hi)),
            lambda: _dv(
                kind,
                operator="between",
                formula1=str(lo if lo is not None else -(10**12)),
                formula2=str(hi),
                error=f"Ghi {what} từ {_number_text(lo)} đến {_number_text(hi)}{unit}.",
                prompt=prompt,
            ),
        )
    if lo is not None:
        return (
            (kind, str(lo)),
            lambda: _dv(
                kind,
                operator="greaterThanOrEqual",
                formula1=str(lo),
                error=f"Ghi {what} từ {_number_text(lo)} trở lên{unit}.",
                prompt=prompt,
            ),
        )
    return (
        (kind,),
        lambda: _dv(
            kind,
            operator="between",
            formula1=str(-(10**12)),
            formula2=str(10**12),
            error=f"Ghi {what}{unit}.",
            prompt=prompt,
        ),
    )


class _Lists:
    """The hidden sheet holding the form's identity and the lists the data validations point at."""

    def __init__(self, wb: Workbook, cat: Catalogue):
        self.ws = wb.create_sheet(LISTS)
        self.ws.sheet_state = "hidden"
        self.ws.protection.sheet = True
        for row, pair in enumerate(
            (
                ("schema", SCHEMA),
                ("catalogue", cat.info.name),
                ("version", f"{cat.version} ({cat.digest})"),
                ("chitieu", __version__),
            ),
            1,
        ):
            self.ws.cell(row, 1, pair[0])
            self.ws.cell(row, 2, pair[1])
        self.next_col = 4
        self.by_values: dict[tuple[str, ...], str] = {}

    def column(self, title: str, values: tuple[str, ...]) -> str:
        ref = self.by_values.get(values)
        if ref is None:
            col = self.next_col
            self.next_col += 1
            self.ws.cell(1, col, title)
            for i, v in enumerate(values, 2):
                self.ws.cell(i, col, v)
            letter = get_column_letter(col)
            ref = self.by_values[values] = f"{quote_sheetname(LISTS)}!${letter}$2:${letter}${len(values) + 1}"
        return ref

    def levels(self, ind: Indicator) -> str:
        return self.column(ind.key, tuple(lv.label for lv in ind.levels or []))


def build_form(cat: Catalogue, spec: FormSpec) -> bytes:
    """The form's bytes: the same catalogue and spec give the same bytes."""
    sections = layout(cat, spec.documents, spec.years)
    wb = Workbook()
    guide = wb.active
    assert isinstance(guide, Worksheet)  # a new workbook opens on one worksheet
    guide.title = INSTRUCTIONS
    main = wb.create_sheet(MAIN)
    items = wb.create_sheet(ITEMS)
    lists = _Lists(wb, cat)
    _write_main(main, cat, spec, sections, lists)
    _write_items(items, cat, spec, sections, lists)
    _write_guide(guide, cat, spec, sections)
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    return workbook_bytes(wb)


def _style_header_row(ws: Worksheet, row: int, columns) -> None:
    for i, col in enumerate(columns, 1):
        cell = ws.cell(row, i, col.header)
        cell.font = _font(bold=True)
        cell.fill = GREY
        cell.alignment = CENTER
        cell.border = BOX
        ws.column_dimensions[get_column_letter(i)].width = col.width
        if col.hidden:
            ws.column_dimensions[get_column_letter(i)].hidden = True
    ws.row_dimensions[row].height = max(_height(c.header, c.width) for c in columns if not c.hidden)
    visible = [c for c in columns if not c.hidden]
    for i, _ in enumerate(visible, 1):
        cell = ws.cell(row + 1, i, f"({i})")
        cell.font = _font(italic=True, size=10)
        cell.alignment = CENTER
        cell.border = BOX


def _title(
    ws: Worksheet, row: int, text: str, width_cols: int, *, size: int = 13, bold: bool = True, italic: bool = False
) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width_cols)
    cell = ws.cell(row, 1, text)
    cell.font = _font(bold=bold, italic=italic, size=size)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _protect(ws: Worksheet, *, insert_rows: bool = False) -> None:
    p = ws.protection
    p.sheet = True
    p.formatColumns = False  # False = allowed: widen a column, resize a row
    p.formatRows = False
    p.insertRows = not insert_rows
    p.deleteRows = True
    p.selectLockedCells = False
    p.selectUnlockedCells = False


def _plan_heading(doc) -> str:
    return f"{doc.kind} số {doc.number} ngày {vi.date(doc.date)} của {doc.issuer}: {doc.title}"


def _write_main(ws: Worksheet, cat: Catalogue, spec: FormSpec, sections: list[Section], lists: _Lists) -> None:
    visible = sum(1 for c in MAIN_COLUMNS if not c.hidden)
    _title(ws, 1, "BIỂU 01. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH", visible, size=14)
    _title(
        ws,
        2,
        f"(Kèm theo báo cáo của {spec.commune.name}; cách điền xem trang “{INSTRUCTIONS}”)",
        visible,
        size=11,
        bold=False,
        italic=True,
    )
    dvs = _Validations(ws)
    row = 3
    prefill: dict[tuple[str, ...], Optional[str | dt.date]] = {
        ("commune", "id"): spec.commune.id,
        ("commune", "name"): spec.commune.name,
        ("commune", "district"): spec.commune.district,
        ("commune", "province"): spec.commune.province,
        ("report", "issuer"): spec.issuer or f"UBND {spec.commune.name}",
        ("commune", "predecessors"): "; ".join(p.name for p in spec.commune.predecessors) or None,
        ("commune", "merged_on"): _merged_on(spec.commune),
    }
    for pair in HEADER_ROWS:
        for f, ((l1, l2), (v1, v2)) in zip(pair, HEADER_SIDES, strict=False):
            _header_field(ws, dvs, row, f, (l1, l2), (v1, v2), prefill.get(f.path))
        ws.cell(row, M["key"], " ".join(f.key for f in pair))
        ws.row_dimensions[row].height = 32 if any(f.path == ("report", "title") for f in pair) else 18
        row += 1
    row += 1
    header_row = row
    _style_header_row(ws, header_row, MAIN_COLUMNS)
    first = header_row + 2
    row = first
    n = 0
    for si, sec in enumerate(sections):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=visible)
        cell = ws.cell(row, 1, f"{_roman(si + 1)}. {_plan_heading(sec.document)}")
        cell.font = _font(bold=True)
        cell.fill = SECTION
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[row].height = _height(cell.value, sum(c.width for c in MAIN_COLUMNS[:visible]))
        row += 1
        for line in sec.lines:
            n += 1
            row = _write_line(ws, row, n, line, dvs, lists)
    last = row - 1
    ws.freeze_panes = ws.cell(first, M["name"] + 1).coordinate
    ws.print_title_rows = f"{header_row}:{header_row + 1}"
    ws.print_area = f"A1:{get_column_letter(visible)}{last}"
    _page(ws)
    _protect(ws)


def _merged_on(commune: Commune) -> Optional[dt.date]:
    """The day the merged unit began: the day after its predecessors' last (when they all end on one day)."""
    ends = {p.until for p in commune.predecessors}
    end = ends.pop() if len(ends) == 1 else None
    return end + dt.timedelta(days=1) if end else None


def _table_row(ws: Worksheet, row: int, columns, index: dict[str, int], number: int) -> dict:
    """The cells of one row of a table, by column name, styled and numbered (STT)."""
    cells = {name: ws.cell(row, i) for name, i in index.items()}
    for name, cell in cells.items():
        cell.font = _font()
        cell.alignment = WRAP_TOP
        if not columns[index[name] - 1].hidden:
            cell.border = BOX
    cells["stt"].value = number
    cells["stt"].alignment = Alignment(horizontal="center", vertical="top")
    return cells


def _header_field(
    ws: Worksheet,
    dvs: _Validations,
    row: int,
    f,
    label_cols: tuple[int, int],
    value_cols: tuple[int, int],
    prefill: Optional[str | dt.date],
) -> None:
    if label_cols[1] > label_cols[0]:
        ws.merge_cells(start_row=row, start_column=label_cols[0], end_row=row, end_column=label_cols[1])
    ws.merge_cells(start_row=row, start_column=value_cols[0], end_row=row, end_column=value_cols[1])
    label = ws.cell(row, label_cols[0], f"{f.label}:")
    label.font = _font(bold=True)
    label.alignment = Alignment(vertical="center", horizontal="right", wrap_text=True, indent=1)
    value = ws.cell(row, value_cols[0], prefill)
    value.font = _font()
    value.alignment = Alignment(vertical="center", horizontal="left", wrap_text=True, indent=1)
    for c in range(value_cols[0], value_cols[1] + 1):
        ws.cell(row, c).border = BOX
        ws.cell(row, c).fill = NOT_USED if f.locked else INPUT
    if not f.locked:
        value.protection = UNLOCKED
    # a month typed as "10/2024" in a date cell would become 01/10/2024: that cell keeps what is typed, as text
    value.number_format = DATE_FORMAT if f.kind == "date" else TEXT_FORMAT
    if f.kind == "date":
        dvs.add(
            value.coordinate,
            ("header-date", f.key),
            lambda: _dv(
                "date",
                operator="between",
                formula1="32874",
                formula2="73050",
                error="Ghi ngày dạng ngày/tháng/năm, ví dụ 31/10/2024.",
                prompt=f.hint,
            ),
        )
    else:  # a prompt only: any value is accepted, the reader checks it
        dvs.add(
            value.coordinate,
            ("header", f.key),
            lambda: DataValidation(allow_blank=True, showInputMessage=True, promptTitle=f.label, prompt=f.hint),
        )


def _write_line(ws: Worksheet, row: int, n: int, line: Line, dvs: _Validations, lists: _Lists) -> int:
    ind = line.indicator
    start = row
    numeric = ind.type in ("count", "number", "percent")
    unit = ind.unit or ""
    if ind.type == "items":
        unit = f"{unit} (kê tại {ITEMS})".strip()
    # the row's title, and under it what the chosen plans ask of it: the figure the commune reports against
    title = ind.name + (f"\n(Kế hoạch: {'; '.join(line.targets)})" if line.targets else "")
    for slot in line.slots:
        cells = _table_row(ws, row, MAIN_COLUMNS, M, n)
        cells["name"].value = title
        cells["period_label"].value = slot.label
        cells["unit"].value = unit
        cells["key"].value = ind.key
        cells["period"].value = slot.key
        inputs = ["value", "claim", "basis", "awaiting", "note"]
        if numeric:
            inputs.append("bound")
        if ind.type != "items":
            inputs += ["doc_kind", "doc_number", "doc_date", "doc_issuer"]
        for name in MAIN_INPUTS:
            cell = cells[name]
            if name in inputs:
                cell.protection = UNLOCKED
                cell.fill = INPUT
            else:
                cell.fill = NOT_USED
        value = cells["value"]
        key, make = _value_rule(ind, lists)
        dvs.add(value.coordinate, key, make)
        value.number_format = "0" if ind.type in ("count", "items") else "General"
        if numeric:
            dvs.add(
                cells["bound"].coordinate,
                ("bound",),
                lambda: _pick(
                    BOUNDS, "Khi báo cáo chỉ nêu cận, ví dụ “trên 50%”: ghi 50 ở cột Số liệu và chọn “trên” ở đây."
                ),
            )
        dvs.add(
            cells["claim"].coordinate,
            ("claim",),
            lambda: _pick(
                CLAIMS, "Chỉ dùng khi báo cáo nêu đạt/không đạt mà không có số liệu; khi đó để trống cột Số liệu."
            ),
        )
        dvs.add(
            cells["basis"].coordinate,
            ("basis",),
            lambda: _pick(
                BASES,
                "“Tự đánh giá”: số liệu do xã tự nhận định, chưa có số liệu thống kê, kiểm đếm. Để trống = thống kê.",
            ),
        )
        dvs.add(
            cells["awaiting"].coordinate,
            ("yesno-awaiting",),
            lambda: _pick((YES, NO), "“Có” khi kết quả đang chờ cấp trên thẩm định, công nhận."),
        )
        if ind.type != "items":
            _document_cells(ws, cells, dvs, lists)
        row += 1
    # Data rows get no fixed height: Excel and LibreOffice fit a row to what is typed in it. A name over several
    # periods is merged; when it needs more lines than its rows give, the rows are made tall enough.
    rows = row - start
    if rows > 1:
        for name in ("stt", "name", "unit"):
            ws.merge_cells(start_row=start, start_column=M[name], end_row=row - 1, end_column=M[name])
    need = max(_height(title, MAIN_COLUMNS[M["name"] - 1].width), _height(unit, MAIN_COLUMNS[M["unit"] - 1].width))
    if need > rows * (POINTS_PER_LINE + 3):
        for r in range(start, row):
            ws.row_dimensions[r].height = need / rows
    return row


def _document_cells(ws: Worksheet, cells: dict, dvs: _Validations, lists: _Lists) -> None:
    ref = lists.column("loai_van_ban", DOCUMENT_KINDS)
    dvs.add(
        cells["doc_kind"].coordinate,
        ("doc_kind",),
        lambda: _dv("list", formula1=ref, error="", prompt="Chọn loại văn bản hoặc ghi loại khác.", strict=False),
    )
    cells["doc_number"].number_format = TEXT_FORMAT
    cells["doc_date"].number_format = DATE_FORMAT
    dvs.add(
        cells["doc_date"].coordinate,
        ("date",),
        lambda: _dv(
            "date",
            operator="between",
            formula1="32874",
            formula2="73050",
            error="Ghi ngày dạng ngày/tháng/năm, ví dụ 03/4/2024.",
            prompt="Ngày/tháng/năm, ví dụ 03/4/2024.",
        ),
    )
    cells["doc_issuer"].number_format = TEXT_FORMAT


def _write_items(ws: Worksheet, cat: Catalogue, spec: FormSpec, sections: list[Section], lists: _Lists) -> None:
    visible = sum(1 for c in ITEM_COLUMNS if not c.hidden)
    _title(ws, 1, "BIỂU 02. DANH SÁCH MÔ HÌNH, TỔ CHỨC ĐƯỢC KÊ TRONG BÁO CÁO", visible, size=14)
    _title(
        ws,
        2,
        f"(Kèm theo báo cáo của {spec.commune.name}; mỗi mô hình, tổ chức ghi một dòng, trong khối của chỉ "
        "tiêu và kỳ tương ứng; thiếu dòng thì chèn thêm dòng ngay trong khối)",
        visible,
        size=11,
        bold=False,
        italic=True,
    )
    ws.row_dimensions[2].height = 32
    header_row = 4
    _style_header_row(ws, header_row, ITEM_COLUMNS)
    row = header_row + 2
    dvs = _Validations(ws)
    blocks = [
        (line, slot) for sec in sections for line in sec.lines if line.indicator.type == "items" for slot in line.slots
    ]
    if not blocks:
        _title(
            ws,
            row,
            "(Các kế hoạch đã chọn không có chỉ tiêu nào cần kê danh sách.)",
            visible,
            size=11,
            bold=False,
            italic=True,
        )
        row += 1
    for b, (line, slot) in enumerate(blocks, 1):
        ind = line.indicator
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=visible)
        cell = ws.cell(row, 1, f"{b}. {ind.name} — {slot.label}")
        cell.font = _font(bold=True)
        cell.fill = SECTION
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[row].height = 20
        ws.cell(row, ICOL["key"], ind.key)
        ws.cell(row, ICOL["period"], slot.key)
        ws.cell(row, ICOL["row"], BLOCK)
        row += 1
        for k in range(1, ITEM_ROWS + 1):
            cells = _table_row(ws, row, ITEM_COLUMNS, ICOL, k)
            for name in ("name", "doc_kind", "doc_number", "doc_date", "doc_issuer", "owner", "note"):
                cells[name].protection = UNLOCKED
                cells[name].fill = INPUT
            cells["name"].number_format = TEXT_FORMAT
            cells["owner"].number_format = TEXT_FORMAT
            _document_cells(ws, cells, dvs, lists)
            cells["key"].value = ind.key
            cells["period"].value = slot.key
            cells["row"].value = ITEM
            row += 1
    ws.freeze_panes = ws.cell(header_row + 2, 1).coordinate
    ws.print_title_rows = f"{header_row}:{header_row + 1}"
    ws.print_area = f"A1:{get_column_letter(visible)}{row - 1}"
    _page(ws)
    _protect(ws, insert_rows=True)


def _page(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]  # stubs: always set by openpyxl
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P/&N"  # type: ignore[union-attr]  # stubs: always set by openpyxl


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


# --------------------------------------------------------------------------------------------------- instructions


def _example_lines(sections: list[Section]) -> list[tuple[str, str, str]]:
    """Worked examples, one per kind of row the form holds, on the form's own indicators."""
    seen: dict[str, tuple[Line, Slot]] = {}
    for sec in sections:
        for line in sec.lines:
            if line.indicator.type not in seen:
                seen[line.indicator.type] = (line, line.slots[0])
    out: list[tuple[str, str, str]] = []
    for kind, (line, slot) in seen.items():
        ind = line.indicator
        where = f"Dòng “{ind.name}”, {slot.label.lower()}"
        if kind == "count":
            out.append(
                (
                    where,
                    f"Báo cáo nêu “05 {ind.unit or ''}”".replace(" ”", "”"),
                    "Số liệu: 5 (chỉ ghi số, không ghi đơn vị). Nếu kết quả là không có, ghi 0.",
                )
            )
        elif kind == "percent":
            out.append(
                (
                    where,
                    "Báo cáo viết “đạt trên 50%”",
                    "Số liệu: 50; Trên / dưới: “trên”. Báo cáo nêu đúng một số, ví dụ 62,5%: Số liệu 62,5 "
                    "(không ghi dấu %).",
                )
            )
        elif kind == "number":
            out.append((where, "Báo cáo nêu một con số", "Số liệu: con số đó, không kèm đơn vị."))
        elif kind == "boolean":
            out.append(
                (
                    where,
                    "Báo cáo viết “đã ban hành kế hoạch số 57/KH-UBND ngày 25/02/2022”",
                    f"Số liệu: “{YES}”; Văn bản căn cứ: Kế hoạch, 57/KH-UBND, 25/02/2022, UBND xã. "
                    f"Báo cáo viết “chưa …”: Số liệu “{NO}”.",
                )
            )
        elif kind == "level":
            labels = ", ".join(f"“{lv.label}”" for lv in ind.levels or [])
            out.append(
                (
                    where,
                    "Báo cáo nêu mức đạt được",
                    f"Số liệu: chọn một mức trong danh sách ({labels}). Nếu là tự đánh giá, chưa được thẩm "
                    f"định: Nguồn số liệu “Tự đánh giá”, Chờ thẩm định “{YES}”.",
                )
            )
        elif kind == "items":
            out.append(
                (
                    where,
                    "Báo cáo viết “thành lập 02 mô hình: A (Quyết định số 113/QĐ-UBND ngày 03/4/2024), B”",
                    f"{MAIN}: Số liệu 2. {ITEMS}: trong khối “{ind.name} — {slot.label}”, dòng 1: tên A, "
                    "Quyết định, 113/QĐ-UBND, 03/4/2024; dòng 2: tên B (không có quyết định thì để trống).",
                )
            )
    out.append(
        (
            "Mọi dòng",
            "Báo cáo nêu “hoàn thành 100% chỉ tiêu” mà không có số liệu",
            "Để trống Số liệu; Đạt / Không đạt: “Đạt”. Chương trình ghi nhận đây là khẳng định, "
            "chưa có số liệu kiểm chứng.",
        )
    )
    return out


def _write_guide(ws: Worksheet, cat: Catalogue, spec: FormSpec, sections: list[Section]) -> None:
    widths = (22, 34, 46)
    for col, width in zip("ABC", widths, strict=False):
        ws.column_dimensions[col].width = width
    plans = "; ".join(
        f"{s.document.kind} số {s.document.number} ngày {vi.date(s.document.date)} của {s.document.issuer}"
        for s in sections
    )
    years = sorted({s.year for sec in sections for line in sec.lines for s in line.slots if s.kind == "year"})
    paragraphs = [
        ("title", "HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU"),
        ("sub", f"{spec.commune.name} — mã xã {spec.commune.id}"),
        ("head", "1. Biểu mẫu này dùng để làm gì"),
        (
            "text",
            f"Biểu mẫu liệt kê các chỉ tiêu của: {plans}. "
            + (f"Các năm: {', '.join(map(str, years))}. " if years else "")
            + "Số liệu điền vào biểu được chương trình chitieu đọc lại để đối chiếu với chỉ tiêu kế hoạch; "
            "mỗi số liệu được dẫn theo ô của biểu (ví dụ “Biểu 01!E20”).",
        ),
        ("head", "2. Thông tin chung (đầu Biểu 01)"),
        (
            "text",
            "Điền tên báo cáo, số và ngày báo cáo, ngày tính số liệu (“Số liệu tính đến ngày”), ngày bắt đầu kỳ "
            "báo cáo và cơ quan báo cáo vào các ô nền vàng. Đơn vị thành lập do sắp xếp đơn vị hành chính ghi thêm "
            "các đơn vị cũ hợp thành (kèm loại đơn vị, cách nhau bởi dấu chấm phẩy) và ngày sắp xếp có hiệu lực: "
            "kết quả và kế hoạch của các đơn vị cũ được tính cho đơn vị mới. Không sửa “Mã đơn vị”. Ngày ghi dạng "
            "ngày/tháng/năm.",
        ),
        ("head", f"3. Cách điền {MAIN}"),
        (
            "text",
            "Mỗi dòng là một chỉ tiêu trong một kỳ: “Năm …” là kết quả riêng của năm đó; “Lũy kế từ năm …” là "
            "tổng cộng từ năm đó đến ngày tính số liệu; “Tại thời điểm báo cáo” là tình trạng tại ngày tính số "
            "liệu. Chỉ điền vào các ô nền vàng; ô nền xám không dùng cho dòng đó.",
        ),
        (
            "text",
            "• Số liệu: chỉ ghi số (không ghi đơn vị, không ghi dấu %), hoặc chọn trong danh sách (Có/Không, "
            "các mức đạt chuẩn).\n"
            "• Trên / dưới: khi báo cáo chỉ nêu cận, ví dụ “trên 50%”, ghi 50 ở cột Số liệu và chọn “trên”.\n"
            "• Đạt / Không đạt: chỉ dùng khi báo cáo không có số liệu; khi đó để trống cột Số liệu.\n"
            "• Nguồn số liệu: chọn “Tự đánh giá” khi kết quả do xã tự nhận định, chưa có số liệu thống kê.\n"
            "• Chờ thẩm định, công nhận: chọn “Có” khi kết quả đang chờ cấp trên thẩm định.\n"
            "• Văn bản căn cứ: loại, số, ngày ban hành và cơ quan ban hành của văn bản chứng minh kết quả "
            "(kế hoạch, quyết định, thông báo…).\n"
            "• Ghi chú: giải thích thêm nếu cần.",
        ),
        ("head", "4. Ô để trống"),
        (
            "text",
            "Ô Số liệu để trống nghĩa là KHÔNG CÓ SỐ LIỆU; chương trình không hiểu ô trống là 0. Khi kết quả "
            "thực sự bằng 0 (ví dụ năm đó không thành lập mô hình nào), ghi số 0. Dòng để trống hoàn toàn được "
            "bỏ qua.",
        ),
        ("head", f"5. Cách điền {ITEMS}"),
        (
            "text",
            f"Kê từng mô hình, tổ chức trên một dòng, trong khối của đúng chỉ tiêu và kỳ. Có quyết định thành lập "
            f"hoặc công nhận thì ghi loại, số, ngày và cơ quan ban hành. Cột “Do tổ chức khác thành lập” chỉ ghi khi mô hình "
            f"do tổ chức khác (Đoàn Thanh niên, Hội Phụ nữ…) thành lập theo quyết định của tổ chức đó, không do "
            f"UBND {spec.commune.unit_kind} công nhận; mô hình của {spec.commune.unit_kind} do một đoàn thể chủ trì "
            f"thực hiện thì để trống. Thiếu dòng thì "
            f"chèn thêm dòng ngay trong "
            f"khối (nhấp phải vào số dòng → Chèn dòng). Số lượng ghi ở {MAIN} (nếu có) phải bằng số dòng đã kê.",
        ),
        ("head", "6. Những điều không làm"),
        (
            "text",
            "Không sửa các ô bị khóa, không hiện hoặc sửa các cột ẩn (mã chỉ tiêu, mã kỳ), không đổi tên, thêm "
            "hoặc xóa trang. Không dùng công thức trong ô Số liệu: nếu đã dùng, lưu tệp bằng Excel hoặc "
            "LibreOffice để tệp có giá trị đã tính. Khi cần biểu mẫu mới, dùng lệnh `chitieu form`.",
        ),
        ("head", "7. Ví dụ"),
    ]
    row = 1
    for kind, text in paragraphs:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        cell = ws.cell(row, 1, text)
        if kind == "title":
            cell.font = _font(bold=True, size=14)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            ws.row_dimensions[row].height = 24
        elif kind == "sub":
            cell.font = _font(italic=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            ws.row_dimensions[row].height = 18
        elif kind == "head":
            cell.font = _font(bold=True, size=12)
            cell.alignment = Alignment(vertical="bottom")
            ws.row_dimensions[row].height = 21
        else:
            cell.font = _font()
            cell.alignment = WRAP_TOP
            ws.row_dimensions[row].height = _height(text, sum(widths))
        row += 1
    for i, head in enumerate(("Dòng", "Báo cáo viết", "Điền vào biểu"), 1):
        cell = ws.cell(row, i, head)
        cell.font = _font(bold=True)
        cell.fill = GREY
        cell.border = BOX
        cell.alignment = CENTER
    row += 1
    for example in _example_lines(sections):
        for i, text in enumerate(example, 1):
            cell = ws.cell(row, i, text)
            cell.font = _font()
            cell.alignment = WRAP_TOP
            cell.border = BOX
        ws.row_dimensions[row].height = max(_height(t, w) for t, w in zip(example, widths, strict=False))
        row += 1
    row += 1
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    cell = ws.cell(
        row,
        1,
        "Sau khi điền: lưu tệp (giữ định dạng .xlsx) và gửi lại. Kiểm tra trước khi gửi: "
        "`chitieu check bieu-mau.xlsx`; chuyển thành tệp số liệu: `chitieu facts import "
        "bieu-mau.xlsx -o so-lieu.yaml`.",
    )
    cell.font = _font(italic=True)
    cell.alignment = WRAP_TOP
    ws.row_dimensions[row].height = _height(cell.value, sum(widths))
    ws.print_area = f"A1:C{row}"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]  # stubs: always set by openpyxl
    ws.protection.sheet = True
