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
