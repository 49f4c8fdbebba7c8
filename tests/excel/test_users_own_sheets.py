"""A sheet of the user's that bears the name of a sheet the buttons write (a "Status" sheet
of their own notes, an "Issues" log) is never replaced: opsbook's goes beside it as
"Status (opsbook)", is replaced there by the next run, and is never read as input. Real
workbooks on disk, through the same handlers as the buttons (the file port)."""

from __future__ import annotations

import openpyxl
import pytest

import opsbook
from opsbook.api import annotate, calculate, new_workbook

USERS_STATUS = [["My weekly notes", None], ["Week", "Comment"], ["W45", "kick-off went well"]]
USERS_ISSUES = [["ID", "Issue", "Owner"], ["I-1", "Vendor late", "Ann"], ["I-2", "Scope creep",
                                                                         "Bo"]]


def values(ws) -> list[list]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


@pytest.fixture
def tracker(tmp_path):
    path = tmp_path / "tracker.xlsx"
    new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    for name, rows in (("Status", USERS_STATUS), ("Issues", USERS_ISSUES)):
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def test_calculate_writes_beside_the_users_sheets_and_leaves_them(tracker):
    report, lines = calculate(tracker)
    assert not [i for i in report.issues if i.severity == "error"], report.issues
    book = openpyxl.load_workbook(tracker)
    assert values(book["Status"]) == USERS_STATUS
    assert values(book["Issues"]) == USERS_ISSUES
    assert "Status (opsbook)" in book.sheetnames
    assert book["Status (opsbook)"]["A2"].value == "Project ID"  # opsbook's status table
    said = " ".join(lines)
    assert "'Status' is a sheet of yours, left as it is: the results are in " \
           "'Status (opsbook)'" in said

    names = book.sheetnames
    again, _ = calculate(tracker)  # the next run replaces its own sheet where it is
    assert [i.code for i in again.issues] == [i.code for i in report.issues]
    book = openpyxl.load_workbook(tracker)
    assert book.sheetnames == names
    assert values(book["Status"]) == USERS_STATUS and values(book["Issues"]) == USERS_ISSUES
    assert opsbook.load(tracker).kind.id == "project"


def test_validate_puts_its_issues_beside_the_users_issue_log(tracker, tmp_path):
    book = openpyxl.load_workbook(tracker)
    book["Tasks"]["E4"] = "soon"  # a planned start that is no date: an error to list
    book.save(tracker)
    out = tmp_path / "annotated.xlsx"
    annotate(tracker, out)
    made = openpyxl.load_workbook(out)
    assert values(made["Issues"]) == USERS_ISSUES
    listed = values(made["Issues (opsbook)"])
    assert listed[1][:2] == ["Sheet", "Cell"] and any(row[1] == "E4" for row in listed[2:])

    annotate(out, tmp_path / "again.xlsx")  # its own Issues sheet is found and replaced
    again = openpyxl.load_workbook(tmp_path / "again.xlsx")
    assert [n for n in again.sheetnames if "Issues" in n] == ["Issues", "Issues (opsbook)"]
    assert values(again["Issues"]) == USERS_ISSUES


def test_chinese_status_line_and_an_earlier_runs_sheet_replaced_in_place(tmp_path):
    path = tmp_path / "项目.xlsx"
    new_workbook("project", "zh", path, sample=True)
    calculate(path)  # an earlier run's 项目状态 sheet: opsbook's own
    names = openpyxl.load_workbook(path).sheetnames
    _, lines = calculate(path)
    assert openpyxl.load_workbook(path).sheetnames == names  # nothing placed beside
    assert "您自己的工作表" not in " ".join(lines)

    book = openpyxl.load_workbook(path)
    del book["项目状态"]
    ws = book.create_sheet("项目状态")
    ws.append(["本周例会纪要"])
    book.save(path)
    _, lines = calculate(path)
    assert "“项目状态”是您自己的工作表，未改动；结果写在“项目状态 (opsbook)”。" in " ".join(lines)
    assert openpyxl.load_workbook(path)["项目状态"]["A1"].value == "本周例会纪要"
