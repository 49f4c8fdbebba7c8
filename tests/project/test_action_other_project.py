"""An action whose WBS is a task of another project only: a warning naming that project."""

from __future__ import annotations

import pandas as pd

from opsbook.api import validate_file
from tests.project.trackers import D, project, task, tracker


def _action(aid: str, pid: str, tid: str) -> dict:
    return {"action_id": aid, "project_id": pid, "task_id": tid, "deviation": "late",
            "action": "Add staff", "owner": "Kim", "due": pd.Timestamp(2026, 12, 10),
            "status": "open"}


def test_action_on_a_task_of_other_projects_names_them(tmp_path) -> None:
    projects = [project("P-1"), project("P-2"), project("P-3")]
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 6), 100.0, pid="P-1"),
             task("7", D(2026, 11, 2), D(2026, 11, 6), 100.0, pid="P-2"),
             task("7", D(2026, 11, 9), D(2026, 11, 13), 100.0, pid="P-3"),
             task("8", D(2026, 11, 9), D(2026, 11, 13), 100.0, pid="P-1")]
    actions = [_action("A-1", "P-1", "7"),   # 7 belongs to P-2 and P-3 only
               _action("A-2", "P-1", "8"),   # its own task: fine
               _action("A-3", "P-2", "7")]   # its own task: fine
    path = tracker(tmp_path / "t.xlsx", projects, tasks, actions=actions)
    report = validate_file(path, "project")
    found = [i for i in report.issues if i.code == "action-task-other-project"]
    assert len(found) == 1
    issue = found[0]
    assert (issue.sheet, issue.value, issue.severity) == ("Actions", "7", "warning")
    assert issue.params == {"project": "P-1", "others": "P-2, P-3", "others_zh": "P-2、P-3"}
    assert "属于项目 P-2、P-3，不属于项目 P-1" in issue.message("zh")
    assert issue.cell is not None and issue.cell.startswith("C")


def test_no_warning_when_every_action_names_its_own_task(tmp_path) -> None:
    projects = [project("P-1")]
    tasks = [task(str(n), D(2026, 11, 2), D(2026, 11, 6), 10.0) for n in range(1, 30)]
    actions = [_action(f"A-{n}", "P-1", str(n)) for n in range(1, 30)]
    path = tracker(tmp_path / "t.xlsx", projects, tasks, actions=actions)
    report = validate_file(path, "project")
    assert not [i for i in report.issues if i.code == "action-task-other-project"]
