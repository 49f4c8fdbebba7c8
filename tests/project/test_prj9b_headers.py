"""Headers people give a tracker's columns (and MS Project's export gives them) are read: a
column under 实际费用, 完成度, 发生可能性 or Likelihood counted — never left out unsaid, so
that the actual cost is 0 or a risk has no score."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from trackers import D, project, status, task, tracker


def _renamed(tmp_path, lang: str, names: dict[str, dict[str, str]]):
    """One project as of Monday 30 November: task 1 (2–6 November) planned 1000, 50 % done,
    AC 800; risk R-1 probability 4, impact 5 (open); action A-1 on task 1, due 1 December,
    owner Ann — with the headers of ``names`` (sheet → header → new header) replaced."""
    risks = [{"risk_id": "R-1", "project_id": "P-1", "description": "Supplier late",
              "probability": 4, "impact": 5, "owner": "Bo", "mitigation": "Second source",
              "status": "open"}]
    actions = [{"action_id": "A-1", "project_id": "P-1", "task_id": "1", "deviation": "late",
                "action": "Add a tester", "owner": "Ann", "due": pd.Timestamp(2026, 12, 1),
                "status": "open"}]
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 800)],
                   risks=risks, actions=actions, lang=lang)
    book = openpyxl.load_workbook(path)
    for sheet, renames in names.items():
        header = next(row for row in book[sheet].iter_rows()
                      if any(c.value in renames for c in row))
        for cell in header:
            cell.value = renames.get(cell.value, cell.value)
    book.save(path)
    return path


def _figures(path):
    result, _ = status(path, as_of=D(2026, 11, 30))
    t = result.tasks.iloc[0]
    r = result.risks.iloc[0]
    d = result.deviations.set_index("kind").loc["task-late"]
    return ((t["pv"], t["ev"], t["ac"], t["cpi"]), (r["score"], r["mitigation"]),
            (d["action_id"], d["due"], d["state"]))


EXPECTED = ((1000.0, 500.0, 800.0, 0.625), (20.0, "Second source"),
            ("A-1", pd.Timestamp(2026, 12, 1), "covered"))


@pytest.mark.parametrize("names", [
    {"任务": {"计划成本": "计划费用", "实际成本": "实际费用", "完成百分比": "完成度",
              "计划开始": "开始时间", "计划完成": "结束时间"},
     "风险": {"可能性": "发生可能性", "影响": "严重程度", "应对措施": "应对策略"},
     "纠正措施": {"截止日期": "完成时限", "状态": "执行状态"}},
    {"任务": {"计划成本": "预算", "实际成本": "已发生成本", "完成百分比": "进度百分比",
              "计划开始": "计划开始时间", "计划完成": "计划完成时间"},
     "风险": {"可能性": "风险概率", "影响": "风险影响", "应对措施": "缓解措施"},
     "纠正措施": {"截止日期": "要求完成日期", "状态": "完成情况"}},
], ids=["zh-1", "zh-2"])
def test_chinese_headers_people_use_are_read(tmp_path, names):
    assert _figures(_renamed(tmp_path, "zh", names)) == EXPECTED


def test_english_headers_people_use_are_read(tmp_path):
    names = {"Tasks": {"Planned Cost": "Budgeted Cost", "Actual Cost": "Actual Spend",
                       "% Complete": "% Done", "Planned Start": "Start",
                       "Planned Finish": "Finish"},
             "Risks": {"Probability": "Likelihood", "Impact": "Severity",
                       "Mitigation": "Response"},
             "Actions": {"Due": "Deadline"}}
    assert _figures(_renamed(tmp_path, "en", names)) == EXPECTED
