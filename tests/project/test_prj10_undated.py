"""A task not scheduled yet (a blank planned start or finish): a warning at its cell, the
tracker still computed, its PV 0 with a note, the planning gate listing it and the Gantt
drawn for the tasks that have dates — no longer an error that left the whole tracker out.
Likewise a project without a baseline yet: its planned dates are its tasks'."""

from __future__ import annotations

import openpyxl
import pandas as pd
from conftest import run_cli
from trackers import D, project, task, tracker

from opsbook.api import load
from opsbook.project.status import status_of_books


def _tracker(tmp_path, phase="planning"):
    """Task 1 Mon 2 – Fri 13 Nov (10 working days), 10,000, 40 % done, AC 5,000; task 2 with a
    planned finish only, 2,000; task 3 with neither date and no cost."""
    return tracker(tmp_path / "t.xlsx", [project(phase=phase)],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 10000, 0.4, 5000),
                    task("2", None, D(2026, 11, 13), 2000),
                    task("3", None, None, None)])


def test_blank_planned_dates_are_warnings_at_their_cells(tmp_path):
    book = load(_tracker(tmp_path), "project")
    found = [(i.code, i.severity, i.cell) for i in book.issues if i.severity != "info"]
    assert found == [("task-without-dates", "warning", "E5"),
                     ("task-without-dates", "warning", "E6"),
                     ("task-without-dates", "warning", "F6")]
    issue = book.issues[0]
    assert issue.message() == (
        "'Planned Start' is blank: the task is not scheduled yet, so its PV is counted as 0 "
        "and it has no Gantt bar; give its planned dates (the planning gate lists the tasks "
        "without them).")
    assert issue.message("zh") == (
        "“Planned Start”为空：该任务尚未排期，其计划价值（PV）按 0 计，甘特图中也没有条形；"
        "请填写计划日期（规划阶段检查会列出缺少计划日期的任务）。")


def test_a_missing_planned_date_column_is_still_an_error(tmp_path):
    path = _tracker(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Tasks"]
    header = next(c for row in ws.iter_rows(max_row=5) for c in row
                  if c.value == "Planned Start")
    ws.delete_cols(header.column)
    wb.save(path)
    book = load(path, "project")
    assert [(i.code, i.severity) for i in book.issues if i.field == "planned_start"] == [
        ("missing-column", "error")]


def test_status_of_a_tracker_with_undated_tasks(tmp_path):
    path = _tracker(tmp_path)
    out = tmp_path / "status.xlsx"
    done = run_cli("project", "status", path, "--as-of", "2026-11-06", "-o", out,
                   "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "RuntimeWarning" not in done.stderr
    wb = openpyxl.load_workbook(out)
    tasks = {row[1]: row for row in wb["Task Earned Value"].iter_rows(min_row=3, max_row=5,
                                                                        values_only=True)}
    # task 1 by hand: 5 of 10 working days by Fri 6 Nov: PV 5,000; EV 4,000; SPI = CPI = 0.8
    assert tasks["1"][10:17] == (5000, 4000, 5000, -1000, -1000, 0.8, 0.8)
    assert tasks["2"][10] == 0 and "Planned dates missing: PV counted as 0." in tasks["2"][-1]
    status = wb["Status"]
    assert [status.cell(3, c).value for c in (5, 6, 7, 8)] == [12000, 5000, 4000, 5000]
    gates = wb["Gates"]
    assert gates["E3"].value == ("planned dates on every task (2, 3); "
                                 "a planned cost on every task (3)")
    gantt = wb["Gantt"]
    # the chart runs over the dated tasks' weeks: 2 and 9 November (status week marked)
    assert [gantt.cell(2, c).value for c in range(8, gantt.max_column + 1)] == [
        "▼11-02", "11-09"]
    assert gantt.cell(3, 8).fill.fgColor.rgb.endswith("2F5597")  # task 1 partly done
    assert gantt.cell(3, 9).fill.fgColor.rgb.endswith("BDD7EE")
    assert gantt.cell(5, 9).fill.fill_type is None  # task 3: no bar


def test_the_gantt_weeks_leave_out_a_missing_date():
    from opsbook.project.gantt import all_weeks

    tasks = pd.DataFrame({"planned_start": [pd.NaT, pd.Timestamp(2026, 11, 4)],
                          "planned_finish": [pd.Timestamp(2026, 11, 20), pd.NaT],
                          "status_date": [pd.Timestamp(2026, 11, 11)] * 2})
    assert [str(w) for w in all_weeks(tasks)] == ["2026-11-02", "2026-11-09", "2026-11-16"]


def test_the_gantt_names_the_tasks_without_a_bar(tmp_path):
    path = tracker(tmp_path / "t.xlsx", [project(phase="planning"), project("P-2")],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 100),
                    task("2", None, None, 100),
                    task("1", None, D(2026, 11, 13), 100, pid="P-2")])
    out = tmp_path / "status.xlsx"
    done = run_cli("project", "status", path, "--as-of", "2026-11-06", "-o", out,
                   "--lang", "zh")
    assert done.returncode == 0, done.stdout + done.stderr
    gantt = openpyxl.load_workbook(out)["甘特图"]
    notes = [gantt.cell(r, 1).value for r in range(gantt.max_row - 1, gantt.max_row + 1)]
    assert notes[-1] == "2 项任务缺少计划日期，没有条形（P-1 2、P-2 1）。"


def test_a_project_without_a_baseline_takes_its_tasks_dates(tmp_path):
    path = tracker(tmp_path / "t.xlsx",
                   [project(start=None, finish=None, phase="initiation")],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 10000, 0.4, 5000),
                    task("2", D(2026, 11, 9), D(2026, 11, 20), 1000)])
    book = load(path, "project")
    found = [(i.code, i.severity, i.cell) for i in book.issues if i.severity != "info"]
    assert found == [("project-without-dates", "warning", "G4"),
                     ("project-without-dates", "warning", "H4")]
    assert book.issues[0].message("zh") == (
        "“Baseline Start”为空：项目尚无基准日期，计划开始和完成按其任务的日期计；"
        "基准日期确定后请填写。")
    result, _ = status_of_books([book], as_of=D(2026, 11, 6))
    row = result.status.iloc[0]
    # planned 2 – 20 Nov (18 days); PV 5,000 + 0, EV 4,000: SPI 0.8; forecast 2 Nov +
    # 18 / 0.8 = 22.5, so 23 days: 25 Nov
    assert row["planned_finish"] == pd.Timestamp(2026, 11, 20)
    assert row["spi"] == 0.8 and row["forecast_finish"] == pd.Timestamp(2026, 11, 25)
