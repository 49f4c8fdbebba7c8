"""Figures as the status workbook shows them, hand-computed: a forecast finish not pushed a
day late by an SPI kept to nine decimals, project sums kept to nine decimals, and the
figures said in words (deviation details, budget notes, the report) rounded as the cells
beside them show them — a half away from zero, as a spreadsheet rounds."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from trackers import D, project, status, task, tracker

import opsbook
from opsbook.api.common import write_output
from opsbook.project.summary import summary


def test_a_forecast_of_a_whole_number_of_days_is_not_a_day_late(tmp_path):
    """Baseline 2 to 27 November (25 days). As of Wednesday 11 November: task 1 (9–20
    November, 10 working days, 1000) is done, PV 3 days = 300, EV 1000; task 2 (9–13
    November, 5 days, 500) is half done, PV 300, EV 250. PV 600, EV 1250: SPI 25/12, so the
    forecast is 2 November + 25 / (25/12) = 12 days = 14 November — not the 15th that
    25 / 2.083333333 (12.0000000019 days) rounded up to 13 days gave."""
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 9), D(2026, 11, 20), 1000, 1.0, 800),
                    task("2", D(2026, 11, 9), D(2026, 11, 13), 500, 0.5, 300)])
    result, _ = status(path, as_of=D(2026, 11, 11))
    row = result.status.iloc[0]
    assert (row["pv"], row["ev"]) == (600, 1250)
    assert row["forecast_finish"] == pd.Timestamp(2026, 11, 14)


def test_a_task_forecast_of_a_whole_number_of_days_is_not_a_day_late(tmp_path):
    """Task 1: 2 to 27 November (25 days), 20 working days at 100 a day; as of Wednesday
    11 November PV is 800, and 5/6 of 2000 done is EV 1666.67: SPI 25/12, forecast
    2 November + 12 days = 14 November (not the 15th). Task 2: 2 to 22 November (20 days),
    15 working days at 100; as of 4 November PV 300, EV 750 (50 % of 1500): SPI 2.5,
    20 / 2.5 = 8 days, 10 November."""
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 27), 2000, 5 / 6, 700),
                    task("2", D(2026, 11, 2), D(2026, 11, 22), 1500, 0.5, 700)])
    tasks = status(path, as_of=D(2026, 11, 11))[0].tasks.set_index("task_id")
    assert tasks.loc["1", "pv"] == 800
    assert tasks.loc["1", "forecast_finish"] == pd.Timestamp(2026, 11, 14)
    tasks = status(path, as_of=D(2026, 11, 4))[0].tasks.set_index("task_id")
    assert tasks.loc["2", "forecast_finish"] == pd.Timestamp(2026, 11, 10)


def test_project_sums_are_kept_to_nine_decimals(tmp_path):
    """Monday to Saturday, as of Monday 9 November: task 1 (Saturday 7 and Sunday 8, 700) is
    all due, task 2 (Saturday 7 to Saturday 14, 7 working days, 600) 2 days of 7 =
    171.428571429, task 3 (Sunday 8 alone, no working day, 50) due on its finish. The
    project's PV is 921.428571429 in its cell, not 921.4285714289999."""
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 7), D(2026, 11, 8), 700),
                    task("2", D(2026, 11, 7), D(2026, 11, 14), 600, 0.25, 100),
                    task("3", D(2026, 11, 8), D(2026, 11, 8), 50)],
                   work_days="Mon-Sat")
    done = opsbook.project_status([path], as_of="2026-11-09")
    write_output(tmp_path / "status.xlsx", done.sheets)
    ws = openpyxl.load_workbook(tmp_path / "status.xlsx").worksheets[0]
    headers = [c.value for c in ws[2]]
    assert ws.cell(3, headers.index("PV") + 1).value == 921.428571429
    assert done.result.tasks["pv"].tolist() == [700, 171.428571429, 50]


@pytest.fixture
def halves(tmp_path):
    """One task 2 to 6 November, 1000, 12.5 % done, 200 spent; as of 11 November it is late:
    PV 1000, EV 125, SPI 0.125, CPI 0.625; a budget of 1234.125 differs from the 1000."""
    return tracker(tmp_path / "t.xlsx", [project(budget=1234.125)],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.125, 200)])


@pytest.mark.parametrize("lang, project_detail, task_detail, budget", [
    ("en", "SPI 0.13, CPI 0.63", "planned finish 2026-11-06, 13% complete",
     "Budget 1,234.13 differs"),
    ("zh", "SPI 0.13，CPI 0.63", "计划 2026-11-06 完成，已完成 13%", "1,234.13"),
])
def test_figures_in_words_are_rounded_as_their_cells_show_them(halves, tmp_path, lang,
                                                               project_detail, task_detail,
                                                               budget):
    """0.625 in a 0.00 cell shows 0.63 and 12.5 % in a 0% cell 13 %: the Deviations sheet
    and the budget note say the same (Python's own formatting said 0.62, 12 % and
    1,234.12)."""
    done = opsbook.project_status([halves], as_of="2026-11-11", lang=lang)
    write_output(tmp_path / "status.xlsx", done.sheets)
    book = openpyxl.load_workbook(tmp_path / "status.xlsx")
    details = [row[5] for row in book.worksheets[2].iter_rows(min_row=3, values_only=True)]
    assert project_detail in details and task_detail in details
    notes = [row[-1] for row in book.worksheets[0].iter_rows(min_row=3, max_row=3,
                                                             values_only=True)]
    assert budget in notes[0]


def test_the_report_rounds_as_the_cells_show(halves):
    """The report's SPI/CPI chart and table: 0.125 and 0.625 are 0.13 and 0.63."""
    result, _ = status(halves, as_of=D(2026, 11, 11))
    report = summary(result, "en")
    scatter = report.charts[0]
    assert scatter.x == (0.13,) and scatter.series[0].values == (0.63,)
    row = report.tables[0].rows[0]
    assert row[5:7] == (0.13, 0.63)
