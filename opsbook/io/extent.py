"""How far a sheet of an .xlsx/.xlsm reaches, measured in its XML before it is read.

python-calamine holds a sheet as one block of cells from its first value to its last: a
value typed in XFD1048576 (the last cell; Ctrl+End then Ctrl+arrows take a user there) makes
it ask for 17 billion cells, 512 GB, and the process ends at once, with every other file of
the run. Excel opens such a workbook without a word. So the extent is measured here, from
the cells that hold something (a cell that is only formatted is not read, and not counted),
and a sheet of more than :data:`MOST_CELLS` is refused in words before it is read.

A sheet's ``<dimension>`` element, which Excel, LibreOffice, openpyxl and XlsxWriter write
(it covers formatted cells too), answers at no cost when it says the sheet is small enough;
only when it says otherwise, or is missing or a single cell (streaming writers such as
Apache POI's write "A1" whatever the sheet holds), are the cells looked at, which costs a
search of the XML for a cell reference of two or more letters: a sheet of columns A to Z
can never reach the limit (26 × 1,048,576 is less), so only cells beyond Z are counted.
"""

from __future__ import annotations

import re
import struct
import zipfile
from typing import IO, Iterable, Iterator

from opsbook.core.cells import a1
from opsbook.io.datesystem import xlsb_records, xlsb_sheets
from opsbook.io.package import ZIP_ERRORS, Package, PackageGap

#: The most cells (rows × columns, from A1) a sheet may span to be read: about 1 GB held
#: by the reader; a year of attendance (180,000 rows × 8 columns) spans 1.5 million.
MOST_CELLS = 1 << 25
_WIDE = re.compile(rb'r="[A-Za-z]{2}')  # a fixed start: searched fast
#: A cell that is not self-closing (it holds a value, a formula or text), with its column.
_FILLED = re.compile(rb'<(?:[\w.-]+:)?c\b[^>]*?\br="([A-Za-z]{1,3})\d+"[^>]*(?<!/)>')
_REF = re.compile(rb'\br="([A-Za-z]{1,3})(\d+)"')


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


_DIMENSION = re.compile(
    rb'<(?:[\w.-]+:)?dimension\b[^>]*?\bref="[A-Za-z]{1,3}\d+:([A-Za-z]{1,3})(\d+)"')


def measured(pieces: Iterable[bytes], extent: list[int]) -> Iterator[bytes]:
    """``pieces`` of a sheet's XML as they are, ``extent`` ([last row, last column]) set on
    the way: from the sheet's ``<dimension>`` when that says it is small enough, else by
    :func:`measure` of every piece."""
    measuring = True
    for n, xml in enumerate(pieces):
        if n == 0:
            head = xml[:max(xml.find(b"sheetData"), 0) or 4096]
            declared = _DIMENSION.search(head)
            if declared is not None:
                rows, columns = int(declared[2]), _column(declared[1])
                if rows * columns <= MOST_CELLS:
                    extent[:] = [rows, columns]
                    measuring = False
        if measuring:
            measure(xml, extent)
        yield xml


def measure(xml: bytes, extent: list[int]) -> None:
    """Widen ``extent`` ([last row, last column], from 1) to the filled cells of a piece
    of sheet XML (pieces are given in order, each cut after a cell or a row ends)."""
    end = max(xml.rfind(b"</c>"), xml.rfind(b":c>"))
    if end >= 0:  # the last filled cell of the piece: rows come in order
        start = max(xml.rfind(b"<c ", 0, end), xml.rfind(b":c ", 0, end))
        ref = _REF.search(xml, start, end) if start >= 0 else None
        if ref is not None:
            extent[0] = max(extent[0], int(ref[2]))
    extent[1] = max(extent[1], 26 if end >= 0 else 0)
    if _WIDE.search(xml) is not None:
        extent[1] = max([extent[1], *(_column(m) for m in _FILLED.findall(xml))])


def oversized(sheet: str, extent: tuple[int, int] | None) -> tuple[str, str] | None:
    """The (English, Chinese) detail of a ``file-unreadable`` issue for a sheet spanning
    more than :data:`MOST_CELLS`, naming the far cell; None for a sheet that may be read."""
    if extent is None or extent[0] * extent[1] <= MOST_CELLS:
        return None
    rows, columns = extent
    corner = a1(rows, columns)
    return (f"sheet '{sheet}' reaches as far as {corner} ({rows:,} rows by {columns:,} "
            "columns), too large to read: something is typed or left far from the table. "
            "On that sheet press Ctrl+End to find it, delete those rows and columns, save the "
            "workbook and run again",
            f"工作表“{sheet}”的范围一直延伸到 {corner}（{rows:,} 行 × {columns:,} 列），"
            "过大而无法读取：表格之外很远处有内容。请在该工作表按 Ctrl+End 找到它，删除这些行和列，"
            "保存工作簿后重试")


#: The detail of a ``file-unreadable`` issue for a sheet the reader itself finds too large
#: (an .ods; which sheet and cell it does not say).
TOO_FAR = ("a sheet reaches too far beyond its table to be read: something is typed or left "
           "far from the table. On each sheet press Ctrl+End to find it, delete those rows and "
           "columns, save the workbook and run again",
           "有工作表的范围延伸得过远，无法读取：表格之外很远处有内容。"
           "请在各工作表按 Ctrl+End 找到它，删除这些行和列，保存工作簿后重试")


#: .xlsb records: a sheet's dimension, a row's header; the cell
#: records that hold something (RK to formula error; 0x01, a blank cell, only formatted).
_WS_DIM, _ROW_HDR, _FILLED_CELLS = 0x94, 0x00, range(0x02, 0x0C)


def xlsb_extents(source: str | IO[bytes]) -> dict[str, tuple[int, int]]:
    """Per sheet name of an .xlsb, (last row, last column) from 1, as its BrtWsDim record
    says when that is small enough, else as its filled cells reach; {} when the package
    cannot be read (the reader then says what it can)."""
    found: dict[str, tuple[int, int]] = {}
    try:
        with zipfile.ZipFile(source) as archive:
            for name, data in xlsb_sheets(Package(archive)):
                found[name] = _xlsb_extent(data)
    except (PackageGap, struct.error, *ZIP_ERRORS):
        return {}
    return found


def _xlsb_extent(data: bytes) -> tuple[int, int]:
    rows = columns = row = 0
    for kind, body in xlsb_records(data):
        if kind == _WS_DIM and len(body) >= 16:
            last_row, last_column = struct.unpack_from("<IxxxxI", body, 4)
            if (last_row + 1) * (last_column + 1) <= MOST_CELLS:
                return last_row + 1, last_column + 1
        elif kind == _ROW_HDR and len(body) >= 4:
            row = struct.unpack_from("<I", body)[0] + 1
        elif kind in _FILLED_CELLS and len(body) >= 4:
            rows, columns = max(rows, row), max(columns, struct.unpack_from("<I", body)[0] + 1)
    return rows, columns
