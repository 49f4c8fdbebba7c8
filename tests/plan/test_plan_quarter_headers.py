"""Quarter targets under the headers plans are written with — Q1目标, 第一季度目标, 一季度 —
are read as the quarter targets, not left as unread columns."""

from __future__ import annotations

import openpyxl

import opsbook


def test_quarter_headers_as_written(tmp_path):
    path = opsbook.new_workbook("plan", "zh", tmp_path / "plan.xlsx", sample=True)
    wb = openpyxl.load_workbook(path)
    sheet = wb["计划"]
    header = next(r for r in range(1, 6) if sheet.cell(r, 1).value == "编号")
    spelled = {"一季度目标": "Q1目标", "二季度目标": "第二季度目标", "三季度目标": "三季度",
               "四季度目标": "Q4目标"}
    for cell in sheet[header]:
        if cell.value in spelled:
            cell.value = spelled[cell.value]
    wb.save(path)
    book = opsbook.load(path)
    assert not [i for i in book.issues if i.code == "unread-column"]
    assert book["Plan"][["q1", "q2", "q3", "q4"]].notna().any().all()
