"""A workbook of another kind, or one that fits two kinds equally, gets one clear answer
wherever it is given: ``wrong-kind`` when a command reads one kind and the workbook has none
of its required sheets but is another kind's, ``ambiguous-kind`` when detection ties."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import run_cli

import opsbook
from opsbook import api


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kinds")
    for kind, lang in (("appraisal", "en"), ("attendance", "zh"), ("project", "en"),
                       ("plan", "zh")):
        opsbook.new_workbook(kind, lang, folder / f"{kind}.xlsx", sample=True)
    return folder


@pytest.mark.parametrize(("given", "read_as", "found"), [
    ("appraisal", "plan", "appraisal"), ("attendance", "project", "attendance"),
    ("plan", "appraisal", "plan"), ("project", "plan", "project"),
])
def test_a_workbook_of_another_kind_is_named_as_such(books, given, read_as, found):
    with pytest.raises(api.NotAWorkbook) as raised:
        api.load(books / f"{given}.xlsx", read_as)
    issue = raised.value.issue
    assert (issue.code, issue.severity, issue.params["kind"]) == ("wrong-kind", "error", found)
    assert f"opsbook {found} …" in issue.message()
    assert "工作簿类型不对" in issue.message("zh")


@pytest.mark.parametrize(("given", "read_as"), [("appraisal", "attendance"),
                                                ("attendance", "appraisal")])
def test_a_shared_sheet_does_not_hide_the_other_kind(books, given, read_as):
    """Employees is a sheet of attendance and of appraisal: a workbook of one read as the
    other is still told to be of its own kind (its sheets fit it better)."""
    with pytest.raises(api.NotAWorkbook) as raised:
        api.load(books / f"{given}.xlsx", read_as)
    assert (raised.value.issue.code, raised.value.issue.params["kind"]) == ("wrong-kind", given)


def test_a_kind_with_faults_is_not_called_another_kind(books, tmp_path):
    """A tracker whose Tasks sheet is missing is still a tracker (with a missing sheet)."""
    book = openpyxl.load_workbook(books / "project.xlsx")
    del book["Tasks"]
    book.save(tmp_path / "no-tasks.xlsx")
    loaded = api.load(tmp_path / "no-tasks.xlsx", "project")
    assert loaded.kind.id == "project"
    assert "missing-sheet" in {i.code for i in loaded.issues}


def test_plan_status_on_an_appraisal_workbook_says_so_in_both_languages(books, tmp_path):
    done = run_cli("plan", "status", books / "appraisal.xlsx", "--set", "final")
    assert done.returncode == 2
    assert "Wrong kind of workbook" in done.stderr and "工作簿类型不对" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_workbook_of_another_kind_in_a_folder_is_one_error_not_a_list(books, tmp_path):
    folder = tmp_path / "trackers"
    folder.mkdir()
    (folder / "tracker.xlsx").write_bytes((books / "project.xlsx").read_bytes())
    (folder / "attendance.xlsx").write_bytes((books / "attendance.xlsx").read_bytes())
    done = api.project_status(folder)
    mine = [i for i in done.report.issues if i.file == str(folder / "attendance.xlsx")]
    assert [i.code for i in mine if i.severity != "info"] == ["wrong-kind", "tracker-left-out"]
    assert not [i for i in mine if i.code in ("unknown-setting", "missing-sheet")]
    assert done.result is not None  # the tracker itself is computed


def _employees_only(books, tmp_path, keep_settings):
    book = openpyxl.load_workbook(books / "attendance.xlsx")
    for name in book.sheetnames:
        if name not in ("员工", *(("设置",) if keep_settings else ())):
            del book[name]
    book["员工"].delete_cols(4, 2)  # Joined On, Left On: attendance's own, not shared
    path = tmp_path / "employees.xlsx"
    book.save(path)
    return path


def test_a_workbook_that_fits_two_kinds_equally_is_not_guessed(books, tmp_path):
    path = _employees_only(books, tmp_path, keep_settings=False)
    report = opsbook.validate(path)
    [issue] = report.issues
    assert issue.code == "ambiguous-kind"
    assert "--kind (appraisal / attendance)" in issue.message()
    assert "请用 --kind（appraisal / attendance）指定类型。" in issue.message("zh")
    done = run_cli("validate", path)
    assert done.returncode == 2
    assert opsbook.validate(path, kind="attendance").readable


def test_its_settings_tell_two_equal_kinds_apart(books, tmp_path):
    path = _employees_only(books, tmp_path, keep_settings=True)
    assert api.load(path).kind.id == "attendance"


def test_a_file_that_cannot_be_read_is_named_in_the_error(tmp_path):
    missing = tmp_path / "nowhere.xlsx"
    with pytest.raises(api.NotAWorkbook) as raised:
        opsbook.set_plan_status(missing, "submitted")
    assert str(raised.value) == f"{missing}: File not found."
    assert raised.value.zh == f"{missing}：找不到文件。"


def test_a_kind_answer_is_in_the_language_of_the_workbook_s_sheets(books, tmp_path):
    """No --lang: the answer about a Chinese workbook is in Chinese, as every issue is in
    the language of its own workbook."""
    path = _employees_only(books, tmp_path, keep_settings=False)  # a 员工 sheet only
    done = run_cli("validate", path)
    assert "无法判断工作簿类型" in done.stdout and "cannot be told" not in done.stdout
