"""Sheets people keep beside their data: a copy of a sheet under another name (hidden or
not) is no other sheet of the kind because a few of its headers match (a copy of Tasks
shares Project ID and WBS with Actions), and a table's total row as Excel and WPS write it
in Chinese (汇总) is a totals row, not data."""

from __future__ import annotations

import openpyxl
import pytest
import quirkbooks

import opsbook

#: kind → its sheets that a copy is made of
SHEETS = {"appraisal": ["Employees", "Indicators", "Scores", "Grades"],
          "attendance": ["Employees", "Clock"], "plan": ["Plan"],
          "project": ["Projects", "Tasks"]}


@pytest.mark.parametrize("hidden", [True, False], ids=["hidden", "shown"])
@pytest.mark.parametrize("kind, sheet", [(k, s) for k, sheets in SHEETS.items()
                                         for s in sheets])
def test_a_copy_of_a_sheet_under_another_name_changes_nothing(tmp_path, kind, sheet, hidden):
    path = quirkbooks.write(tmp_path / f"{kind}.xlsx", quirkbooks.base(kind))
    expected = [(i.code, i.sheet) for i in opsbook.validate(path).issues]
    book = openpyxl.load_workbook(path)
    copy = book.copy_worksheet(book[sheet])
    copy.title = f"{sheet} (old)"
    copy.sheet_state = "hidden" if hidden else "visible"
    book.save(path)
    report = opsbook.validate(path)
    assert [(i.code, i.sheet) for i in report.issues] == expected
    assert opsbook.load(path).kind.id == kind


def test_a_copy_of_tasks_is_not_read_as_actions(tmp_path):
    """Before, the copy was the Actions sheet 'found by its headers', with Action ID missing:
    a valid tracker was said to have an error."""
    path = quirkbooks.write(tmp_path / "tracker.xlsx", quirkbooks.base("project"))
    book = openpyxl.load_workbook(path)
    book.copy_worksheet(book["Tasks"]).title = "Tasks 备份"
    book.save(path)
    report = opsbook.validate(path)
    assert report.valid and report.issues == []
    assert set(opsbook.load(path).tables) == {"Projects", "Tasks"}


def test_a_renamed_actions_sheet_is_still_found_by_its_headers(tmp_path):
    sheets = quirkbooks.base("project")
    sheets["Sheet9"] = [["Action ID", "Project ID", "WBS", "Deviation", "Action", "Owner",
                         "Due", "Status"],
                        ["A-1", "P-1", "1.1", "over budget", "renegotiate", "张伟",
                         None, "open"]]
    path = quirkbooks.write(tmp_path / "tracker.xlsx", sheets)
    issues = opsbook.validate(path).issues
    assert ("sheet-found-by-headers", "Sheet9") in [(i.code, i.sheet) for i in issues]


@pytest.mark.parametrize("word", ["汇总", "匯總", "汇 总"])
def test_a_total_row_headed_huizong_is_a_totals_row(tmp_path, word):
    sheets = quirkbooks.base("plan")
    rows = sheets["Plan"]
    at = rows[0].index("Annual Target")
    total = [None] * len(rows[0])
    total[0] = word
    total[at] = sum(row[at] for row in rows[1:])  # 1200 + 90
    rows.append(total)
    path = quirkbooks.write(tmp_path / "plan.xlsx", sheets)
    report = opsbook.validate(path)
    assert report.valid
    (note,) = [i for i in report.issues if i.code == "totals-row"]
    assert (note.severity, note.sheet, note.row) == ("info", "Plan", len(rows))
    assert f"Row {len(rows)} is a totals row ({word})" in note.message("en")
    assert word in note.message("zh")
    assert len(opsbook.load(path)["Plan"]) == len(rows) - 2  # header and total aside


def test_a_task_named_huizong_with_dates_is_data(tmp_path):
    sheets = quirkbooks.base("project")
    task = list(sheets["Tasks"][1])
    task[1], task[2] = "1.9", "汇总"  # a task called 汇总 (a summary report), with its dates
    sheets["Tasks"].append(task)
    path = quirkbooks.write(tmp_path / "tracker.xlsx", sheets)
    assert not [i for i in opsbook.validate(path).issues if i.code == "totals-row"]
    assert "汇总" in set(opsbook.load(path)["Tasks"]["name"])
