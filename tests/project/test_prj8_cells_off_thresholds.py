"""Cells never show a figure rounded up onto a threshold it falls short of: an SPI of
0.8999 beside its red is no "0.90", a task 99.6 % done no "100%" — the column gets the
decimals it needs (only then: an ordinary column keeps 0.00 and 0%)."""

from __future__ import annotations

import openpyxl
from trackers import D, project, task, tracker

import opsbook
from opsbook.api.common import write_output


def _formats(path, sheet, *headers):
    ws = openpyxl.load_workbook(path)[sheet]
    names = [c.value for c in ws[2]]
    return [ws.cell(3, names.index(h) + 1).number_format for h in headers]


def test_figures_just_short_of_a_threshold_keep_their_decimals(tmp_path):
    """P-1: one task 2 to 6 November, 10,000, 89.99 % done, 8,999 spent; as of 6 November
    PV 10,000, EV 8,999: SPI 0.8999 (red, below 0.9), CPI 1. P-2: one task 9 to 13
    November, 1,000, 99.6 % done early: not complete, so never "100%"."""
    path = tracker(tmp_path / "t.xlsx", [project("P-1"), project("P-2")],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 10000, 0.8999, 8999),
                    task("1", D(2026, 11, 9), D(2026, 11, 13), 1000, 0.996, 996,
                         pid="P-2")])
    done = opsbook.project_status([path], as_of="2026-11-06")
    status = done.result.status.set_index("project_id")
    assert status.loc["P-1", "spi"] == 0.8999 and status.loc["P-1", "rag"] == "red"
    out = tmp_path / "status.xlsx"
    write_output(out, done.sheets)
    assert _formats(out, "Status", "SPI", "CPI", "% Complete") == ["0.0000", "0.00", "0.0%"]
    assert _formats(out, "Task Earned Value", "SPI", "CPI", "% Complete") == \
        ["0.0000", "0.00", "0.0%"]
    assert _formats(out, "Gantt", "% Complete") == ["0.0%"]


def test_thresholds_from_settings_are_the_ones_kept_off(tmp_path):
    """With spi_amber 0.8 an SPI of 0.8999 is short of no threshold: 0.90 is shown, two
    decimals; an SPI of 0.7999 is kept off 0.8, at four."""
    rows = [task("1", D(2026, 11, 2), D(2026, 11, 6), 10000, 0.8999, 8999)]
    one = tracker(tmp_path / "one.xlsx", [project("P-1")], rows, spi_amber=0.8)
    two = tracker(tmp_path / "two.xlsx", [project("P-1")],
                  [task("1", D(2026, 11, 2), D(2026, 11, 6), 10000, 0.7999, 7999)],
                  spi_amber=0.8)
    for path, shown in ((one, "0.00"), (two, "0.0000")):
        done = opsbook.project_status([path], as_of="2026-11-06")
        out = tmp_path / f"{path.stem}.status.xlsx"
        write_output(out, done.sheets)
        assert _formats(out, "Status", "SPI") == [shown]


def test_ordinary_figures_keep_two_decimals_and_whole_percentages(tmp_path):
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 600)])
    done = opsbook.project_status([path], as_of="2026-11-06")
    out = tmp_path / "status.xlsx"
    write_output(out, done.sheets)
    assert _formats(out, "Status", "SPI", "CPI", "% Complete") == ["0.00", "0.00", "0%"]


def test_the_report_table_keeps_them_off_too(tmp_path):
    """The report's project table: SPI 0.8999 (red) is 0.8999 at four decimals, not 0.9;
    99.6 % done is 0.996 at 0.0%."""
    from opsbook.project.summary import summary

    path = tracker(tmp_path / "t.xlsx", [project("P-1"), project("P-2")],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 10000, 0.8999, 8999),
                    task("1", D(2026, 11, 9), D(2026, 11, 13), 1000, 0.996, 996,
                         pid="P-2")])
    done = opsbook.project_status([path], as_of="2026-11-06")
    table = summary(done.result, "en").tables[0]
    assert table.formats[5:8] == ("0.0000", "0.00", "0.0%")
    assert [row[4:8] for row in table.rows] == [("red", 0.8999, 1.0, 0.8999),
                                                ("green", None, 1.0, 0.996)]
