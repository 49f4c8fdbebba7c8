"""Headers a Chinese user gives a tracker besides the standard ones (计划开始日期, 项目经理,
预算（元）, WBS编码, 完成进度（%）, 完成期限 …): each read as its column, so no owner, date
or cost is dropped unread."""

from __future__ import annotations

import openpyxl
from trackers import D, project, status, task, tracker

import opsbook
from opsbook.api import load

PROJECT_HEADERS = ["项目编号", "项目名称", "项目经理", "项目阶段", "项目目标", "项目范围",
                   "开始日期", "结束日期", "预算（元）", "是否验收", "经验教训", "是否归档"]
TASK_HEADERS = ["项目编号", "WBS编码", "任务名称", "责任人", "计划开始日期", "计划结束日期",
                "实际开始日期", "实际结束日期", "完成进度（%）", "计划成本（元）", "实际成本（元）"]
ACTION_HEADERS = ["措施编号", "项目编号", "任务编号", "偏差描述", "纠正措施", "责任人", "完成期限",
                  "措施状态"]
RISK_HEADERS = ["风险编号", "项目编号", "风险描述", "发生概率", "影响程度", "责任人", "应对措施",
                "风险状态"]


def test_a_tracker_with_headers_of_its_own_is_read_whole(tmp_path):
    """Project P-1 (owner 张三, budget 10 000, accepted) with task 1.1 (owner 李四, 2–6
    November, 5 000, 50 % done, 2 000 spent, not finished), and an action for 1.1 owned
    by 王五 due 1 December. As of Tuesday 10 November the
    task is 4 days past its planned finish: the deviation is matched with the action and
    its owner, PV 5 000, EV 2 500, AC 2 000 — every column read under its own header."""
    path = tracker(tmp_path / "t.xlsx", [project(owner="张三", budget=10000, accepted="是")],
                   [task("1.1", D(2026, 11, 2), D(2026, 11, 6), 5000, 0.5, 2000, owner="李四")],
                   actions=[{"action_id": "A-1", "project_id": "P-1", "task_id": "1.1",
                             "deviation": "延期", "action": "加派人手", "owner": "王五",
                             "due": D(2026, 12, 1), "status": "进行中"}],
                   risks=[{"risk_id": "R-1", "project_id": "P-1", "description": "人手不足",
                           "probability": 4, "impact": 3, "owner": "赵六",
                           "status": "已关闭"}], lang="zh")
    book = openpyxl.load_workbook(path)
    for sheet, headers in (("项目", PROJECT_HEADERS), ("任务", TASK_HEADERS),
                           ("纠正措施", ACTION_HEADERS), ("风险", RISK_HEADERS)):
        for column, header in enumerate(headers, start=1):
            book[sheet].cell(3, column).value = header
    book.save(path)
    read = load(path, "project")
    assert [i.code for i in read.issues if i.severity != "info"] == []
    result, _ = status(path, as_of=D(2026, 11, 10))
    row = result.status.iloc[0]
    assert (row["owner"], row["budget"], row["pv"], row["ev"], row["ac"]) == \
        ("张三", 10000, 5000, 2500, 2000)
    assert result.tasks.iloc[0][["owner", "task_id"]].tolist() == ["李四", "1.1"]
    late = result.deviations[result.deviations["kind"] == "task-late"].iloc[0]
    assert (late["owner"], late["action_owner"], late["state"], late["days_late"]) == \
        ("李四", "王五", "covered", 4)
    risk = result.risks.iloc[0]
    assert (risk["score"], risk["owner"], risk["open"]) == (12, "赵六", False)
    done = opsbook.project_status([path], as_of="2026-11-10")
    assert done.result.status["bac"].tolist() == [5000]
