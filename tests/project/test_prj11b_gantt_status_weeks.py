"""The Gantt's note says where the status week is marked: with one status date, in every
row and before its header (▼); with trackers whose status dates fall in different weeks,
in each task's row only — before, the note said "its header marked '▼'" over a header that
had no mark."""

from __future__ import annotations

import openpyxl
import pandas as pd
from trackers import D, project, task, tracker

import opsbook
from opsbook.api.common import write_output


def _gantt(tmp_path, second_day, lang):
    a = tracker(tmp_path / "a.xlsx", [project("P-1")],
                [task("1", D(2026, 11, 2), D(2026, 11, 27), 1000, 0.5, 500)], lang=lang,
                status_date=pd.Timestamp(2026, 11, 6))
    b = tracker(tmp_path / "b.xlsx", [project("P-2")],
                [task("1", D(2026, 11, 2), D(2026, 11, 27), 1000, 0.5, 500, pid="P-2")],
                lang=lang, status_date=second_day)
    out = tmp_path / "status.xlsx"
    write_output(out, opsbook.project_status([a, b]).sheets)
    ws = openpyxl.load_workbook(out).worksheets[-1]
    weeks = [c.value for c in ws[2]][7:]
    rows = [[c.value for c in r][7:] for r in ws.iter_rows(min_row=3, max_row=4)]
    return weeks, rows, ws.cell(ws.max_row, 1).value


def test_status_dates_in_two_weeks(tmp_path):
    weeks, rows, note = _gantt(tmp_path, pd.Timestamp(2026, 11, 18), "en")
    assert weeks == ["11-02", "11-09", "11-16", "11-23"]  # no header marked
    assert [row.index("│") for row in rows] == [0, 2]  # each row its own week
    assert note.endswith("yellow and '│': the week of the status date (the files' status "
                         "dates differ: marked in each task's row, not in the header).")


def test_status_dates_in_two_weeks_in_chinese(tmp_path):
    weeks, _, note = _gantt(tmp_path, pd.Timestamp(2026, 11, 18), "zh")
    assert "▼" not in "".join(weeks)
    assert note.endswith("黄色与“│”：状态日期所在周"
                         "（各文件状态日期不同，各行分别标出，表头不标）。")


def test_one_status_week_is_marked_in_the_header(tmp_path):
    weeks, rows, note = _gantt(tmp_path, pd.Timestamp(2026, 11, 5), "en")
    assert weeks == ["▼11-02", "11-09", "11-16", "11-23"]
    assert [row.index("│") for row in rows] == [0, 0]
    assert note.endswith("the week of the status date (its header marked '▼').")
