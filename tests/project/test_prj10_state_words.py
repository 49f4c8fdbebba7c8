"""A risk's or an action's state as registers say it — 未解决, 跟进中, 暂停, on hold (open);
处理完毕, 已解除, 已结束 (closed) — is read, and an action so marked closed covers no
deviation; "mitigated" says neither and is still refused."""

from __future__ import annotations

import pytest
from trackers import D, project, status, task, tracker

from opsbook.api import load


def _risk(rid, state):
    return {"risk_id": rid, "project_id": "P-1", "description": "d", "probability": 3,
            "impact": 4, "owner": "o", "mitigation": "m", "status": state}


@pytest.mark.parametrize(("typed", "state"), [
    ("未解决", "open"), ("未处理", "open"), ("未完成", "open"), ("待办", "open"),
    ("跟进中", "open"), ("执行中", "open"), ("暂停", "open"), ("On Hold", "open"),
    ("处理完毕", "closed"), ("已结束", "closed"), ("结束", "closed"), ("已解除", "closed")])
def test_state_words(tmp_path, typed, state):
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 100, 1.0, 100)],
                   risks=[_risk("R-1", typed)])
    book = load(path, "project")
    assert [i.code for i in book.issues if i.field == "status"] == []
    assert book["Risks"]["status"].tolist() == [state]
    result, _ = status(path, as_of=D(2026, 11, 20))
    assert result.status.iloc[0]["open_risks"] == (state == "open")


def test_an_action_done_covers_nothing_and_one_followed_up_does(tmp_path):
    # task 1 (1.0 planned 2 – 6 Nov, 50 %) and task 2 (same, 50 %) late on 20 Nov
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, 50),
             task("2", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, 50)]
    actions = [{"action_id": "A-1", "project_id": "P-1", "task_id": "1", "deviation": "late",
                "action": "more hands", "owner": "O", "due": D(2026, 11, 30),
                "status": "处理完毕"},
               {"action_id": "A-2", "project_id": "P-1", "task_id": "2", "deviation": "late",
                "action": "more hands", "owner": "O", "due": D(2026, 11, 30),
                "status": "跟进中"}]
    path = tracker(tmp_path / "t.xlsx", [project()], tasks, actions=actions)
    result, _ = status(path, as_of=D(2026, 11, 20))
    late = result.deviations[result.deviations["kind"] == "task-late"]
    assert list(zip(late["task_id"], late["state"])) == [("1", "no-action"), ("2", "covered")]


def test_mitigated_is_still_refused(tmp_path):
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 100, 1.0, 100)],
                   risks=[_risk("R-1", "Mitigated")])
    issue = next(i for i in load(path, "project").issues if i.field == "status")
    assert (issue.code, issue.severity, issue.cell) == ("invalid-choice", "error", "H4")
