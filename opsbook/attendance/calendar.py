"""The calendar of the months summarised: every day a work day, a rest day or a holiday."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.attendance.policy import Policy

CALENDAR_COLUMNS = ["date", "month", "day_type", "day_name"]


def month_days(months: list[str]) -> pd.DatetimeIndex:
    """Every calendar day of the months (``YYYY-MM``), in order."""
    starts = [pd.Timestamp(f"{m}-01") for m in sorted(set(months))]
    parts = [pd.date_range(s, s + pd.offsets.MonthEnd(0)) for s in starts]
    return parts[0].append(parts[1:]) if parts else pd.DatetimeIndex([])


def calendar(months: list[str], holidays: pd.DataFrame | None, policy: Policy) -> pd.DataFrame:
    """One row per day: ``day_type`` is ``work``, ``rest`` or ``holiday``.

    A day of the Holidays sheet of kind ``holiday`` is a holiday even on a work weekday; one of
    kind ``workday`` (调休上班) is a work day even on a weekend; the other days follow
    ``work_days``. ``day_name`` is the holiday's name from the sheet, if any.
    """
    days = month_days(months)
    frame = pd.DataFrame({"date": days, "month": days.strftime("%Y-%m")})
    work = np.isin(days.day_of_week, sorted(policy.work_days))
    day_type = np.where(work, "work", "rest").astype(object)
    names = np.full(len(days), "", dtype=object)
    if holidays is not None and not holidays.empty:
        marked = holidays[holidays["date"].notna()].drop_duplicates("date", keep="first")
        dates = pd.to_datetime(marked["date"]).dt.normalize()
        at = days.get_indexer(pd.DatetimeIndex(dates))
        inside = at >= 0
        kind = marked["kind"].fillna("holiday").to_numpy(dtype=object)[inside]
        day_type[at[inside]] = np.where(kind == "workday", "work", "holiday")
        label = marked["name"].fillna("").astype(str).to_numpy(dtype=object)[inside]
        names[at[inside]] = label
    frame["day_type"] = day_type
    frame["day_name"] = names
    return frame[CALENDAR_COLUMNS]
