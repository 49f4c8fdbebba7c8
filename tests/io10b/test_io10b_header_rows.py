"""Headers as reports have them: the header repeated further down (a printed report's, over
each page) is no data row (before: one error per cell, "'Planned Cost' should be a number,
found 'Planned Cost'"); and a sheet whose header is not found is told the fields no row
names (before: the first three fields, whether a row named them or not)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import quirkbooks

import opsbook

TASK_HEADER_ZH = ["项目编号", "任务编号", "任务名称", "计划开始", "计划完成", "完成百分比",
                  "计划成本", "实际成本"]


def _project(tmp_path: Path, tasks: list[list[object]]) -> Path:
    sheets = quirkbooks.base("project")
    sheets["Tasks"] = tasks
    return quirkbooks.write(tmp_path / "project.xlsx", sheets)


def test_the_header_repeated_in_either_language_is_no_data(tmp_path):
    header, *rows = quirkbooks.base("project")["Tasks"]
    path = _project(tmp_path, [header, rows[0], list(header), rows[1], TASK_HEADER_ZH, rows[2]])
    report = opsbook.validate(path)
    assert [(i.code, i.severity, i.cell) for i in report.issues] == [
        ("repeated-header", "info", "A3"), ("repeated-header", "info", "A5")]
    assert report.issues[0].message("en") == "Row 3 repeats the header and is not read as data."
    assert report.issues[1].message("zh") == "第 5 行是重复的表头，不作为数据读取。"
    status = opsbook.project_status(path).result.status.set_index("project_id")
    # P-1: 100% of 50,000 + 60% of 80,000 earned; 52,000 + 45,000 spent; P-2: 30% of 40,000
    assert status.loc["P-1", ["ev", "ac", "task_count"]].tolist() == [98000, 97000, 2]
    assert status.loc["P-2", ["ev", "ac", "task_count"]].tolist() == [12000, 10000, 1]


def test_a_row_naming_a_field_with_data_beside_it_is_data(tmp_path):
    header, *rows = quirkbooks.base("project")["Tasks"]
    odd = ["P-1", "WBS", "Task", None, None, 0.1, 1000, 0]  # a task called "Task", costed
    path = _project(tmp_path, [header, *rows, odd])
    report = opsbook.validate(path)
    assert not [i for i in report.issues if i.code == "repeated-header"]
    assert opsbook.project_status(path).result.status.set_index("project_id").loc[
        "P-1", "task_count"] == 3


def test_missing_header_names_the_fields_no_row_names(tmp_path):
    header, *rows = quirkbooks.base("project")["Tasks"]
    renamed = ["Project ID", "Step", "Activity", "From", "To", "Done", "Cost", "Spent"]
    path = _project(tmp_path, [["Task list"], renamed, *rows])
    (issue,) = [i for i in opsbook.validate(path).issues if i.code == "missing-header"]
    assert (issue.sheet, issue.cell, issue.row) == ("Tasks", "A2", 2)
    assert issue.message("en") == (
        "No header row found in sheet 'Tasks' (no row names WBS/任务编号, Task/任务名称, "
        "Planned Start/计划开始, Planned Finish/计划完成; row 2 names only Project ID/项目编号).")
    assert issue.message("zh") == (
        "工作表“Tasks”中找不到表头行（没有一行包含表头 WBS/任务编号、Task/任务名称、"
        "Planned Start/计划开始、Planned Finish/计划完成；第 2 行只有“项目编号”（Project ID）"
        "一项）。")


def test_missing_header_without_any_field_names_every_required_one(tmp_path):
    _, *rows = quirkbooks.base("project")["Tasks"]
    path = _project(tmp_path, rows)
    (issue,) = [i for i in opsbook.validate(path).issues if i.code == "missing-header"]
    assert issue.cell is None
    assert issue.message("en") == (
        "No header row found in sheet 'Tasks' (no row names Project ID/项目编号, WBS/任务编号, "
        "Task/任务名称, Planned Start/计划开始, Planned Finish/计划完成).")
    done = subprocess.run([sys.executable, "-m", "opsbook", "validate", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "[missing-header]" in done.stdout


def test_a_header_wrapped_within_its_words_names_its_field(tmp_path):
    header, *rows = quirkbooks.base("project")["Tasks"]
    wrapped = ["Project\nID\n项目编号", "WBS", "Task", "计划\n开始\nPlanned\nStart",
               "Planned\nFinish", "% Complete", "Planned\nCost\n(元)", "Actual Cost"]
    path = _project(tmp_path, [wrapped, *rows])
    report = opsbook.validate(path)
    assert report.issues == []
    status = opsbook.project_status(path).result.status.set_index("project_id")
    assert status.loc["P-1", ["ev", "ac"]].tolist() == [98000, 97000]


def test_a_second_header_of_a_field_is_said_as_that_field(tmp_path):
    header, *rows = quirkbooks.base("project")["Tasks"]
    path = _project(tmp_path, [[*header, "Budget (BAC)"], *[[*row, 1] for row in rows]])
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.cell) == ("duplicate-column", "I1")
    assert issue.message("en") == (
        "Column 'Budget (BAC)' appears twice (as Planned Cost, which column G 'Planned Cost' "
        "already is); the second one is ignored.")
    assert issue.message("zh") == (
        "列“Budget (BAC)”重复出现（与第 G 列“Planned Cost”同为“计划成本”）；第二列被忽略。")
