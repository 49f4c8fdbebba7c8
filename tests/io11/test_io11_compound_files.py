"""Compound files (the container of an .xls) that python-calamine must not be given.

Before: a damaged .xls whose DIMENSIONS record or one cell's column said 12,734 columns made
python-calamine ask for 33-50 GB and the process died (exit 134, "memory allocation …
failed"): `validate` of a folder reported no file at all, and `opsbook.validate` ended the
user's Python. An .xls cut at a sector boundary made it panic (a Rust stack trace, then
"opsbook met something it cannot handle … report it"), a Word .doc or an Outlook .msg under
an .xls name was "damaged". Now each is said as what it is, in both languages, exit 2, the
other files of the run are checked, and no byte of any file changes.
"""

from __future__ import annotations

import json

import pytest
from conftest import run_cli, sha256
from rawfiles import compound, xls_stream

import opsbook
from opsbook.api import new_workbook
from opsbook.io.read import read_book

INCOMPLETE_EN = ("The file is damaged or incomplete and cannot be opened: it ends too early, as "
                 "when a copy or download is cut off part way; take the file again from where "
                 "it came from.")
INCOMPLETE_ZH = ("文件已损坏或不完整，无法打开：文件不完整（像是复制或下载中途中断）；"
                 "请从原处重新获取该文件。")
DAMAGED_EN = ("The file is damaged or incomplete and cannot be opened: parts of it are damaged; "
              "open it in Excel or LibreOffice and save it again as .xlsx, or take the file "
              "again from where it came from.")
DAMAGED_ZH = ("文件已损坏或不完整，无法打开：文件部分内容已损坏；请用 Excel 或 LibreOffice "
              "打开后另存为 .xlsx，或从原处重新获取。")


def _sound() -> bytes:
    return compound({"Workbook": xls_stream("Data", {(0, 0): 1.5, (1, 2): 7.0})})


def test_a_sound_compound_xls_is_still_read(tmp_path):
    """The check lets a sound .xls through: its cells read as written."""
    path = tmp_path / "sound.xls"
    path.write_bytes(_sound())
    book = read_book(path)
    assert book.format == "xls"
    assert [(s.name, s.rows) for s in book.sheets] == [("Data", [[1.5, "", ""], ["", "", 7.0]])]


@pytest.mark.parametrize("name, stream", [
    # the DIMENSIONS record says 65,536 rows x 12,734 columns (BIFF8 has 256)
    ("dimensions.xls", xls_stream("Data", {(0, 0): 1.5}, dimensions=(65536, 12734))),
    # one NUMBER cell in row 61,397, column 20,553
    ("cell-column.xls", xls_stream("Data", {(0, 0): 1.5, (61396, 20552): 2.0})),
    # a NUMBER record's length overwritten (14 → 28,174 bytes), as a damaged disk does
    ("record-length.xls", xls_stream("Data", {(0, 0): 1.5, (0, 1): 2.5}).replace(
        b"\x03\x02\x0e\x00", b"\x03\x02\x0e\x6e", 1)),
])
def test_a_damaged_xls_is_said_and_the_other_files_of_the_run_are_checked(tmp_path, name,
                                                                          stream):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / name
    bad.write_bytes(compound({"Workbook": stream}))
    good = new_workbook("attendance", "en", folder / "attendance.xlsx", sample=True)
    before = {bad: sha256(bad), good: sha256(good)}
    (issue,) = opsbook.validate(bad).issues
    assert (issue.code, issue.message("en"), issue.message("zh")) == (
        "corrupt-file", DAMAGED_EN, DAMAGED_ZH)
    done = run_cli("validate", folder, "--jobs", "1", "--format", "json")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "memory allocation" not in done.stderr and "panicked" not in done.stderr
    report = json.loads(done.stdout)
    assert sorted(report["files"]) == sorted([str(good), str(bad)])
    assert [(i["file"], i["code"]) for i in report["issues"] if i["category"] == "file"] == [
        (str(bad), "corrupt-file")]
    assert {p: sha256(p) for p in before} == before


@pytest.mark.parametrize("cut", [513, 4096, 4608])
def test_an_xls_cut_short_is_incomplete_without_a_rust_panic(tmp_path, cut):
    path = tmp_path / "考勤.xls"
    path.write_bytes(_sound()[:cut])
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.message("en"), issue.message("zh")) == (
        "corrupt-file", INCOMPLETE_EN, INCOMPLETE_ZH)
    done = run_cli("validate", path, "--lang", "zh")
    assert done.returncode == 2
    assert INCOMPLETE_ZH in done.stdout and "panicked" not in done.stderr


@pytest.mark.parametrize("streams, english, chinese", [
    ({"WordDocument": b"\xec\xa5" + bytes(5000)}, "a Word document (.doc)", "Word 文档（.doc）"),
    ({"PowerPoint Document": bytes(5000)}, "a PowerPoint presentation (.ppt)",
     "PowerPoint 演示文稿（.ppt）"),
    ({"__substg1.0_0037001F": "Weekly report".encode("utf-16-le") * 400},
     "an Outlook message (.msg)", "Outlook 邮件（.msg）"),
    ({"Contents": bytes(5000)}, "an Office file holding no spreadsheet",
     "不含电子表格的 Office 文件"),
])
def test_another_office_file_under_an_xls_name_is_said_as_what_it_is(tmp_path, streams,
                                                                      english, chinese):
    path = tmp_path / "plan.xls"
    path.write_bytes(compound(streams))
    before = sha256(path)
    (issue,) = opsbook.validate(path).issues
    assert issue.code == "not-a-workbook"
    assert issue.message("en") == (
        f"Not a workbook that can be read: it is {english} under a spreadsheet's name; open "
        "it with the program it belongs to, or choose the right file.")
    assert issue.message("zh") == (
        f"不是可读取的工作簿：这是 {chinese}，只是用了电子表格的文件名；请用相应的程序打开，"
        "或选择正确的文件。") if chinese[0].isascii() else (
        f"不是可读取的工作簿：这是{chinese}，只是用了电子表格的文件名；请用相应的程序打开，"
        "或选择正确的文件。")
    done = run_cli("plan", "status", path, "--set", "submitted")
    assert done.returncode == 2 and english in done.stdout + done.stderr
    assert sha256(path) == before
