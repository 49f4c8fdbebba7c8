"""Properties of the attendance summary over random months of clock rows, leave and overtime."""

from __future__ import annotations

import numpy as np
import pandas as pd
from frames import employees, frame
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from opsbook.attendance.compute import summarize
from opsbook.attendance.labels import STATUSES
from opsbook.attendance.settings import AttendanceSettings
from opsbook.attendance.summary import LEAVE_COLUMNS, SUMS

FAST = settings(max_examples=20, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PEOPLE = ["E1", "E2", "E3", "E9"]  # E9 is nobody
minutes = st.one_of(st.none(), st.integers(6 * 60, 23 * 60 + 59))
clock_rows = st.lists(st.tuples(st.sampled_from(PEOPLE), st.integers(1, 30), minutes, minutes),
                      max_size=60)
leave_rows = st.lists(st.tuples(
    st.sampled_from(PEOPLE[:3]), st.integers(1, 30), st.integers(0, 5),
    st.sampled_from(["annual", "sick", "personal"]),
    st.sampled_from(["approved", "approved", "pending", "rejected", "cancelled"]),
    st.integers(-5, 3), st.sampled_from([None, None, "am", "pm"])), max_size=6)
overtime_rows = st.lists(st.tuples(
    st.sampled_from(PEOPLE[:3]), st.integers(1, 30), st.integers(17 * 60, 21 * 60),
    st.integers(30, 300), st.integers(-2, 2)), max_size=6)
DAY0 = pd.Timestamp("2026-11-01")


def inputs(clock, leave, overtime):
    c = frame([(e, DAY0 + pd.Timedelta(days=d - 1),
                pd.Timedelta(minutes=i) if i is not None else pd.NaT,
                pd.Timedelta(minutes=o) if o is not None else pd.NaT) for e, d, i, o in clock],
              ["employee_id", "date", "check_in", "check_out"])
    c["date"] = pd.to_datetime(c["date"])
    for column in ("check_in", "check_out"):
        c[column] = pd.to_timedelta(c[column])
    lv = frame([(f"L{n}", e, kind, DAY0 + pd.Timedelta(days=d - 1),
                 DAY0 + pd.Timedelta(days=d - 1 + length), status,
                 DAY0 + pd.Timedelta(days=d - 1 + offset), half)
                for n, (e, d, length, kind, status, offset, half) in enumerate(leave)],
               ["request_id", "employee_id", "leave_type", "start", "end", "status",
                "approved_on", "half"])
    for column in ("start", "end", "approved_on"):
        lv[column] = pd.to_datetime(lv[column])
    ot = frame([(f"O{n}", e, DAY0 + pd.Timedelta(days=d - 1), pd.Timedelta(minutes=s),
                 pd.Timedelta(minutes=(s + length) % 1440), "approved",
                 DAY0 + pd.Timedelta(days=d - 1 + offset))
                for n, (e, d, s, length, offset) in enumerate(overtime)],
               ["request_id", "employee_id", "date", "start", "end", "status", "approved_on"])
    ot["date"] = pd.to_datetime(ot["date"])
    ot["approved_on"] = pd.to_datetime(ot["approved_on"])
    for column in ("start", "end"):
        ot[column] = pd.to_timedelta(ot[column])
    return c, lv, ot


def summary(c, lv, ot):
    return summarize(employees(), c, None, lv, ot, AttendanceSettings(month="2026-11"))


@FAST
@given(clock_rows, leave_rows, overtime_rows)
def test_one_status_per_employee_day_and_totals_add_up(clock, leave, overtime):
    result = summary(*inputs(clock, leave, overtime))
    daily = result.daily
    assert len(daily) == 3 * 30
    assert not daily.duplicated(["employee_id", "date"]).any()
    assert daily["status"].isin(list(STATUSES)).all()
    # approved + unapproved overtime = all overtime worked, never negative
    assert np.allclose(daily["overtime_approved"] + daily["overtime_unapproved"],
                       daily["overtime_hours"])
    assert (daily[["overtime_approved", "overtime_unapproved"]] >= -1e-9).all().all()
    # Monthly = sums of Daily
    monthly = result.monthly.set_index("employee_id")
    sums = daily.groupby("employee_id")[list(SUMS.values())].sum()
    for column, source in SUMS.items():
        assert np.allclose(monthly[column], sums.loc[monthly.index, source]), column
    assert np.allclose(monthly[LEAVE_COLUMNS].sum(axis=1), monthly["leave_days"])
    # a work day is on leave, absent, attended or partly on leave: never counted twice
    work = daily[daily["work_day"] == 1]
    assert ((work["leave_days"] + work["absent_days"] + work["attended"]
             * (1 - work["leave_days"])) <= 1 + 1e-9).all()
    # Departments = sums of Monthly
    departments = result.departments.set_index("department")
    by = result.monthly.groupby("department")
    for column in [*SUMS, *LEAVE_COLUMNS, "penalty_days", "violations"]:
        assert np.allclose(departments[column], by[column].sum().loc[departments.index]), column
    assert (departments["headcount"] == by.size().loc[departments.index]).all()
    # every violation of a known employee is counted in Monthly
    known = result.violations[result.violations["flag"] != "unknown_employee"]
    assert monthly["violations"].sum() == len(known)


@FAST
@given(clock_rows, leave_rows, overtime_rows, st.randoms(use_true_random=False))
def test_the_order_of_the_input_rows_does_not_matter(clock, leave, overtime, random):
    c, lv, ot = inputs(clock, leave, overtime)
    first = summary(c, lv, ot)

    def shuffled(f):
        order = list(range(len(f)))
        random.shuffle(order)
        return f.iloc[order]

    second = summary(shuffled(c), shuffled(lv), shuffled(ot))
    for name in ("daily", "monthly", "departments", "violations"):
        assert_frame_equal(getattr(first, name), getattr(second, name), check_dtype=False)
