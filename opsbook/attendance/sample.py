"""Seeded sample attendance data: clock records, holidays, leave and overtime requests."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from opsbook.core import sampling

HOLIDAYS = [(dt.date(2026, 10, d), "国庆节", "holiday") for d in range(1, 8)] + [
    (dt.date(2026, 10, 10), "国庆调休", "workday")]


def clock_frame(rng: np.random.Generator, ids: list[str], days: pd.DatetimeIndex) -> pd.DataFrame:
    """One row per employee and day; mostly on time, some late, early or missing."""
    n = len(ids) * len(days)
    frame = pd.DataFrame({"employee_id": np.repeat(ids, len(days)),
                          "date": np.tile(days.to_numpy(), len(ids))})
    arrive = rng.normal(8 * 60 + 50, 7, n)
    late = rng.random(n) < 0.05
    arrive[late] = rng.uniform(9 * 60 + 6, 10 * 60 + 30, late.sum())
    leave = rng.normal(18 * 60 + 15, 12, n)
    early = rng.random(n) < 0.02
    leave[early] = rng.uniform(15 * 60, 17 * 60 + 50, early.sum())
    check_in = pd.to_timedelta(np.round(arrive), unit="min")
    check_out = pd.to_timedelta(np.round(leave), unit="min")
    missing = rng.random(n) < 0.01
    frame["check_in"] = pd.Series(check_in).where(~missing)
    frame["check_out"] = pd.Series(check_out).where(~missing)
    return frame


def sample_frames(seed: int = 7, lang: str = "zh", employees: int = 36,
                  month: str = "2026-10", days: pd.DatetimeIndex | None = None,
                  ) -> dict[str, pd.DataFrame]:
    """Employees, holidays, a month of clock records on working days, leave and overtime."""
    rng = np.random.default_rng(seed)
    people = sampling.employees(rng, employees, lang)
    holidays = pd.DataFrame(HOLIDAYS, columns=["date", "name", "kind"])
    holidays["date"] = pd.to_datetime(holidays["date"])
    if days is None:
        start = pd.Timestamp(f"{month}-01")
        every = pd.date_range(start, start + pd.offsets.MonthEnd(0))
        off = set(holidays.loc[holidays["kind"] == "holiday", "date"])
        extra = set(holidays.loc[holidays["kind"] == "workday", "date"])
        days = pd.DatetimeIndex([d for d in every if (d.weekday() < 5 and d not in off)
                                 or d in extra])
    clock = clock_frame(rng, list(people["employee_id"]), days)
    ids = people["employee_id"]
    first = days[0]
    leave = pd.DataFrame({
        "request_id": ["L001", "L002", "L003", "L004"],
        "employee_id": [ids[1], ids[4], ids[7], ids[10 % len(ids)]],
        "leave_type": ["annual", "sick", "personal", "annual"],
        "start": [first + pd.Timedelta(days=d) for d in (7, 9, 14, 20)],
        "end": [first + pd.Timedelta(days=d, hours=18) for d in (8, 9, 14, 20)],
        "requested_on": [first + pd.Timedelta(days=d) for d in (1, 9, 13, 10)],
        "approved_by": ["E0001", "E0001", None, "E0002"],
        "approved_on": [first + pd.Timedelta(days=d) for d in (2, 10, 13, 11)],
        "status": ["approved", "approved", "pending", "approved"],
    })
    leave.loc[2, "approved_on"] = pd.NaT
    overtime = pd.DataFrame({
        "request_id": ["OT001", "OT002", "OT003"],
        "employee_id": [ids[2], ids[3], ids[5]],
        "date": [first + pd.Timedelta(days=d) for d in (3, 6, 12)],
        "start": pd.to_timedelta(["18:30:00", "19:00:00", "18:30:00"]),
        "end": pd.to_timedelta(["21:00:00", "21:30:00", "20:30:00"]),
        "requested_on": [first + pd.Timedelta(days=d) for d in (2, 6, 10)],
        "approved_by": ["E0001", "E0001", "E0002"],
        "approved_on": [first + pd.Timedelta(days=d) for d in (2, 7, 11)],
        "status": ["approved", "approved", "approved"],
    })
    return {"Employees": people, "Holidays": holidays, "Clock": clock, "Leave": leave,
            "Overtime": overtime, "Settings": sampling.settings(month=month)}
