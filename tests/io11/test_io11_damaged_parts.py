"""A workbook whose part inside the zip is damaged is a damaged file, not a file "open in
another program".

Before: an .xlsb whose sheet part held a deflate stream that does not inflate got "The file
cannot be read: it is open in another program, or you have no permission to read it"
(python-calamine says it with an OSError carrying no error number); a user closed programs
and asked for access for nothing. Now: corrupt-file, "parts of it are damaged", in both
languages, exit 2, the file unchanged; a file the system does not let be read still gets
the words about access.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from conftest import run_cli, sha256
from rawfiles import write_xlsb

import opsbook

DAMAGED_EN = ("The file is damaged or incomplete and cannot be opened: parts of it are damaged; "
              "open it in Excel or LibreOffice and save it again as .xlsx, or take the file "
              "again from where it came from.")
DAMAGED_ZH = ("文件已损坏或不完整，无法打开：文件部分内容已损坏；请用 Excel 或 LibreOffice "
              "打开后另存为 .xlsx，或从原处重新获取。")


def _xlsb_with_a_sheet_that_does_not_inflate(path: Path) -> Path:
    """An .xlsb whose parts are deflated, the sheet's stream starting with a block of the
    reserved type (BFINAL 1, BTYPE 11: byte 0x07), which no inflater takes."""
    plain = write_xlsb(path.with_suffix(".plain.xlsb"),
                                  {"Scores": [["Name", "Score"], ["Ann", 1.5]] * 20})
    buffer = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(buffer, "w",
                                                         zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
    data = bytearray(buffer.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.bin")
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    data[info.header_offset + 30 + name_length + extra_length] = 0x07
    path.write_bytes(bytes(data))
    plain.unlink()
    return path


def test_a_part_that_does_not_inflate_is_damaged_not_open_elsewhere(tmp_path):
    path = _xlsb_with_a_sheet_that_does_not_inflate(tmp_path / "scores.xlsb")
    before = sha256(path)
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.message("en"), issue.message("zh")) == (
        "corrupt-file", DAMAGED_EN, DAMAGED_ZH)
    assert issue.params["reason"] == "corrupt deflate stream"
    done = run_cli("validate", path, "--lang", "zh")
    assert done.returncode == 2
    assert DAMAGED_ZH in done.stdout and "其他程序" not in done.stdout
    done = run_cli("appraisal", "score", path, "-o", tmp_path / "out.xlsx")
    assert done.returncode == 2 and "parts of it are damaged" in done.stdout + done.stderr
    assert not (tmp_path / "out.xlsx").exists()
    assert sha256(path) == before
