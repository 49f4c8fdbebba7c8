"""work_days is read however a person types it, full-width separators included, by one reader
that attendance and the project tracker share."""

from __future__ import annotations

import pytest

from opsbook.attendance.policy import parse_work_days
from opsbook.project.workdays import weekmask


@pytest.mark.parametrize(("text", "days"), [
    ("Mon，Tue", {0, 1}), ("Mon；Wed", {0, 2}), ("Mon－Fri", {0, 1, 2, 3, 4}),
    ("周一～周五", {0, 1, 2, 3, 4}), ("Ｍｏｎ-Ｆｒｉ", {0, 1, 2, 3, 4}), ("1-6", set(range(6))),
    ("Mon - Fri", {0, 1, 2, 3, 4}), ("Mon Wed", {0, 2}), ("Fri-Mon", {4, 5, 6, 0})])
def test_each_form_names_its_weekdays(text, days):
    assert parse_work_days(text) == frozenset(days)


@pytest.mark.parametrize("text", ["", "Funday", "Mon-Tue-Wed"])
def test_text_that_names_no_weekday_is_none(text):
    assert parse_work_days(text) is None


@pytest.mark.parametrize("text", ["Mon，Tue", "Mon-Fri", "周一至周五", "1-5"])
def test_attendance_and_the_project_tracker_agree(text):
    assert {n for n, flag in enumerate(weekmask(text)) if flag == "1"} == parse_work_days(text)
