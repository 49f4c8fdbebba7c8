"""Shares said as a spreadsheet shows them. A re-balanced role weight of 62.5 % was noted
"62 %" (Python's rounding to even) where a 0% cell shows 63 %; a grade's share just over
its forced-distribution cap was said at the cap (201 of 2,001 S grades: "10%", more than the
maximum share of 10%)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from appraisalbooks import appraisal_book

import opsbook
from opsbook.api import new_workbook


def test_rebalanced_weights_noted_half_up(tmp_path: Path):
    # superior 50 %, peers 30 %, self 20 %; E1 has no self-rating: 50/80 and 30/80
    scores = [("E1", "B0", "superior", "K1", 90), ("E1", "E2", "peer", "K1", 70),
              ("E1", "E3", "peer", "K1", 80)]
    for lang, said in (("en", "no self-rating: superior 63 % / peers 38 %"),
                       ("zh", "无自评：上级 63% / 同事 38%")):
        path = appraisal_book(tmp_path / f"{lang}.xlsx", scores,
                              {"cycle": "2026Q4", "weight_superior": "50%",
                               "weight_peer": "30%", "weight_self": "20%"}, lang=lang)
        results = opsbook.score_appraisal(path).result.results.set_index("employee_id")
        # 90 × 0.625 + 75 × 0.375 = 56.25 + 28.125
        assert results.at["E1", "total"] == 84.375
        assert results.at["E1", "notes"] == said


def test_a_share_just_over_its_cap_is_not_said_at_the_cap(tmp_path: Path):
    n = 2001
    ids = [f"E{i}" for i in range(1, n + 1)]
    # 201 employees score 95 (S), the rest 85 (A): 201 of 2,001 is 10.045 %, over 10 %
    frames = {
        "Employees": pd.DataFrame({"employee_id": ids, "name": ids, "department": "运营部",
                                   "bonus_base": 1000.0}),
        "Indicators": pd.DataFrame({"indicator_id": ["K1"], "group": ["results"],
                                    "name": ["计划完成"], "weight": [100]}),
        "Scores": pd.DataFrame({"employee_id": ids, "rater_id": "B0",
                                "rater_role": "superior", "indicator_id": "K1",
                                "score": [95 if i < 201 else 85 for i in range(n)]}),
        "Settings": pd.DataFrame({"key": ["cycle", "max_share_S"], "value": ["2026Q4", "10%"]},
                                 dtype=object),
    }
    path = tmp_path / "big.xlsx"
    new_workbook("appraisal", "en", path, frames=frames)
    done = opsbook.score_appraisal(path)
    said = [i for i in done.report.issues if i.code == "forced-distribution"]
    assert [(i.params["count"], i.params["share"], i.params["maximum"], i.params["allowed"])
            for i in said] == [(201, "10.04%", "10%", 200)]
