"""Earned value against hand-computed figures and two published worked examples."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from trackers import D, project, status, task, tracker

from opsbook.project.evm import eac_forms, figures, planned_value, rag


def test_planned_value_spreads_cost_over_working_days() -> None:
    # 2026-11-02 is a Monday; Mon 2 … Fri 13 November holds 10 working days.
    days = [D(2026, 10, 30), D(2026, 11, 2), D(2026, 11, 4), D(2026, 11, 7), D(2026, 11, 8),
            D(2026, 11, 13), D(2026, 12, 1)]
    n = len(days)
    pv = planned_value(pd.Series([1000.0] * n), pd.Series([pd.Timestamp(2026, 11, 2)] * n),
                       pd.Series([pd.Timestamp(2026, 11, 13)] * n),
                       pd.Series(pd.to_datetime(days)), pd.Series(["1111100"] * n))
    # before the start; the start day itself counts; Wed = 3 days; the weekend adds nothing
    assert pv.tolist() == [0.0, 100.0, 300.0, 500.0, 500.0, 1000.0, 1000.0]


def test_planned_value_follows_the_work_days_setting() -> None:
    # Mon–Sat: 12 working days from Mon 2 to Sat 14 November; by Sat 7th, 6 of them.
    pv = planned_value(pd.Series([1200.0]), pd.Series([pd.Timestamp(2026, 11, 2)]),
                       pd.Series([pd.Timestamp(2026, 11, 14)]),
                       pd.Series([pd.Timestamp(2026, 11, 7)]), pd.Series(["1111110"]))
    assert pv.tolist() == [600.0]


def test_a_window_without_working_days_falls_due_at_its_finish() -> None:
    weekend = [pd.Timestamp(2026, 11, 7)] * 2, [pd.Timestamp(2026, 11, 8)] * 2
    pv = planned_value(pd.Series([80.0, 80.0]), pd.Series(weekend[0]), pd.Series(weekend[1]),
                       pd.Series([pd.Timestamp(2026, 11, 7), pd.Timestamp(2026, 11, 8)]),
                       pd.Series(["1111100"] * 2))
    assert pv.tolist() == [0.0, 80.0]


def test_indices_without_a_basis_are_blank_never_infinite() -> None:
    # rows: nothing planned or spent; spent with nothing earned; budget overspent
    out = figures(bac=[100.0, 100.0, 100.0], pv=[0.0, 50.0, 100.0], ev=[0.0, 0.0, 100.0],
                  ac=[0.0, 40.0, 120.0])
    assert math.isnan(out["spi"][0]) and math.isnan(out["cpi"][0])
    assert out["spi"][1] == 0.0 and out["cpi"][1] == 0.0
    assert math.isnan(out["eac_cpi"][1]) and math.isnan(out["eac_cpi_spi"][1])
    assert out["eac_remaining"][1] == 140.0
    assert math.isnan(out["tcpi"][2])  # BAC − AC = −20: no budget left
    assert not np.isinf(out.to_numpy(dtype=float)).any()


def test_rag_thresholds() -> None:
    spi = np.array([1.0, 0.95, 0.89, 1.2, np.nan, np.nan, 0.95])
    cpi = np.array([1.0, 1.0, 1.5, 0.85, 1.1, np.nan, np.nan])
    assert rag(spi, cpi, 1.0, 0.9, 1.0, 0.9).tolist() == [
        "green", "amber", "red", "red", "green", "", "amber"]


def test_microsoft_press_pmp_training_kit_offices(tmp_path) -> None:
    """PMP Training Kit (Microsoft Press, 2013), chapter "Cost management", exercise 1.

    Ten identical offices at $50,000 each over 20 months; 12 months in, five offices are
    built and $310,000 spent. The book: BAC $500,000, PV $300,000, EV $250,000,
    AC $310,000, CV −$60,000, SV −$50,000, CPI 0.81, SPI 0.83, EAC = BAC/CPI $617,283.95,
    EAC = AC + (BAC − EV) $560,000, EAC = AC + (BAC − EV)/(CPI × SPI) $681,857.80 and
    ETC $307,283.95. The book divides by CPI and SPI rounded to two places; with those
    rounded indices the formulas reproduce its figures to the cent, and unrounded they
    give $620,000.00 and $682,000.00. Here each office is a task of ten working days
    ("two months") and the status date is the end of the sixth.
    """
    start = pd.Timestamp(2026, 1, 5)  # a Monday
    tasks = [task(f"{k}", (start + pd.Timedelta(days=14 * (k - 1))).date(),
                  (start + pd.Timedelta(days=14 * (k - 1) + 11)).date(), 50_000,
                  pct=1.0 if k <= 5 else 0.0, ac=62_000 if k <= 5 else 0)
             for k in range(1, 11)]
    path = tracker(tmp_path / "offices.xlsx", [project(budget=500_000)], tasks,
                   status_date=D(2026, 3, 27))
    result, _ = status(path)
    p = result.status.iloc[0]
    assert (p.bac, p.pv, p.ev, p.ac) == (500_000, 300_000, 250_000, 310_000)
    assert (p.cv, p.sv) == (-60_000, -50_000)
    assert (round(p.cpi, 2), round(p.spi, 2)) == (0.81, 0.83)
    assert round(p.eac_remaining, 2) == 560_000.00
    book = eac_forms(p.bac, p.ac, p.ev, np.float64(0.81), np.float64(0.83))
    assert round(float(book["eac_cpi"]), 2) == 617_283.95
    assert round(float(book["eac_cpi_spi"]), 2) == 681_857.80
    assert round(float(book["eac_cpi"]) - p.ac, 2) == 307_283.95  # ETC
    assert round(p.eac_cpi, 2) == 620_000.00 and round(p.eac_cpi_spi, 2) == 682_000.00
    assert round(p.etc, 2) == 310_000.00 and round(p.vac, 2) == -120_000.00  # eac_method cpi
    assert round(p.tcpi, 4) == 1.3158  # (500,000 − 250,000) / (500,000 − 310,000)
    assert p.rag == "red" and p.percent_complete == 0.5


def test_mulcahy_fence(tmp_path) -> None:
    """Rita Mulcahy, PMP Exam Prep, the earned-value fence exercise (p. 210 of the edition
    reproduced in class handouts): four sides, one day and $1,000 each, built one after the
    other; at the end of day three sides 1 and 2 are done ($1,000 and $1,200 spent) and
    side 3 is half done ($600). Published: PV 3,000, EV 2,500, AC 2,800, BAC 4,000,
    CV −300, CPI .893, SV −500, SPI .833, EAC 4,479, ETC 1,679, VAC −479 (dividing by CPI
    rounded to .893). Exactly: EAC 4,480.00, ETC 1,680.00, VAC −480.00; TCPI = 1,500/1,200
    = 1.25 by hand."""
    sides = [task("1", D(2026, 11, 2), D(2026, 11, 2), 1000, 1.0, 1000),
             task("2", D(2026, 11, 3), D(2026, 11, 3), 1000, 1.0, 1200),
             task("3", D(2026, 11, 4), D(2026, 11, 4), 1000, 0.5, 600),
             task("4", D(2026, 11, 5), D(2026, 11, 5), 1000)]
    path = tracker(tmp_path / "fence.xlsx", [project()], sides, status_date=D(2026, 11, 4))
    result, _ = status(path)
    p = result.status.iloc[0]
    assert (p.pv, p.ev, p.ac, p.bac, p.cv, p.sv) == (3000, 2500, 2800, 4000, -300, -500)
    assert (round(p.cpi, 3), round(p.spi, 3)) == (0.893, 0.833)
    book = eac_forms(p.bac, p.ac, p.ev, np.float64(0.893), np.float64(p.spi))
    assert round(float(book["eac_cpi"])) == 4479
    assert round(float(book["eac_cpi"]) - p.ac) == 1679
    assert round(p.bac - float(book["eac_cpi"])) == -479
    assert (round(p.eac, 2), round(p.etc, 2), round(p.vac, 2)) == (4480.00, 1680.00, -480.00)
    assert round(p.tcpi, 2) == 1.25
    t = result.tasks.set_index("task_id")
    assert t["pv"].tolist() == [1000, 1000, 1000, 0]
    assert t.loc["4", "notes"].split() == ["no-pv", "no-ac", "no-rag"]


@pytest.mark.parametrize(("method", "eac"), [
    ("cpi", 4480.0), ("remaining", 4300.0),
    ("cpi_spi", 2800 + 1500 / (2500 / 2800 * 2500 / 3000)),  # 4816.00
])
def test_eac_method_setting_drives_etc_and_vac(tmp_path, method: str, eac: float) -> None:
    sides = [task("1", D(2026, 11, 2), D(2026, 11, 2), 1000, 1.0, 1000),
             task("2", D(2026, 11, 3), D(2026, 11, 3), 1000, 1.0, 1200),
             task("3", D(2026, 11, 4), D(2026, 11, 4), 1000, 0.5, 600),
             task("4", D(2026, 11, 5), D(2026, 11, 5), 1000)]
    path = tracker(tmp_path / "fence.xlsx", [project()], sides, status_date=D(2026, 11, 4),
                   eac_method=method)
    p = status(path)[0].status.iloc[0]
    assert p.eac == pytest.approx(eac) and p.etc == pytest.approx(eac - 2800)
    assert p.vac == pytest.approx(4000 - eac)


def test_an_index_exactly_on_a_threshold_is_on_it():
    """1,000 planned over 6 working days (Mon 2 – Mon 9 November), 5 elapsed by Friday 6:
    PV 833.33; 75 % done, AC 750 → SPI exactly 0.9 (amber, not red) and CPI exactly 1
    (green), CV 0 — not the rounding errors of binary arithmetic."""
    pv = planned_value(pd.Series([1000.0]), pd.Series([pd.Timestamp("2026-11-02")]),
                       pd.Series([pd.Timestamp("2026-11-09")]),
                       pd.Series([pd.Timestamp("2026-11-06")]), pd.Series(["1111100"]))
    out = figures([1000.0], pv, [750.0], [750.0])
    assert (out["spi"][0], out["cpi"][0], out["cv"][0]) == (0.9, 1.0, 0.0)
    assert str(out["cv"][0]) == "0.0"  # no negative zero to show as -0.00
    assert list(rag(out["spi"], out["cpi"], 1.0, 0.9, 1.0, 0.9)) == ["amber"]
    spent = figures([100000.0], [29000.0], [0.29 * 100000], [29000.0])
    assert (spent["cpi"][0], spent["vac"][0]) == (1.0, 0.0)
    assert list(rag(spent["spi"], spent["cpi"], 1.0, 0.9, 1.0, 0.9)) == ["green"]


def test_the_estimates_keep_their_precision_on_large_budgets():
    """EAC = BAC / CPI with CPI = 1/7 exactly: 49,000,000 to the cent, not a rounding of CPI
    multiplied by the budget."""
    out = figures([7_000_000.0], [1_000_000.0], [1_000_000.0], [7_000_000.0])
    assert out["eac_cpi"][0] == 49_000_000.0 and out["vac"][0] == -42_000_000.0
    assert out["etc"][0] == 42_000_000.0 and out["cpi"][0] == round(1 / 7, 9)
