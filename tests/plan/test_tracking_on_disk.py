"""The hand-worked tracking of test_plan_tracking.py (up and down KPIs, quarterly targets
with monthly actuals, targets of 0, an annual target only, an item without actuals), this
time from a plan workbook on disk with its own Actuals sheet, tracked by ``opsbook plan
track`` as a user runs it and read back from the tracking workbook it writes."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import run_cli
from test_plan_tracking import ACTUALS, PLAN

from opsbook.api import new_workbook
from opsbook.core.sampling import settings


def table(path, sheet):
    """``sheet``'s rows under its header row (the second), to the first blank row."""
    rows = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))[2:]
    return [list(row) for row in rows[:next((n for n, r in enumerate(rows) if r[0] is None),
                                            len(rows))]]


def test_tracking_written_from_a_plans_own_actuals(tmp_path):
    plan = new_workbook("plan", "en", tmp_path / "plan.xlsx", frames={
        "Plan": PLAN.reset_index(drop=True),
        "Actuals": ACTUALS[ACTUALS["item_id"] != "Z"].reset_index(drop=True),  # Z: an error
        "Settings": settings(year=2027, department="", version="1", status="draft")})
    out = tmp_path / "tracking.xlsx"
    done = run_cli("plan", "track", plan, "-o", out, "--as-of", "2027-04-30", "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "[actual-outside-year]" in done.stdout  # December 2026: a warning, left out
    items = {row[0]: row[5:] for row in table(out, "Tracking")}
    by_hand = {
        # months, target and actual to date, completion, behind (blank when not)
        "A": [4, 30 + 10, 10 + 8 + 12 + 5, 35 / 40, "yes"],  # Q1, then April's third of Q2
        "B": [3, (40 + 40 + 38) / 3, (44 + 40 + 38) / 3, 118 / 122, None],  # down: inverted
        "C": [1, 0, 0, 1, None],  # target 0 kept
        "D": [1, 0, 1, 0, "yes"],  # target 0 missed
        "E": [4, 1200 / 12 * 4, 400, 1, None],  # an annual target only
        "F": [0, None, None, None, None]}  # nothing reported: not measured
    assert list(items) == list(by_hand)
    for item, expected in by_hand.items():
        assert items[item] == [e if e is None or isinstance(e, str)
                               else pytest.approx(e, abs=1e-9) for e in expected], item
    departments = {row[0]: row[1:] for row in table(out, "Tracking by Department")}
    assert departments == {
        "销售部": [3, 2, 1, pytest.approx((35 / 40 + 1) / 2, abs=1e-9)],
        "运营部": [3, 3, 1, pytest.approx((118 / 122 + 1 + 0) / 3, abs=1e-9)],
        "Total": [6, 5, 2, pytest.approx((35 / 40 + 1 + 118 / 122 + 1 + 0) / 5, abs=1e-9)]}
    assert [row[0] for row in table(out, "Behind Schedule")] == ["A", "D"]
