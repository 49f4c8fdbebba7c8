"""A risk's or an action's state as registers write it: 监控中, 未发生, 待处理, 新建, pending
are open; 已规避, 已消除, 已取消, 已处理, cancelled closed — read, not an invalid-choice error
that leaves the whole tracker out; a state nobody can place (已发生) is still an error."""

from __future__ import annotations

from trackers import D, project, status, task, tracker

from opsbook.api import load

OPEN = ("监控中", "未发生", "待处理", "新建", "pending", "not started")
CLOSED = ("已规避", "已消除", "已取消", "已处理", "cancelled")


def _tracker(tmp_path, states, action_states=("待处理",)):
    risks = [{"risk_id": f"R-{n}", "project_id": "P-1", "description": "d", "probability": 3,
              "impact": 3, "owner": "Bo", "mitigation": "m", "status": s}
             for n, s in enumerate(states, 1)]
    actions = [{"action_id": f"A-{n}", "project_id": "P-1", "task_id": None,
                "deviation": "late", "action": "catch up", "owner": "Ann", "due": None,
                "status": s} for n, s in enumerate(action_states, 1)]
    # as of 30 Nov the only task (2–6 Nov) is half done: SPI 0.5, the project red
    return tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 500)],
                   risks=risks, actions=actions, lang="zh")


def test_states_as_registers_write_them(tmp_path):
    result, _ = status(_tracker(tmp_path, OPEN + CLOSED), as_of=D(2026, 11, 30))
    risks = result.risks.set_index("risk_id")
    assert risks["open"].tolist() == [True] * 6 + [False] * 5
    assert result.status["open_risks"].tolist() == [6]
    assert int(result.heat.loc[3, 3]) == 6
    project_row = result.deviations[result.deviations["kind"] == "project-red"]
    assert project_row[["action_id", "state"]].values.tolist() == [["A-1", "covered"]]


def test_a_cancelled_action_covers_nothing(tmp_path):
    result, _ = status(_tracker(tmp_path, ("监控中",), ("已取消",)), as_of=D(2026, 11, 30))
    project_row = result.deviations[result.deviations["kind"] == "project-red"]
    assert project_row["state"].tolist() == ["no-action"]


def test_a_state_of_no_side_is_an_error_at_its_cell(tmp_path):
    book = load(_tracker(tmp_path, ("已发生",)), "project")
    errors = [(i.sheet, i.cell, i.code) for i in book.issues if i.severity == "error"]
    assert errors == [("风险", "H4", "invalid-choice")]
