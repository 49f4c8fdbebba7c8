"""Planned value over many generated tasks in a real tracker on disk, against a figure worked
out independently of the program: the calendar walked day by day in plain Python (no numpy
business-day count, which the program uses). Seeded: the same cases on every run.

For each task: PV = planned cost × (working days from the planned start to the status date,
both counted) ÷ (working days from the planned start to the planned finish); 0 before the
start, the whole cost from the finish on; a window holding no working day falls due in
full on its finish. EV = % complete × planned cost, SV = EV − PV, CV = EV − AC, and the
project's PV, EV, AC, SV and CV are the sums of its tasks'."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from trackers import D, project, status, task, tracker

#: work_days as a user types it → the working weekdays (Monday = 0)
WEEKS = {"Mon-Fri": {0, 1, 2, 3, 4}, "Mon,Tue,Wed,Thu,Fri,Sat": {0, 1, 2, 3, 4, 5},
         "Sun-Thu": {6, 0, 1, 2, 3}}
STATUS = D(2026, 12, 9)  # a Wednesday


def working_days(first: dt.date, last: dt.date, week: set[int]) -> int:
    """Days from ``first`` to ``last`` (both counted) whose weekday is in ``week``."""
    days, day = 0, first
    while day <= last:
        days += day.weekday() in week
        day += dt.timedelta(days=1)
    return days


def planned_value(cost: float, start: dt.date, finish: dt.date, week: set[int]) -> float:
    if start > STATUS:
        return 0.0
    if finish <= STATUS:
        return cost
    total = working_days(start, finish, week)
    if total == 0:
        return 0.0  # due at the finish, not yet reached
    return cost * working_days(start, STATUS, week) / total


def generated_tasks(seed: int, week: set[int], n: int = 60) -> list[dict]:
    """``n`` tasks around the status date: windows of 0 to 30 days starting from five weeks
    before it to two weeks after, costs in cents, every % complete from 0 to 100 %, actual
    costs under and over plan; then a task on a day off before the status date and one
    on a day off after it (windows without a working day)."""
    pick = random.Random(seed)
    off = [STATUS + dt.timedelta(days=d) for d in range(-7, 8)
           if (STATUS + dt.timedelta(days=d)).weekday() not in week]
    tasks = [task("W1", off[0], off[0], 120.0), task("W2", off[-1], off[-1], 80.0)]
    for k in range(n):
        start = STATUS + dt.timedelta(days=pick.randint(-35, 14))
        length = pick.choice([0, 0, 1, 2, 4, 6, 9, 13, 20, 30])
        cost = pick.randint(1, 5_000_000) / 100
        pct = pick.choice([0.0, 0.05, 0.25, 0.5, 0.75, 0.99, 1.0])
        actual = round(cost * pct * pick.uniform(0.5, 1.6), 2)
        tasks.append(task(f"T{k:02}", start, start + dt.timedelta(days=length), cost, pct,
                          actual))
    return tasks


@pytest.mark.parametrize("work_days", list(WEEKS))
def test_planned_value_is_the_calendars_share_of_the_cost(tmp_path, work_days: str):
    rows = generated_tasks(len(work_days), WEEKS[work_days])
    path = tracker(tmp_path / "tracker.xlsx", [project()], rows, status_date=STATUS,
                   work_days=work_days)
    result, _ = status(path)
    got = result.tasks.set_index("task_id")
    assert len(got) == len(rows) == 62
    for row in rows:
        t = got.loc[row["task_id"]]
        cost, pct, actual = row["planned_cost"], row["percent_complete"], row["actual_cost"]
        pv = planned_value(cost, row["planned_start"].date(), row["planned_finish"].date(),
                           WEEKS[work_days])
        ev = pct * cost
        assert t["pv"] == pytest.approx(pv, abs=0.005), row["task_id"]
        assert t["ev"] == pytest.approx(ev, abs=0.005), row["task_id"]
        assert t["ac"] == pytest.approx(actual, abs=0.005), row["task_id"]
        assert t["sv"] == pytest.approx(ev - pv, abs=0.01), row["task_id"]
        assert t["cv"] == pytest.approx(ev - actual, abs=0.01), row["task_id"]
    whole = result.status.iloc[0]
    for figure in ("pv", "ev", "ac", "sv", "cv"):
        assert whole[figure] == pytest.approx(got[figure].sum(), abs=0.01), figure
    assert whole["bac"] == pytest.approx(sum(r["planned_cost"] for r in rows), abs=0.005)


def test_the_generated_cases_reach_every_branch():
    """The seeds above hold tasks before their start, inside their window, past their
    finish, one-day and weekend-only windows, and fully done ones."""
    for work_days, week in WEEKS.items():
        rows = generated_tasks(len(work_days), week)
        spans = [(r["planned_start"].date(), r["planned_finish"].date()) for r in rows]
        assert any(s > STATUS for s, _ in spans)
        assert any(s <= STATUS < f for s, f in spans)
        assert any(f <= STATUS for _, f in spans)
        assert any(working_days(s, f, week) == 0 for s, f in spans), work_days
        assert any(r["percent_complete"] == 1.0 for r in rows)
