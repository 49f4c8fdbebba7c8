"""An action of a project the tracker does not have: the unknown-reference error at its
Project ID says it all; its WBS is not also said to be "a task of another project"."""

from __future__ import annotations

import pandas as pd
from trackers import D, project, task, tracker

from opsbook.api import validate_file


def _action(aid: str, pid: str, tid: str) -> dict:
    return {"action_id": aid, "project_id": pid, "task_id": tid, "deviation": "late",
            "action": "Add staff", "owner": "Kim", "due": pd.Timestamp(2026, 12, 10),
            "status": "open"}


def test_an_action_of_an_unknown_project_is_one_error_only(tmp_path):
    """A-1 names P-9 (no such project) and WBS 1 (a task of P-1): one unknown-reference
    error at B4, no action-task-other-project warning at C4; A-2 names P-2 (a project with
    no task 1) and WBS 1: the warning, naming P-1."""
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 6), 100.0, pid="P-1")]
    path = tracker(tmp_path / "t.xlsx", [project("P-1"), project("P-2")], tasks,
                   actions=[_action("A-1", "P-9", "1"), _action("A-2", "P-2", "1")])
    issues = [(i.code, i.cell, i.severity) for i in validate_file(path, "project").issues
              if i.sheet == "Actions"]
    assert issues == [("unknown-reference", "B4", "error"),
                      ("action-task-other-project", "C5", "warning")]
