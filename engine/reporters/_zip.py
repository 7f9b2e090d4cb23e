"""Office files (DOCX, XLSX) byte for byte the same for the same input: fixed member times and document dates."""

from __future__ import annotations

import io
import re
import zipfile

FIXED = (1980, 1, 1, 0, 0, 0)
_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def stable_zip(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01 and the core properties' dates fixed (openpyxl writes the
    time of saving into 'modified' whatever it is told)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = _STAMPS.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", blob)
            member = zipfile.ZipInfo(info.filename, date_time=FIXED)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            dst.writestr(member, blob)
    return out.getvalue()
