"""A small appraisal cycle with hand-computed results, and its summary and detail sheets.

Four employees, one indicator (weight 100), rated by one superior only, so each total is the
superior's score: 运营部 E1 95 (S, commend), E2 75 (B); 市场部 E3 55 (D, improve; D last
cycle too, so escalated), E4 85 (A). Bonus = base × coefficient: 15000 + 10000 + 0 + 24000 =
49000. Mean 77.5; last cycle (2026Q3: 80, 70, 50, 80) 70. Department means 85 and 70
(2026Q3: 75 and 65); 市场部 is 7.5 below the company mean.
"""

from __future__ import annotations

import pandas as pd

from opsbook.appraisal.compute import AppraisalResult, score
from opsbook.appraisal.outputs import sheets
from opsbook.appraisal.settings import AppraisalSettings
from opsbook.appraisal.summary import summary
from opsbook.core.output import SheetOut
from opsbook.core.summary import Summary

TOTALS = {"E1": 95.0, "E2": 75.0, "E3": 55.0, "E4": 85.0}
NAMES = {"E1": "王伟", "E2": "李娜", "E3": "张强", "E4": "赵敏"}
DEPARTMENTS = {"E1": "运营部", "E2": "运营部", "E3": "市场部", "E4": "市场部"}
PREVIOUS = {"E1": 80.0, "E2": 70.0, "E3": 50.0, "E4": 80.0}
BONUS_TOTAL = 49000.0


def cycle() -> AppraisalResult:
    """The scored cycle, with History merged as reading a workbook does."""
    ids = list(TOTALS)
    employees = pd.DataFrame({"employee_id": ids, "name": [NAMES[i] for i in ids],
                              "department": [DEPARTMENTS[i] for i in ids],
                              "bonus_base": [10000.0, 10000.0, 20000.0, 20000.0]})
    indicators = pd.DataFrame({"indicator_id": ["K1"], "group": ["results"],
                               "name": ["业绩"], "weight": [100]})
    scores = pd.DataFrame({"employee_id": ids, "rater_id": "B0", "rater_role": "superior",
                           "indicator_id": "K1", "score": [TOTALS[i] for i in ids]})
    history = pd.DataFrame({"employee_id": ids, "cycle": "2026Q3",
                            "total": [PREVIOUS[i] for i in ids],
                            "grade": ["A", "B", "D", "A"], "outcome": [None] * 4})
    result = score(employees, indicators, scores, None, history,
                   AppraisalSettings(cycle="2026Q4"), lang="zh")
    result.history_rows = pd.concat([history, result.history_rows], ignore_index=True)
    return result


def made(lang: str = "zh") -> tuple[Summary, list[SheetOut]]:
    """The summary and the detail sheets of the small cycle in ``lang``."""
    result = cycle()
    return summary(result, lang), sheets(result, lang, "2026Q4")

