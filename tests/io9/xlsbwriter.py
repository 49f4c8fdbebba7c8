"""A minimal .xlsb writer for tests (no library writes the format): sheets of text and
numbers, and the workbook's date system (Excel for Mac's 1904 system or Excel's own)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import Any, Sequence


def _varint(value: int, most: int) -> bytes:
    out = bytearray()
    for _ in range(most):
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            break
    return bytes(out)


def _record(kind: int, data: bytes = b"") -> bytes:
    return _varint(kind, 2) + _varint(len(data), 4) + data


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def _sheet(rows: Sequence[Sequence[Any]]) -> bytes:
    width = max((len(row) for row in rows), default=1)
    out = [_record(0x81), _record(0x94, struct.pack("<IIII", 0, max(len(rows) - 1, 0), 0,
                                                    max(width - 1, 0))), _record(0x91)]
    for r, row in enumerate(rows):
        out.append(_record(0x00, struct.pack("<IIHHBI", r, 0, 300, 0, 0, 0)))
        for c, value in enumerate(row):
            cell = struct.pack("<II", c, 0)
            if value is None or value == "":
                continue
            if isinstance(value, str):
                out.append(_record(0x06, cell + _wide(value)))
            else:
                out.append(_record(0x05, cell + struct.pack("<d", float(value))))
    out += [_record(0x92), _record(0x82)]
    return b"".join(out)


def write_xlsb(path: Path, sheets: dict[str, Sequence[Sequence[Any]]], *,
               date1904: bool = False) -> Path:
    """Write ``sheets`` (name → rows of str/float) as an .xlsb at ``path``."""
    book = [_record(0x83), _record(0x99, struct.pack("<II", 1 if date1904 else 0, 0)
                                   + _wide("")), _record(0x8F)]
    rels = []
    for n, name in enumerate(sheets, 1):
        book.append(_record(0x9C, struct.pack("<II", 0, n) + _wide(f"rId{n}") + _wide(name)))
        rels.append(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/'
                    f'officeDocument/2006/relationships/worksheet" '
                    f'Target="worksheets/sheet{n}.bin"/>')
    book += [_record(0x90), _record(0x84)]
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.bin" ContentType="application/'
        f'vnd.ms-excel.worksheet"/>' for n in range(1, len(sheets) + 1))
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="bin" ContentType='
            '"application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Default Extension='
            '"rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.'
            f'sheet.binary.macroEnabled.main"/>{overrides}</Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
            '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.bin"/></Relationships>'))
        archive.writestr("xl/_rels/workbook.bin.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{"".join(rels)}</Relationships>'))
        archive.writestr("xl/workbook.bin", b"".join(book))
        for n, rows in enumerate(sheets.values(), 1):
            archive.writestr(f"xl/worksheets/sheet{n}.bin", _sheet(rows))
    return path
