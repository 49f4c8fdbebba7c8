"""The workbooks a command reads besides its main one — ``appraisal score --history``,
``attendance summarize --punches``, ``plan track PLAN ACTUALS…``, ``plan diff OLD NEW`` —
when that one cannot be read: exit 2, the file named, the reason in both languages, nothing
written, every file unchanged. An Excel lock file there is said to be one."""

from __future__ import annotations

import mtx9books as books
import pytest
from conftest import sha256
from mtx9cli import UNEXPECTED, clean, opsbook

OUT = "out.xlsx"
#: where the extra file goes: (kind of the main workbook, arguments for MAIN, EXTRA, OUT)
PLACES = {
    "history": ("appraisal", lambda m, x, o: ["appraisal", "score", m, "--history", x,
                                              "-o", o]),
    "punches": ("attendance", lambda m, x, o: ["attendance", "summarize", m, "--punches", x,
                                               "-o", o]),
    "actuals": ("plan", lambda m, x, o: ["plan", "track", m, x, "-o", o]),
    "diff-new": ("plan", lambda m, x, o: ["plan", "diff", m, x, "-o", o]),
}
WHY = {"zero-bytes": ("The file is empty (0 bytes)", "文件为空（0 字节）"),
       "encrypted": ("password-protected", "受密码保护"),
       "word-as-xlsx": ("it is a Word document", "这是 Word 文档")}


@pytest.mark.parametrize("fault", WHY)
@pytest.mark.parametrize("place", PLACES)
def test_an_unreadable_extra_workbook_stops_the_command_in_words(tmp_path, place, fault):
    kind, arguments = PLACES[place]
    main = books.valid(kind, tmp_path)
    (tmp_path / "extra").mkdir()
    extra = books.FILE_FAULTS[fault](kind, tmp_path / "extra")
    before = sha256(main), sha256(extra)
    said = opsbook(*arguments(main, extra, tmp_path / OUT))
    text = clean(said)
    assert said.code == 2, text
    english, chinese = WHY[fault]
    assert extra.name in text and english in text and chinese in text, text
    assert (sha256(main), sha256(extra)) == before
    assert not (tmp_path / OUT).exists()


@pytest.mark.parametrize("place", ["history", "punches", "diff-new"])
def test_a_lock_file_named_as_the_extra_workbook_is_said_to_be_one(tmp_path, place):
    kind, arguments = PLACES[place]
    main = books.valid(kind, tmp_path)
    lock = tmp_path / f"~${main.name}"
    lock.write_bytes(b"\x05owner" + b" " * 50)
    said = opsbook(*arguments(main, lock, tmp_path / OUT))
    assert not any(word in said.text for word in UNEXPECTED), said.text
    assert said.code == 2, said.text
    assert lock.name in said.text
    assert "lock file" in said.text and "锁定文件" in said.text, said.text
    assert not (tmp_path / OUT).exists()


def test_a_lock_file_named_as_actuals_is_refused_as_a_csv_is(tmp_path):
    """A lock file named as actuals is a file named that cannot be read, as a .csv or a
    missing file named there is: said at its name, in both languages, and nothing tracked
    (exit 2)."""
    plan = books.valid("plan", tmp_path)
    lock = tmp_path / f"~${plan.name}"
    lock.write_bytes(b"\x05owner" + b" " * 50)
    said = opsbook("plan", "track", plan, lock, "-o", tmp_path / OUT)
    text = clean(said)
    assert said.code == 2, text
    assert lock.name in text and ("it is the lock file Excel keeps while plan.xlsx is open; "
                                  "give plan.xlsx itself.") in text
    assert "锁定文件" in text
    assert not (tmp_path / OUT).exists()
