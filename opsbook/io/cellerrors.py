"""The cells of an .xls, .xlsb or .ods that hold an error value (#N/A, #DIV/0!, #REF! …).

python-calamine gives such a cell as an empty string, so without this a Score of #N/A in an
.xls read as a blank cell ("required but empty", or nothing at all in an optional column),
where the same cell of an .xlsx is a ``formula-error``. The errors are found here from the
file itself: in an .xls, the BOOLERR records and the FORMULA records whose saved result is
an error (BIFF8, [MS-XLS] 2.4.24 and 2.4.127); in an .xlsb, the BrtCellError and
BrtFmlaError records ([MS-XLSB] 2.4.311, 2.4.653); in an .ods, the cells LibreOffice marks
``calcext:value-type="error"``. Nothing here raises: what cannot be read gives no errors.
"""

from __future__ import annotations

import re
import struct
import zipfile
from typing import IO
from xml.etree import ElementTree

from opsbook.core.cells import a1
from opsbook.io.datesystem import xlsb_records, xlsb_sheets
from opsbook.io.package import ZIP_ERRORS, Package, PackageGap

#: BIFF8 error codes ([MS-XLS] 2.5.10 BErr) → the text Excel shows.
_CODES = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?",
          0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
_BOF, _EOF, _BOUNDSHEET, _BOOLERR, _FORMULA = 0x0809, 0x000A, 0x0085, 0x0205, 0x0006

Errors = dict[str, dict[str, str]]  # sheet name → A1 reference → "#N/A"
#: What an error cell's record begins with: a BOOLERR record's header, and a FORMULA record
#: whose saved result is an error (type 2 … 0xFFFF); a cheap search before the full walk.
_BOOLERR_HEAD = b"\x05\x02\x08\x00"
_FORMULA_ERROR = re.compile(rb"\x06\x00..[\x00-\xff]{6}\x02[\x00-\xff]{5}\xff\xff", re.S)
#: What marks an error cell in an .ods's content.xml.
_ODS_ERROR = b'value-type="error"'


def _records(data: bytes, position: int):
    """(kind, body) of the BIFF records from ``position`` to the end of their substream."""
    while position + 4 <= len(data):
        kind, size = struct.unpack_from("<HH", data, position)
        body = data[position + 4:position + 4 + size]
        yield kind, body
        if kind == _EOF:
            return
        position += 4 + size


def _sheet_name(body: bytes) -> str | None:
    """The name in a BIFF8 BOUNDSHEET record (a ShortXLUnicodeString after 6 bytes)."""
    if len(body) < 8:
        return None
    count, wide = body[6], body[7] & 1
    text = body[8:8 + count * (2 if wide else 1)]
    return text.decode("utf-16-le" if wide else "latin-1", "replace")


def xls_errors(source: str | IO[bytes]) -> Errors:
    """The error cells of each sheet of an .xls (BIFF8); {} for BIFF5 and damaged files."""
    import olefile

    try:
        with olefile.OleFileIO(source) as ole:
            stream = next((s for s in ("Workbook", "Book") if ole.exists(s)), None)
            data = ole.openstream(stream).read() if stream else b""
    except Exception:  # noqa: BLE001 - a damaged container: the reader says what it can
        return {}
    if len(data) < 8 or struct.unpack_from("<HH", data, 4)[0] != 0x0600:  # not BIFF8
        return {}
    if _BOOLERR_HEAD not in data and _FORMULA_ERROR.search(data) is None:
        return {}  # the common case, said without walking every record
    sheets = [(name, struct.unpack_from("<I", body)[0]) for kind, body in _records(data, 0)
              if kind == _BOUNDSHEET and (name := _sheet_name(body)) is not None]
    found: Errors = {}
    for name, start in sheets:
        cells = {}
        for n, (kind, body) in enumerate(_records(data, start)):
            if kind == _BOF and n:
                break  # the next substream: this one had no EOF
            if kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
                code = body[6]
            elif kind == _FORMULA and len(body) >= 14 and body[6] == 2 and \
                    body[12:14] == b"\xff\xff":
                code = body[8]
            else:
                continue
            row, col = struct.unpack_from("<HH", body)
            cells[a1(row + 1, col + 1)] = _CODES.get(code, "#ERROR")
        if cells:
            found[name] = cells
    return found


#: .xlsb record types: a row's header, an error cell, a formula
#: whose saved value is an error.
_ROW_HDR, _CELL_ERROR, _FMLA_ERROR = 0x00, 0x03, 0x0B


def xlsb_errors(source: str | IO[bytes]) -> Errors:
    """The error cells of each sheet of an .xlsb; {} when the package cannot be read."""
    found: Errors = {}
    try:
        with zipfile.ZipFile(source) as archive:
            for name, data in xlsb_sheets(Package(archive)):
                cells, row = {}, 0
                errors = b"\x03\x09" in data or b"\x0b" in data
                for kind, cell in xlsb_records(data) if errors else ():
                    if kind == _ROW_HDR and len(cell) >= 4:
                        row = struct.unpack_from("<I", cell)[0]
                    elif kind in (_CELL_ERROR, _FMLA_ERROR) and len(cell) >= 9:
                        column = struct.unpack_from("<I", cell)[0]
                        cells[a1(row + 1, column + 1)] = _CODES.get(cell[8], "#ERROR")
                if cells:
                    found[name] = cells
    except (PackageGap, struct.error, *ZIP_ERRORS):
        return {}
    return found


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_CALC = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"


def ods_errors(source: str | IO[bytes]) -> Errors:
    """The error cells of each sheet of an .ods (as LibreOffice marks them); {} when the
    package cannot be read."""
    found: Errors = {}
    try:
        with zipfile.ZipFile(source) as archive:
            if not _holds(archive, "content.xml", _ODS_ERROR):
                return {}  # the common case, said without parsing the sheets
            xml = archive.open("content.xml")
            name, row, col = "", 0, 0
            for event, element in ElementTree.iterparse(xml, ("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == f"{_TABLE}table":
                        name, row = element.get(f"{_TABLE}name", ""), 0
                    elif tag == f"{_TABLE}table-row":
                        col = 0
                    continue
                if tag == f"{_TABLE}table-row":
                    row += int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                    element.clear()
                elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    if element.get(f"{_CALC}value-type") == "error":
                        shown = element.findtext(_TEXT) or "#ERROR"
                        found.setdefault(name, {})[a1(row + 1, col + 1)] = shown
                    col += int(element.get(f"{_TABLE}number-columns-repeated", "1"))
            xml.close()
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}
    return found


def _holds(archive: zipfile.ZipFile, part: str, marker: bytes) -> bool:
    """Whether ``part`` of ``archive`` holds ``marker``, read a block at a time."""
    tail = b""
    with archive.open(part) as stream:
        while block := stream.read(1 << 20):
            if marker in tail + block:
                return True
            tail = block[-len(marker):]
    return False
