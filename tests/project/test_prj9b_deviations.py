"""Deviations and their corrective actions worked out by hand: only closed actions (已关闭,
closed), an open action without an owner, several actions on one deviation (one without an
owner, one overdue), a task's action, and an overdue action whose task no deviation has."""

from __future__ import annotations

import pandas as pd
from trackers import D, project, status, task, tracker

T = pd.Timestamp


def _action(aid, pid, wbs, owner, due, state):
    return {"action_id": aid, "project_id": pid, "task_id": wbs, "deviation": "late",
            "action": "do " + aid, "owner": owner, "due": due, "status": state}


def test_states_of_deviations_with_and_without_actions(tmp_path):
    """As of Mon 30 Nov each of P-1 … P-6 has one task (2 – 6 Nov, 1000, 50 % done, AC 500):
    SPI 0.5, red, and the task 24 days late — two deviations a project."""
    projects = [project(f"P-{n}") for n in range(1, 7)]
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 500, pid=f"P-{n}")
             for n in range(1, 7)]
    actions = [_action("A-1", "P-1", None, "Ann", T(2026, 12, 10), "已关闭"),
               _action("A-2", "P-2", None, None, T(2026, 12, 10), "open"),
               _action("A-3", "P-3", None, None, T(2026, 12, 10), "open"),
               _action("A-4", "P-3", None, "Bob", T(2026, 12, 11), "进行中"),
               _action("A-10", "P-4", None, "Cy", T(2026, 11, 20), "open"),
               _action("A-9", "P-4", None, "Di", T(2026, 12, 12), "open"),
               _action("A-5", "P-5", "1", "Ed", T(2026, 12, 10), "closed"),
               _action("A-6", "P-5", "1", "Fa", T(2026, 12, 10), "open"),
               _action("A-7", "P-6", "9", "Gu", T(2026, 11, 25), "open")]
    path = tracker(tmp_path / "t.xlsx", projects, tasks, actions=actions)
    result, _ = status(path, as_of=D(2026, 11, 30))
    found = result.deviations.fillna({"action_id": "", "action_owner": ""})
    got = ["|".join(map(str, row)) for row in zip(
        found["project_id"], found["task_id"], found["kind"], found["owner"], found["action_id"],
        found["action_owner"], found["state"])]
    # closed only (P-1): nothing covers it, the project's owner is the one to chase; an open
    # action nobody carries covers nothing (P-2); two open actions, one with an owner: covered,
    # the owner named once (P-3); one of two past its due date, 20 Nov: flagged, ids as
    # numbers, A-9 before A-10 (P-4); of the tasks only P-5's has an open action (A-5 is
    # closed); an open action past due whose WBS no late task has is listed on its own (P-6)
    assert got == """\
P-1||project-red|Owner P-1|||no-action
P-2||project-red|Owner P-2|A-2||no-owner
P-3||project-red|Owner P-3|A-3, A-4|Bob|covered
P-4||project-red|Owner P-4|A-9, A-10|Di, Cy|action-overdue
P-5||project-red|Owner P-5|||no-action
P-6||project-red|Owner P-6|||no-action
P-1|1|task-late|T1|||no-action
P-2|1|task-late|T1|||no-action
P-3|1|task-late|T1|||no-action
P-4|1|task-late|T1|||no-action
P-5|1|task-late|T1|A-6|Fa|covered
P-6|1|task-late|T1|||no-action
P-6|9|action-overdue|Gu|A-7|Gu|action-overdue""".splitlines()
    assert found.loc[found["project_id"].eq("P-4") & found["task_id"].eq(""), "due"].tolist() \
        == [T(2026, 11, 20)]
    s = result.status.set_index("project_id")
    assert s["deviation_count"].tolist() == [2] * 6
    assert not s["deviations_covered"].any()
