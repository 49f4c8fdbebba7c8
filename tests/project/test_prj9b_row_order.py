"""The status workbook does not depend on the order of the rows in the trackers: the same
projects, tasks, risks and actions written in another order give every output sheet cell for
cell the same (values, number formats, fills, notes), run from the command line."""

from __future__ import annotations

import random

import openpyxl
import pandas as pd
from conftest import run_cli
from trackers import D, project, status, task, tracker

T = pd.Timestamp


def _rows() -> tuple[list, list, list, list]:
    """Three projects (P-1 in execution, P-2 closing, P-10 planning), seven tasks, risks with
    tied scores and actions open and closed, on tasks and on projects."""
    projects = [project("P-1", budget=5000), project("P-2", phase="closing", accepted=True),
                project("P-10", phase="planning", owner=None)]
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 1.0, 1200,
                  actual_finish=T(2026, 11, 6)),
             task("2", D(2026, 11, 9), D(2026, 11, 20), 2000, 0.5, 900),
             task("10", D(2026, 11, 9), D(2026, 11, 20), 2000, 0.5, 900, owner=None),
             task("3", D(2026, 11, 23), D(2026, 11, 27), 500, 0.0, 0),
             task("1", D(2026, 11, 2), D(2026, 11, 13), 800, 0.3, 500, pid="P-2"),
             task("2", D(2026, 11, 2), D(2026, 11, 13), 800, 0.3, 500, pid="P-2"),
             task("1.1", D(2026, 11, 16), D(2026, 11, 27), 0, 0.0, 0, pid="P-10")]
    risks = [{"risk_id": r, "project_id": p, "description": "about " + r, "probability": pr,
              "impact": im, "owner": "Owner", "mitigation": "Watch", "status": s}
             for r, p, pr, im, s in [("R-1", "P-1", 3, 4, "open"), ("R-2", "P-1", 4, 3, "open"),
                                     ("R-10", "P-2", 4, 3, "open"),
                                     ("R-3", "P-2", 5, 5, "closed"),
                                     ("R-4", "P-10", 2, 2, "open"), ("R-5", "P-1", 3, 4, "open")]]
    actions = [{"action_id": a, "project_id": p, "task_id": t, "deviation": "late",
                "action": "do " + a, "owner": o, "due": T(2026, 11, d), "status": s}
               for a, p, t, o, d, s in [("A-1", "P-1", None, "Ann", 20, "open"),
                                        ("A-2", "P-1", "2", "Bob", 25, "open"),
                                        ("A-3", "P-1", "2", "Cy", 10, "open"),
                                        ("A-4", "P-1", "3", None, 28, "open"),
                                        ("A-5", "P-2", None, "Di", 29, "closed"),
                                        ("A-6", "P-1", "10", "Ed", 26, "已关闭")]]
    return projects, tasks, risks, actions


def _cells(path) -> dict:
    """Every cell of every sheet: value, number format, fill colour and note text."""
    book = openpyxl.load_workbook(path)
    return {(sheet.title, c.coordinate): (c.value, c.number_format, c.fill.fgColor.rgb,
                                          c.comment.text if c.comment else None)
            for sheet in book.worksheets for row in sheet.iter_rows() for c in row}


def _status_of(folder, seed: int) -> dict:
    folder.mkdir()
    rows = _rows()
    for part in rows if seed else ():
        random.Random(seed).shuffle(part)
    projects, tasks, risks, actions = rows
    tracker(folder / "a.xlsx", [p for p in projects if p["project_id"] != "P-10"],
            [t for t in tasks if t["project_id"] != "P-10"],
            risks=[r for r in risks if r["project_id"] != "P-10"], actions=actions)
    tracker(folder / "b.xlsx", [p for p in projects if p["project_id"] == "P-10"],
            [t for t in tasks if t["project_id"] == "P-10"],
            risks=[r for r in risks if r["project_id"] == "P-10"])
    done = run_cli("project", "status", folder / "a.xlsx", folder / "b.xlsx", "--as-of",
                   "2026-11-30", "-o", folder / "status.xlsx", "-j", "1", "-q")
    assert done.returncode == 0, done.stderr
    return _cells(folder / "status.xlsx")


def test_every_sheet_is_the_same_whatever_the_order_of_the_rows(tmp_path):
    first = _status_of(tmp_path / "in-order", 0)
    for seed in (3, 7):
        again = _status_of(tmp_path / f"shuffled-{seed}", seed)
        assert sorted(first) == sorted(again)
        differ = [k for k in first if first[k] != again[k]]
        assert differ == [], differ[:5]


def test_projects_and_tasks_are_listed_by_file_then_as_people_number_them(tmp_path):
    """Projects typed P-2 then P-1 and tasks 10, 9 (P-1) and 2 (P-2), all late as of the
    30th: Status and Gates list P-1 first, Tasks 9 before 10, Deviations the two projects
    then their late tasks in that order — not the order the rows were typed in."""
    path = tracker(tmp_path / "t.xlsx", [project("P-2"), project("P-1")],
                   [task("2", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, 50, pid="P-2"),
                    task("10", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, 50),
                    task("9", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, 50)])
    result, _ = status(path, as_of=D(2026, 11, 30))
    assert result.status["project_id"].tolist() == ["P-1", "P-2"]
    assert result.gates["project_id"].tolist() == ["P-1", "P-2"]
    assert list(zip(result.tasks["project_id"], result.tasks["task_id"])) == \
        [("P-1", "9"), ("P-1", "10"), ("P-2", "2")]
    assert list(zip(result.deviations["project_id"], result.deviations["task_id"])) == \
        [("P-1", ""), ("P-2", ""), ("P-1", "9"), ("P-1", "10"), ("P-2", "2")]
