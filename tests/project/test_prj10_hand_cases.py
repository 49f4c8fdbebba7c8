"""Earned value by hand on small cases: a task half elapsed (10,000 over 10 working days,
40 % done), one spanning a weekend, a milestone on a Friday and one on a Saturday, a task
over a weekend only, a zero-cost task, and status dates on a Sunday, before every start and
after every finish."""

from __future__ import annotations

import math

import pytest
from trackers import D, project, status, task, tracker

FIELDS = ["pv", "ev", "ac", "sv", "cv", "spi", "cpi", "eac_cpi", "eac_remaining",
          "eac_cpi_spi", "etc", "vac", "tcpi"]
NAN = math.nan


def _tracker(tmp_path):
    return tracker(tmp_path / "t.xlsx", [project()], [
        # 1: Mon 2 – Fri 13 Nov, 10 working days, 10,000, 40 %, AC 5,000
        task("1", D(2026, 11, 2), D(2026, 11, 13), 10000, 0.4, 5000),
        # 2: Thu 5 – Tue 10 Nov: Thu, Fri, Mon, Tue = 4 working days, 4,000, 50 %, AC 1,000
        task("2", D(2026, 11, 5), D(2026, 11, 10), 4000, 0.5, 1000),
        # 3: a milestone on Fri 6 Nov, 500, done, AC 500
        task("3", D(2026, 11, 6), D(2026, 11, 6), 500, 1.0, 500),
        # 4: Sat 7 – Sun 8 Nov (no working day): falls due in full on Sun 8 Nov
        task("4", D(2026, 11, 7), D(2026, 11, 8), 800, 0.0, 0),
        # 5: zero cost, Mon 2 – Fri 6 Nov, not begun
        task("5", D(2026, 11, 2), D(2026, 11, 6), 0, 0.0, 0),
    ])


def _same(got, expected):
    return all((math.isnan(e) and math.isnan(g)) or g == pytest.approx(e, abs=1e-6)
               for g, e in zip(got, expected))


def test_task_half_elapsed(tmp_path):
    result, _ = status(_tracker(tmp_path), as_of=D(2026, 11, 6))  # Friday
    t = result.tasks.set_index("task_id")
    # 5 of 10 days: PV 5,000; EV 4,000; SPI = CPI = 0.8; EAC 12,500 / 11,000 /
    # 5,000 + 6,000 / 0.64 = 14,375; ETC 7,500; VAC −2,500; TCPI 6,000 / 5,000
    assert _same([float(t.loc["1", f]) for f in FIELDS],
                 [5000, 4000, 5000, -1000, -1000, 0.8, 0.8, 12500, 11000, 14375, 7500, -2500,
                  1.2])
    assert t.loc["1", "rag"] == "red"
    # over the weekend: Thu and Fri of 4 days elapsed: PV 2,000 = EV; CPI 2
    assert _same([float(t.loc["2", f]) for f in ("pv", "ev", "spi", "cpi")], [2000, 2000, 1, 2])
    # the milestone on its day: all planned, all earned
    assert _same([float(t.loc["3", f]) for f in ("pv", "ev", "spi", "cpi")], [500, 500, 1, 1])
    # the weekend-only task is not due before its finish; the zero-cost task earns nothing
    assert float(t.loc["4", "pv"]) == 0 and float(t.loc["5", "pv"]) == 0
    assert "zero-cost" in t.loc["5", "notes"]


def test_on_a_sunday(tmp_path):
    result, _ = status(_tracker(tmp_path), as_of=D(2026, 11, 8))
    t = result.tasks.set_index("task_id")
    # nothing more is planned over the weekend, but task 4 falls due on its finish, Sun 8
    assert [float(t.loc[k, "pv"]) for k in "1234"] == [5000, 2000, 500, 800]
    row = result.status.iloc[0]
    # PV 8,300; EV 4,000 + 2,000 + 500 = 6,500; AC 6,500; BAC 15,300
    assert (row["bac"], row["pv"], row["ev"], row["ac"]) == (15300, 8300, 6500, 6500)
    assert row["spi"] == pytest.approx(6500 / 8300, abs=1e-9) and row["cpi"] == 1
    assert row["percent_complete"] == pytest.approx(6500 / 15300)


def test_before_every_start_and_after_every_finish(tmp_path):
    before, _ = status(_tracker(tmp_path), as_of=D(2026, 10, 30))
    row = before.status.iloc[0]
    assert (row["pv"], row["ev"]) == (0, 6500) and math.isnan(row["spi"])
    assert row["rag"] == "green"  # CPI 1 alone: SPI has no basis and is left out
    assert "no-pv" in row["notes"]
    after, _ = status(_tracker(tmp_path), as_of=D(2026, 12, 31))
    row = after.status.iloc[0]
    # every planned cost due: PV = BAC 15,300; SPI 6,500 / 15,300
    assert (row["pv"], row["sv"]) == (15300, 6500 - 15300)
    assert row["spi"] == pytest.approx(6500 / 15300, abs=1e-9) and row["rag"] == "red"
    assert row["overdue_tasks"] == 4  # 1, 2, 4, 5 past their finish and not complete
