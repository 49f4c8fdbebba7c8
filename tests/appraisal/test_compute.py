"""Appraisal scoring on small cases whose numbers were worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from opsbook import registry
from opsbook.appraisal.compute import RESULT_COLUMNS, score, wide_to_long
from opsbook.appraisal.sample import SAMPLE_CYCLE, sample_frames
from opsbook.appraisal.settings import AppraisalSettings
from opsbook.core.messages import CODES


def rows(records: list[tuple], columns: list[str], first: int = 2) -> pd.DataFrame:
    """A frame as the reader gives it: the spreadsheet row as index."""
    return pd.DataFrame(records, columns=columns,
                        index=pd.RangeIndex(first, first + len(records), name="row"))


def people(*ids: str, department: str = "Ops", bonus_base: float = 1000.0) -> pd.DataFrame:
    return rows([(e, f"Name {e}", department, "Specialist", None, bonus_base) for e in ids],
                ["employee_id", "name", "department", "position", "manager_id", "bonus_base"])


ONE_INDICATOR = rows([("I1", "results", "Plan completion", 100.0)],
                     ["indicator_id", "group", "name", "weight"])
TWO_INDICATORS = rows([("I1", "results", "Plan completion", 60.0),
                       ("I2", "attitude", "Teamwork", 40.0)],
                      ["indicator_id", "group", "name", "weight"])
SCORE_COLUMNS = ["employee_id", "rater_id", "rater_role", "indicator_id", "score"]


def ratings(*records: tuple) -> pd.DataFrame:
    return rows(list(records), SCORE_COLUMNS)


def run(scores: pd.DataFrame, employees: pd.DataFrame | None = None,
        indicators: pd.DataFrame = ONE_INDICATOR, grades: pd.DataFrame | None = None,
        history: pd.DataFrame | None = None, lang: str = "en", **settings: object):
    employees = people("E1", "E2", "E3") if employees is None else employees
    return score(employees, indicators, scores, grades, history,
                 AppraisalSettings.model_validate(settings), lang=lang)


def result_of(result, employee: str) -> pd.Series:
    return result.results.set_index("employee_id").loc[employee]


def codes_of(result) -> list[str]:
    return [issue.code for issue in result.issues]


ALL_ROLES = ratings(
    ("E1", "M", "superior", "I1", 90.0), ("E1", "P1", "peer", "I1", 70.0),
    ("E1", "P2", "peer", "I1", 80.0), ("E1", "E1", "self", "I1", 100.0),
)


def test_all_roles_present():
    # 0.6 × 90 + 0.3 × (70 + 80) / 2 + 0.1 × 100 = 54 + 22.5 + 10
    res = run(ALL_ROLES)
    e1 = result_of(res, "E1")
    assert e1["total"] == pytest.approx(86.5)
    assert e1["total_raw"] == e1["total"]
    assert e1["results_score"] == pytest.approx(86.5)
    assert (e1["ability_score"], e1["attitude_score"]) == (0, 0)
    assert (e1["grade"], e1["bonus_coefficient"], e1["bonus"], e1["outcome"]) == \
        ("A", 1.2, pytest.approx(1200.0), "none")
    assert (e1["raters_superior"], e1["raters_peer"], e1["raters_self"]) == (1, 2, 1)
    assert e1["notes"] == ""
    assert list(res.results.columns) == RESULT_COLUMNS
    assert list(res.results["employee_id"]) == ["E1", "E2", "E3"]


NO_SELF = ratings(("E1", "M", "superior", "I1", 90.0), ("E1", "P1", "peer", "I1", 60.0),
                  ("E1", "P2", "peer", "I1", 75.0))


def test_missing_self_rating_rebalances_to_two_thirds_and_one_third():
    # (0.6 × 90 + 0.3 × 67.5) / 0.9 = 90 × 2/3 + 67.5 × 1/3
    e1 = result_of(run(NO_SELF), "E1")
    assert e1["total"] == pytest.approx(82.5)
    assert e1["notes"] == "no self-rating: superior 67 % / peers 33 %"
    assert result_of(run(NO_SELF, lang="zh"), "E1")["notes"] == "无自评：上级 67% / 同事 33%"
    # a role with no weight is not missed
    assert result_of(run(NO_SELF, weight_self=0), "E1")["notes"] == ""


def test_single_peer_below_minimum_is_left_out_with_a_warning():
    one_peer = ratings(("E1", "M", "superior", "I1", 80.0), ("E1", "P1", "peer", "I1", 50.0),
                       ("E1", "E1", "self", "I1", 90.0))
    res = run(one_peer)
    e1 = result_of(res, "E1")
    # (0.6 × 80 + 0.1 × 90) / 0.7
    assert e1["total"] == pytest.approx(57 / 0.7)
    assert e1["raters_peer"] == 1
    assert e1["notes"].startswith("only 1 peer, below the minimum of 2: peers left out")
    assert "superior 86 % / self 14 %" in e1["notes"]
    [issue] = [i for i in res.issues if i.code == "peers-below-minimum"]
    assert (issue.severity, issue.sheet, issue.row, issue.value) == ("warning", "Employees", 2,
                                                                    "E1")
    assert "1 peer" in issue.message() and "2" in issue.message("zh")
    # with min_peers 1 the single peer counts: 48 + 15 + 9
    assert result_of(run(one_peer, min_peers=1), "E1")["total"] == pytest.approx(72.0)


@pytest.mark.parametrize("weights", [
    {"weight_superior": 0.6, "weight_peer": 0.3, "weight_self": 0.1},
    {"weight_superior": "60%", "weight_peer": "30%", "weight_self": "10%"},
    {"weight_superior": 60, "weight_peer": 30, "weight_self": 10},
])
def test_role_weights_as_fraction_percent_or_text(weights):
    assert result_of(run(ALL_ROLES, **weights), "E1")["total"] == pytest.approx(86.5)


def test_indicator_weights_as_percents_or_fractions():
    scores = ratings(("E1", "M", "superior", "I1", 80.0), ("E1", "M", "superior", "I2", 50.0))
    fractions = TWO_INDICATORS.assign(weight=[0.6, 0.4])
    for table in (TWO_INDICATORS, fractions):
        e1 = result_of(run(scores, indicators=table), "E1")
        assert e1["total"] == pytest.approx(68.0)                 # 0.6 × 80 + 0.4 × 50
        assert (e1["results_score"], e1["attitude_score"]) == (pytest.approx(48.0),
                                                               pytest.approx(20.0))


POLICY_INDICATORS = rows(
    [(f"K{i + 1:02d}", "results", f"Indicator {i + 1}", float(w))
     for i, w in enumerate((18, 15, 15, 12, 10, 8, 7, 5, 5, 5))],
    ["indicator_id", "group", "name", "weight"])


def test_total_exactly_on_a_band_edge_reaches_the_band():
    # these weighted scores add up to exactly 80, but 79.99999999999999 in floating point
    marks = (83, 88, 85, 68, 79, 100, 65, 69, 72, 69)
    weights = np.array((18, 15, 15, 12, 10, 8, 7, 5, 5, 5)) / 100
    assert (weights * np.array(marks)).sum() < 80
    scores = ratings(*[("E1", "M", "superior", f"K{i + 1:02d}", float(m))
                       for i, m in enumerate(marks)])
    e1 = result_of(run(scores, indicators=POLICY_INDICATORS), "E1")
    assert e1["total"] == 80.0
    assert e1["grade"] == "A"
    assert result_of(run(ratings(("E1", "M", "superior", "I1", 79.99))), "E1")["grade"] == "B"
    assert result_of(run(ratings(("E1", "M", "superior", "I1", 90.0))), "E1")["grade"] == "S"
    assert result_of(run(ratings(("E1", "M", "superior", "I1", 0.0))), "E1")["grade"] == "D"


def test_custom_grade_table_and_a_total_below_every_band():
    grades = rows([("Excellent", 85.0, 2.0, "commend"), ("Pass", 60.0, 1.0, "none"),
                   ("Fail", 40.0, 0.5, "improve")],
                  ["grade", "min_score", "bonus_coefficient", "outcome"])
    scores = ratings(("E1", "M", "superior", "I1", 85.0), ("E2", "M", "superior", "I1", 59.0),
                     ("E3", "M", "superior", "I1", 30.0))
    res = run(scores, grades=grades)
    assert list(res.results["grade"].fillna("-")) == ["Excellent", "Fail", "-"]
    assert list(res.results["outcome"].fillna("-")) == ["commend", "improve", "-"]
    assert res.results["bonus"].tolist()[:2] == [2000.0, 500.0]
    assert math.isnan(res.results["bonus"].iloc[2])
    assert list(res.departments.columns[-3:]) == ["Excellent", "Pass", "Fail"]


HISTORY_COLUMNS = ["employee_id", "cycle", "total", "grade"]


def failing_history(*records: tuple) -> pd.DataFrame:
    return rows(list(records), HISTORY_COLUMNS)


@pytest.mark.parametrize(("limit", "escalate"), [(2, True), (3, True), (4, False)])
def test_three_failed_cycles_in_a_row(limit, escalate):
    history = failing_history(("E1", "2026Q2", 50.0, "D"), ("E1", "2026Q3", 55.0, "D"),
                              ("E2", "2026Q2", 50.0, "D"), ("E2", "2026Q3", 75.0, "B"))
    scores = ratings(("E1", "M", "superior", "I1", 40.0), ("E2", "M", "superior", "I1", 40.0),
                     ("E3", "M", "superior", "I1", 85.0))
    res = run(scores, history=history, cycle="2026Q4", consecutive_failure_limit=limit)
    e1, e2, e3 = (result_of(res, e) for e in ("E1", "E2", "E3"))
    assert (e1["consecutive_failures"], bool(e1["escalate"])) == (3, escalate)
    # a pass in 2026Q3 breaks E2's run
    assert (e2["consecutive_failures"], bool(e2["escalate"])) == (1, False)
    assert (e3["consecutive_failures"], bool(e3["escalate"])) == (0, False)
    assert ("3 failed cycles in a row" in e1["notes"]) == escalate


def test_history_outcome_cycle_order_and_gaps():
    history = rows([
        ("E1", "2026Q3", 50.0, "D", "none"),        # outcome given: overrides the grade
        ("E2", "2026Q3", 50.0, "D", None),          # no outcome: from the grade
        ("E3", "2026Q1", None, None, "improve"),    # a gap in 2026Q2 breaks the run
        ("E3", "2026Q3", None, None, "improve"),
        ("E1", "2026Q4", 40.0, "D", "improve"),     # this cycle itself is not history
        ("E9", "2026Q3", 30.0, "D", None),          # no longer an employee
        ("E2", "2026Q2", 58.0, None, None),         # no grade: from the total
        ("E2", "2026Q1", 10.0, "D", None),
    ], HISTORY_COLUMNS + ["outcome"])
    scores = ratings(*[(e, "M", "superior", "I1", 40.0) for e in ("E1", "E2", "E3")])
    res = run(scores, history=history, cycle="2026Q4", consecutive_failure_limit=3)
    assert list(res.results["consecutive_failures"]) == [1, 4, 2]
    assert list(res.results["escalate"]) == [False, True, False]
    assert "E9" not in set(res.results["employee_id"])


def test_employee_only_in_history_and_no_history():
    history = failing_history(("E7", "2026Q3", 50.0, "D"))
    scores = ratings(("E1", "M", "superior", "I1", 40.0))
    for past in (history, None, pd.DataFrame(), history.drop(columns=["cycle"])):
        res = run(scores, history=past, cycle="2026Q4")
        assert list(res.results["employee_id"]) == ["E1", "E2", "E3"]
        assert result_of(res, "E1")["consecutive_failures"] == 1


def test_no_scores_at_all():
    res = run(ratings(("E1", "M", "superior", "I1", 70.0)), cycle="2026Q4")
    e2 = result_of(res, "E2")
    assert math.isnan(e2["total"]) and pd.isna(e2["grade"]) and pd.isna(e2["rank"])
    assert math.isnan(e2["bonus"]) and pd.isna(e2["outcome"])
    assert (e2["consecutive_failures"], bool(e2["escalate"])) == (0, False)
    assert e2["notes"] == "no scores: not graded"
    flagged = [(i.row, i.value, i.severity) for i in res.issues if i.code == "no-scores"]
    assert flagged == [(3, "E2", "warning"), (4, "E3", "warning")]
    assert list(res.history_rows["employee_id"]) == ["E1"]
    assert list(res.history_rows.columns) == ["employee_id", "cycle", "total", "grade", "outcome"]
    assert res.history_rows.iloc[0].tolist() == ["E1", "2026Q4", 70.0, "B", "none"]


def test_duplicate_rating_counts_the_last_row():
    res = run(ratings(("E1", "M", "superior", "I1", 70.0), ("E1", "M", "superior", "I1", 90.0),
                      ("E2", "M", "superior", "I1", 60.0), ("E2", "M", "superior", "I1", 60.0)))
    assert result_of(res, "E1")["total"] == 90.0
    dups = [i for i in res.issues if i.code == "duplicate-rating"]
    assert [(i.row, i.params["other"], i.severity) for i in dups] == [(2, 3, "error"),
                                                                    (4, 5, "warning")]
    assert dups[0].sheet == "Scores" and dups[0].field == "score" and dups[0].value == 70.0
    assert "only row 3 is counted" in dups[0].message()
    assert "上级" in dups[0].message("zh")


def test_self_rating_in_another_role_is_left_out():
    res = run(ratings(("E1", "M", "superior", "I1", 60.0), ("E1", "E1", "peer", "I1", 100.0),
                      ("E1", "E1", "superior", "I1", 100.0)))
    assert result_of(res, "E1")["total"] == 60.0
    assert result_of(res, "E1")["raters_peer"] == 0
    own = [i for i in res.issues if i.code == "self-rated-as-other"]
    assert [(i.row, i.field, i.value, i.severity) for i in own] == [
        (3, "rater_role", "E1", "error"), (4, "rater_role", "E1", "error")]


def test_forced_distribution_and_bonus_budget():
    scores = ratings(*[(e, "M", "superior", "I1", 95.0) for e in ("E1", "E2", "E3")])
    res = run(scores, max_share_S="50%", max_share_Z=0.1, bonus_budget=4000)
    forced = [i for i in res.issues if i.code == "forced-distribution"]
    assert [(i.params["count"], i.params["allowed"], i.field) for i in forced] == [
        (3, 1, "max_share_S")]
    assert "3 of 3 employees (100%) have grade S" in forced[0].message()
    [unknown] = [i for i in res.issues if i.code == "invalid-setting"]
    assert unknown.field == "max_share_Z"
    [budget] = [i for i in res.issues if i.code == "bonus-over-budget"]
    assert budget.value == 4500.0 and "500.00 over the budget of 4,000.00" in budget.message()
    quiet = run(scores, max_share_s=1.0, bonus_budget=4500)   # at the limit is within it
    assert codes_of(quiet) == []


SEVEN = people("A", "B", "C", "D", "E", "F", "G")
TWO_RATERS = ratings(
    ("A", "R1", "superior", "I1", 60.0), ("B", "R1", "superior", "I1", 70.0),
    ("C", "R1", "superior", "I1", 80.0), ("D", "R2", "superior", "I1", 80.0),
    ("E", "R2", "superior", "I1", 85.0), ("F", "R2", "superior", "I1", 90.0))


def test_zscore_calibration_by_hand():
    # R1 gives 60/70/80 and R2 80/85/90: each rater's z-scores are −√1.5, 0, +√1.5. The six
    # rows have mean 77.5 and population spread √(587.5 / 6) = 9.8953, so both raters end up
    # giving 77.5 − 12.119 = 65.381, 77.5 and 89.619.
    res = run(TWO_RATERS, employees=SEVEN, calibration="zscore")
    total = res.results.set_index("employee_id")["total"]
    low = 77.5 - math.sqrt(1.5) * math.sqrt(587.5 / 6)
    assert round(low, 3) == 65.381
    assert total["A"] == pytest.approx(low) and total["D"] == pytest.approx(low)
    assert total["B"] == pytest.approx(77.5) and total["E"] == pytest.approx(77.5)
    assert total["C"] == pytest.approx(155 - low) and total["F"] == pytest.approx(155 - low)
    assert res.results.set_index("employee_id")["total_raw"].tolist()[:6] == [
        60.0, 70.0, 80.0, 80.0, 85.0, 90.0]
    clipped = run(TWO_RATERS, employees=SEVEN, calibration="zscore", scale_max=88)
    assert clipped.results.set_index("employee_id")["total"]["C"] == 88.0
    assert clipped.results.set_index("employee_id")["total"]["A"] == pytest.approx(low)


def test_zscore_leaves_raters_of_fewer_than_three_alone():
    scores = pd.concat([TWO_RATERS, ratings(("G", "R3", "superior", "I1", 50.0))])
    scores.index = pd.RangeIndex(2, 9, name="row")
    total = run(scores, employees=SEVEN, calibration="zscore").results.set_index(
        "employee_id")["total"]
    marks = np.array([60, 70, 80, 80, 85, 90, 50.0])     # R3's row counts in the global spread
    assert total["G"] == 50.0
    assert total["A"] == pytest.approx(marks.mean() - math.sqrt(1.5) * marks.std())


def test_zscore_leaves_flat_raters_alone():
    scores = ratings(*[(e, "R1", "superior", "I1", 70.0) for e in ("E1", "E2", "E3")],
                     ("E1", "R2", "peer", "I1", 90.0), ("E1", "R3", "peer", "I1", 80.0))
    res = run(scores, calibration="zscore")
    assert list(res.results["total"]) == [pytest.approx(75.0), 70.0, 70.0]


def test_missing_indicator_rebalances_indicator_weights():
    scores = ratings(("E1", "M", "superior", "I1", 80.0), ("E2", "M", "superior", "I1", 80.0),
                     ("E2", "M", "superior", "I2", 50.0))
    res = run(scores, indicators=TWO_INDICATORS, lang="en")
    e1 = result_of(res, "E1")
    assert (e1["total"], e1["results_score"], e1["attitude_score"]) == (80.0, 80.0, 0.0)
    only_superior = "no peer rating and no self-rating: superior 100 %"
    assert e1["notes"] == (only_superior + "; no scores for 1 indicator (I2): indicator weights "
                           "re-balanced")
    assert result_of(res, "E2")["notes"] == only_superior
    zh = result_of(run(scores, indicators=TWO_INDICATORS, lang="zh"), "E1")["notes"]
    assert zh == "无同事评分、无自评：上级 100%；1 项指标无评分（I2）：指标权重已重新分配"


def test_role_missing_for_some_indicators_only():
    scores = ratings(("E1", "M", "superior", "I1", 80.0), ("E1", "M", "superior", "I2", 80.0),
                     ("E1", "E1", "self", "I1", 100.0))
    e1 = result_of(run(scores, indicators=TWO_INDICATORS), "E1")
    # I1: (0.6 × 80 + 0.1 × 100) / 0.7; I2: 80
    assert e1["total"] == pytest.approx(0.6 * 58 / 0.7 + 0.4 * 80)
    assert e1["notes"] == ("no peer rating: superior 86 % / self 14 %; "
                           "no self-rating for 1 indicator: role weights re-balanced there")


def test_ranks_ties_share_the_lower_rank():
    emps = pd.concat([people("E1", "E2"), people("E3", "E4", department="Sales")])
    emps.index = pd.RangeIndex(2, 6, name="row")
    scores = ratings(*[(e, "M", "superior", "I1", s) for e, s in
                       (("E1", 80.0), ("E2", 80.0), ("E3", 70.0), ("E4", 90.0))])
    res = run(scores, employees=emps)
    assert list(res.results["rank"]) == [2, 2, 4, 1]
    assert list(res.results["department_rank"]) == [1, 1, 2, 1]
    dep = res.departments.set_index("department")
    assert dep.loc["Ops", ["headcount", "scored", "mean", "min", "max", "A"]].tolist() == [
        2, 2, 80.0, 80.0, 80.0, 2]
    assert dep.loc["Sales", "std"] == pytest.approx(math.sqrt(200))     # sample spread
    assert dep.loc["Sales", ["S", "B"]].tolist() == [1, 1]


def test_rater_statistics_and_self_gap():
    scores = ratings(
        ("E1", "M", "superior", "I1", 90.0), ("E1", "M", "superior", "I2", 90.0),
        ("E1", "P", "peer", "I1", 70.0), ("E1", "P", "peer", "I2", 80.0),
        ("E2", "M", "superior", "I1", 85.0), ("E2", "M", "superior", "I2", 85.0),
        ("E2", "P", "peer", "I1", 75.0),
        ("E1", "E1", "self", "I1", 100.0), ("E1", "E1", "self", "I2", 90.0))
    res = run(scores, indicators=TWO_INDICATORS, min_peers=1)
    raters = res.raters.set_index("rater_id")
    assert list(raters.index) == ["M", "P"]      # self-ratings are not rater statistics
    # M: (90−70) + (90−80) + (85−75) over 3 rows; E2/I2 has nobody else and is skipped
    assert raters.loc["M", "leniency"] == pytest.approx(40 / 3)
    assert raters.loc["P", "leniency"] == pytest.approx(-40 / 3)
    assert raters["leniency_z"].tolist() == [pytest.approx(1.0), pytest.approx(-1.0)]
    assert raters.loc["M", ["ratings", "employees"]].tolist() == [4, 2]
    assert raters.loc["M", "mean_given"] == pytest.approx(87.5)
    assert list(raters["same_score_everywhere"]) == [True, False]
    gap = res.self_gap.set_index("employee_id")
    assert list(gap.index) == ["E1"]
    # self 100, 90; others (90 + 70) / 2 = 80 and (90 + 80) / 2 = 85
    assert gap.loc["E1"].tolist() == [95.0, 82.5, 12.5]


def test_indicator_scores_detail():
    res = run(ALL_ROLES)
    row = res.indicator_scores.iloc[0]
    assert row.tolist() == ["E1", "I1", 90.0, 75.0, 100.0, pytest.approx(86.5)]


def test_bad_input_does_not_crash():
    scores = ratings(("E1", "M", "superior", "I1", 850.0), ("E1", "M", "peer", "I1", -5.0),
                     ("E1", "X", "boss", "I1", 70.0), ("E8", "M", "superior", "I1", 70.0),
                     ("E2", "M", "superior", "I9", 70.0), ("E2", None, "superior", "I1", 70.0),
                     ("E2", "M", "superior", "I1", "abc"), ("E3", "M", "superior", "I1", None))
    res = run(scores)
    assert result_of(res, "E1")["total"] == pytest.approx(850.0)   # validation reports it
    assert result_of(res, "E2")["notes"] == "no scores: not graded"
    empty = run(rows([], SCORE_COLUMNS))
    assert empty.results["total"].isna().all() and len(empty.raters) == 0
    assert len(empty.self_gap) == 0 and len(empty.history_rows) == 0
    assert codes_of(run(None)).count("no-scores") == 3


def test_wide_to_long():
    indicators = TWO_INDICATORS
    wide = rows([("E1", "M", "superior", 80, "60", "good", "x"),
                 ("E1", "P1", "peer", 70, None, None, "y")],
                ["employee_id", "rater_id", "rater_role", "I1", " teamwork ", "comment", "extra"],
                first=5)
    long = wide_to_long(wide, indicators)
    assert list(long.columns) == ["employee_id", "rater_id", "rater_role", "indicator_id",
                                  "score", "comment"]
    assert long.index.name == "row" and list(long.index) == [5, 5, 6]
    assert long[["rater_id", "indicator_id", "score"]].values.tolist() == [
        ["M", "I1", 80.0], ["M", "I2", 60.0], ["P1", "I1", 70.0]]
    assert list(long["comment"].fillna("-")) == ["good", "good", "-"]
    res = run(long, indicators=indicators, min_peers=1)
    assert result_of(res, "E1")["total"] == pytest.approx(0.6 * (0.6 * 80 + 0.3 * 70) / 0.9
                                                          + 0.4 * 60)
    assert wide_to_long(wide[["employee_id", "rater_id", "rater_role"]], indicators).empty


def test_every_code_has_both_languages():
    res = run(ratings(("E1", "E1", "peer", "I1", 50.0), ("E2", "M", "superior", "I1", 95.0),
                      ("E2", "M", "superior", "I1", 96.0), ("E2", "P", "peer", "I1", 80.0)),
              max_share_S=0.1, bonus_budget=1)
    assert set(codes_of(res)) >= {"self-rated-as-other", "duplicate-rating", "no-scores",
                                  "peers-below-minimum", "forced-distribution",
                                  "bonus-over-budget"}
    registry.kinds()  # every kind's codes are known once the kinds are loaded
    for issue in res.issues:
        assert issue.code in CODES
        for lang in ("en", "zh"):
            text = issue.message(lang)
            assert text and "{" not in text and "None" not in text


def test_sample_is_clean_and_escalates_someone():
    frames = sample_frames()
    assert set(frames) == {"Employees", "Indicators", "Scores", "Grades", "History", "Settings"}
    assert dict(zip(frames["Settings"]["key"], frames["Settings"]["value"])) == {
        "cycle": SAMPLE_CYCLE}
    assert frames["Indicators"]["weight"].sum() == 100
    assert set(frames["Indicators"]["group"]) == {"results", "ability", "attitude"}
    assert frames["Employees"]["department"].nunique() in (4, 5, 6)
    res = score(frames["Employees"], frames["Indicators"], frames["Scores"], frames["Grades"],
                frames["History"], AppraisalSettings(cycle=SAMPLE_CYCLE))
    assert res.issues == []
    assert res.results["escalate"].sum() >= 1
    assert res.results["total"].notna().all()
    assert (res.results["raters_self"] == 1).all()


def test_sample_languages_quirks_and_scale():
    en, zh = sample_frames(lang="en"), sample_frames(lang="zh")
    assert "Operations plan completion" in set(en["Indicators"]["name"])
    assert "Customer Service" in set(en["Employees"]["department"])
    assert en["Scores"]["score"].equals(zh["Scores"]["score"])     # only the words differ
    assert "运营计划完成情况" in set(zh["Indicators"]["name"])
    departments = {"运营部", "市场部", "销售部", "财务部", "客户服务部"}
    assert set(zh["Employees"]["department"]) <= departments
    assert sample_frames(seed=3)["Scores"].equals(sample_frames(seed=3)["Scores"])
    quirky = sample_frames(quirks=True)
    res = score(quirky["Employees"], quirky["Indicators"], quirky["Scores"], quirky["Grades"],
                quirky["History"], AppraisalSettings(cycle=SAMPLE_CYCLE))
    assert {"no-scores", "duplicate-rating", "self-rated-as-other",
            "peers-below-minimum"} <= set(codes_of(res))
    big = sample_frames(employees=2000, indicators=12, peers=3)
    assert len(big["Scores"]) == pytest.approx(2000 * 12 * 5, rel=0.001)
    assert big["Indicators"]["weight"].sum() == 100
