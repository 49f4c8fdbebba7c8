"""Excel's lock file ``~$NAME.xlsx``: beside a workbook (the workbook is open in Excel) and
given in its place (a slip of the mouse, or a glob a shell expanded). Beside it, commands
that write into the workbook refuse (exit 2, both languages) and readers read it; given as
the input, every command must say it is Excel's lock file (exit 2, both languages), never
check nothing and call that valid, never fail unexpectedly."""

from __future__ import annotations

import mtx9books as books
import pytest
from conftest import sha256
from mtx9cli import UNEXPECTED, clean, opsbook

OUT = "out.xlsx"
OPEN = ("is open in Excel (its lock file", "正在 Excel 中打开（旁边有锁定文件")


@pytest.mark.parametrize("kind", books.DATA)
def test_calculate_in_place_refuses_a_workbook_open_in_excel(tmp_path, kind):
    file = books.locked(kind, tmp_path)
    before = sha256(file)
    said = opsbook("calculate", file)
    text = clean(said)
    assert said.code == 2
    assert f"~${file.name}" in text and all(words in text for words in OPEN), text
    assert sha256(file) == before


def test_plan_status_refuses_a_plan_open_in_excel(tmp_path):
    file = books.locked("plan", tmp_path)
    before = sha256(file)
    said = opsbook("plan", "status", file, "--set", "submitted")
    assert said.code == 2 and all(words in clean(said) for words in OPEN)
    assert sha256(file) == before


@pytest.mark.parametrize("kind", books.DATA)
def test_readers_read_a_workbook_open_in_excel_and_calculate_o_writes_a_copy(tmp_path, kind):
    file = books.locked(kind, tmp_path)
    before = sha256(file)
    assert opsbook("validate", file).code == 0
    copied = opsbook("calculate", file, "-o", tmp_path / OUT)
    assert copied.code == 0, copied.text
    assert (tmp_path / OUT).exists() and sha256(file) == before


#: command → (kind, arguments for the lock file L in folder O)
GIVEN = {
    "validate": ("plan", lambda lock, o: ["validate", lock]),
    "calculate": ("plan", lambda lock, o: ["calculate", lock]),
    "calculate-o": ("plan", lambda lock, o: ["calculate", lock, "-o", o / OUT]),
    "report": ("plan", lambda lock, o: ["report", lock, "-o", o / "report.html"]),
    "email": ("plan", lambda lock, o: ["email", lock, "--to", "lead@localhost", "--outbox",
                                       o / "outbox"]),
    "appraisal-score": ("appraisal", lambda lock, o: ["appraisal", "score", lock, "-o",
                                                      o / OUT]),
    "attendance-summarize": ("attendance", lambda lock, o: ["attendance", "summarize", lock,
                                                            "-o", o / OUT]),
    "project-status": ("project", lambda lock, o: ["project", "status", lock, "-o", o / OUT]),
    "plan-consolidate": ("plan", lambda lock, o: ["plan", "consolidate", lock, "-o", o / OUT]),
    "plan-diff": ("plan", lambda lock, o: ["plan", "diff", lock, lock.parent / "plan.xlsx"]),
    "plan-track": ("plan", lambda lock, o: ["plan", "track", lock, "-o", o / OUT]),
    "plan-status": ("plan", lambda lock, o: ["plan", "status", lock, "--set", "submitted"]),
    "run": ("appraisal", lambda lock, o: ["run", books.pipeline(lock.parent, "appraisal",
                                                                lock.name, OUT)]),
}
@pytest.mark.parametrize("command", GIVEN)
def test_a_lock_file_given_as_the_workbook_is_said_to_be_one(tmp_path, command):
    kind, arguments = GIVEN[command]
    folder = tmp_path / "in"
    folder.mkdir()
    lock = folder / f"~${books.locked(kind, folder).name}"
    before = sha256(lock)
    said = opsbook(*arguments(lock, tmp_path))
    text = said.text
    assert not any(word in text for word in UNEXPECTED), text
    assert said.code == 2, text
    assert lock.name in text
    assert "lock file" in text and "锁定文件" in text, text
    assert sha256(lock) == before
    assert not (tmp_path / OUT).exists() and not (folder / "results" / OUT).exists()


def test_python_score_appraisal_of_a_lock_file_raises_not_a_workbook(tmp_path):
    import opsbook as api
    from opsbook.api.common import NotAWorkbook

    books.locked("appraisal", tmp_path)
    with pytest.raises(NotAWorkbook) as refused:
        api.score_appraisal(tmp_path / "~$appraisal.xlsx")
    assert "lock file" in str(refused.value) and "锁定文件" in refused.value.zh


def test_python_validate_of_a_lock_file_is_not_valid(tmp_path):
    import opsbook as api

    books.locked("attendance", tmp_path)
    report = api.validate(tmp_path / "~$attendance.xlsx")
    assert not report.valid and not report.readable
    assert [i.code for i in report.issues if i.severity == "error"] == ["not-a-workbook"]
