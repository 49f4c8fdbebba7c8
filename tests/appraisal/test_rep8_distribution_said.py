"""The forced-distribution check says the cap as it was set (12.5%, not 12%) and the share
to one decimal (10.5% is over 10%, never shown as 10%); a cap of a grade the Grades sheet
lacks is a sentence ending as every message does, in both languages."""

from __future__ import annotations

import pandas as pd

from opsbook.appraisal.compute import score
from opsbook.appraisal.settings import AppraisalSettings


def run(totals: list[float], **caps) -> list:
    ids = [f"E{n}" for n in range(len(totals))]
    employees = pd.DataFrame({"employee_id": ids, "name": ids, "department": "运营部"})
    indicators = pd.DataFrame({"indicator_id": ["K1"], "group": ["results"], "name": ["业绩"],
                               "weight": [100]})
    scores = pd.DataFrame({"employee_id": ids, "rater_id": "B0", "rater_role": "superior",
                           "indicator_id": "K1", "score": totals})
    settings = AppraisalSettings.model_validate({"cycle": "2026Q4", **caps})
    return score(employees, indicators, scores, settings=settings).issues


def test_the_cap_is_said_as_set_and_the_share_to_one_decimal():
    # 11 of 105 graded S (10.5%) against a cap of 10% (10 allowed)
    issues = run([95.0] * 11 + [75.0] * 94, max_share_S="10%")
    [said] = [i for i in issues if i.code == "forced-distribution"]
    assert said.message() == ("11 of 105 employees (10.5%) have grade S, more than the maximum "
                              "share of 10% (10 employees).")
    issues = run([95.0] * 3 + [75.0] * 13, max_share_S="12.5%")
    [said] = [i for i in issues if i.code == "forced-distribution"]
    assert said.message() == ("3 of 16 employees (18.8%) have grade S, more than the maximum "
                              "share of 12.5% (2 employees).")
    assert "超过强制分布上限 12.5%（2 人）" in said.message("zh")


def test_a_cap_of_no_grade_is_a_whole_sentence():
    [said] = [i for i in run([95.0, 75.0], max_share_X="10%") if i.code == "invalid-setting"]
    assert said.message() == "Setting 'max_share_X': there is no grade 'X' in the Grades table."
    assert said.message("zh").endswith("等级表中没有等级“X”。")


def test_a_straight_lining_rater_is_said_as_what_was_found():
    """R1 gives each employee one score on every indicator, but not the same score to all:
    said as that, never as "one score everywhere"."""
    from opsbook.appraisal.outputs import sheets
    from opsbook.appraisal.summary import summary

    ids = ["E1", "E2", "E3"]
    employees = pd.DataFrame({"employee_id": ids, "name": ["王伟", "李娜", "张强"],
                              "department": "运营部"})
    indicators = pd.DataFrame({"indicator_id": ["K1", "K2"], "group": ["results", "ability"],
                               "name": ["业绩", "能力"], "weight": [50, 50]})
    rows = [(e, "R1", "superior", k, s) for e, s in zip(ids, (60, 75, 90)) for k in ("K1", "K2")]
    scores = pd.DataFrame(rows, columns=["employee_id", "rater_id", "rater_role",
                                         "indicator_id", "score"])
    result = score(employees, indicators, scores, settings=AppraisalSettings(cycle="2026Q4"))
    assert result.raters.set_index("rater_id").at["R1", "same_score_everywhere"]
    findings = [f.text for f in summary(result, "en").findings]
    assert ("Raters far from the others (leniency beyond ±2 SD, or the same score on every "
            "indicator of each employee they rated): R1.") in findings
    raters = next(s for s in sheets(result, "en", "2026Q4") if s.name == "Raters")
    assert "Same Score on All Indicators" in raters.headers
