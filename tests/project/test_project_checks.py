"""Deviations with corrective actions, phase gates, risks and several trackers at once."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from trackers import D, project, status, task, tracker

import opsbook
from opsbook.core.messages import render  # noqa: F401  (codes render in both languages)

STATUS = D(2026, 11, 18)  # a Wednesday


def _trackers(tmp_path):
    projects = [project("P-1", phase="execution"), project("P-2", phase="closing",
                                                           accepted=True,
                                                           lessons_learned=True),
                project("P-3", phase="planning")]
    tasks = [
        # P-1: task 1 late (planned to end Fri 13th, 50 % done), task 2 on plan
        task("1", D(2026, 11, 9), D(2026, 11, 13), 500, 0.5, 250, pid="P-1"),
        task("2", D(2026, 11, 16), D(2026, 11, 20), 500, 0.6, 300, pid="P-1"),
        task("3", D(2026, 11, 16), D(2026, 11, 20), 100, 0.0, 0, pid="P-1"),
        # P-2: done, on budget
        task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 1.0, 1000, pid="P-2",
             actual_finish=pd.Timestamp(2026, 11, 6)),
        # P-3: one task without a planned cost
        task("1", D(2026, 12, 1), D(2026, 12, 4), None, pid="P-3"),
    ]
    actions = [
        {"action_id": "A-1", "project_id": "P-1", "task_id": "1", "deviation": "late",
         "action": "Add a tester", "owner": "Lee", "due": pd.Timestamp(2026, 11, 19),
         "status": "open"},
        {"action_id": "A-2", "project_id": "P-1", "task_id": "2", "deviation": "old",
         "action": "Closed one", "owner": "Lee", "due": pd.Timestamp(2026, 11, 30),
         "status": "closed"},
        {"action_id": "A-3", "project_id": "P-2", "task_id": None, "deviation": "gone",
         "action": "Review", "owner": "Kim", "due": pd.Timestamp(2026, 11, 10),
         "status": "open"},
    ]
    risks = [
        {"risk_id": "R-1", "project_id": "P-1", "description": "a", "probability": 2,
         "impact": 3, "owner": "x", "mitigation": "m", "status": "open"},
        {"risk_id": "R-2", "project_id": "P-1", "description": "b", "probability": 5,
         "impact": 4, "owner": "x", "mitigation": "m", "status": "open"},
        {"risk_id": "R-3", "project_id": "P-2", "description": "c", "probability": 5,
         "impact": 5, "owner": "x", "mitigation": "m", "status": "closed"},
        {"risk_id": "R-4", "project_id": "P-2", "description": "d", "probability": 2,
         "impact": 3, "owner": "x", "mitigation": "m", "status": "open"},
    ]
    return tracker(tmp_path / "a.xlsx", projects, tasks, risks=risks, actions=actions,
                   status_date=STATUS)


def test_deviations_are_matched_with_open_actions(tmp_path) -> None:
    result, _ = status(_trackers(tmp_path))
    p1 = result.status.set_index("project_id").loc["P-1"]
    # PV: task 1 all 500; task 2 Mon–Wed 3/5 of 500 = 300; task 3 3/5 of 100 = 60
    assert (p1.pv, p1.ev, p1.ac) == (860.0, 550.0, 550.0)
    assert round(p1.spi, 4) == round(550 / 860, 4) and p1.cpi == 1.0 and p1.rag == "red"
    d = result.deviations.set_index(["project_id", "task_id", "kind"])
    late = d.loc[("P-1", "1", "task-late")]
    assert (late.action_id, late.state, late.days_late) == ("A-1", "covered", 5)
    red = d.loc[("P-1", "", "project-red")]  # A-1 is for a task, not for the project
    assert red.state == "no-action" and red.owner == "Owner P-1" and pd.isna(red.action_id)
    stale = d.loc[("P-2", "", "action-overdue")]  # P-2 is green: A-3's deviation is gone
    assert (stale.action_id, stale.state) == ("A-3", "action-overdue")
    assert ("P-1", "2", "task-late") not in d.index  # planned finish after the status date
    assert not p1.deviations_covered
    assert result.status.set_index("project_id").loc["P-2", "deviations_covered"]


def test_an_overdue_action_is_flagged_on_its_deviation(tmp_path) -> None:
    result, _ = status(_trackers(tmp_path), as_of=D(2026, 11, 20))
    late = result.deviations.set_index(["project_id", "task_id"]).loc[("P-1", "1")]
    assert late.state == "action-overdue"  # A-1 was due on the 19th


def test_an_action_nobody_owns_covers_nothing(tmp_path) -> None:
    """A-4 is open for P-1's red status but names no owner: the deviation is listed as a
    corrective action without an owner, and P-1's deviations are not covered."""
    path = _trackers(tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Actions"]
    sheet.append(["A-4", "P-1", None, "red", "Re-plan", None, dt.datetime(2026, 11, 30),
                  "open"])
    sheet.append(["A-5", "P-1", "99", "late", "Chase", "Lee", dt.datetime(2026, 11, 30),
                  "open"])
    last = sheet.max_row
    book.save(path)
    (unknown,) = [i for i in opsbook.validate(path).issues if i.code == "unknown-reference"]
    assert (unknown.sheet, unknown.row, unknown.severity) == ("Actions", last, "warning")
    result, _ = status(path)
    red = result.deviations.set_index(["project_id", "task_id", "kind"]).loc[
        ("P-1", "", "project-red")]
    assert (red.action_id, red.state) == ("A-4", "no-owner")
    assert not result.status.set_index("project_id").loc["P-1", "deviations_covered"]
    gate = result.gates.set_index("project_id").loc["P-1"]
    assert gate.deviations_uncovered == "project"  # task 1's late is covered by A-1


def test_gates(tmp_path) -> None:
    result, _ = status(_trackers(tmp_path))
    g = result.gates.set_index("project_id")
    # task 3 was planned to start on the 16th and has no actual start
    assert g.loc["P-1", "missing"] == "actual-starts" and not g.loc["P-1", "passed"]
    assert g.loc["P-1", "tasks_not_started"] == "3"
    assert g.loc["P-2", "missing"] == "archived" and not g.loc["P-2", "passed"]
    assert g.loc["P-3", "missing"] == "task-costs" and g.loc["P-3", "tasks_without_cost"] == "1"


def test_risks_ranked_and_heat_map(tmp_path) -> None:
    result, _ = status(_trackers(tmp_path))
    r = result.risks
    assert r["risk_id"].tolist() == ["R-2", "R-1", "R-4", "R-3"]
    assert r["rank"].tolist()[:3] == [1, 2, 3] and pd.isna(r["rank"].iloc[3])
    assert r["level"].tolist() == ["high", "medium", "medium", "high"]
    assert result.heat.loc[5, 4] == 1 and result.heat.loc[2, 3] == 2
    assert result.heat.to_numpy().sum() == 3  # the closed risk is left out
    s = result.status.set_index("project_id")
    assert (s.loc["P-1", "open_risks"], s.loc["P-1", "top_risk_score"]) == (2, 20)


def test_status_date_command_line_wins_and_blank_means_today(tmp_path) -> None:
    path = _trackers(tmp_path)
    result, issues = status(path, as_of=D(2026, 11, 20))
    assert result.config["status_from"].tolist() == ["command"]
    assert result.status["status_date"].iloc[0] == pd.Timestamp(2026, 11, 20)
    assert not issues
    blank = tracker(tmp_path / "b.xlsx", [project()], [task("1", D(2026, 11, 2),
                                                            D(2026, 11, 6), 100)])
    result, issues = status(blank, today=D(2026, 11, 29))
    assert result.config["status_from"].tolist() == ["today"]
    assert [i.code for i in issues] == ["status-date-today"]
    assert "2026-11-29" in issues[0].message("en") and "2026-11-29" in issues[0].message("zh")


def test_several_trackers_and_a_located_conflict(tmp_path) -> None:
    one = tracker(tmp_path / "one.xlsx", [project("P-1"), project("P-2")],
                  [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 1.0, 100, pid="P-1"),
                   task("1", D(2026, 11, 2), D(2026, 11, 6), 200, 1.0, 100, pid="P-2")],
                  status_date=STATUS)
    two = tracker(tmp_path / "two.xlsx", [project("P-3"), project("P-1")],
                  [task("1", D(2026, 11, 2), D(2026, 11, 6), 300, 1.0, 300, pid="P-3"),
                   task("1", D(2026, 11, 2), D(2026, 11, 6), 999, 1.0, 999, pid="P-1")],
                  status_date=STATUS)
    result, issues = status(one, two)
    s = result.status.set_index("project_id")
    assert sorted(s.index) == ["P-1", "P-2", "P-3"]
    assert s.loc["P-1", "bac"] == 100 and s.loc["P-1", "source"] == "one.xlsx"
    assert s.loc["P-3", "source"] == "two.xlsx"
    assert len(result.tasks) == 3
    [clash] = issues
    assert (clash.code, clash.severity, clash.file, clash.sheet) == (
        "duplicate-project", "error", str(two), "Projects")
    assert (clash.row, clash.cell, clash.value) == (5, "A5", "P-1")
    assert "one.xlsx" in clash.message("en") and "one.xlsx" in clash.message("zh")


def test_a_percentage_typed_with_its_sign_is_what_it_says(tmp_path) -> None:
    """'60%' is 60 % and '150％' is 150 %, out of range (not 1.5 %); a number is read as its
    cell shows it: the template's % Complete is formatted 0%, so 0.25 is 25 % and 60 (which
    Excel shows as 6000%) is out of range, said as 6000% — never silently 60 %; the range
    is said in percentages."""
    rows = [task(str(n), D(2026, 11, 2), D(2026, 11, 13), 100.0, 0.0, percent_complete=pct)
            for n, pct in enumerate(["60%", "150％", 60, 0.25], start=1)]  # a full-width ％
    path = tracker(tmp_path / "pct.xlsx", [project()], rows, status_date=D(2026, 11, 6))
    book = opsbook.load(path)
    issues = opsbook.validate(path).issues
    wrong = [i for i in issues if i.code == "out-of-range"]
    rows_read = book.tables["Tasks"].frame.index
    assert [(i.row, i.field) for i in wrong] == [(rows_read[1], "percent_complete"),
                                                 (rows_read[2], "percent_complete")]
    assert wrong[1].value == "6000%"
    assert "between 0% and 100%" in wrong[0].message("en")
    assert "0% 到 100%" in wrong[0].message("zh")
    done = book["Tasks"]["percent_complete"]
    assert [done.iloc[0], done.iloc[3]] == [0.6, 0.25]


def test_thresholds_out_of_order_and_progress_against_actual_dates(tmp_path) -> None:
    """An amber threshold above green is an error at its setting; a task with an actual
    finish but 50 % complete, and an actual date after the status date, are warnings."""
    rows = [task("1", D(2026, 11, 2), D(2026, 11, 6), 100.0, 0.5,
                 actual_finish=pd.Timestamp(2026, 11, 5)),
            task("2", D(2026, 11, 2), D(2026, 11, 6), 100.0, 1.0,
                 actual_finish=pd.Timestamp(2026, 12, 3))]
    path = tracker(tmp_path / "odd.xlsx", [project()], rows, status_date=D(2026, 11, 20),
                   spi_green=0.8, spi_amber=1.2)
    found = {(i.code, i.field, i.severity) for i in opsbook.validate(path).issues}
    assert found >= {("invalid-setting", "spi_amber", "error"),
                     ("task-finished-incomplete", "percent_complete", "warning"),
                     ("actual-after-status-date", "actual_finish", "warning")}


@pytest.mark.parametrize("typed", ["2026/11/18", "2026年11月18日"])
def test_a_status_date_typed_as_text_is_read_and_said(tmp_path, typed) -> None:
    path = tracker(tmp_path / "text-date.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 100.0)], status_date=typed)
    (note,) = [i for i in opsbook.validate(path).issues if i.code == "coerced-value"]
    assert (note.field, note.severity, note.params["result"]) == (
        "status_date", "warning", "2026-11-18")
    assert "2026-11-18" in note.message("zh") and opsbook.load(path).settings.status_date \
        == D(2026, 11, 18)


def test_the_deviations_title_counts_deviations_and_overdue_actions_apart(tmp_path) -> None:
    done = opsbook.project_status([_trackers(tmp_path)])
    sheet = next(s for s in done.sheets if s.name == "Deviations")
    stale = int(done.result.deviations["kind"].eq("action-overdue").sum())
    deviations = len(done.result.deviations) - stale
    assert stale == 1 and f": {deviations} deviation(s), " in sheet.title
    assert sheet.title.endswith(", and 1 overdue action(s)")
    chase = sheet.headers.index("Owner to Chase")
    assert all(row[chase] for row in sheet.rows)  # a name, or a word that none is given
