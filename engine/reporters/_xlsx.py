"""Saving openpyxl workbooks safely and reproducibly: fixed document dates and zip times, one author, and cells that
can never be run as formulas."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import IO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.writer.excel import ExcelWriter

from ._text import formula_risk, sheet_value
from ._zip import FixedTimeZip


def guard(cell) -> None:
    """Keep text that looks like a formula as text: stored as a string, shown with Excel's quote prefix (as if the
    user had typed an apostrophe before it). Numbers stay numbers."""
    if isinstance(cell.value, str) and (cell.data_type == "f" or formula_risk(cell.value)):
        cell.data_type = "s"
        cell.quotePrefix = True


def row_cells(ws, values, **style) -> list:
    """One row of cleaned, guarded cells for ``ws`` (write-only or not), not yet appended; ``style`` (font, fill,
    alignment, number_format…) is set on every cell, and may be changed per cell before the row is appended."""
    cells = []
    for value in values:
        cell = WriteOnlyCell(ws, sheet_value(value))
        for name, attr in style.items():
            setattr(cell, name, attr)
        guard(cell)
        cells.append(cell)
    return cells


def append(ws, values, **style) -> list:
    """Append one row of ``row_cells`` and return its cells."""
    cells = row_cells(ws, values, **style)
    ws.append(cells)
    return cells


def save(wb: Workbook, out: IO[bytes], created: dt.datetime | None = None) -> None:
    """Write the workbook to a binary file: the same bytes for the same content."""
    stamp = created or dt.datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "chitieu"
    with FixedTimeZip(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()


def discard(wb: Workbook) -> None:
    """Close and remove the sheets of a write-only workbook that will not be saved (the output failed or the run
    was interrupted), so that no half-written sheet complains when it is collected."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if getattr(ws, "closed", True) or writer is None:
            continue
        try:
            ws.close()
        except Exception:  # noqa: BLE001 - a sheet abandoned half-way may fail to close; it is dropped either way
            pass
        try:
            writer.cleanup()
        except (OSError, ValueError):
            pass


def workbook_bytes(wb: Workbook, created: dt.datetime | None = None) -> bytes:
    buf = io.BytesIO()
    save(wb, buf, created)
    return buf.getvalue()
