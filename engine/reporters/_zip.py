"""Zip containers (XLSX, DOCX) that are the same bytes for the same content: fixed member times and attributes.

zipfile stamps every member with the current local time, so two runs a second apart differ; here every member gets
1980-01-01 00:00 (the earliest time zip can store), one file mode and one host system.
"""

from __future__ import annotations

import io
import shutil
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)


class FixedTimeZip(zipfile.ZipFile):
    """A ZipFile for writing whose members carry no time of their own."""

    def _info(self, name: str, compress_type=None) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=EPOCH)
        info.compress_type = self.compression if compress_type is None else compress_type
        info.create_system = 3
        info.external_attr = 0o644 << 16
        return info

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo) else zinfo_or_arcname
        super().writestr(self._info(name, compress_type), data, compresslevel=compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        info = self._info(arcname or str(filename), compress_type)
        with open(filename, "rb") as src, self.open(info, "w") as dest:
            shutil.copyfileobj(src, dest, 1024 * 1024)


def repack(data: bytes) -> bytes:
    """The same archive, member for member and in the same order, with fixed times."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, FixedTimeZip(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in src.infolist():
            dest.writestr(info.filename, src.read(info))
    return out.getvalue()
