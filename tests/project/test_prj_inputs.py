"""What a user types into a tracker or on the command line, taken as they mean it: work days
with full-width separators or weekday numbers, thresholds as percentages, a status date with
an hour, and a folder where one tracker is broken."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from conftest import run_cli
from trackers import D, project, status, task, tracker

import opsbook
from opsbook.api.common import Refused
from opsbook.project.outputs import sheets
from opsbook.project.workdays import weekmask

MON_FRI = "1111100"


@pytest.mark.parametrize("text", ["Mon，Tue，Wed，Thu，Fri", "Mon；Tue；Wed；Thu；Fri",
                                  "Mon - Fri", "1-5", "周一～周五", "一至五", "Ｍｏｎ－Ｆｒｉ",
                                  "Mon/Tue/Wed/Thu/Fri"])
def test_work_days_in_full_width_forms_and_numbers(text: str) -> None:
    assert weekmask(text) == MON_FRI


def test_a_tracker_with_full_width_commas_in_work_days_is_computed(tmp_path) -> None:
    """Mon，Tue，Wed (a Chinese comma, as a Chinese keyboard types it): 1,200 planned over
    the six working days Mon 2 – Wed 11 November; three of them by Wed 4th → PV 600."""
    path = tracker(tmp_path / "full-width-work-days.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 11), 1200, 0.5, 600)],
                   status_date=D(2026, 11, 4), work_days="Mon，Tue，Wed")
    result, _ = status(path)
    t = result.tasks.iloc[0]
    assert (t.pv, t.ev, t.spi) == (600.0, 600.0, 1.0)


def test_a_threshold_typed_as_a_percentage_is_that_ratio(tmp_path) -> None:
    """spi_green "95%" is 0.95: an SPI of 0.96 is green under it (amber under the default)."""
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.48, 480)]  # PV 500, SPI .96
    path = tracker(tmp_path / "percent-threshold.xlsx", [project()], tasks,
                   status_date=D(2026, 11, 6), spi_green="95%")
    result, _ = status(path)
    p = result.status.iloc[0]
    assert (p.spi, p.cpi, p.rag) == (0.96, 1.0, "green")
    assert result.config["spi_green"].iloc[0] == 0.95


def test_a_threshold_no_index_reaches_is_refused_at_its_cell(tmp_path) -> None:
    """95 typed for 95 % would make green unreachable: an invalid-setting error at the
    Settings cell, in both languages, and nothing computed."""
    path = tracker(tmp_path / "threshold-95.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 500)],
                   status_date=D(2026, 11, 6), cpi_green=95)
    done = opsbook.project_status([path])
    assert not done.computed and done.exit_code == 1
    (issue,) = [i for i in done.report.issues if i.code == "invalid-setting"]
    assert issue.sheet == "Settings" and issue.cell.startswith("B")
    assert "more than 2" in issue.message("en") and "0 to 2" in issue.message("en")
    assert "大于 2" in issue.message("zh")


def test_amber_above_green_is_a_sentence_in_both_languages(tmp_path) -> None:
    path = tracker(tmp_path / "amber-above-green.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000)], spi_amber=1.2)
    issue = next(i for i in opsbook.validate(path).issues if i.code == "invalid-setting")
    assert issue.message("en").endswith("(1).") and issue.message("zh").endswith("（1）。")


def _on_its_finish(tmp_path):
    """A task planned to finish on Fri 13 November, half done, and an action due that day."""
    actions = [{"action_id": "A-1", "project_id": "P-1", "task_id": "1", "deviation": "slow",
                "action": "Add a tester", "owner": "Lee", "due": pd.Timestamp(2026, 11, 13),
                "status": "open"}]
    return tracker(tmp_path / "due-today.xlsx", [project()],
                   [task("1", D(2026, 11, 9), D(2026, 11, 13), 500, 0.5, 250)],
                   actions=actions)


@pytest.mark.parametrize("as_of", [D(2026, 11, 13), dt.datetime(2026, 11, 13, 17, 30),
                                   pd.Timestamp("2026-11-13 09:00"), "2026-11-13"])
def test_a_status_date_with_an_hour_is_that_whole_day(tmp_path, as_of) -> None:
    """The status date counts as elapsed, whatever hour a datetime gives: a task finishing
    that day is not overdue yet, nor is an action due that day."""
    done = opsbook.project_status([_on_its_finish(tmp_path)], as_of=as_of)
    t = done.result.tasks.iloc[0]
    assert done.result.config["status_date"].iloc[0] == pd.Timestamp(2026, 11, 13)
    assert (t.pv, bool(t.overdue), t.days_late) == (500.0, False, 0)
    assert done.result.deviations.query("state == 'action-overdue'").empty


@pytest.mark.parametrize("as_of", ["13/11/2026", "2026-13-01", "2026/11/13 9:00", 20261113])
def test_a_status_date_that_is_no_date_is_refused_before_reading(tmp_path, as_of) -> None:
    with pytest.raises(Refused) as refused:
        opsbook.project_status([tmp_path / "never-read.xlsx"], as_of=as_of)
    assert "YYYY-MM-DD" in str(refused.value) and "YYYY-MM-DD" in refused.value.zh
    assert refused.value.zh.endswith("。")


def test_the_command_refuses_a_bad_as_of_in_the_language_asked(tmp_path) -> None:
    path = _on_its_finish(tmp_path)
    zh = run_cli("project", "status", path, "-o", tmp_path / "out.xlsx", "--as-of",
                 "13/11/2026", "--lang", "zh", "--quiet")
    assert zh.returncode == 2 and "--as-of 应为日期" in zh.stderr
    assert "must be" not in zh.stderr and "Traceback" not in zh.stderr
    en = run_cli("project", "status", path, "-o", tmp_path / "out.xlsx", "--as-of",
                 "2026-02-30", "--lang", "en", "--quiet")
    assert en.returncode == 2 and "--as-of must be a date written YYYY-MM-DD" in en.stderr
    assert not (tmp_path / "out.xlsx").exists()


def _folder(tmp_path):
    folder = tmp_path / "trackers"
    folder.mkdir()
    tracker(folder / "a-good.xlsx", [project("P-1")],
            [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 400, pid="P-1")])
    tracker(folder / "b-good.xlsx", [project("P-2")],
            [task("1", D(2026, 11, 2), D(2026, 11, 13), 2000, 0.2, 500, pid="P-2")])
    bad = tracker(folder / "c-bad-percent.xlsx", [project("P-3")],
                  [task("1", D(2026, 11, 2), D(2026, 11, 13), 3000, 0.5, 500, pid="P-3")])
    book = openpyxl.load_workbook(bad)
    sheet = book["Tasks"]
    column = next(c.column for c in sheet[3] if c.value == "% Complete")
    sheet.cell(4, column, "half")  # a type error: this tracker cannot be computed
    book.save(bad)
    (folder / "d-damaged.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    return folder


def test_one_broken_tracker_does_not_stop_the_others(tmp_path) -> None:
    """A folder of four: two good trackers, one with a type error and one damaged file. The
    good ones are computed (figures as on their own), the other two are left out with a
    warning each, named in the headline and under the Status table; exit 2 (a file could not
    be read); the figures are the sums of the good trackers' tasks only."""
    folder = _folder(tmp_path)
    done = opsbook.project_status([folder], as_of=D(2026, 11, 6))
    assert done.computed and done.exit_code == 2
    s = done.result.status.set_index("project_id")
    assert list(s.index) == ["P-1", "P-2"]
    assert (s.loc["P-1", "pv"], s.loc["P-1", "ev"], s.loc["P-1", "ac"]) == (500, 500, 400)
    assert (s.loc["P-2", "pv"], s.loc["P-2", "ev"], s.loc["P-2", "ac"]) == (1000, 400, 500)
    left = [i.file for i in done.report.issues if i.code == "tracker-left-out"]
    assert [p.rsplit("/", 1)[-1] for p in left] == ["c-bad-percent.xlsx", "d-damaged.xlsx"]
    assert done.result.left_out == ["c-bad-percent.xlsx", "d-damaged.xlsx"]
    assert "2 file(s) with errors left out" in done.headline
    codes = {i.code for i in done.report.issues}
    assert {"type-error", "corrupt-file", "tracker-left-out"} <= codes
    sheet = done.sheets[0]
    assert "left out" in sheet.title
    assert any("c-bad-percent.xlsx, d-damaged.xlsx" in line for line in sheet.notes)


def test_a_broken_tracker_is_named_in_the_written_workbook(tmp_path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "状态.xlsx"
    run = run_cli("project", "status", folder, "-o", out, "--as-of", "2026-11-06",
                  "--lang", "zh", "--quiet", "--jobs", "1")
    assert run.returncode == 2, run.stderr
    assert "2 个文件有错误未计入" in run.stdout
    assert "该文件有错误，未计入项目状态" in run.stdout + run.stderr
    sheet = openpyxl.load_workbook(out)["项目状态"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "P-1" in texts and "P-2" in texts and "P-3" not in texts
    assert any("未计入" in t and "c-bad-percent.xlsx、d-damaged.xlsx" in t for t in texts)


def test_fail_fast_or_every_tracker_broken_computes_nothing(tmp_path) -> None:
    from opsbook.batch import BatchOptions

    folder = _folder(tmp_path)
    strict = opsbook.project_status([folder], options=BatchOptions(jobs=1, fail_fast=True))
    assert not strict.computed
    broken = opsbook.project_status([folder / "c-bad-percent.xlsx",
                                     folder / "d-damaged.xlsx"])
    assert not broken.computed and broken.exit_code == 2
    assert not any(i.code == "tracker-left-out" for i in broken.report.issues)


def test_a_milestone_planned_at_no_cost_gets_one_note(tmp_path) -> None:
    """A zero-cost milestone (planned Wed 4 November, not reached by Fri 6th) and a task
    budgeted 0 that cost 50: every blank index still has its code, but the Notes column says
    it once, in words that fit (not "no budget left to spend")."""
    tasks = [task("M1", D(2026, 11, 4), D(2026, 11, 4), 0),
             task("2", D(2026, 11, 2), D(2026, 11, 6), 0, 1.0, 50),
             task("3", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 500)]
    path = tracker(tmp_path / "zero-cost-milestone.xlsx", [project()], tasks,
                   status_date=D(2026, 11, 6))
    result, _ = status(path)
    t = result.tasks.set_index("task_id")
    assert {"no-pv", "no-ac", "budget-spent", "zero-cost"} <= set(t.loc["M1", "notes"].split())
    assert bool(t.loc["M1", "overdue"]) and t.loc["2", "cpi"] == 0 and t.loc["2", "rag"] == "red"
    assert "zero-cost" not in t.loc["3", "notes"].split()
    for lang, start in (("en", "Planned cost 0 (a milestone"), ("zh", "计划成本为 0（里程碑")):
        notes = sheets(result, lang)[1]
        column = notes.headers.index("Notes" if lang == "en" else "说明")
        texts = {row[1]: row[column] for row in notes.rows}
        assert texts["M1"].startswith(start) and texts["2"] == texts["M1"]
        assert "budget left" not in texts["M1"] and "预算已无剩余" not in texts["M1"]
    p = result.status.iloc[0]
    assert (p.bac, p.pv, p.ev, p.ac) == (1000, 500, 500, 550)  # the sums of the three tasks


def test_a_finished_task_below_100_percent_says_its_percentage_as_read(tmp_path) -> None:
    """12.5 % read from the cell is said as 12.5 %, not rounded to 13 % (or 1.2 % to 1 %)."""
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 4), 100, 0.125, 10,
                  actual_finish=pd.Timestamp(2026, 11, 4))]
    path = tracker(tmp_path / "finished-at-12.5.xlsx", [project()], tasks,
                   status_date=D(2026, 11, 6))
    issue = next(i for i in opsbook.validate(path).issues
                 if i.code == "task-finished-incomplete")
    assert issue.value == "12.5%" and "is 12.5% complete: set 100% when" in issue.message("en")
    assert "完成百分比为 12.5%" in issue.message("zh")
