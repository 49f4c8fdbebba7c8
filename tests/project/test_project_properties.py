"""Earned-value identities over generated trackers (hypothesis)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from opsbook.project.compute import compute, config_row
from opsbook.project.settings import ProjectSettings

DAY0 = dt.date(2026, 1, 1)


@st.composite
def trackers(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    n_projects = draw(st.integers(1, 3))
    n = draw(st.integers(1, 12))
    offsets = draw(st.lists(st.tuples(st.integers(0, 120), st.integers(0, 40)),
                            min_size=n, max_size=n))
    cents = st.integers(0, 10**8).map(lambda c: c / 100)
    costs = draw(st.lists(cents, min_size=n, max_size=n))
    pct = draw(st.lists(st.sampled_from([0, 0.1, 0.25, 0.5, 0.99, 1.0]), min_size=n,
                        max_size=n))
    actual = draw(st.lists(cents, min_size=n, max_size=n))
    owners = draw(st.lists(st.integers(0, n_projects - 1), min_size=n, max_size=n))
    start = [pd.Timestamp(DAY0 + dt.timedelta(days=a)) for a, _ in offsets]
    tasks = pd.DataFrame({
        "project_id": [f"P{k}" for k in owners], "task_id": [f"{i}" for i in range(n)],
        "name": "t", "owner": "o", "planned_start": start,
        "planned_finish": [s + pd.Timedelta(days=b) for s, (_, b) in zip(start, offsets)],
        "actual_start": pd.NaT, "actual_finish": pd.NaT, "percent_complete": pct,
        "planned_cost": costs, "actual_cost": actual,
    }, index=pd.RangeIndex(4, 4 + n))
    projects = pd.DataFrame({
        "project_id": [f"P{k}" for k in range(n_projects)], "name": "p", "owner": "o",
        "phase": "execution", "goal": "g", "scope": "s", "start": pd.NaT, "finish": pd.NaT,
        "budget": np.nan, "accepted": False, "lessons_learned": False, "archived": False,
    }, index=pd.RangeIndex(4, 4 + n_projects))
    status = pd.Timestamp(DAY0 + dt.timedelta(days=draw(st.integers(-10, 180))))
    return projects, tasks, status


EMPTY_RISKS = pd.DataFrame(columns=["risk_id", "project_id", "description", "probability",
                                    "impact", "owner", "mitigation", "status"])
EMPTY_ACTIONS = pd.DataFrame(columns=["action_id", "project_id", "task_id", "deviation",
                                      "action", "owner", "due", "status"])


def run(projects, tasks, status):
    config = pd.DataFrame([config_row(ProjectSettings(), as_of=status.date())],
                          index=pd.Index([""], name="source"))
    return compute(projects, tasks, EMPTY_RISKS.astype({"probability": float,
                                                        "impact": float}),
                   EMPTY_ACTIONS.astype({"due": "datetime64[ns]"}), config)


@settings(max_examples=60, deadline=None)
@given(trackers())
def test_identities(data) -> None:
    projects, tasks, status = data
    result = run(projects, tasks, status)
    t, p = result.tasks, result.status
    assert np.allclose(t["sv"], t["ev"] - t["pv"]) and np.allclose(t["cv"], t["ev"] - t["ac"])
    assert np.allclose(p["sv"], p["ev"] - p["pv"]) and np.allclose(p["cv"], p["ev"] - p["ac"])
    done = t["percent_complete"] == 1
    assert (t.loc[done, "ev"] == t.loc[done, "planned_cost"]).all()
    before = t["status_date"] < t["planned_start"]
    assert (t.loc[before, "pv"] == 0).all()
    after = t["status_date"] >= t["planned_finish"]
    assert np.allclose(t.loc[after, "pv"], t.loc[after, "planned_cost"])
    assert ((t["pv"] >= 0) & (t["pv"] <= t["planned_cost"] + 1e-6)).all()
    sums = t.groupby("project_id")[["bac", "pv", "ev", "ac", "sv", "cv",
                                   "eac_remaining"]].sum()
    mine = p.set_index("project_id").loc[sums.index, sums.columns]
    assert np.allclose(mine.to_numpy(), sums.to_numpy())
    numbers = pd.concat([t.select_dtypes("number"), p.select_dtypes("number")])
    assert not np.isinf(numbers.to_numpy(dtype=float)).any()


@settings(max_examples=30, deadline=None)
@given(trackers())
def test_every_blank_index_has_a_note(data) -> None:
    projects, tasks, status = data
    result = run(projects, tasks, status)
    for frame in (result.tasks, result.status):
        blank_spi = frame["spi"].isna()
        blank_cpi = frame["cpi"].isna()
        assert frame.loc[blank_spi, "notes"].str.contains("no-pv").all()
        assert frame.loc[blank_cpi, "notes"].str.contains("no-ac").all()
        assert frame.loc[frame["tcpi"].isna(), "notes"].str.contains("budget-spent").all()
        for eac in ("eac_cpi", "eac_cpi_spi"):
            blank = frame[eac].isna()
            assert frame.loc[blank, "notes"].str.contains("no-pv|no-ac|no-ev").all()
