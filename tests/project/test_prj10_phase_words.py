"""Phases as trackers say them — 实施 and 执行中 for execution, 策划 for planning, 验收 and
已结项 for closing, the verbs initiate … close — are read as the phase, and its gate checked,
instead of an invalid choice that left the tracker out."""

from __future__ import annotations

import pytest
from trackers import D, project, status, task, tracker

from opsbook.api import load


@pytest.mark.parametrize(("typed", "phase"), [
    ("立项阶段", "initiation"), ("Initiate", "initiation"), ("策划", "planning"),
    ("计划中", "planning"), ("实施", "execution"),
    ("实施阶段", "execution"), ("项目实施", "execution"), ("执行中", "execution"),
    ("Execute", "execution"), ("监控与控制", "monitoring"), ("Monitor", "monitoring"),
    ("验收", "closing"), ("验收阶段", "closing"), ("结项阶段", "closing"), ("已结项", "closing"),
    ("Close", "closing"), ("Closed", "closing")])
def test_phase_words(tmp_path, typed, phase):
    path = tracker(tmp_path / "t.xlsx", [project(phase=typed)],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 100, 1.0, 100)])
    book = load(path, "project")
    assert [i.code for i in book.issues if i.field == "phase"] == []
    assert book["Projects"]["phase"].tolist() == [phase]


def test_closing_said_as_acceptance_is_gated(tmp_path):
    path = tracker(tmp_path / "t.xlsx", [project(phase="验收", accepted=True)],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 100, 1.0, 100)])
    result, _ = status(path, as_of=D(2026, 11, 20))
    gate = result.gates.iloc[0]
    assert (gate["phase"], gate["missing"], gate["passed"]) == (
        "closing", "lessons_learned archived", False)


def test_a_state_that_is_no_phase_is_still_refused(tmp_path):
    path = tracker(tmp_path / "t.xlsx", [project(phase="In Progress")],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 100, 1.0, 100)])
    issue = next(i for i in load(path, "project").issues if i.field == "phase")
    assert (issue.code, issue.severity) == ("invalid-choice", "error")


@pytest.mark.parametrize(("typed", "flag"), [
    ("完成", True), ("通过", True), ("待验收", False), ("未完成", False)])
def test_closing_flags_in_words(tmp_path, typed, flag):
    path = tracker(tmp_path / "t.xlsx",
                   [project(phase="closing", accepted=typed, lessons_learned=True,
                            archived=True)],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 100, 1.0, 100)])
    book = load(path, "project")
    assert [i.code for i in book.issues if i.field == "accepted"] == []
    result, _ = status(path, as_of=D(2026, 11, 20))
    assert result.gates.iloc[0]["passed"] == flag
    assert result.gates.iloc[0]["missing"] == ("" if flag else "accepted")


def test_waiting_is_not_done(tmp_path):
    path = tracker(tmp_path / "t.xlsx",
                   [project(phase="closing", accepted="待验收", lessons_learned="待总结",
                            archived="待归档")],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 100, 1.0, 100)])
    book = load(path, "project")
    flags = book["Projects"][["accepted", "lessons_learned", "archived"]].iloc[0].tolist()
    assert flags == [False, False, False]
