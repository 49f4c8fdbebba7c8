"""Earned value of a three-task project worked out by hand before its start, in its middle
and after its finish: PV spread over the working days, the three EACs, ETC, VAC, TCPI, and
an index with no basis a blank cell with its note — never 0, inf or nan in the workbook."""

from __future__ import annotations

import math

import openpyxl
import pandas as pd
import pytest
from conftest import run_cli
from trackers import D, project, status, task, tracker

NAN = float("nan")


def _tracker(tmp_path):
    """Task 1, Mon 2 – Fri 6 Nov (5 working days), planned 1000, done, AC 1200; task 2,
    9 – 20 Nov (10 days), 2000, 50 %, AC 900; task 3, 23 – 27 Nov (5 days), 500, not begun.
    BAC 3500, EV 1000 + 1000 + 0 = 2000, AC 2100 whatever the status date."""
    return tracker(tmp_path / "t.xlsx", [project(budget=3500)],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 1.0, 1200,
                         actual_finish=pd.Timestamp(2026, 11, 6)),
                    task("2", D(2026, 11, 9), D(2026, 11, 20), 2000, 0.5, 900),
                    task("3", D(2026, 11, 23), D(2026, 11, 27), 500, 0.0, 0)])


FIELDS = ["pv", "ev", "ac", "sv", "cv", "spi", "cpi", "eac_cpi", "eac_remaining",
          "eac_cpi_spi", "etc", "vac", "tcpi"]
# CPI = 2000 / 2100; EAC = 3500 / CPI = 3675, AC + (BAC − EV) = 3600; ETC = 3675 − 2100;
# VAC = 3500 − 3675; TCPI = 1500 / 1400
CPI = 2000 / 2100
BY_DATE = {
    # before the start nothing is planned: PV 0, SPI blank, so the CPI·SPI EAC too
    D(2026, 10, 30): ([0, 2000, 2100, 2000, -100, NAN, CPI, 3675, 3600, NAN, 1575, -175,
                       1500 / 1400], "amber"),
    # Thu 12 Nov: task 1 all (1000), task 2 4 of 10 days (800): PV 1800, SPI 2000 / 1800;
    # EAC = 2100 + 1500 / (CPI × SPI) = 2100 + 1417.5
    D(2026, 11, 12): ([1800, 2000, 2100, 200, -100, 2000 / 1800, CPI, 3675, 3600, 3517.5,
                       1575, -175, 1500 / 1400], "amber"),
    # Fri 4 Dec, past every finish: PV 3500, SPI 2000 / 3500; EAC = 2100 + 2756.25
    D(2026, 12, 4): ([3500, 2000, 2100, -1500, -100, 2000 / 3500, CPI, 3675, 3600, 4856.25,
                      1575, -175, 1500 / 1400], "red"),
}


def _same(got, expected) -> bool:
    return all((math.isnan(e) and math.isnan(g)) or g == pytest.approx(e, abs=1e-6)
               for g, e in zip(got, expected))


@pytest.mark.parametrize("day", list(BY_DATE), ids=str)
def test_the_project_by_hand_at_three_status_dates(tmp_path, day):
    result, _ = status(_tracker(tmp_path), as_of=day)
    row = result.status.iloc[0]
    expected, rag = BY_DATE[day]
    got = [float(row[f]) for f in FIELDS]
    assert _same(got, expected), dict(zip(FIELDS, got))
    assert row["rag"] == rag
    # the project's money figures are the sums of its tasks'
    for f in ("pv", "ev", "ac", "sv", "cv"):
        assert row[f] == pytest.approx(result.tasks[f].sum(), abs=1e-6)


def test_each_task_by_hand_mid_project_and_after(tmp_path):
    path = _tracker(tmp_path)
    mid, _ = status(path, as_of=D(2026, 11, 12))
    t2 = mid.tasks.set_index("task_id").loc["2"]
    # PV 800, EV 1000, AC 900: SPI 1.25, CPI 10/9, EAC 2000 / CPI = 1800, ETC 900, VAC 200,
    # TCPI (2000 − 1000) / (2000 − 900) = 10/11
    assert _same([float(t2[f]) for f in ("pv", "spi", "cpi", "eac", "etc", "vac", "tcpi")],
                 [800, 1.25, 10 / 9, 1800, 900, 200, 10 / 11])
    after, _ = status(path, as_of=D(2026, 12, 4))
    tasks = after.tasks.set_index("task_id")
    # task 3: PV 500, nothing earned or spent: SPI 0, CPI blank, EAC by CPI blank
    t3 = tasks.loc["3"]
    assert _same([float(t3[f]) for f in ("pv", "spi", "cpi", "eac_cpi", "eac_remaining",
                                         "tcpi")], [500, 0, NAN, NAN, 500, 1])
    assert set(t3["notes"].split()) == {"no-ac", "no-ev", "no-forecast"}
    # task 1 overspent: BAC − AC = −200, TCPI blank
    assert math.isnan(tasks.loc["1", "tcpi"]) and "budget-spent" in tasks.loc["1", "notes"]


def test_blank_indices_are_blank_cells_with_notes_in_the_workbook(tmp_path):
    out = tmp_path / "status.xlsx"
    done = run_cli("project", "status", _tracker(tmp_path), "--as-of", "2026-10-30", "-o",
                   out, "-j", "1", "-q", "--lang", "en")
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out)
    sheet = book["Status"]
    headers = [c.value for c in sheet[2]]
    row = dict(zip(headers, (c.value for c in sheet[3])))
    assert row["PV"] == 0 and row["SPI"] is None
    assert row["EAC = AC+(BAC−EV)/(CPI·SPI)"] is None
    assert row["CPI"] == pytest.approx(CPI, abs=1e-9) and row["EAC = BAC/CPI"] == 3675
    assert row["Notes"].startswith("SPI blank: nothing was planned by the status date (PV = 0)")
    for ws in book.worksheets:  # no index shown as an error, infinity or not-a-number
        for cells in ws.iter_rows(values_only=True):
            for value in cells:
                assert not (isinstance(value, float) and not math.isfinite(value))
                assert str(value).lower() not in ("nan", "inf", "-inf", "#div/0!")
