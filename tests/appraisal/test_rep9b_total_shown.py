"""A total a hair under a grade's minimum is shown with the decimals that keep it there: an
employee at 89.995 (K1 89.99 × 50 % + K2 90 × 30 % + K3 90 × 20 %) is graded A under an S
from 90, and the Results and History sheets show 89.995 in a 0.000 column, not "90.00" beside
the A; the report's list of people shows an improve at 59.9951 as 59.995, not 60.00, and a
department's lowest and highest totals (Departments sheet, report table) likewise. Totals away from
every minimum keep two decimals. The weighted total itself is checked by hand: superior, two
peers (one of whom did not score K3) and self over three indicators of unequal weight."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import run_cli

import opsbook
from opsbook.api import new_workbook
from opsbook.core.sampling import settings

SCORES = [
    # E1: K1 50 %, K2 30 %, K3 20 %; P2 gave no K3 score, so K3's peer mean is P1's 70.
    *[("E1", "S1", "superior", k, s) for k, s in (("K1", 80), ("K2", 70), ("K3", 90))],
    *[("E1", "P1", "peer", k, s) for k, s in (("K1", 60), ("K2", 80), ("K3", 70))],
    *[("E1", "P2", "peer", k, s) for k, s in (("K1", 70), ("K2", 90))],
    *[("E1", "E1", "self", k, 100) for k in ("K1", "K2", "K3")],
    # E2: superior only: 89.99 × 0.5 + 90 × 0.3 + 90 × 0.2 = 89.995
    *[("E2", "S1", "superior", k, s) for k, s in (("K1", 89.99), ("K2", 90), ("K3", 90))],
    # E3: superior only: 59.9902 × 0.5 + 60 × 0.5 = 59.9951, a D (improve) under C from 60
    *[("E3", "S1", "superior", k, s) for k, s in (("K1", 59.9902), ("K2", 60), ("K3", 60))],
]


def write(path: Path, lang: str = "en") -> Path:
    frames = {
        "Employees": pd.DataFrame({"employee_id": ["E1", "E2", "E3"],
                                   "name": ["王伟", "李娜", "张强"], "department": "运营部",
                                   "bonus_base": [10000, 10000, 10000]}),
        "Indicators": pd.DataFrame({"indicator_id": ["K1", "K2", "K3"],
                                    "group": ["results", "ability", "attitude"],
                                    "name": ["计划完成", "沟通", "责任心"],
                                    "weight": [50, 30, 20]}),
        "Scores": pd.DataFrame(SCORES, columns=["employee_id", "rater_id", "rater_role",
                                                "indicator_id", "score"]),
        "Settings": settings(cycle="2026Q4"),
    }
    new_workbook("appraisal", lang, path, frames=frames)
    return path


def results(path: Path, sheet: str) -> dict[str, tuple[object, str, object]]:
    ws = openpyxl.load_workbook(path)[sheet]
    header = [c.value for c in ws[2]]
    at = header.index("Total" if sheet == "Results" else "Total Score")
    grade = header.index("Grade")
    return {row[0].value: (row[at].value, row[at].number_format, row[grade].value)
            for row in ws.iter_rows(min_row=3) if row[0].value}


def test_weighted_total_by_hand(tmp_path):
    done = opsbook.score_appraisal(write(tmp_path / "a.xlsx"))
    res = done.result.results.set_index("employee_id")
    # K1: 0.6×80 + 0.3×65 + 0.1×100 = 77.5; K2: 0.6×70 + 0.3×85 + 0.1×100 = 77.5;
    # K3: 0.6×90 + 0.3×70 + 0.1×100 = 85; total 0.5×77.5 + 0.3×77.5 + 0.2×85 = 79
    assert res.loc["E1", "total"] == pytest.approx(79.0)
    assert res.loc["E1", "results_score"] == pytest.approx(38.75)
    assert res.loc["E1", "grade"] == "B"
    assert res.loc["E2", "total"] == pytest.approx(89.995)
    assert res.loc["E2", "grade"] == "A"
    assert res.loc["E2", "bonus"] == pytest.approx(12000.0)
    assert res.loc["E3", "total"] == pytest.approx(59.9951)
    assert res.loc["E3", "grade"] == "D"


def test_results_and_history_show_the_total_on_its_side(tmp_path):
    out = tmp_path / "results.xlsx"
    done = run_cli("appraisal", "score", write(tmp_path / "a.xlsx"), "-o", out, "-q")
    assert done.returncode == 0, done.stderr
    shown = results(out, "Results")
    assert shown["E2"] == (89.995, "0.000", "A")
    assert shown["E1"] == (79, "0.000", "B")
    assert shown["E3"] == (59.9951, "0.000", "D")
    assert results(out, "History")["E2"] == (89.995, "0.000", "A")
    ws = openpyxl.load_workbook(out)["Departments"]
    assert [(c.value, c.number_format) for c in ws[3][5:7]] == [(59.9951, "0.000"),
                                                                (89.995, "0.000")]


def test_totals_off_every_minimum_keep_two_decimals(tmp_path):
    book = tmp_path / "a.xlsx"
    write(book)
    wb = openpyxl.load_workbook(book)
    ws = wb["Scores"]
    for row in ws.iter_rows(min_row=4):
        if row[0].value in ("E2", "E3"):
            row[4].value = 75
    wb.save(book)
    out = tmp_path / "results.xlsx"
    assert run_cli("appraisal", "score", book, "-o", out, "-q").returncode == 0
    assert results(out, "Results")["E2"] == (75, "0.00", "B")


def test_report_lists_the_improve_at_59_9951(tmp_path):
    page = tmp_path / "r.html"
    done = run_cli("report", write(tmp_path / "a.xlsx", "zh"), "-o", page, "-q")
    assert done.returncode == 0, done.stderr
    text = page.read_text(encoding="utf-8")
    # the people to interview, and 运营部's lowest (59.9951) and highest (89.995) totals
    assert '<td class="num">59.995</td><td class="word">D</td>' in text
    assert '<td class="num">59.995</td><td class="num">89.995</td>' in text
    assert "60.00" not in text and "90.00" not in text
