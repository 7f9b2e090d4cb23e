"""Saving openpyxl workbooks reproducibly: fixed document dates, one author, fixed times on the zip's members."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip member can carry


def workbook_bytes(wb: Workbook, created: dt.datetime | None = None) -> bytes:
    """The workbook as .xlsx bytes; the same workbook gives the same bytes whenever it is saved."""
    stamp = created or dt.datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "chitieu"
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_times(buf.getvalue(), stamp)


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_times(data: bytes, stamp: dt.datetime) -> bytes:
    """openpyxl stamps the document's 'modified' date and every zip member with the time of saving; rewrite them
    with fixed ones."""
    out = io.BytesIO()
    modified = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _MODIFIED.sub(lambda m: m.group(1) + modified + m.group(2), body)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, body)
    return out.getvalue()
