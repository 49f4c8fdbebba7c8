"""--as-of typed with a Chinese input method (full-width digits and dash) is the day it says,
on the command line and in Python; a full-width day that does not exist is refused as such."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run_cli
from trackers import D, project, task, tracker

import opsbook
from opsbook.api.common import Refused


def _tracker(tmp_path):
    return tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 500, 0.5, 200)])


def test_a_full_width_as_of_is_the_day_it_says(tmp_path):
    path = _tracker(tmp_path)
    done = opsbook.project_status([path], as_of="２０２６－１１－０４")
    assert done.result.config["status_date"].tolist() == [dt.datetime(2026, 11, 4)]
    assert done.result.status["pv"].tolist() == [300]  # 3 of 5 working days of 500
    ran = run_cli("project", "status", path, "--as-of", "２０２６-１１-０４", "-o",
                  tmp_path / "out.xlsx")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "as of 2026-11-04 (given for this run)" in ran.stdout


def test_a_full_width_day_that_does_not_exist_is_refused(tmp_path):
    path = _tracker(tmp_path)
    with pytest.raises(Refused, match="no such day"):
        opsbook.project_status([path], as_of="２０２６－０２－３０")
    ran = run_cli("project", "status", path, "--as-of", "２０２６－０２－３０", "--lang", "zh",
                  "-o", tmp_path / "out.xlsx")
    assert ran.returncode == 2
    assert "该日期不存在" in ran.stderr and not (tmp_path / "out.xlsx").exists()
