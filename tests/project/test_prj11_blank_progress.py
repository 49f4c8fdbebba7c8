"""A task whose % Complete is blank: counted as 0 % (EV 0), or as 100 % when it has an actual
finish, and said so in its Notes in both languages — as a blank planned cost is — never
silently."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from trackers import D, project, task, tracker

ZERO_EN = "% Complete blank: counted as 0 % (nothing earned, EV = 0)."
DONE_EN = "% Complete blank: counted as 100 %, as the task has an actual finish."
ZERO_ZH = "完成百分比为空：按 0% 计（无挣值，EV = 0）。"
DONE_ZH = "完成百分比为空：该任务已有实际完成日期，按 100% 计。"


def _tracker(tmp_path):
    """Mon 2 – Fri 13 Nov, 10 working days each. Task 1: 1,000, 50 % done, AC 600. Task 2:
    2,000, % blank, started, AC 300. Task 3: 4,000, % blank, finished Fri 6 Nov, AC 3,900."""
    return tracker(tmp_path / "blank-progress.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 600),
                    task("2", D(2026, 11, 2), D(2026, 11, 13), 2000, 0, 300,
                         percent_complete=None, actual_start=D(2026, 11, 2)),
                    task("3", D(2026, 11, 2), D(2026, 11, 13), 4000, 0, 3900,
                         percent_complete=None, actual_start=D(2026, 11, 2),
                         actual_finish=D(2026, 11, 6))])


def _status(tmp_path, lang):
    """``project status --lang LANG`` of the tracker as of Fri 6 Nov: the written workbook."""
    out = tmp_path / f"status.{lang}.xlsx"
    done = run_cli("project", "status", _tracker(tmp_path), "--as-of", "2026-11-06",
                   "-o", out, "--lang", lang)
    assert done.returncode == 0, done.stdout + done.stderr
    return openpyxl.load_workbook(out)


def _tasks(book, sheet):
    return {r[1]: list(r) for r in book[sheet].iter_rows(min_row=3, max_row=5,
                                                          values_only=True)}


def test_blank_progress_is_counted_and_said_in_english(tmp_path):
    book = _status(tmp_path, "en")
    tasks = _tasks(book, "Task Earned Value")
    # by hand, Fri 6 Nov is 5 of 10 working days: PV 500, 1,000 and 2,000
    # task 1: EV 500; task 2: 0 % of 2,000 = 0; task 3: 100 % of 4,000 = 4,000
    assert [tasks[w][8:13] for w in ("1", "2", "3")] == [
        [0.5, 1000, 500, 500, 600], [0, 2000, 1000, 0, 300], [1, 4000, 2000, 4000, 3900]]
    assert tasks["1"][-1] is None
    assert ZERO_EN in tasks["2"][-1]
    assert tasks["3"][-1] == DONE_EN
    # the project sums its tasks: BAC 7,000, PV 3,500, EV 4,500, AC 4,800
    assert [book["Status"].cell(3, c).value for c in (5, 6, 7, 8)] == [7000, 3500, 4500, 4800]


def test_blank_progress_is_said_in_chinese(tmp_path):
    tasks = _tasks(_status(tmp_path, "zh"), "任务挣值")
    assert ZERO_ZH in tasks["2"][-1]
    assert tasks["3"][-1] == DONE_ZH
