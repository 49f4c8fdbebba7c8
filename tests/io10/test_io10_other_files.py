"""Files under a workbook's name that are something else people keep: a PDF (before: "a
text file (such as a CSV export)"), a picture or a compressed file (before: "damaged or
incomplete"), a zip of workbooks (before: "a zip archive holding no spreadsheet"). Each is
said as what it is, in both languages, exit 2, and left as it was."""

from __future__ import annotations

import gzip
import zipfile

import pytest
import quirkbooks
from conftest import run_cli, sha256

import opsbook
from opsbook.api.common import NotAWorkbook

#: name → (its first bytes, what it is in English, in Chinese)
FILES = {
    "report.xlsx": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "a PDF document", "PDF 文档"),
    "photo.xlsx": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a picture (.png)", "图片（.png）"),
    "scan.xls": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a picture (.jpg)", "图片（.jpg）"),
    "backup.xlsx": (gzip.compress(b"PK\x03\x04 a workbook"), "a compressed file (.gz)",
                    "压缩文件（.gz）"),
    "archive.xlsx": (b"Rar!\x1a\x07\x01\x00" + bytes(32), "a compressed file (.rar)",
                     "压缩文件（.rar）"),
    "archive7.xlsx": (b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(32), "a compressed file (.7z)",
                      "压缩文件（.7z）"),
}


@pytest.mark.parametrize("name", FILES)
def test_it_is_said_as_what_it_is(tmp_path, name):
    data, english, chinese = FILES[name]
    path = tmp_path / name
    path.write_bytes(data + bytes(64))
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.severity, issue.file) == ("not-a-workbook", "error", str(path))
    assert issue.message("en") == (
        f"Not a workbook that can be read: it is {english} under a spreadsheet's name; open "
        "it with the program it belongs to, or choose the right file.")
    space = " " if chinese[0].isascii() else ""
    assert issue.message("zh") == (
        f"不是可读取的工作簿：这是{space}{chinese}，只是用了电子表格的文件名；请用相应的程序打开，"
        "或选择正确的文件。")
    with pytest.raises(NotAWorkbook) as refused:
        opsbook.load(path)
    assert english in str(refused.value) and chinese in refused.value.zh


def test_a_pdf_named_as_a_plan_stops_plan_status_in_words(tmp_path):
    path = tmp_path / "计划 2027.xlsx"
    path.write_bytes(FILES["report.xlsx"][0] + b"1 0 obj\n<< >>\nendobj\n")
    before = sha256(path)
    done = run_cli("plan", "status", path, "--set", "submitted")
    assert done.returncode == 2, done.stdout + done.stderr
    text = done.stdout + done.stderr
    assert "it is a PDF document under a spreadsheet's name" in text
    assert "这是 PDF 文档，只是用了电子表格的文件名" in text and "Traceback" not in text
    assert sha256(path) == before


def test_a_zip_of_several_workbooks_names_them(tmp_path):
    inner = [quirkbooks.write(tmp_path / f"{kind}.xlsx", quirkbooks.base(kind))
             for kind in ("plan", "project")]
    path = tmp_path / "all.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for book in inner:
            archive.write(book, f"2027\\{book.name}")  # as some Windows zip tools write
    (issue,) = opsbook.validate(path).issues
    assert "it is a zip archive of workbooks (plan.xlsx, project.xlsx) under" in \
        issue.message("en")
    assert "这是内含工作簿（plan.xlsx、project.xlsx）的压缩包" in issue.message("zh")
