"""A task's % Complete written as its state — 已完成, 完成, done (100 %), 未开始, not started
(0 %) — is read so, with a ``progress-word`` warning at its cell, and earns accordingly;
other words are still type errors."""

from __future__ import annotations

import pytest
from trackers import D, project, status, task, tracker

from opsbook.api import load
from opsbook.project.levels import progress


@pytest.mark.parametrize(("typed", "share"), [
    ("已完成", 1.0), ("完成", 1.0), ("Done", 1.0), ("COMPLETED", 1.0), ("未开始", 0.0),
    ("Not Started", 0.0), ("进行中", None), ("一半", None)])
def test_progress_words(typed, share):
    assert progress(typed) == share


def test_progress_in_words_earns(tmp_path):
    path = tracker(tmp_path / "t.xlsx", [project()], [
        task("1", D(2026, 11, 2), D(2026, 11, 6), 10000, 0, 9000, percent_complete="已完成"),
        task("2", D(2026, 11, 9), D(2026, 11, 13), 2000, 0, 0, percent_complete="未开始"),
        task("3", D(2026, 11, 9), D(2026, 11, 13), 500, 0, 0, percent_complete="一半")])
    book = load(path, "project")
    found = [(i.code, i.severity, i.cell) for i in book.issues if i.field == "percent_complete"]
    assert sorted(found) == [("progress-word", "warning", "I4"),
                             ("progress-word", "warning", "I5"), ("type-error", "error", "I6")]
    said = next(i for i in book.issues if i.cell == "I4")
    assert said.message() == ("'% Complete': '已完成' was read as 100% complete; enter the "
                              "percentage to be sure.")
    assert said.message("zh") == "“% Complete”：“已完成”识别为完成 100%；建议直接填写百分比。"
    path = tracker(tmp_path / "t2.xlsx", [project()], [
        task("1", D(2026, 11, 2), D(2026, 11, 6), 10000, 0, 9000, percent_complete="已完成"),
        task("2", D(2026, 11, 9), D(2026, 11, 13), 2000, 0, 0, percent_complete="未开始")])
    result, _ = status(path, as_of=D(2026, 11, 10))
    # PV 10,000 + 2 of 5 days × 2,000 = 10,800; EV 10,000 + 0; AC 9,000
    row = result.status.iloc[0]
    assert (row["pv"], row["ev"], row["ac"]) == (10800, 10000, 9000)
    assert list(result.tasks["percent_complete"]) == [1.0, 0.0]
