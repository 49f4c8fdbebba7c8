"""The date a workbook counts its serial numbers from, as each format records it.

Excel counts days from 1899-12-30 (the "1900 date system") unless the workbook says 1904
(Excel for Mac): ``date1904`` in an .xlsx's workbook part, the DATEMODE record in an .xls,
the BrtWbProp record in an .xlsb's workbook part, ``table:null-date`` in an .ods. Date cells
are converted by the reader already; these epochs are for numbers that mean dates but carry
no date format (a serial typed into a Date column or a date setting).
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import zipfile
from typing import IO, Iterator

from opsbook.core.cellvalues import EXCEL_EPOCH, EXCEL_EPOCH_1904
from opsbook.io.package import Package

EPOCH_1900, EPOCH_1904 = EXCEL_EPOCH, EXCEL_EPOCH_1904

_DATEMODE, _EOF, _BOF = 0x0022, 0x000A, 0x0809
_BRT_WB_PROP, _BRT_BUNDLE_SH = 0x99, 0x9C
_NULL_DATE = re.compile(rb'null-date\b[^>]*?date-value="(\d{4})-(\d{2})-(\d{2})')


def xls_epoch(source: str | IO[bytes]) -> dt.datetime:
    """The epoch of an .xls (BIFF5/8): its DATEMODE record in the workbook globals."""
    import olefile

    try:
        with olefile.OleFileIO(source) as ole:
            stream = next((s for s in ("Workbook", "Book") if ole.exists(s)), None)
            data = ole.openstream(stream).read() if stream else b""
    except Exception:  # a damaged container: the reader has said what it could read
        return EPOCH_1900
    position = 0
    while position + 4 <= len(data):
        kind, size = struct.unpack_from("<HH", data, position)
        if kind == _DATEMODE and size >= 2 and position + 6 <= len(data):
            mode = struct.unpack_from("<H", data, position + 4)[0]
            return EPOCH_1904 if mode == 1 else EPOCH_1900
        if kind == _EOF:
            break
        position += 4 + size
    return EPOCH_1900


def xlsb_epoch(source: str | IO[bytes]) -> dt.datetime:
    """The epoch of an .xlsb: bit 0 (f1904) of the BrtWbProp record in its workbook part."""
    try:
        with zipfile.ZipFile(source) as archive:
            name = next((n for n in archive.namelist()
                         if n.replace("\\", "/").lower().endswith("workbook.bin")), None)
            data = archive.read(name)[:1 << 16] if name else b""
    except Exception:  # noqa: BLE001 - the reader has said what it could read
        return EPOCH_1900
    position = 0
    while position < len(data):
        kind, position = varint(data, position, 2)
        size, position = varint(data, position, 4)
        if kind == _BRT_WB_PROP and size >= 4 and position + 4 <= len(data):
            return EPOCH_1904 if data[position] & 1 else EPOCH_1900
        if kind == _BRT_BUNDLE_SH or kind < 0:  # the sheets come after the properties
            break
        position += size
    return EPOCH_1900


def varint(data: bytes, position: int, most: int) -> tuple[int, int]:
    """A record's type (``most`` 2 bytes) or size (4) in an .xlsb: 7 bits a byte, low
    first, the high bit set on every byte but the last; (-1, end) when the data ends first."""
    value = 0
    for n in range(most):
        if position >= len(data):
            return -1, position
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << (7 * n)
        if not byte & 0x80:
            break
    return value, position


def xlsb_records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(type, body) of the records of an .xlsb part, until its data ends."""
    position = 0
    while position < len(data):
        kind, position = varint(data, position, 2)
        size, position = varint(data, position, 4)
        if kind < 0 or size < 0:
            return
        yield kind, data[position:position + size]
        position += size


def wide_string(body: bytes, at: int) -> tuple[str | None, int]:
    """An .xlsb XLWideString at ``at`` (a count of UTF-16 units, then the text) and where
    what follows begins; None for the null string (count 0xFFFFFFFF)."""
    count = struct.unpack_from("<I", body, at)[0] if at + 4 <= len(body) else 0xFFFFFFFF
    if count == 0xFFFFFFFF:
        return None, at + 4
    return body[at + 4:at + 4 + 2 * count].decode("utf-16-le", "replace"), at + 4 + 2 * count


def xlsb_sheets(package: Package) -> Iterator[tuple[str, bytes]]:
    """(name, part) of each sheet of an open .xlsb package, in the workbook's order (a
    sheet whose part is missing gives b""); PackageGap or struct.error when it is damaged."""
    workbook = package.main_part()
    parts = {r.id: r.target for r in package.relationships(workbook) if not r.external}
    for kind, body in xlsb_records(package.read(workbook)):
        if kind == _BRT_BUNDLE_SH and len(body) >= 12:
            relation, at = wide_string(body, 8)
            name = wide_string(body, at)[0]
            if name is not None:
                yield name, package.read(parts[relation]) if relation in parts else b""


def ods_epoch(source: str | IO[bytes]) -> dt.datetime:
    """The epoch of an .ods: ``table:null-date`` in content.xml (default 1899-12-30)."""
    found = None
    try:
        with zipfile.ZipFile(source) as archive, archive.open("content.xml") as content:
            head = b""
            while found is None:  # the calculation settings come before the first table
                chunk = content.read(1 << 16)
                if not chunk:
                    break
                head = head[-256:] + chunk
                found = _NULL_DATE.search(head)
                if found is None and b"<table:table " in head:
                    break
    except Exception:  # noqa: BLE001 - the reader has said what it could read
        return EPOCH_1900
    if not found:
        return EPOCH_1900
    try:
        return dt.datetime(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return EPOCH_1900
