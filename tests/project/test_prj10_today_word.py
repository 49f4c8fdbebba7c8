"""A status_date written as the word for today (今天, today, =TODAY() typed as text) is today,
as a blank status date is, and said so — not an invalid setting that stops the run."""

from __future__ import annotations

import datetime as dt

import pytest
from trackers import D, project, status, task, tracker

from opsbook.api import load


@pytest.mark.parametrize("typed", ["今天", "今日", "Today", "=TODAY()", "today()"])
def test_today_in_words(tmp_path, typed):
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 10000, 0.4, 5000)],
                   status_date=typed)
    book = load(path, "project")
    assert [i.code for i in book.issues if i.field == "status_date"] == []
    assert book.settings.status_date is None
    result, _ = status(path, today=D(2026, 11, 6))
    config = result.config.iloc[0]
    assert (config["status_date"], config["status_from"]) == (dt.datetime(2026, 11, 6), "today")
    # as of Fri 6 Nov: 5 of 10 working days, PV 5,000
    assert result.status.iloc[0]["pv"] == 5000


def test_another_word_is_still_refused(tmp_path):
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 10000, 0.4, 5000)],
                   status_date="明天")
    issue = next(i for i in load(path, "project").issues if i.field == "status_date")
    assert (issue.code, issue.severity) == ("invalid-setting", "error")
