"""--as-of wins over each tracker's status_date setting, so a setting it leaves unused that
cannot be read (昨天, a year out of range, =TODAY() never recalculated) is a warning at its
cell in that run, and the tracker is computed — not an error that left it out. Without
--as-of, or with --fail-fast, it is the error it was."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import run_cli
from trackers import D, project, task, tracker, with_status_date

import opsbook


def _tracker(tmp_path, status_date):
    """Task 1: Mon 2 – Fri 13 Nov, 10 working days, 1,000, 40 % done, AC 500."""
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.4, 500)])
    return with_status_date(path, status_date)


@pytest.mark.parametrize("typed", ["昨天", D(2300, 1, 1), "=TODAY()"])
def test_an_unused_bad_status_date_is_a_warning(tmp_path, typed):
    path = _tracker(tmp_path, typed)
    done = opsbook.project_status([path], as_of="2026-11-06")
    at = [(i.severity, i.cell) for i in done.report.issues if i.field == "status_date"]
    assert at == [("warning", "B2")]
    assert done.exit_code == 0
    # by hand, Fri 6 Nov is 5 of 10 working days: PV 500, EV 400, AC 500
    figures = done.result.status.loc[0, ["pv", "ev", "ac", "spi", "cpi"]].tolist()
    assert figures == [500, 400, 500, 0.8, 0.8]


def test_the_command_line_says_it_in_both_languages(tmp_path):
    path = _tracker(tmp_path, "昨天")
    out = tmp_path / "status.xlsx"
    done = run_cli("project", "status", path, "--as-of", "2026-11-06", "-o", out, "--lang", "zh")
    assert done.returncode == 0, done.stdout + done.stderr
    assert ("! Settings!B2  [invalid-setting] 设置项“status_date”（状态日期）：单元格 Settings!B2 "
            "的值为“昨天”，不是日期；") in done.stdout + done.stderr
    assert openpyxl.load_workbook(out)["项目状态"].cell(3, 6).value == 500


def test_without_as_of_or_with_fail_fast_it_is_an_error(tmp_path):
    path = _tracker(tmp_path, "昨天")
    for extra in ([], ["--as-of", "2026-11-06", "--fail-fast"]):
        out = tmp_path / "status.xlsx"
        done = run_cli("project", "status", path, *extra, "-o", out, "--lang", "en")
        assert done.returncode == 1, done.stdout + done.stderr
        assert "✗ Settings!B2  [invalid-setting] Setting 'status_date'" in done.stdout
        assert not out.exists()
