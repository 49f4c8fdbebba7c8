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
    n = len(ids)
    at = [days[min(k, len(days) - 1)] for k in range(16)]  # work days of the sample
    day = pd.Timedelta(days=1)
    leave = pd.DataFrame({
        "request_id": ["L001", "L002", "L003", "L004", "L005"],
        "employee_id": [ids[1 % n], ids[4 % n], ids[7 % n], ids[10 % n], ids[13 % n]],
        "leave_type": ["annual", "sick", "personal", "annual", "personal"],
        "start": [at[5], at[7], at[10], at[13], at[9]],
        "end": [at[6] + pd.Timedelta(hours=18), at[7] + pd.Timedelta(hours=18),
                at[10] + pd.Timedelta(hours=18), at[13] + pd.Timedelta(hours=18), at[9]],
        "half": [None, None, None, None, "am"],
        "requested_on": [at[1], at[7], at[9], at[8], at[7]],
        "approved_by": ["E0001", "E0001", None, "E0002", "E0001"],
        "approved_on": [at[2], at[7] + day, pd.NaT, at[9], at[8]],
        "status": ["approved", "approved", "pending", "approved", "approved"],
    })
    overtime = pd.DataFrame({
        "request_id": ["OT001", "OT002", "OT003", "OT004"],
        "employee_id": [ids[2 % n], ids[3 % n], ids[5 % n], ids[6 % n]],
        "date": [at[3], at[4], at[11], at[12]],
        "start": pd.to_timedelta(["18:30:00", "19:00:00", "18:30:00", "18:00:00"]),
        "end": pd.to_timedelta(["21:00:00", "21:30:00", "20:30:00", "01:30:00"]),
        "requested_on": [at[2], at[4], at[10], at[11]],
        "approved_by": ["E0001", "E0001", "E0002", "E0002"],
        "approved_on": [at[2], at[4] + day, at[10], at[11]],
        "status": ["approved", "approved", "approved", "approved"],
    })
    clock = _worked_as_requested(clock, leave, overtime)
    return {"Employees": people, "Holidays": holidays, "Clock": clock, "Leave": leave,
            "Overtime": overtime, "Settings": sampling.settings(month=month)}


def _worked_as_requested(clock: pd.DataFrame, leave: pd.DataFrame,
                         overtime: pd.DataFrame) -> pd.DataFrame:
    """Clock rows that fit the requests: nobody clocks in on a full day of approved leave,
    the morning half-day leave starts work after lunch, overtime is worked until the end
    of its request (the last one past midnight: a check-out earlier than the check-in).
    Changes ``clock`` and returns it without the rows left with no punch."""
    key = clock["employee_id"].astype(str) + clock["date"].dt.strftime("%Y%m%d")
    for row in leave[leave["status"] == "approved"].itertuples():
        days = pd.date_range(row.start.normalize(), row.end.normalize())
        hit = key.isin(row.employee_id + days.strftime("%Y%m%d"))
        if row.half == "am":
            clock.loc[hit, "check_in"] = pd.Timedelta(hours=13, minutes=24)
        else:
            clock.loc[hit, ["check_in", "check_out"]] = pd.NaT
    for row in overtime.itertuples():
        hit = key == row.employee_id + row.date.strftime("%Y%m%d")
        clock.loc[hit, "check_out"] = (row.end + pd.Timedelta(minutes=4)) % pd.Timedelta(days=1)
    return clock.dropna(subset=["check_in", "check_out"], how="all")
