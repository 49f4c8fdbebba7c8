"""Trackers headed as people head them — 项目ID, 任务ID, 任务 or 工作内容, 开始/结束, 完成%,
当前进度, 风险ID, 措施ID — are read, not refused as missing columns; the figures come out as
by hand."""

from __future__ import annotations

import openpyxl
import pytest

from opsbook.api import load
from opsbook.project.status import status_of_books


def _write(path, task_headers):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目"
    ws.append(["项目ID", "项目名称", "负责人", "阶段", "计划开始", "计划完成"])
    ws.append(["P1", "示例", "张三", "执行", "2026-11-02", "2026-11-27"])
    tasks = wb.create_sheet("任务")
    tasks.append(task_headers)
    tasks.append(["P1", "1", "调研", "李四", "2026-11-02", "2026-11-13", 0.4, 10000, 5000])
    risks = wb.create_sheet("风险")
    risks.append(["风险ID", "项目ID", "描述", "可能性", "影响", "负责人", "应对措施", "状态"])
    risks.append(["R1", "P1", "人手不足", 4, 3, "张三", "招聘", "进行中"])
    actions = wb.create_sheet("纠正措施")
    actions.append(["措施ID", "项目ID", "任务ID", "偏差", "措施", "负责人", "截止日期", "状态"])
    actions.append(["A1", "P1", "1", "进度落后", "加班", "李四", "2026-11-20", "进行中"])
    settings = wb.create_sheet("设置")
    settings.append(["键", "值"])
    settings.append(["status_date", "2026-11-06"])
    wb.save(path)
    return path


@pytest.mark.parametrize("headers", [
    ["项目ID", "任务ID", "任务名称", "负责人", "计划开始", "计划完成", "完成%", "计划成本",
     "实际成本"],
    ["项目编码", "WBS", "任务", "责任人", "开始", "结束", "完成率(%)", "预算成本", "实际费用"],
    ["项目编号", "任务号", "工作内容", "负责人", "计划开始时间", "计划结束时间", "当前进度",
     "计划成本", "实际成本"],
], ids=["id", "short", "content"])
def test_common_headers_are_read(tmp_path, headers):
    book = load(_write(tmp_path / "t.xlsx", headers), "project")
    problems = [(i.code, i.sheet, i.cell) for i in book.issues
                if i.severity == "error" or i.code in ("unread-column", "missing-column")]
    assert problems == []
    task = book["Tasks"].iloc[0]
    assert (task["project_id"], task["task_id"], task["name"]) == ("P1", "1", "调研")
    assert book["Risks"].iloc[0]["risk_id"] == "R1"
    assert tuple(book["Actions"].iloc[0][["action_id", "task_id"]]) == ("A1", "1")
    result, _ = status_of_books([book])
    # 5 of 10 working days by Fri 6 Nov: PV 5,000; EV 0.4 × 10,000 = 4,000; AC 5,000
    row = result.status.iloc[0]
    assert (row["pv"], row["ev"], row["ac"], row["spi"], row["cpi"]) == (
        5000, 4000, 5000, 0.8, 0.8)
    assert row["open_risks"] == 1 and row["top_risk_score"] == 12
