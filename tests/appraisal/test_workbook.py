"""Appraisal scoring from real workbooks: the command, history across cycles, wide form."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import opsbook
from opsbook.api import new_workbook
from opsbook.core.sampling import settings


def frames(cycle: str, scores: list[tuple], history=None, wide=False) -> dict[str, pd.DataFrame]:
    """Three employees, two indicators (results 60, attitude 40), given ratings."""
    employees = pd.DataFrame({
        "employee_id": ["E1", "E2", "E3"], "name": ["王伟", "Alice Chen", "李娜"],
        "department": ["运营部", "运营部", "市场部"], "position": ["经理", "专员", "专员"],
        "manager_id": [None, "E1", "E1"], "bonus_base": [20000.0, 10000.0, 10000.0]})
    indicators = pd.DataFrame({"indicator_id": ["K1", "K2"], "group": ["results", "attitude"],
                               "name": ["运营计划完成情况", "责任心"], "weight": [60, 40]})
    long = pd.DataFrame(scores, columns=["employee_id", "rater_id", "rater_role",
                                         "indicator_id", "score"])
    out = {"Employees": employees, "Indicators": indicators, "Scores": long,
           "Settings": settings(cycle=cycle)}
    if history is not None:
        out["History"] = history
    return out


def rate(employee: str, superior: float, peers: tuple[float, ...], own: float | None,
         indicators=("K1", "K2")) -> list[tuple]:
    rows = []
    for k in indicators:
        rows.append((employee, "E1" if employee != "E1" else "B0", "superior", k, superior))
        for n, p in enumerate(peers):
            rows.append((employee, f"P{n}", "peer", k, p))
        if own is not None:
            rows.append((employee, employee, "self", k, own))
    return rows


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "opsbook.cli", *args], capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def cycle_q4(tmp_path: Path) -> Path:
    scores = rate("E2", 80, (70, 70), 90) + rate("E3", 50, (50, 60), 70) + rate("E1", 95, (90,
                                                                                          92), None)
    path = tmp_path / "2026Q4.xlsx"
    new_workbook("appraisal", "zh", path, frames=frames("2026Q4", scores))
    return path


def test_score_command_writes_every_sheet(cycle_q4: Path, tmp_path: Path):
    out = tmp_path / "results.xlsx"
    done = run("appraisal", "score", str(cycle_q4), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "3 人" in done.stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["考核结果", "部门统计", "评分人统计", "自评偏差", "考核提示",
                               "历史考核"]
    results = opsbook.score_appraisal(cycle_q4).result.results.set_index("employee_id")
    # superior 80, two peers 70, self 90 → 0.6·80 + 0.3·70 + 0.1·90 = 78 → B
    assert results.at["E2", "total"] == pytest.approx(78)
    assert results.at["E2", "grade"] == "B"
    assert results.at["E2", "bonus"] == pytest.approx(10000)
    # no self-rating: superior 2/3, peers 1/3 → (2·95 + 91)/3
    assert results.at["E1", "total"] == pytest.approx((2 * 95 + 91) / 3)
    assert results.at["E1", "outcome"] == "commend"
    assert "67" in results.at["E1", "notes"] and "33" in results.at["E1", "notes"]
    history = pd.DataFrame(book["历史考核"].values).iloc[2:]
    assert set(history[1]) == {"2026Q4"}


def test_history_from_an_earlier_results_workbook_escalates(tmp_path: Path):
    q3 = tmp_path / "2026Q3.xlsx"
    new_workbook("appraisal", "en", q3,
                   frames=frames("2026Q3", rate("E3", 40, (50, 50), 60) + rate("E2", 85, (80, 80),
                                                                               80)))
    q3_results = tmp_path / "2026Q3-results.xlsx"
    assert run("appraisal", "score", str(q3), "-o", str(q3_results)).returncode == 0
    q4 = tmp_path / "2026Q4.xlsx"
    new_workbook("appraisal", "en", q4,
                   frames=frames("2026Q4", rate("E3", 45, (50, 52), 60) + rate("E2", 85, (80, 80),
                                                                               80)))
    alone = opsbook.score_appraisal(q4).result.results.set_index("employee_id")
    assert alone.at["E3", "outcome"] == "improve" and not alone.at["E3", "escalate"]
    chained = opsbook.score_appraisal(q4, history=[q3_results]).result.results
    chained = chained.set_index("employee_id")
    assert chained.at["E3", "consecutive_failures"] == 2
    assert chained.at["E3", "escalate"]
    assert not chained.at["E2", "escalate"]
    out = tmp_path / "2026Q4-results.xlsx"
    done = run("appraisal", "score", str(q4), "-o", str(out), "--history", str(q3_results))
    assert done.returncode == 0 and "1 to escalate" in done.stdout
    rows = pd.DataFrame(openpyxl.load_workbook(out)["History"].values).iloc[2:]
    assert sorted(set(rows[1])) == ["2026Q3", "2026Q4"]


def test_wide_scores_give_the_same_totals_as_long(cycle_q4: Path, tmp_path: Path):
    long = opsbook.load(cycle_q4)
    scores = long["Scores"]
    wide = scores.pivot_table(index=["employee_id", "rater_id", "rater_role"],
                              columns="indicator_id", values="score").reset_index()
    wide.columns.name = None
    path = tmp_path / "wide.xlsx"
    base = frames("2026Q4", [])
    base["Scores"] = wide.rename(columns={"K1": "运营计划完成情况"})  # a name, and an id
    new_workbook("appraisal", "zh", path, frames=base)
    book = openpyxl.load_workbook(path)
    sheet = book["评分"]
    headers = ["工号", "评分人工号", "评分人角色", "运营计划完成情况", "K2"]
    for col, text in enumerate(headers, start=1):
        sheet.cell(row=3, column=col, value=text)
    for row, values in enumerate(base["Scores"][["employee_id", "rater_id", "rater_role",
                                                  "运营计划完成情况", "K2"]].itertuples(
            index=False), start=4):
        for col, value in enumerate(values, start=1):
            sheet.cell(row=row, column=col, value=value)
    for row in range(4, sheet.max_row + 1):
        sheet.cell(row=row, column=6, value=None)
    sheet.cell(row=5, column=5, value=150)  # out of scale, in the K2 column
    book.save(path)
    report = opsbook.validate(path)
    assert [(i.code, i.cell) for i in report.errors] == [("out-of-range", "E5")]
    sheet.cell(row=5, column=5, value=long["Scores"].query(
        "employee_id == @wide.iloc[1].employee_id and rater_id == @wide.iloc[1].rater_id "
        "and indicator_id == 'K2'")["score"].iloc[0])
    book.save(path)
    assert opsbook.validate(path).valid
    got = opsbook.score_appraisal(path).result.results.set_index("employee_id")["total"]
    expected = opsbook.score_appraisal(cycle_q4).result.results.set_index("employee_id")["total"]
    pd.testing.assert_series_equal(got, expected)


def test_invalid_workbook_is_not_scored(cycle_q4: Path, tmp_path: Path):
    book = openpyxl.load_workbook(cycle_q4)
    book["评分"]["E4"] = "很好"
    book.save(cycle_q4)
    out = tmp_path / "results.xlsx"
    done = run("appraisal", "score", str(cycle_q4), "-o", str(out))
    assert done.returncode == 1
    assert "评分!E4" in done.stdout and "Traceback" not in done.stdout + done.stderr
    assert not out.exists()


def test_score_command_on_a_file_that_is_no_workbook(tmp_path: Path):
    bad = tmp_path / "scores.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    done = run("appraisal", "score", str(bad), "-o", str(tmp_path / "out.xlsx"))
    assert done.returncode == 2
    assert "CSV" in done.stderr and "Traceback" not in done.stderr


def test_settings_that_cannot_work_are_reported_at_their_cells(cycle_q4: Path):
    book = openpyxl.load_workbook(cycle_q4)
    sheet = book["设置"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "scale_min":
            row[1].value = 100
        if row[0].value == "scale_max":
            row[1].value = 0
    sheet.append(["max_share_S", "lots"])
    book.save(cycle_q4)
    report = opsbook.validate(cycle_q4)
    found = {(i.code, i.field) for i in report.issues}
    assert found == {("invalid-setting", "scale_max"), ("invalid-setting", "max_share_S")}
    assert all(i.cell and i.sheet == "设置" for i in report.issues)


def test_a_workbook_without_settings_is_warned(cycle_q4: Path):
    book = openpyxl.load_workbook(cycle_q4)
    book["设置"].title = "Notes"
    book.save(cycle_q4)
    report = opsbook.validate(cycle_q4)
    assert report.valid
    assert [i.code for i in report.warnings] == ["missing-settings"]


def test_scoring_the_same_cycle_again_does_not_repeat_its_history(cycle_q4: Path,
                                                                  tmp_path: Path):
    first, again = tmp_path / "first.xlsx", tmp_path / "again.xlsx"
    assert run("appraisal", "score", str(cycle_q4), "-o", str(first)).returncode == 0
    done = run("appraisal", "score", str(cycle_q4), "-o", str(again), "--history", str(first))
    assert done.returncode == 0
    rows = pd.DataFrame(openpyxl.load_workbook(again)["历史考核"].values).iloc[2:]
    assert len(rows) == 3 and not rows.duplicated([0, 1]).any()


def test_history_from_a_calculated_workbook(cycle_q4: Path, tmp_path: Path):
    calculated = tmp_path / "q3-calculated.xlsx"
    q3 = tmp_path / "2026Q3.xlsx"
    new_workbook("appraisal", "zh", q3,
                   frames=frames("2026Q3", rate("E3", 40, (50, 50), 60)))
    assert run("calculate", str(q3), "-o", str(calculated)).returncode == 0
    book = openpyxl.load_workbook(cycle_q4)
    book["评分"]["E4"] = 30  # E3 fails again in 2026Q4 …
    book.save(cycle_q4)
    results = opsbook.score_appraisal(cycle_q4, history=[calculated]).result.results
    e3 = results.set_index("employee_id").loc["E3"]
    assert e3["outcome"] == "improve" and e3["consecutive_failures"] == 2 and e3["escalate"]
