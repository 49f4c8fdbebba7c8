"""The two answers behind ``test_mtx9_after_calculate`` and ``test_mtx9_lock_files``, in the
places beside them: a results sheet is never an input sheet, whatever language it is named
in and wherever the Calculate put it; an Excel lock file given as a workbook is said to be
one in both languages, naming the workbook it stands for or, when Excel shortened that name,
"the workbook"."""

from __future__ import annotations

import mtx9books as books
import openpyxl
import pytest
from conftest import sha256
from mtx9cli import clean, opsbook

#: kind → its own command on FILE, writing OUT
OWN = {"appraisal": ("appraisal", "score"), "attendance": ("attendance", "summarize"),
       "plan": ("plan", "track"), "project": ("project", "status")}


@pytest.mark.parametrize("kind", books.DATA)
def test_every_reader_reads_a_calculated_workbook_as_before(tmp_path, kind):
    file = books.valid(kind, tmp_path)
    assert opsbook("calculate", file).code == 0
    before = sha256(file)
    said = [opsbook(*OWN[kind], file, "-o", tmp_path / "own.xlsx"),
            opsbook("report", file, "-o", tmp_path / "report.html"),
            opsbook("email", file, "--to", "lead@localhost", "--outbox", tmp_path / "outbox")]
    for one in said:
        assert one.code == 0 and "sheet-found-by-headers" not in clean(one), one.text
    assert sha256(file) == before


#: kind → (the results sheet read as an input before, its name in Chinese)
RENAMED = {"appraisal": ("Results", "考核结果"), "attendance": ("Daily", "每日考勤"),
           "plan": ("Monthly Tracking", "月度明细"), "project": ("Risk Matrix", "风险矩阵")}


@pytest.mark.parametrize("named", ["chinese", "beside"])
@pytest.mark.parametrize("kind", books.DATA)
def test_results_named_in_chinese_or_beside_a_users_sheet_are_no_input(tmp_path, kind, named):
    """The results sheet as a Chinese workbook names it, and as the Calculate button names it
    beside a user's sheet of its name ("Risk Matrix (opsbook)"): validate (exit 0, no error)
    and the button's own reading agree."""
    file = books.valid(kind, tmp_path)
    assert opsbook("calculate", file).code == 0
    english, chinese = RENAMED[kind]
    book = openpyxl.load_workbook(file)
    book[english].title = chinese if named == "chinese" else f"{english} (opsbook)"
    if kind == "attendance":  # Violations too was taken for Holidays
        book["Violations"].title = "违规记录" if named == "chinese" else "Violations (opsbook 2)"
    book.save(file)
    said = opsbook("validate", file)
    assert said.code == 0 and "0 error(s)" in clean(said), said.text
    assert opsbook("validate", file, "--annotate", tmp_path / "marked.xlsx").code == 0


def test_a_lock_file_of_a_long_name_names_the_workbook_in_words(tmp_path):
    """Excel shortens a long name in its lock file: no workbook of the lock file's name is
    beside it, so the message says "the workbook", in both languages."""
    lock = tmp_path / "~$ales-plan-2027-final.xlsx"
    lock.write_bytes(b"\x05owner" + b" " * 50)
    said = opsbook("validate", lock)
    text = clean(said)
    assert said.code == 2
    assert (f"{lock}: ✗ 1 error(s)\n  ✗ [not-a-workbook] Not a workbook that can be read: it is "
            "the lock file Excel keeps while the workbook is open; give the workbook itself.\n"
            "    不是可读取的工作簿：这是 Excel 打开该工作簿时生成的锁定文件；请给出该工作簿本身。"
            ) in text, text


def test_a_lock_file_in_chinese_names_its_workbook(tmp_path):
    file = books.locked("plan", tmp_path)
    said = opsbook("validate", tmp_path / f"~${file.name}", "--lang", "zh")
    assert said.code == 2
    assert ("不是可读取的工作簿：这是 Excel 打开 plan.xlsx 时生成的锁定文件；请给出 plan.xlsx "
            "本身。") in clean(said)


def test_a_lock_file_found_in_a_folder_is_still_skipped_with_a_note(tmp_path):
    """Only a lock file named as the workbook is refused; in a folder it is passed over with
    a note, and the workbook beside it read."""
    books.locked("project", tmp_path)
    said = opsbook("validate", tmp_path)
    text = clean(said)
    assert said.code == 0, text
    assert "Skipped: an Excel lock file." in text and "1 file(s), 0 error(s)" in text
