"""An overdue corrective action whose deviation is gone is still listed under Deviations; when
its WBS is a task of its project, the row names the task, as a late task's row does."""

from __future__ import annotations

from trackers import D, project, status, task, tracker


def test_overdue_action_row_names_its_task(tmp_path):
    actions = [{"action_id": "A-1", "project_id": "P-1", "task_id": "1.1", "deviation": "late",
                "action": "Push", "owner": "Tom", "due": D(2026, 11, 5), "status": "open"},
               {"action_id": "A-2", "project_id": "P-1", "task_id": None, "deviation": "cost",
                "action": "Freeze", "owner": "Ann", "due": D(2026, 11, 4), "status": "open"}]
    # task 1.1 on plan (PV 500 = EV 500 by Fri 6 Nov), so no deviation is left for A-1
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1.1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 500)],
                   actions=actions)
    result, _ = status(path, as_of=D(2026, 11, 6))
    rows = result.deviations.set_index("action_id")
    assert rows.loc["A-1", ["kind", "task_id", "task_name", "owner"]].tolist() == [
        "action-overdue", "1.1", "Task 1.1", "Tom"]
    assert rows.loc["A-2", ["kind", "task_id", "task_name"]].tolist() == [
        "action-overdue", "", ""]
