"""Saving openpyxl workbooks reproducibly: fixed document dates, one author, fixed times on the zip's members."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook

from ._zip import stable_zip


def workbook_bytes(wb: Workbook, created: dt.datetime | None = None) -> bytes:
    """The workbook as .xlsx bytes; the same workbook gives the same bytes whenever it is saved."""
    stamp = created or dt.datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "chitieu"
    buf = io.BytesIO()
    wb.save(buf)
    return stable_zip(buf.getvalue())
