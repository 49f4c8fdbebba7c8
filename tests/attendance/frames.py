"""Small attendance inputs as the reader gives them (index = spreadsheet row), for the tests."""

from __future__ import annotations

from typing import Any

import pandas as pd

from opsbook.attendance.compute import AttendanceResult, summarize
from opsbook.attendance.settings import AttendanceSettings

EMPLOYEES = [("E1", "张伟", "运营部"), ("E2", "李娜", "运营部"), ("E3", "Alice Chen", "市场部")]


def frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=columns, dtype=object)
    out.index = pd.RangeIndex(2, 2 + len(out), name="row")
    return out


def t(text: str | None) -> pd.Timedelta | Any:
    """'09:05' → a timedelta since midnight (what the reader gives for a time cell)."""
    return pd.NaT if text is None else pd.Timedelta(f"{text}:00" if text.count(":") == 1 else text)


def d(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def clock(*rows: tuple) -> pd.DataFrame:
    """(employee, 'YYYY-MM-DD', 'hh:mm' or None, 'hh:mm' or None) per row."""
    out = frame([(e, d(day), t(i), t(o)) for e, day, i, o in rows],
                ["employee_id", "date", "check_in", "check_out"])
    out["date"] = pd.to_datetime(out["date"])
    for column in ("check_in", "check_out"):
        out[column] = pd.to_timedelta(out[column])
    return out


def leave(*rows: dict) -> pd.DataFrame:
    """Leave requests: request_id, employee_id, leave_type, start, end, approved_on, status
    (approved by default), requested_on, approved_by, half."""
    defaults = {"leave_type": "annual", "status": "approved", "approved_by": "E9",
                "requested_on": None, "half": None}
    rows = [{**defaults, **r} for r in rows]
    out = frame([tuple(r.values()) for r in rows], list(rows[0]))
    for column in ("start", "end", "approved_on", "requested_on"):
        out[column] = pd.to_datetime(out[column])
    return out


def overtime(*rows: dict) -> pd.DataFrame:
    defaults = {"status": "approved", "approved_by": "E9", "requested_on": None}
    rows = [{**defaults, **r} for r in rows]
    out = frame([tuple(r.values()) for r in rows], list(rows[0]))
    out["date"] = pd.to_datetime(out["date"])
    out["approved_on"] = pd.to_datetime(out["approved_on"])
    for column in ("start", "end"):
        out[column] = out[column].map(t)
    return out


def holidays(*rows: tuple) -> pd.DataFrame:
    out = frame([(d(day), name, kind) for day, name, kind in rows], ["date", "name", "kind"])
    out["date"] = pd.to_datetime(out["date"])
    return out


def employees() -> pd.DataFrame:
    return frame(EMPLOYEES, ["employee_id", "name", "department"])


def run(clock_frame: pd.DataFrame, *, month: str = "2026-11", leave_frame=None,
        overtime_frame=None, holiday_frame=None, **settings: Any) -> AttendanceResult:
    return summarize(employees(), clock_frame, holiday_frame, leave_frame, overtime_frame,
                     AttendanceSettings(month=month, **settings))


def day(result: AttendanceResult, employee: str, date: str) -> pd.Series:
    """The Daily row of one employee and day."""
    daily = result.daily
    hit = daily[(daily["employee_id"] == employee) & (daily["date"] == pd.Timestamp(date))]
    assert len(hit) == 1
    return hit.iloc[0]


def flags(row: pd.Series) -> set[str]:
    return {c.removeprefix("flag_") for c in row.index if c.startswith("flag_") and row[c]}


def found(result: AttendanceResult, flag: str) -> pd.DataFrame:
    return result.violations[result.violations["flag"] == flag]


