"""A small appraisal workbook written to disk as the template lays it out: the people given
(王伟 E1, 李娜 E2, 张强 E3, 赵敏 E4), one indicator K1 (results, weight 100), the ratings,
Settings as typed (text stays text) and, when given, History rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from opsbook.api import new_workbook

NAMES = {"E1": "王伟", "E2": "李娜", "E3": "张强", "E4": "赵敏"}
SCORE_COLUMNS = ["employee_id", "rater_id", "rater_role", "indicator_id", "score"]
HISTORY_COLUMNS = ["employee_id", "cycle", "total", "grade"]


def appraisal_book(path: Path, scores: list[tuple], settings: dict[str, object], *,
                   lang: str = "en", departments: dict[str, str] | None = None,
                   managers: dict[str, str] | None = None,
                   history: list[tuple] | None = None) -> Path:
    """``scores`` as (employee, rater, role, indicator, score); ``departments`` employee →
    department (default E1–E3 in 运营部); ``history`` as (employee, cycle, total, grade)."""
    departments = departments or {"E1": "运营部", "E2": "运营部", "E3": "运营部"}
    ids = list(departments)
    frames = {
        "Employees": pd.DataFrame({"employee_id": ids, "name": [NAMES[i] for i in ids],
                                   "department": [departments[i] for i in ids],
                                   "manager_id": [(managers or {}).get(i) for i in ids],
                                   "bonus_base": 1000.0}),
        "Indicators": pd.DataFrame({"indicator_id": ["K1"], "group": ["results"],
                                    "name": ["计划完成"], "weight": [100]}),
        "Scores": pd.DataFrame(scores, columns=SCORE_COLUMNS),
        "Settings": pd.DataFrame({"key": list(settings), "value": list(settings.values())},
                                 dtype=object),
    }
    if history is not None:
        frames["History"] = pd.DataFrame(history, columns=HISTORY_COLUMNS)
    new_workbook("appraisal", lang, path, frames=frames)
    return path


def wide_book(path: Path, second: object, cells: tuple[object, object], *,
              first: str = "K1") -> Path:
    """A wide-form Chinese workbook as a person lays one out with openpyxl: 张三 E1 and 李四 E2
    of 运营部, indicators K1 业绩 (60) and K2 能力 (40), one Scores row per rater with the
    columns ``first`` (K1's scores 80 and 90) and ``second`` (``cells``, typed as given)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "员工"
    for row in (["工号", "姓名", "部门"], ["E1", "张三", "运营部"], ["E2", "李四", "运营部"]):
        sheet.append(row)
    sheet = book.create_sheet("考核指标")
    for row in (["指标编号", "类别", "指标名称", "权重"], ["K1", "工作业绩", "业绩", 60],
                ["K2", "工作能力", "能力", 40]):
        sheet.append(row)
    sheet = book.create_sheet("评分")
    for row in (["工号", "评分人工号", "评分人角色", first, second],
                ["E2", "E1", "上级", 80, cells[0]], ["E1", "E2", "上级", 90, cells[1]]):
        sheet.append(row)
    sheet = book.create_sheet("设置")
    sheet.append(["参数", "值"])
    sheet.append(["cycle", "2026Q4"])
    book.save(path)
    return path
