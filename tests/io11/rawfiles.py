"""Files written byte by byte, for the tests of this folder: compound files (OLE/CFB), an
.xls of one sheet (BIFF8: BOF, BOUNDSHEET, EOF, then the sheet's BOF, DIMENSIONS, its cells,
EOF) and containers holding other streams (a Word .doc, an Outlook .msg); an .ods from its
content.xml (``write_ods``); and the .xlsb writer of ``tests/io9`` (``write_xlsb``), loaded
from there.

Each stream is stored in regular 512-byte sectors (one FAT sector, one directory sector), so
a stream is padded to at least 4,096 bytes, past which Excel's small-stream rules do not apply.
"""

from __future__ import annotations

import importlib.util
import struct
import zipfile
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "xlsbwriter", Path(__file__).resolve().parents[1] / "io9" / "xlsbwriter.py")
_XLSB = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_XLSB)
write_xlsb = _XLSB.write_xlsb

#: An .ods manifest naming content.xml; ``{entry}`` is put inside its entry.
ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
    'vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"'
    '{entry}</manifest:file-entry></manifest:manifest>')


def write_ods(path: Path, content: str | bytes, entry: str = ">") -> Path:
    """An .ods of ``content`` (content.xml), its manifest entry ending with ``entry``."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST.replace("{entry}", entry))
    return path


SECTOR = 512
_END, _FREE, _FAT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def record(kind: int, body: bytes) -> bytes:
    """One BIFF record: its type, its length and its body."""
    return struct.pack("<HH", kind, len(body)) + body


def _bof(sheet: bool) -> bytes:
    return record(0x0809, struct.pack("<HHHHII", 0x0600, 0x10 if sheet else 0x05, 0x0DBB,
                                      0x07CC, 0, 0x06))


def xls_stream(name: str, cells: dict[tuple[int, int], float],
               dimensions: tuple[int, int] | None = None) -> bytes:
    """A BIFF8 workbook stream of one sheet ``name`` holding numbers at (row, column), both
    from 0; ``dimensions`` (rows, columns) as its DIMENSIONS record says, by default the
    cells' own; padded with zeros after the last record to 4,096 bytes."""
    rows = dimensions[0] if dimensions else max(r for r, _ in cells) + 1
    columns = dimensions[1] if dimensions else max(c for _, c in cells) + 1
    sheet = _bof(True) + record(0x0200, struct.pack("<IIHHH", 0, rows, 0, columns, 0))
    for (row, column), value in sorted(cells.items()):
        sheet += record(0x0203, struct.pack("<HHHd", row, column, 0x0F, value))
    sheet += record(0x000A, b"")
    label = name.encode("latin-1")

    def globals_(offset: int) -> bytes:
        return (_bof(False) + record(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(label), 0)
                                     + label) + record(0x000A, b""))

    offset = len(globals_(0))
    data = globals_(offset) + sheet
    return data + bytes(max(0, 4096 - len(data)))


def compound(streams: dict[str, bytes]) -> bytes:
    """A compound file (CFB version 3) holding ``streams`` (name → at least 4,096 bytes)."""
    fat, body, starts, sector = [_FAT, _END], b"", [], 2
    for data in streams.values():
        data += bytes(-len(data) % SECTOR)
        count = len(data) // SECTOR
        starts.append(sector)
        fat += [sector + i + 1 for i in range(count - 1)] + [_END]
        sector += count
        body += data
    assert len(fat) <= SECTOR // 4, "one FAT sector holds 128 sectors"
    fat += [_FREE] * (SECTOR // 4 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = _FREE,
              right: int = _FREE) -> bytes:
        text = name.encode("utf-16-le") + b"\0\0"
        return (text.ljust(64, b"\0") + struct.pack("<HBB", len(text), kind, 1)
                + struct.pack("<III", _FREE, right, child) + bytes(36)
                + struct.pack("<II", start, size) + bytes(4))

    names = list(streams)
    directory = entry("Root Entry", 5, _END, 0, child=1 if names else _FREE)
    for n, name in enumerate(names):
        directory += entry(name, 2, starts[n], len(streams[name]),
                           right=n + 2 if n + 1 < len(names) else _FREE)
    directory = directory.ljust(SECTOR, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<I", 0) + b"\xff\xff\xff\xff" * 108)
    return header + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + body
