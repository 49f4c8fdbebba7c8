"""Properties of the summary of random pairs of department workbooks written to disk: make-up
workdays and holidays (in English and Chinese words), Chinese statuses and leave types,
half-day leave by its hours or its Half Day, Joined On and Left On, check-outs after
midnight, unknown IDs, overtime approved before and after. One row a day of employment with
one status, Monthly totals are the sums of Daily, Departments the sums of Monthly, approved
+ unapproved overtime is all overtime worked, and neither the order of the rows in each
sheet nor the order of the files changes a figure."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import openpyxl
import pandas as pd
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal
from quirkbooks import write

import opsbook
from opsbook.attendance.labels import STATUSES
from opsbook.attendance.summary import LEAVE_COLUMNS, SUMS

D, T = dt.datetime, dt.time
FEW = settings(max_examples=6, deadline=None, phases=(Phase.generate,),
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _books(r: random.Random, folder) -> tuple[list, list]:
    def employed(day: int | None) -> D | None:
        return None if day is None else D(2026, 11, 1) + dt.timedelta(days=day)

    people = [(f"E{n}", f"N{n}", r.choice(["Ops", "Sales", "ops"]),
               employed(r.choice([None, None, r.randint(-5, 20)])),
               employed(r.choice([None, None, r.randint(20, 35)]))) for n in range(1, 6)]
    holidays = [[D(2026, 11, day), "h", r.choice(["holiday", "workday", "节假日", "调休上班"])]
                for day in r.sample(range(1, 31), 3)]

    def time():
        minutes = r.randint(6 * 60, 23 * 60 + 59)
        return T(minutes // 60, minutes % 60)

    clock = [[r.choice([*people, ("E9",)])[0], D(2026, 11, r.randint(1, 30)),
              r.choice([time(), time(), None]), r.choice([time(), time(), None])]
             for _ in range(r.randint(20, 60))]
    leave = []
    for n in range(r.randint(0, 8)):
        start = D(2026, 11, 1) + dt.timedelta(days=r.randint(-3, 29))
        end = start + dt.timedelta(days=r.randint(0, 6))
        if r.random() < 0.3:
            start = start.replace(hour=r.choice([9, 13, 14]))
        if r.random() < 0.3:
            end = end.replace(hour=r.choice([12, 13, 18]))
        end = max(end, start.replace(hour=18))
        leave.append([f"L{n}", r.choice(people)[0], r.choice(["annual", "sick", "调休", "事假"]),
                      start, end, r.choice([None, None, "am", "下午"]), "M",
                      start.replace(hour=0) + dt.timedelta(r.randint(-4, 2)),
                      r.choice(["approved", "已批准", "pending", "rejected", "cancelled"])])
    overtime = []
    for n in range(r.randint(0, 8)):
        day = D(2026, 11, r.randint(1, 30))
        overtime.append([f"O{n}", r.choice(people)[0], day, T(r.randint(17, 22)),
                         T(r.randint(0, 23)), "M", day + dt.timedelta(r.randint(-2, 1)),
                         "approved"])
    split = r.randint(1, len(people) - 1)
    paths = []
    for k, group in enumerate((people[:split], people[split:])):
        ids = {p[0] for p in group} | ({"E9"} if k == 0 else set())
        paths.append(write(folder / f"book{k}.xlsx", {
            "Employees": [["Employee ID", "Name", "Department", "Joined On", "Left On"],
                          *map(list, group)],
            "Holidays": [["Date", "Name", "Kind"], *(holidays if k == 0 else holidays[:1])],
            "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                      *(c for c in clock if c[0] in ids)],
            "Leave": [["Request ID", "Employee ID", "Leave Type", "Start", "End", "Half Day",
                       "Approved By", "Approved On", "Status"],
                      *(x for x in leave if x[1] in ids)],
            "Overtime": [["Request ID", "Employee ID", "Date", "Start", "End", "Approved By",
                          "Approved On", "Status"], *(x for x in overtime if x[1] in ids)],
            "Settings": [["Key", "Value"], ["month", "2026-11"]]}))
    return paths, people


def _shuffled(path, r: random.Random):
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        if sheet.title == "Settings":
            continue
        rows = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
        r.shuffle(rows)
        for n, row in enumerate(rows, start=2):
            for col, value in enumerate(row, start=1):
                sheet.cell(n, col).value = value
    out = path.with_name(f"shuffled-{path.name}")
    book.save(out)
    return out


def _by_content(frame: pd.DataFrame) -> pd.DataFrame:
    """A result frame without where its rows came from, in one order."""
    kept = [c for c in frame.columns
            if not (c.endswith(("row", "source", "sheet")) or c in ("field", "file"))]
    keys = [c for c in ("month", "department", "employee_id", "date", "flag", "request_id",
                        "other", "value") if c in kept]
    return frame[kept].sort_values(keys, kind="mergesort").reset_index(drop=True)


@FEW
@given(st.randoms(use_true_random=False))
def test_totals_add_up_and_no_order_matters(tmp_path_factory, r):
    folder = tmp_path_factory.mktemp("books")
    paths, people = _books(r, folder)
    done = opsbook.summarize_attendance(paths)
    assert done.computed, [i for i in done.report.issues if i.severity == "error"]
    result = done.result
    daily = result.daily
    assert not daily.duplicated(["employee_id", "date"]).any()
    assert daily["status"].isin(list(STATUSES)).all()
    for person, joined, left in ((p[0], p[3], p[4]) for p in people):
        days = pd.date_range(max(joined or D(2026, 11, 1), D(2026, 11, 1)),
                             min(left or D(2026, 11, 30), D(2026, 11, 30)))
        mine = daily[daily["employee_id"] == person].set_index("date")
        assert mine.index.is_monotonic_increasing and set(days) <= set(mine.index), person
        # outside employment, only a day with clock data is counted (and warned)
        outside = mine.drop(index=days)
        assert (outside["check_in"].notna() | outside["check_out"].notna()).all(), person
    assert np.allclose(daily["overtime_approved"] + daily["overtime_unapproved"],
                       daily["overtime_hours"])
    monthly = result.monthly.set_index(["employee_id", "month"])
    sums = daily.groupby(["employee_id", "month"])[list(SUMS.values())].sum()
    for column, source in SUMS.items():
        assert np.allclose(monthly[column], sums.loc[monthly.index, source]), column
    assert np.allclose(monthly[LEAVE_COLUMNS].sum(axis=1), monthly["leave_days"])
    departments = result.departments.set_index(["month", "department"])
    by = result.monthly.groupby(["month", "department"])
    for column in [*SUMS, *LEAVE_COLUMNS, "penalty_days", "violations"]:
        assert np.allclose(departments[column], by[column].sum().loc[departments.index]), column
    known = result.violations[result.violations["flag"] != "unknown_employee"]
    assert monthly["violations"].sum() == len(known)

    for again in (opsbook.summarize_attendance(paths[::-1]),
                  opsbook.summarize_attendance([_shuffled(p, r) for p in paths])):
        for name in ("daily", "monthly", "departments", "violations"):
            assert_frame_equal(_by_content(getattr(result, name)),
                               _by_content(getattr(again.result, name)), check_dtype=False)
