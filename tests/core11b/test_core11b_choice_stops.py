"""A choice typed with the mark a sentence ends in ("通过。", "Approved!", "病假；", "高．")
was ``invalid-choice``: now the mark is dropped before the lookup, in every choice column
of every kind and in a choice setting (a plan's status, a project's EAC method, also in
any case: "CPI"). A text that is still no choice keeps its message."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from quirkbooks import write

import opsbook
from opsbook.core.headers import choice_key

D = dt.date


@pytest.mark.parametrize(("typed", "key"), [
    ("通过。", "通过"), ("Approved.", "approved"), ("Approved!", "approved"),
    ("通过！", "通过"), ("通过；", "通过"), ("通过;", "通过"), ("通过．", "通过"),
    ("通过｡", "通过"), ("通过 。 ", "通过"), ("通过!!", "通过"), ("不通过", "不通过")])
def test_a_choice_without_its_closing_mark(typed, key):
    assert choice_key(typed) == key


def _plan(path, decisions, settings=()):
    return write(path, {
        "Plan": [["Item ID", "Department", "Objective", "KPI", "Unit", "Annual Target",
                  "Budget", "Owner", "Start", "End", "Priority"],
                 *[[f"OPS-0{n}", "运营部", f"目标{n}", f"指标{n}", "件", 100, 1000, "张伟",
                    D(2027, 1, 1), D(2027, 12, 31), priority]
                   for n, priority in enumerate(("高。", "Low!", "medium；", "中"), 1)]],
        "Review": [["Item ID", "Reviewer", "Comment", "Decision"],
                   *[[f"OPS-0{n}", "李娜", "", d] for n, d in enumerate(decisions, 1)]],
        "Settings": [["Key", "Value"], ["year", 2027], *settings]})


def test_decisions_and_priorities_typed_with_a_full_stop(tmp_path):
    path = _plan(tmp_path / "plan.xlsx", ["通过。", "Approved!", "不通过；", "修改．"],
                 [["status", "已提交。"]])
    report = opsbook.validate(path)
    assert [i.code for i in report.issues] == []
    book = opsbook.load(path)
    assert book["Review"]["decision"].tolist() == ["accept", "accept", "reject", "revise"]
    assert book["Plan"]["priority"].tolist() == ["high", "low", "medium", "medium"]
    assert book.settings.status == "submitted"


def test_a_text_still_no_choice_is_said_in_both_languages(tmp_path):
    path = _plan(tmp_path / "plan.xlsx", ["通过吗。", "通过", "通过", "通过"])
    issues = [i for i in opsbook.validate(path).issues if i.code == "invalid-choice"]
    assert [(i.sheet, i.cell) for i in issues] == [("Review", "D2")]
    assert "通过吗。" in issues[0].message("en") and "通过吗。" in issues[0].message("zh")
    assert "accept/通过" in issues[0].message("en")
    assert "accept/通过" in issues[0].message("zh")


def test_a_leave_type_and_status_with_a_closing_mark(tmp_path):
    path = write(tmp_path / "kq.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E001", "张伟", "运营部"]],
        "Leave": [["Request ID", "Employee ID", "Leave Type", "Start", "End", "Status"],
                  ["L1", "E001", "病假。", D(2026, 11, 3), D(2026, 11, 3), "已批准！"]],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})
    assert [i.code for i in opsbook.validate(path).errors] == []
    leave = opsbook.load(path)["Leave"]
    assert leave[["leave_type", "status"]].values.tolist() == [["sick", "approved"]]


def test_a_choice_setting_in_any_case_and_with_a_mark(tmp_path):
    path = write(tmp_path / "project.xlsx", {
        "Tasks": [["Project ID", "Task ID", "Task", "Planned Start", "Planned Finish",
                   "Planned Cost", "Percent Complete"],
                  ["P1", "T1", "设计", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5]],
        "Settings": [["Key", "Value"], ["status_date", D(2026, 11, 4)],
                     ["eac_method", "CPI_SPI。"]]})
    book = opsbook.load(path)
    assert book.settings.eac_method == "cpi_spi"
    assert not [i for i in book.issues if i.code == "invalid-setting"]


def test_the_command_line_reads_the_decision(tmp_path):
    path = _plan(tmp_path / "plan.xlsx", ["通过。", "通过。", "通过。", "通过。"])
    done = subprocess.run([sys.executable, "-m", "opsbook", "validate", str(path)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert "invalid-choice" not in done.stdout
