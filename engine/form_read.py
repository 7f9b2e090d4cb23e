"""Reading a filled reporting form: the workbook becomes the document a fact file gives (chitieu.yamlsrc.YamlDoc).

The document's ``data`` is shaped exactly as a fact file (schema chitieu.facts/1: commune, report, facts) and its
marks are the cells each value was read from, so chitieu.facts validates and checks a form with the code it uses
for YAML and locates every error at a cell (``bieu-mau.xlsx:Biểu 01!E14``). Each fact's ``source`` cites its cell.

This module only turns cells into values: a number cell into a number, "Có" into true, a level's label into its
key, a date into YYYY-MM-DD. What it cannot turn into a value (a text in a number cell, a label not in the list) is
an error at the cell; everything else — ranges, types against the indicator, unknown keys, periods after the
report — is judged by chitieu.facts. It also checks what only a form has: the key columns, duplicated rows, periods
the plans do not have, the item count of Biểu 01 against the list of Biểu 02.

A workbook is read defensively: a size cap before unzipping, a cap on rows, no formula ever evaluated (a formula's
saved result is read; without one the cell is an error).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

from . import vi
from .catalogue import Catalogue
from .diagnostics import Diagnostic, Diagnostics, InputError, Level, column_letter
from .form import (
    BASES,
    BLOCK,
    BOUNDS,
    CLAIMS,
    DOC_FIELDS,
    HEADER_BY_KEY,
    HEADER_SIDES,
    ICOL,
    ITEM_COLUMNS,
    ITEM_INPUTS,
    ITEMS,
    KEY_HEADER,
    LISTS,
    M,
    MAIN,
    MAIN_COLUMNS,
    MAIN_INPUTS,
    NO,
    PERIOD_HEADER,
    SCHEMA,
    YES,
    HeaderField,
    Slot,
    cell_ref,
    form_slots,
    parse_slot,
)
from .inputs import require_regular
from .model import Indicator
from .yamlsrc import flow as _q
from .yamlsrc import YamlDoc

MAX_FILE_BYTES = 20 * 1024 * 1024  # the .xlsx as stored
MAX_UNZIPPED_BYTES = 60 * 1024 * 1024  # all its parts unpacked (a zip bomb stops here, before any parsing)
MAX_PARTS = 500
MAX_SHEET_BYTES = 8 * 1024 * 1024  # one sheet unpacked: a form's is well under 1 MB
MAX_ROWS = 5000  # rows per sheet: a form has a few hundred
HEADER_SEARCH = 40  # the table header is within the first rows

FACT_SCHEMA = "chitieu.facts/1"


def _err(path: Path, code: str, message: str, *, sheet: str = "", row: int = 1, col: int = 1) -> InputError:
    return InputError([Diagnostic(str(path), row, col, code, message, "error", sheet)])


@dataclass
class Cell:
    value: Any
    fmt: str = "General"
    formula: bool = False


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]  # rows[0] is row 1

    def cell(self, row: int, col: int) -> Cell:
        r = self.rows[row - 1] if 0 < row <= len(self.rows) else []
        return r[col - 1] if 0 < col <= len(r) else Cell(None)


# --------------------------------------------------------------------------------------------------- the workbook

_TAG = re.compile(rb"<(sheet|Relationship)\b([^>]*)>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")


def _sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Zip part → sheet name, read from the workbook's own small index (for locating a sheet that is too big)."""
    try:
        text = z.read("xl/workbook.xml")[:1_000_000] + z.read("xl/_rels/workbook.xml.rels")[:1_000_000]
    except KeyError:
        return {}
    names, targets = {}, {}
    for tag, attrs in _TAG.findall(text):
        a = {k.decode().split(":")[-1]: html.unescape(v.decode("utf-8", "replace")) for k, v in _ATTR.findall(attrs)}
        if tag == b"sheet" and "id" in a and "name" in a:
            names[a["id"]] = a["name"]
        elif tag == b"Relationship" and "Id" in a and "Target" in a:
            targets[a["Id"]] = a["Target"]
    out = {}
    for rid, name in names.items():
        target = targets.get(rid, "").lstrip("/")
        out[target if target.startswith("xl/") else "xl/" + target] = name
    return out


def _check_zip(path: Path) -> None:
    """Refuse what would take long to read, before any XML is parsed: the file's size, its unpacked size (a zip
    bomb), a sheet's unpacked size and its number of rows (a sheet of a million rows)."""
    require_regular(path, what="workbook")  # a FIFO named .xlsx would make zipfile wait for a writer
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _err(path, "io", f"cannot read the file: {exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise _err(path, "form-too-large", f"the workbook is {size:,} bytes; a form is at most {MAX_FILE_BYTES:,}")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > MAX_PARTS:
                raise _err(path, "form-too-large", f"the workbook has {len(infos):,} parts; a form has a few dozen")
            unzipped = sum(i.file_size for i in infos)
            if unzipped > MAX_UNZIPPED_BYTES:
                raise _err(
                    path,
                    "form-too-large",
                    f"the workbook unpacks to {unzipped:,} bytes; a form unpacks to "
                    f"at most {MAX_UNZIPPED_BYTES:,} (is it a zip bomb?)",
                )
            sheets = _sheet_parts(z)
            for info in infos:
                if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                    continue
                name = sheets.get(info.filename, "")
                shown = f"the sheet '{name}'" if name else f"the part {info.filename}"
                if info.file_size > MAX_SHEET_BYTES:
                    raise _err(
                        path,
                        "form-too-large",
                        f"{shown} unpacks to {info.file_size:,} bytes; a form's sheet "
                        f"is at most {MAX_SHEET_BYTES:,} (does it hold a million rows?)",
                        sheet=name,
                    )
                rows = len(_ROW.findall(z.read(info.filename)))
                if rows > MAX_ROWS:
                    raise _err(
                        path,
                        "form-too-large",
                        f"{shown} has {rows:,} rows; a form has a few hundred, at most "
                        f"{MAX_ROWS:,} (rows below the table may hold stray data: delete them)",
                        sheet=name,
                        row=MAX_ROWS + 1,
                    )
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
        raise _err(
            path,
            "form-invalid",
            "the file is not an XLSX workbook (an .xlsx file is a zip archive; this one "
            f"cannot be opened: {exc}); save the form from Excel or LibreOffice as .xlsx",
        ) from exc


def _open(path: Path, *, data_only: bool):
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken workbook
        raise _err(
            path,
            "form-invalid",
            f"the workbook cannot be read ({type(exc).__name__}: {exc}); "
            "save the form again from Excel or LibreOffice as .xlsx",
        ) from exc


def _read_sheet(path: Path, wb, name: str, ncols: int, *, max_rows: int = MAX_ROWS, peek: bool = False) -> Sheet:
    rows: list[list[Cell]] = []
    try:
        for cells in wb[name].iter_rows(max_col=ncols):
            if len(rows) >= max_rows:
                if peek:
                    break
                raise _err(
                    path,
                    "form-too-large",
                    f"the sheet has more than {max_rows:,} rows; a form has a few "
                    "hundred (rows below the table may hold stray data: delete them)",
                    sheet=name,
                    row=max_rows + 1,
                )
            rows.append(
                [
                    Cell(
                        getattr(c, "value", None),
                        getattr(c, "number_format", None) or "General",
                        getattr(c, "data_type", None) == "f",
                    )
                    for c in cells
                ]
            )
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet fails deep in openpyxl or the XML parser
        raise _err(
            path,
            "form-invalid",
            f"the sheet '{name}' cannot be read ({type(exc).__name__}: {exc}); save the "
            "form again from Excel or LibreOffice as .xlsx",
            sheet=name,
            row=len(rows) + 1,
        ) from exc
    return Sheet(name, rows)


def _not_a_form(path: Path, why: str) -> InputError:
    return _err(
        path,
        "form-invalid",
        (
            f"this workbook is not a chitieu reporting form ({why}): chitieu expected a sheet '{MAIN}' whose table "
            f"header holds the hidden key columns '{KEY_HEADER}' and '{PERIOD_HEADER}' (columns "
            f"{column_letter(M['key'])} and {column_letter(M['period'])}), a sheet '{ITEMS}' and a hidden sheet "
            f"'{LISTS}' naming {SCHEMA}; make a form with `chitieu form`, fill it in and read it back"
        ),
    )


def _load_sheets(path: Path, *, peek: bool = False) -> tuple[Sheet, Optional[Sheet]]:
    """Biểu 01 and Biểu 02 (None if missing); only the top of Biểu 01 when peeking at the header."""
    _check_zip(path)
    wb = _open(path, data_only=False)
    try:
        names = list(wb.sheetnames)
        if MAIN not in names:
            raise _not_a_form(path, f"it has no sheet '{MAIN}'")
        if LISTS in names:
            meta = _read_sheet(path, wb, LISTS, 2, max_rows=2, peek=True)
            schema = meta.cell(1, 2).value
            if schema != SCHEMA and isinstance(schema, str) and schema.startswith("chitieu.form/"):
                raise _err(
                    path,
                    "form-invalid",
                    f"the form is {schema}; this chitieu reads {SCHEMA}: make a new "
                    "form with this version's `chitieu form`",
                    sheet=LISTS,
                    row=1,
                    col=2,
                )
        main = _read_sheet(path, wb, MAIN, len(MAIN_COLUMNS), max_rows=HEADER_SEARCH if peek else MAX_ROWS, peek=peek)
        items = _read_sheet(path, wb, ITEMS, len(ITEM_COLUMNS)) if ITEMS in names and not peek else None
    finally:
        wb.close()
    formulas = [
        (s, r, c)
        for s in (main, items)
        if s
        for r, row in enumerate(s.rows, 1)
        for c, cell in enumerate(row, 1)
        if cell.formula
    ]
    if formulas:
        _saved_results(path, formulas)
    return main, items


def _saved_results(path: Path, formulas: list[tuple[Sheet, int, int]]) -> None:
    """Replace each formula by the result the spreadsheet saved with it (None when it saved none)."""
    wb = _open(path, data_only=True)
    try:
        wanted: dict[str, dict[tuple[int, int], Cell]] = {}
        for sheet, r, c in formulas:
            wanted.setdefault(sheet.name, {})[(r, c)] = sheet.cell(r, c)
        for name, cells in wanted.items():
            last_row = max(r for r, _ in cells)
            last_col = max(c for _, c in cells)
            for r, row in enumerate(wb[name].iter_rows(max_row=last_row, max_col=last_col), 1):
                for c, saved in enumerate(row, 1):
                    if (r, c) in cells:
                        cells[(r, c)].value = getattr(saved, "value", None)
    finally:
        wb.close()


def _header_row(sheet: Sheet, key_col: int, period_col: int) -> Optional[int]:
    for r in range(1, min(len(sheet.rows), HEADER_SEARCH) + 1):
        if (
            _text(sheet.cell(r, key_col).value) == KEY_HEADER
            and _text(sheet.cell(r, period_col).value) == PERIOD_HEADER
        ):
            return r
    return None


def peek_commune(path: Path) -> Optional[str]:
    """The commune id a form's header names (None when blank), reading no more of it than the header."""
    main, _ = _load_sheets(path, peek=True)
    head = _header_row(main, M["key"], M["period"])
    if head is None:
        raise _not_a_form(path, f"sheet '{MAIN}' has no key columns")
    for r in range(1, head):
        for f, col in _header_fields(main, r):
            if f.path == ("commune", "id"):
                value = _text(main.cell(r, col).value)
                return value or None
    return None


def _header_fields(sheet: Sheet, row: int) -> list[tuple[HeaderField, int]]:
    keys = _text(sheet.cell(row, M["key"]).value).split()
    out = []
    for key, (_, (value_col, _)) in zip(keys, HEADER_SIDES, strict=False):
        f = HEADER_BY_KEY.get(key)
        if f is not None:
            out.append((f, value_col))
    return out


# --------------------------------------------------------------------------------------------------- cells → values


class CellError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    return unicodedata.normalize("NFC", str(value)).strip()


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)$")


def _not_a(v: Any, what: str, *, numbers: bool = False) -> None:
    """Refuse a yes/no, a date (and, with ``numbers``, a number) where ``what`` belongs."""
    if isinstance(v, bool):
        raise CellError("wrong-type", f"the cell holds {YES if v else NO} (a yes/no), not {what}")
    if isinstance(v, (dt.date, dt.datetime)):
        raise CellError("wrong-type", f"the cell holds the date {_text(v)}, not {what}")
    if numbers and isinstance(v, (int, float)):
        raise CellError("wrong-type", f"the cell holds the number {_text(v)}, not {what}")


def _number(cell: Cell, *, percent: bool = False) -> Decimal:
    v = cell.value
    _not_a(v, "a number")
    if isinstance(v, (int, float)):
        d = Decimal(str(v))
        if percent and "%" in cell.fmt:  # typed "50%" in a spreadsheet: stored as 0.5
            d *= 100
    else:
        text = _text(v).replace("\u00a0", "").replace(" ", "")
        if percent:
            text = text.removesuffix("%")
        if not _NUMBER.match(text):
            raise CellError(
                "wrong-type",
                f"the cell holds the text '{_text(v)}', not a number; type the number "
                "alone (e.g. 11 or 62,5), without its unit",
            )
        d = Decimal(text.replace(",", "."))
    d = d.normalize()
    return d if d != d.to_integral_value() else Decimal(int(d))


def _plain(d: Decimal) -> int | Decimal:
    return int(d) if d == d.to_integral_value() else d


def _choice(cell: Cell, choices: dict[str, Any], what: str) -> Any:
    text = _text(cell.value)
    folded = _fold(text)
    for label, meaning in choices.items():
        if _fold(label) == folded:
            return meaning
    shown = ", ".join(f"“{c}”" for c in choices)
    raise CellError("invalid-value", f"'{text}' is not {what}; choose one of {shown}")


def _yes_no(cell: Cell) -> bool:
    if isinstance(cell.value, bool):
        return cell.value
    if isinstance(cell.value, (int, float)) and cell.value in (0, 1):
        return bool(cell.value)
    return _choice(cell, {YES: True, NO: False, "Đúng": True, "Sai": False}, f"“{YES}” or “{NO}”")


def _level(cell: Cell, ind: Indicator) -> str:
    levels = {lv.label: lv.key for lv in ind.levels or []}
    text = _fold(_text(cell.value))
    for lv in ind.levels or []:
        if text == lv.key:
            return lv.key
    return _choice(cell, levels, f"a level of '{ind.name}'")


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MY = re.compile(r"^(?:tháng\s*)?(\d{1,2})\s*[/.-]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def _date(cell: Cell, *, month_ok: bool = False) -> str:
    v = cell.value
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    text = _text(v)
    try:
        m = _DMY.match(text)
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        m = _ISO.match(text)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
            if d is not None:
                return dt.date(y, mo, int(d)).isoformat()
            if month_ok:
                dt.date(y, mo, 1)
                return f"{y:04d}-{mo:02d}"
        m = _MY.match(_fold(text))
        if m and month_ok:
            dt.date(int(m.group(2)), int(m.group(1)), 1)
            return f"{int(m.group(2)):04d}-{int(m.group(1)):02d}"
    except ValueError:
        raise CellError("invalid-value", f"'{text}' is not a valid date") from None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        raise CellError(
            "wrong-type",
            f"the cell holds the number {_text(v)}, not a date; write the date as dd/mm/yyyy (e.g. 03/4/2024)",
        )
    extra = " or, when the day is not known yet, mm/yyyy" if month_ok else ""
    raise CellError("invalid-value", f"'{text}' is not a date; write it as dd/mm/yyyy (e.g. 03/4/2024){extra}")


# --------------------------------------------------------------------------------------------------- the document


@dataclass
class _Builder:
    path: Path
    cat: Catalogue
    diags: Diagnostics
    doc: YamlDoc

    def mark(self, loc: tuple, sheet: str, row: int, col: int) -> None:
        self.doc.marks[loc] = (row, col)
        self.doc.sheets[loc] = sheet

    def error(self, sheet: str, row: int, col: int, code: str, message: str, level: Level = "error") -> None:
        self.diags.add(Diagnostic(str(self.path), row, col, code, message, level, sheet))

    def value(self, sheet: Sheet, row: int, col: int, parse, *args, **kw) -> tuple[Any, bool]:
        """The cell's value through ``parse`` (None when blank) and whether it was read without error."""
        cell = sheet.cell(row, col)
        if cell.formula and cell.value is None:
            self.error(
                sheet.name,
                row,
                col,
                "form-formula",
                "the cell holds a formula with no saved result; type "
                "the value itself (chitieu never computes formulas), or save the form in Excel or LibreOffice",
            )
            return None, False
        if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
            return None, True
        try:
            return parse(cell, *args, **kw), True
        except CellError as exc:
            self.error(sheet.name, row, col, exc.code, exc.message)
            return None, False


def _as_text(cell: Cell) -> str:
    return _text(cell.value)


# header cells that hold a name or a title: a number, a date or a yes/no there is a slip, never a name
_NAMES = {
    ("commune", "name"),
    ("commune", "district"),
    ("commune", "province"),
    ("report", "issuer"),
    ("report", "title"),
}


def _as_name(cell: Cell) -> str:
    _not_a(cell.value, "a name; type the name", numbers=True)
    return _text(cell.value)


def _as_units(cell: Cell) -> list[str]:
    """The former units a merged commune names, each with its kind ("xã Tịnh An; xã Tịnh Hà")."""
    _not_a(cell.value, "a name; type the name", numbers=True)
    try:
        return vi.former_units(_text(cell.value))
    except ValueError as exc:
        raise CellError("invalid-value", str(exc)) from None


def _predecessors(b: _Builder, data: dict, names: list[str], merged_on: Optional[str], at: tuple[int, int]) -> None:
    """The former units as the fact file writes them (ids in the commune's province; each ends the day before the
    merger, when its date is given)."""
    if not names:
        if merged_on:
            b.error(
                MAIN,
                *at,
                "missing-key",
                "the merger date is filled in but not the former units; name the units merged into this one, or clear "
                "the date",
            )
        return
    commune = data.setdefault("commune", {})
    cid = commune.get("id") if isinstance(commune.get("id"), str) else ""
    until = {"until": (dt.date.fromisoformat(merged_on) - dt.timedelta(days=1)).isoformat()} if merged_on else {}
    commune["predecessors"] = [{"id": vi.predecessor_id(cid, n), "name": n, **until} for n in names]


def read_form(path: Path, cat: Catalogue, diags: Diagnostics) -> YamlDoc:
    """The form as a fact document; what cannot be read from a cell goes to ``diags`` at that cell (and its row is
    left out), so that one run reports every bad cell. Raises InputError when the workbook is not a form."""
    main, items = _load_sheets(path)
    head = _header_row(main, M["key"], M["period"])
    if head is None:
        raise _not_a_form(path, f"sheet '{MAIN}' has no key columns")
    doc = YamlDoc(path=path, data=None, text="")
    b = _Builder(path, cat, diags, doc)
    data: dict[str, Any] = {"schema": FACT_SCHEMA}
    b.mark(("schema",), MAIN, 1, 1)
    as_of_year = _read_header(b, main, head, data)
    rows = _read_main(b, main, head)
    blocks = _read_items(b, items) if items is not None else {}
    allowed = form_slots(cat)
    facts: list[dict] = []
    seen: dict[tuple[str, str], int] = {}
    for r in rows:
        block = blocks.pop((r.key, r.slot_text), None)
        r.has_data = r.has_data or bool(block and (block.items or block.bad))
        _check_row_key(b, r, allowed, seen)
        fact = _fact_of_row(b, r, block, as_of_year, len(facts))
        if fact is not None:
            facts.append(fact)
    for (key, slot_text), block in blocks.items():  # listed items with no row of Biểu 01 (a changed key or period)
        if block.items or block.bad:
            r = _Row(block.sheet, block.row, key, slot_text, parse_slot(slot_text), {}, has_data=True)
            _check_row_key(b, r, allowed, seen)
            fact = _fact_of_row(b, r, block, as_of_year, len(facts))
            if fact is not None:
                facts.append(fact)
    data["facts"] = facts
    doc.data = data
    b.mark(("facts",), MAIN, head, 1)
    return doc


def _month_end(value: str) -> str:
    """'2024-10' (figures "đến tháng 10/2024") ends its period on 2024-10-31; a full date is its own end."""
    if len(value) != 7:
        return value
    year, month = int(value[:4]), int(value[5:])
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return (first_next - dt.timedelta(days=1)).isoformat()


def _read_header(b: _Builder, main: Sheet, head: int, data: dict) -> Optional[int]:
    as_of_year = None
    units: list[str] = []
    merged_on, merged_at = None, (head, 1)
    for r in range(1, head):
        for f, col in _header_fields(main, r):
            b.mark(f.path, MAIN, r, col)
            b.doc.labels[f.path] = f.label.rstrip(" :")
            parent: dict = data
            for i, part in enumerate(f.path[:-1]):
                if not b.doc.has_mark(f.path[: i + 1]):  # a missing mapping is located at its first field
                    b.mark(f.path[: i + 1], MAIN, r, col)
                parent = parent.setdefault(part, {})
            if f.path == ("commune", "merged_on"):  # not a fact file's key: it dates the predecessors
                merged_on, _ = b.value(main, r, col, _date)
                merged_at = (r, col)
                continue
            if f.kind == "units":
                units = b.value(main, r, col, _as_units)[0] or []
                continue
            if f.kind == "date":
                value, _ = b.value(main, r, col, _date)
            elif f.kind == "month":
                value, _ = b.value(main, r, col, _date, month_ok=True)
            else:
                value, _ = b.value(main, r, col, _as_name if f.path in _NAMES else _as_text)
            if value not in (None, ""):
                parent[f.path[-1]] = value
            if f.path == ("report", "as_of"):
                b.mark(("report", "period", "to"), MAIN, r, col)
                if value:
                    data.setdefault("report", {}).setdefault("period", {})["to"] = _month_end(value)
                    as_of_year = int(value[:4])
    _predecessors(b, data, units, merged_on, merged_at)
    return as_of_year


@dataclass
class _Row:
    sheet: str
    row: int
    key: str
    slot_text: str
    slot: Optional[Slot]
    values: dict[str, Any]  # the parsed input cells that are not blank
    has_data: bool = False
    bad: bool = False  # a cell could not be read


def _read_main(b: _Builder, main: Sheet, head: int) -> list[_Row]:
    out = []
    for r in range(_first_row(main, head), len(main.rows) + 1):
        key = _text(main.cell(r, M["key"]).value)
        slot_text = _text(main.cell(r, M["period"]).value)
        raw = {name: main.cell(r, M[name]) for name in MAIN_INPUTS}
        filled = [n for n, c in raw.items() if c.value is not None and _text(c.value) != "" or c.formula]
        if not key:
            if filled:
                b.error(
                    MAIN,
                    r,
                    M["key"],
                    "form-key-missing",
                    (
                        f"row {r} has values ({', '.join(_header(MAIN_COLUMNS, n) for n in filled)}) but no indicator key "
                        f"in its hidden column {column_letter(M['key'])}: chitieu cannot tell which indicator it is; "
                        "write the values in the indicator's own row (rows are not added to this sheet)"
                    ),
                )
            continue
        out.append(_Row(MAIN, r, key, slot_text, parse_slot(slot_text), {}, has_data=bool(filled)))
    for row in out:
        ind = b.cat.indicators.get(row.key)
        for name in MAIN_INPUTS:
            value, ok = b.value(main, row.row, M[name], _PARSERS[name], ind)
            row.bad |= not ok
            if value is not None:
                row.values[name] = value
    return out


def _first_row(sheet: Sheet, head: int) -> int:
    """The first row below the table header, past the row of column numbers “(1) (2) …”."""
    return head + 2 if _text(sheet.cell(head + 1, 1).value) == "(1)" else head + 1


def _header(columns, name: str) -> str:
    col = next(c for c in columns if c.name == name)
    return f"{col.header} ({column_letter(columns.index(col) + 1)})"


def _parse_value(cell: Cell, ind: Optional[Indicator]) -> Any:
    if ind is None:  # an unknown key: keep what the cell says; chitieu.facts reports the key
        v = cell.value
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return _plain(_number(cell))
        return v if isinstance(v, bool) else _text(v)
    if ind.type == "boolean":
        return _yes_no(cell)
    if ind.type == "level":
        return _level(cell, ind)
    return _plain(_number(cell, percent=ind.type == "percent"))


_PARSERS = {
    "value": _parse_value,
    "bound": lambda c, ind: _choice(c, BOUNDS, "a bound"),
    "claim": lambda c, ind: _choice(c, CLAIMS, "“Đạt” or “Không đạt”"),
    "basis": lambda c, ind: _choice(c, BASES, "a source of the figure"),
    "awaiting": lambda c, ind: _yes_no(c),
    "doc_kind": lambda c, ind: _as_text(c),
    "doc_number": lambda c, ind: _as_text(c),
    "doc_date": lambda c, ind: _date(c),
    "doc_issuer": lambda c, ind: _as_text(c),
    "note": lambda c, ind: _as_text(c),
}


@dataclass
class _Block:
    sheet: str
    row: int
    items: list[tuple[int, dict]] = field(default_factory=list)  # (row, parsed cells)
    bad: bool = False


def _read_items(b: _Builder, items: Sheet) -> dict[tuple[str, str], _Block]:
    head = _header_row(items, ICOL["key"], ICOL["period"])
    if head is None:
        return {}
    blocks: dict[tuple[str, str], _Block] = {}
    current: Optional[_Block] = None
    for r in range(_first_row(items, head), len(items.rows) + 1):
        kind = _text(items.cell(r, ICOL["row"]).value)
        key = _text(items.cell(r, ICOL["key"]).value)
        slot_text = _text(items.cell(r, ICOL["period"]).value)
        if kind == BLOCK:
            current = blocks.setdefault((key, slot_text), _Block(ITEMS, r))
            continue
        cells = {name: items.cell(r, ICOL[name]) for name in ITEM_INPUTS}
        filled = [n for n, c in cells.items() if _text(c.value) != "" or c.formula]
        if not filled:
            continue
        block = current
        if key or slot_text:  # a row copied from another block keeps its own key and period
            block = blocks.setdefault((key, slot_text), _Block(ITEMS, r))
        if block is None:
            b.error(
                ITEMS,
                r,
                ICOL["key"],
                "form-key-missing",
                (
                    f"row {r} lists an item but belongs to no block (no indicator key in its hidden column "
                    f"{column_letter(ICOL['key'])} and no block heading above it); write it inside the block of its "
                    "indicator and period"
                ),
            )
            continue
        parsed: dict[str, Any] = {}
        for name in ITEM_INPUTS:
            parse = _date if name == "doc_date" else _as_text
            value, ok = b.value(items, r, ICOL[name], parse)
            block.bad |= not ok
            if value is not None:
                parsed[name] = value
        block.items.append((r, parsed))
    return blocks


def _check_row_key(b: _Builder, r: _Row, allowed: dict[str, set[Slot]], seen: dict[tuple[str, str], int]) -> None:
    """What only a form can get wrong about a row's key and period (its hidden cells); a row whose key or period
    is wrong is not read."""
    if not r.has_data:
        return
    key_col = M["key"] if r.sheet == MAIN else ICOL["key"]
    period_col = M["period"] if r.sheet == MAIN else ICOL["period"]
    first = seen.get((r.key, r.slot_text))
    if first is not None:
        b.error(
            r.sheet,
            r.row,
            key_col,
            "form-duplicate-row",
            (
                f"this row repeats the indicator '{r.key}' and period '{r.slot_text}' of row {first}; keep one row "
                "for each indicator and period"
            ),
        )
        r.bad = True
        return
    seen[(r.key, r.slot_text)] = r.row
    ind = b.cat.indicators.get(r.key)
    if ind is None:
        return  # chitieu.facts says the key is unknown, at this row's key cell
    if r.slot is None:
        b.error(
            r.sheet,
            r.row,
            period_col,
            "form-period",
            (
                f"the hidden period cell holds '{r.slot_text}', which is not a period of a form (a year such as 2024, "
                "'2023-' for a running total, or 'as_of'); do not edit the hidden columns"
            ),
        )
        r.bad = True
    elif r.slot not in allowed.get(r.key, set()):
        shown = ", ".join(s.label for s in sorted(allowed.get(r.key, set()), key=lambda s: s.order)) or "—"
        b.error(
            r.sheet,
            r.row,
            period_col,
            "form-period",
            (
                f"{r.slot.label.lower()} is outside the plans that read '{r.key}' (its periods: {shown}); "
                "do not edit the hidden columns"
            ),
        )
        r.bad = True


def _document(b: _Builder, values: dict, sheet: str, row: int, cols: dict[str, int], loc: tuple) -> Optional[dict]:
    b.mark(loc, sheet, row, cols["doc_number"])
    for name, key in DOC_FIELDS:
        b.mark(loc + (key,), sheet, row, cols[name])
    doc = {key: values[name] for name, key in DOC_FIELDS if name in values}
    return doc or None


def _fact_of_row(
    b: _Builder, r: _Row, block: Optional[_Block], as_of_year: Optional[int], index: int
) -> Optional[dict]:
    """The fact a row of Biểu 01 (with its items from Biểu 02) gives, None for a blank row or one with errors."""
    ind = b.cat.indicators.get(r.key)
    items_type = ind is not None and ind.type == "items"
    listed = block is not None and bool(block.items)
    v = r.values
    if r.bad or (block is not None and block.bad):
        return None
    if "value" not in v and "claim" not in v and not listed:
        extra = [n for n in v if n not in ("value", "claim")]
        if extra and r.sheet == MAIN:
            b.error(
                MAIN,
                r.row,
                M["value"],
                "form-no-value",
                (
                    f"the row gives {', '.join(_header(MAIN_COLUMNS, n) for n in extra)} but no value and no "
                    "Đạt / Không đạt; it was read as no data"
                ),
                level="warning",
            )
        return None
    base = ("facts", index)
    main = r.sheet == MAIN
    value_col = M["value"] if main else ICOL["name"]
    anchor = value_col if "value" in v or not main or listed else M["claim"]
    slot = r.slot or Slot("year", 0)
    fact: dict[str, Any] = {"indicator": r.key, "period": slot.period(as_of_year) if r.slot else r.slot_text}
    b.mark(base, r.sheet, r.row, anchor)
    b.mark(base + ("indicator",), r.sheet, r.row, M["key"] if main else ICOL["key"])
    b.mark(base + ("period",), r.sheet, r.row, M["period"] if main else ICOL["period"])
    if main:
        for name, key in (
            ("value", "value"),
            ("claim", "claim"),
            ("basis", "basis"),
            ("awaiting", "awaiting_appraisal"),
            ("note", "note"),
        ):
            b.mark(base + (key,), MAIN, r.row, M[name])
    shown = ""
    if items_type and (listed or "value" in v):
        assert ind is not None  # items_type says so
        count = v.get("value")
        found = block.items if block else []
        if count is not None and found and count != len(found):
            b.error(
                MAIN,
                r.row,
                M["value"],
                "form-items-count",
                (
                    f"the row says {count} but {ITEMS} lists {len(found)} in the block “{ind.name} — {slot.label}”; "
                    "make the number and the list agree"
                ),
            )
            return None
        if count and not found:
            b.error(
                MAIN,
                r.row,
                M["value"],
                "form-items-count",
                (
                    f"the row says {count} but {ITEMS} lists none in the block “{ind.name} — {slot.label}”: list each "
                    "one there (its name, and its decision if there is one), or write 0 if there are none"
                ),
            )
            return None
        fact["items"] = [_item(b, base + ("items", j), row, cells) for j, (row, cells) in enumerate(found)]
        if found:
            b.mark(base + ("items",), ITEMS, found[0][0], ICOL["name"])
        else:
            b.mark(base + ("items",), MAIN, r.row, M["value"])
        shown = f"{len(found)} {ind.unit or 'mục'}" + (f" (kê tại {ITEMS})" if found else "")
    elif "value" in v:
        value = v["value"]
        if "bound" in v and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            fact["value"] = {v["bound"]: value}
            b.mark(base + ("value", v["bound"]), MAIN, r.row, M["value"])
            word = next(w for w, op in BOUNDS.items() if op == v["bound"])
            shown = f"{word} {_show_number(value, ind)}"
        else:
            fact["value"] = value
            shown = _show(value, ind)
    elif listed:  # items listed for an indicator that takes a value (or an unknown one): chitieu.facts says so
        assert block is not None  # listed says so
        fact["items"] = [_item(b, base + ("items", j), row, cells) for j, (row, cells) in enumerate(block.items)]
        b.mark(base + ("items",), ITEMS, block.items[0][0], ICOL["name"])
        shown = f"{len(block.items)} mục"
    if "claim" in v:
        fact["claim"] = v["claim"]
        claim_word = next(w for w, c in CLAIMS.items() if c == v["claim"])
        shown = f"{shown}; {claim_word}" if shown else claim_word
    if v.get("basis") == "claimed":
        fact["basis"] = "claimed"
    if v.get("awaiting"):
        fact["awaiting_appraisal"] = True
    if main:
        document = _document(b, v, MAIN, r.row, M, base + ("document",))
        if document:
            fact["document"] = document
    if "note" in v:
        fact["note"] = v["note"]
    col = anchor
    cell = cell_ref(r.sheet, r.row, col)
    name = ind.name if ind else r.key
    label = r.slot.label if r.slot else r.slot_text
    fact["source"] = {"cell": cell, "quote": f"{name} — {label}: {shown}"}
    for sub in (("source",), ("source", "cell"), ("source", "quote")):
        b.mark(base + sub, r.sheet, r.row, col)
    return fact


def _item(b: _Builder, loc: tuple, row: int, cells: dict) -> dict:
    item: dict[str, Any] = {}
    b.mark(loc, ITEMS, row, ICOL["name"])
    for name in ("name", "owner", "note"):
        b.mark(loc + (name,), ITEMS, row, ICOL[name])
        if name in cells:
            item[name] = cells[name]
    decision = _document(b, cells, ITEMS, row, ICOL, loc + ("decision",))
    if decision:
        item["decision"] = decision
    return item


def _show_number(value: int | Decimal, ind: Optional[Indicator]) -> str:
    if ind is None:
        return vi.number(value, places=4)
    return vi.quantity(Decimal(value), ind.unit) if ind.unit else vi.number(value, places=4)


def _show(value: Any, ind: Optional[Indicator]) -> str:
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, (int, Decimal)):
        return _show_number(value, ind)
    if ind is not None and ind.type == "level":
        i = ind.level_index(value)
        return ind.level_label(i) if i is not None else str(value)
    return str(value)


# --------------------------------------------------------------------------------------------------- as a fact file


def to_yaml(doc: YamlDoc, *, form_file: str) -> str:
    """The form's document as a fact file (schema chitieu.facts/1); every fact cites its cell of ``form_file``."""
    data = doc.data
    order = ("title", "number", "date", "as_of", "issuer", "period")
    given = data.get("report", {})
    report = {k: given[k] for k in order if k in given} | {k: v for k, v in given.items() if k not in order}
    if isinstance(report.get("period"), dict):
        report["period"] = {k: report["period"][k] for k in ("from", "to") if k in report["period"]}
    report["file"] = form_file
    lines = [
        f"# Số liệu đọc từ biểu mẫu {form_file} bằng `chitieu facts import`; mỗi số liệu dẫn ô của biểu (source.cell).",
        f"schema: {FACT_SCHEMA}",
        f"commune: {_q(data.get('commune', {}))}",
        "report:",
    ]
    for key, value in report.items():
        lines.append(f"  {key}: {_q(value)}")
    lines.append("facts:" if data.get("facts") else "facts: []")
    for fact in data.get("facts", []):
        first = True
        for key, value in fact.items():
            if key == "items" and value:
                lines.append(("  - " if first else "    ") + "items:")
                lines.extend(f"      - {_q(item)}" for item in value)
            else:
                lines.append(("  - " if first else "    ") + f"{key}: {_q(value)}")
            first = False
    return "\n".join(lines) + "\n"
