"""Action and risk states as Chinese and English registers write them: late or waiting to be
checked (延期, 推迟, 待验证, 部分完成, 整改中, delayed, blocked) is still open, verified or
closed out (已验证, 已闭环) closed — not an invalid-choice error that left the whole tracker
out of the status."""

from __future__ import annotations

import pandas as pd
import pytest
from trackers import D, project, status, task, tracker

from opsbook.api import load


def _tracker(tmp_path, state):
    actions = [{"action_id": "A-1", "project_id": "P-1", "task_id": "1", "action": "catch up",
                "owner": "Ann", "due": pd.Timestamp(2026, 11, 13), "status": state}]
    return tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 500)],
                   actions=actions, status_date=pd.Timestamp(2026, 11, 20))


@pytest.mark.parametrize("state", ["延期", "已延期", "推迟", "待验证", "部分完成", "跟踪",
                                   "解决中", "整改中", "Delayed", "Blocked", "in review"])
def test_a_late_or_unchecked_action_is_open(tmp_path, state):
    path = _tracker(tmp_path, state)
    assert [i.code for i in load(path, "project").issues if i.field == "status"] == []
    result, _ = status(path)
    task_row = result.deviations[result.deviations["kind"] == "task-late"].iloc[0]
    # open, due 13 Nov, before the status date of 20 Nov: it covers the task, and is overdue
    assert (task_row["action_id"], task_row["state"]) == ("A-1", "action-overdue")


@pytest.mark.parametrize("state", ["已验证", "验证通过", "已整改", "已闭环", "Verified"])
def test_a_verified_action_is_closed(tmp_path, state):
    path = _tracker(tmp_path, state)
    assert [i.code for i in load(path, "project").issues if i.field == "status"] == []
    result, _ = status(path)
    task_row = result.deviations[result.deviations["kind"] == "task-late"].iloc[0]
    assert task_row["state"] == "no-action"
