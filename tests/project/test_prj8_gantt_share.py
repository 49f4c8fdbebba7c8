"""The Gantt's dark blue share is the nearest whole number of weeks of the bar, but a task
begun and not complete never looks finished (nor one begun look untouched) on a bar of two
weeks or more; read back from the written workbook."""

from __future__ import annotations

import openpyxl
from trackers import D, project, task, tracker

import opsbook
from opsbook.api.common import write_output

DARK, LIGHT = "2F5597", "BDD7EE"


def _fill(cell) -> str:
    return cell.fill.start_color.rgb[-6:] if cell.fill.fill_type == "solid" else ""


def test_done_weeks_of_tasks_begun_and_not_complete(tmp_path):
    """Each task's bar runs Monday 9 to Friday 27 November: three weeks. As of 6 November
    (before any bar): 80 % is two dark weeks and one light (not three); 99 % two; 5 % one
    (not none); 50 % two (1.5 rounded half up); 100 % all three; 0 % none."""
    shares = [0.8, 0.99, 0.05, 0.5, 1.0, 0.0]
    rows = [task(str(n), D(2026, 11, 9), D(2026, 11, 27), 100, pct)
            for n, pct in enumerate(shares, 1)]
    path = tracker(tmp_path / "t.xlsx", [project()], rows)
    done = opsbook.project_status([path], as_of="2026-11-06")
    ws = openpyxl.load_workbook(write_output(tmp_path / "s.xlsx", done.sheets))["Gantt"]
    headers = [c.value for c in ws[2]]
    first = headers.index("11-09") + 1
    drawn = [[_fill(ws.cell(r, first + w)) for w in range(3)] for r in range(3, 3 + len(rows))]
    assert drawn == [[DARK, DARK, LIGHT], [DARK, DARK, LIGHT], [DARK, LIGHT, LIGHT],
                     [DARK, DARK, LIGHT], [DARK, DARK, DARK], [LIGHT, LIGHT, LIGHT]]
