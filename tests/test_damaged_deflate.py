"""A package whose central directory is sound but whose sheet's compressed data is damaged
(zlib cannot inflate it) is a located corrupt-file problem, never an unexpected error."""

from __future__ import annotations

import zipfile

import openpyxl

import opsbook


def test_a_sheet_that_does_not_inflate_is_a_corrupt_file(tmp_path):
    path = tmp_path / "damaged.xlsx"
    book = openpyxl.Workbook()
    for n in range(300):
        book.active.append([f"row {n}", n, n * 1.5])
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for at in range(start + 20, start + info.compress_size - 20, 7):
        data[at] ^= 0x5A  # scramble the deflate stream, not the zip's own records
    path.write_bytes(bytes(data))
    report = opsbook.validate(path)
    (issue,) = report.issues
    assert (issue.code, issue.severity) == ("corrupt-file", "error")
    assert report.exit_code == 2
