"""Cycles written another way (2026q3, ２０２６Ｑ３, 2026 Q3) are the same cycle in the
escalation count, the History sheet and the report's comparison; a total below every grade
is said (warning and note), as is a rated employee no role counts for; weights that do not
add up are told as the percent they make, never rounded to 100%."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import run_cli

import opsbook
from opsbook.api import new_workbook
from opsbook.core.sampling import settings


def frames(cycle, scores, history=None, grades=None, **more) -> dict[str, pd.DataFrame]:
    """Three employees, two indicators (results 60, attitude 40), the ratings given."""
    out = {
        "Employees": pd.DataFrame({
            "employee_id": ["E1", "E2", "E3"], "name": ["王伟", "Alice Chen", "李娜"],
            "department": ["运营部", "运营部", "市场部"], "manager_id": [None, "E1", "E1"],
            "bonus_base": [20000.0, 10000.0, 10000.0]}),
        "Indicators": pd.DataFrame({"indicator_id": ["K1", "K2"],
                                    "group": ["results", "attitude"],
                                    "name": ["计划完成", "责任心"], "weight": [60, 40]}),
        "Scores": pd.DataFrame(scores, columns=["employee_id", "rater_id", "rater_role",
                                                "indicator_id", "score"]),
        "Settings": settings(cycle=cycle, **more)}
    if history is not None:
        out["History"] = pd.DataFrame(history, columns=["employee_id", "cycle", "total",
                                                        "grade"])
    if grades is not None:
        out["Grades"] = pd.DataFrame(grades, columns=["grade", "min_score",
                                                      "bonus_coefficient", "outcome"])
    return out


def superior(employee: str, score: float) -> list[tuple]:
    return [(employee, "E1" if employee != "E1" else "B0", "superior", k, score)
            for k in ("K1", "K2")]


SCORES = superior("E1", 95) + superior("E2", 50) + superior("E3", 82)


@pytest.mark.parametrize("written, shown", [("2026q3", "2026q3"), ("２０２６Ｑ３", "2026Q3"),
                                           (" 2026 Q3 ", "2026 Q3"), ("2026Q3", "2026Q3")])
def test_an_earlier_cycle_written_another_way_counts(tmp_path: Path, written: str, shown: str):
    path = tmp_path / "2026Q4.xlsx"
    history = [("E2", written, 52.0, "D"), ("E3", written, 75.0, "B")]
    new_workbook("appraisal", "en", path, frames=frames("2026Q4", SCORES, history))
    done = opsbook.score_appraisal(path)
    results = done.result.results.set_index("employee_id")
    assert results.at["E2", "consecutive_failures"] == 2 and results.at["E2", "escalate"]
    assert not results.at["E3", "escalate"]
    summary = opsbook.api.summarize(path).summary
    assert f"Compared with {shown}." in summary.method  # as the History sheet has it
    mean = next(f for f in summary.figures if f.label == "Mean total")
    assert mean.previous == pytest.approx((52 + 75) / 2)


def test_one_cycle_in_two_spellings_is_one_history_row(tmp_path: Path):
    path = tmp_path / "2026Q4.xlsx"
    history = [("E2", "2026q3", 40.0, "D"), ("E2", "2026Q3", 52.0, "D")]
    new_workbook("appraisal", "en", path, frames=frames("2026Q4", SCORES, history))
    rows = opsbook.score_appraisal(path).result.history_rows
    earlier = rows[rows["employee_id"].eq("E2") & rows["cycle"].ne("2026Q4")]
    assert earlier["total"].tolist() == [52.0]  # the later row wins


@pytest.mark.parametrize("lang, note, said", [
    ("en", "below the lowest grade (B from 70): not graded",
     "Employee E2's total of 50 is below every grade's minimum score (the lowest is B from 70)"),
    ("zh", "低于最低等级（B，70 分起）：未评定等级",
     "员工 E2 的总分 50 低于所有等级的最低分（最低的是 B，70 分起）"),
])
def test_a_total_below_every_grade_is_said(tmp_path: Path, lang: str, note: str, said: str):
    path = tmp_path / "gap.xlsx"
    grades = [("S", 90, 1.5, "commend"), ("A", 80, 1.2, "none"), ("B", 70, 1.0, "none")]
    new_workbook("appraisal", lang, path, frames=frames("2026Q4", SCORES, grades=grades))
    done = opsbook.score_appraisal(path)
    e2 = done.result.results.set_index("employee_id").loc["E2"]
    assert e2["total"] == 50 and pd.isna(e2["grade"]) and pd.isna(e2["bonus"])
    assert e2["notes"].endswith(note)
    issue = next(i for i in done.report.issues if i.code == "below-lowest-grade")
    assert issue.severity == "warning" and issue.row is not None
    assert said in issue.message(lang)


def test_a_rated_employee_no_role_counts_for_is_said(tmp_path: Path):
    path = tmp_path / "selfonly.xlsx"
    new_workbook("appraisal", "en", path, frames=frames(
        "2026Q4", superior("E2", 80) + superior("E3", 70), weight_superior=0, weight_peer=0.5,
        weight_self=0.5))
    issues = opsbook.score_appraisal(path).report.issues
    assert [i.value for i in issues if i.code == "no-rating-counted"] == ["E2", "E3"]


@pytest.mark.parametrize("weights, role, said", [
    ((0.5, 0.4), (0.6, 0.3, 0.1), "Indicator weights add up to 90%, not 100%."),
    ((60, 40), (0.6, 0.3, 0.095), "Rater-role weights (superior, peer, self) add up to 99.5%, "
                                  "not 100%."),
])
def test_weights_not_adding_up_are_told_as_percent(tmp_path: Path, weights, role, said):
    data = frames("2026Q4", SCORES, weight_superior=role[0], weight_peer=role[1],
                  weight_self=role[2])
    data["Indicators"]["weight"] = list(weights)
    path = tmp_path / "weights.xlsx"
    new_workbook("appraisal", "en", path, frames=data)
    report = opsbook.validate(path)
    assert [i.message("en") for i in report.issues if i.code == "weights-sum"] == [said]


def test_the_history_sheet_is_in_cycle_order(tmp_path: Path):
    q3 = tmp_path / "q3-results.xlsx"  # the results workbook of Q3, for --history
    new_workbook("appraisal", "en", tmp_path / "q3.xlsx", frames=frames("2026q3", SCORES))
    assert run_cli("appraisal", "score", tmp_path / "q3.xlsx", "-o", q3).returncode == 0
    path = tmp_path / "2026Q4.xlsx"
    new_workbook("appraisal", "en", path, frames=frames(
        "2026Q4", SCORES, history=[("E2", "2026Q2", 52.0, "D")]))
    rows = opsbook.score_appraisal(path, history=[q3]).result.history_rows
    assert list(dict.fromkeys(rows["cycle"])) == ["2026Q2", "2026q3", "2026Q4"]
    e2 = opsbook.score_appraisal(path, history=[q3]).result.results.set_index("employee_id")
    assert e2.at["E2", "consecutive_failures"] == 3


def test_the_reports_method_counts_self_ratings_too(tmp_path: Path):
    """6 superior ratings by E1 and B0, 2 self-ratings by E2: 8 ratings by 3 people."""
    path = tmp_path / "2026Q4.xlsx"
    own = [("E2", "E2", "self", k, 90) for k in ("K1", "K2")]
    new_workbook("appraisal", "zh", path, frames=frames("2026Q4", SCORES + own))
    method = opsbook.api.summarize(path).summary.method
    assert method[0] == "3 名评分人（上级、同事、本人）对 3 名员工共评分 8 条。"
    method = opsbook.api.summarize(path, lang="en").summary.method
    assert method[0] == "8 rating(s) by 3 rater(s) (superior, peers and self) on 3 employee(s)."


def test_without_a_cycle_the_report_compares_with_the_latest_on_record(tmp_path: Path):
    path = tmp_path / "nocycle.xlsx"
    history = [("E2", "2026Q2", 40.0, "D"), ("E2", "2026q3", 52.0, "D")]
    new_workbook("appraisal", "en", path, frames=frames("", SCORES, history))
    done = opsbook.score_appraisal(path)
    assert done.result.results.set_index("employee_id").at["E2", "consecutive_failures"] == 3
    assert "Compared with 2026q3." in opsbook.api.summarize(path).summary.method
