"""Overtime worked, and how much of it an overtime request approved before the day covers.

Overtime on a work day is the time between the shift's end (or a later check-in) and the
check-out, a check-out after midnight included; on a rest day or holiday every hour between
check-in and check-out is overtime. Less than ``overtime_min_minutes`` in a day is no
overtime. A request approves the part of that time inside its start–end window (an end
before the start is after midnight) when its status is ``approved`` and its approval date is
on or before the day worked (approved windows that overlap count their common time once);
the rest is unapproved and, under the policy, not counted as overtime.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.attendance.leave import request_order
from opsbook.attendance.policy import Policy

DAY = 86400.0


def worked_overtime(day_type: np.ndarray, check_in: np.ndarray, check_out: np.ndarray,
                    policy: Policy) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) in seconds of each day's overtime; equal where there is none."""
    work = day_type == "work"
    start = np.where(work, np.maximum(check_in, policy.shift_end), check_in)
    end = np.where(np.isnan(check_in) | np.isnan(check_out), start, check_out)
    end = np.maximum(end, start)
    short = (end - start) < max(policy.overtime_min, 1)
    end = np.where(short | np.isnan(start), start, end)
    return start, end


def approved_seconds(days: pd.DataFrame, start: np.ndarray, end: np.ndarray,
                     requests: pd.DataFrame | None) -> tuple[np.ndarray, np.ndarray]:
    """Seconds of each day's overtime ``[start, end)`` inside a window approved in time, and
    the request ids on the day that were not approved in time (``None`` where none)."""
    n = len(days)
    approved = np.zeros(n)
    refused = np.full(n, None, dtype=object)
    if requests is None or requests.empty or n == 0:
        return approved, refused
    req = requests[requests["employee_id"].notna() & requests["date"].notna()]
    req = pd.DataFrame({
        "employee_id": req["employee_id"].to_numpy(dtype=object),
        "date": pd.to_datetime(req["date"]).dt.normalize().to_numpy(),
        "win_start": pd.to_timedelta(req["start"]).dt.total_seconds().to_numpy(),
        "win_end": pd.to_timedelta(req["end"]).dt.total_seconds().to_numpy(),
        "in_time": (req["status"].eq("approved") & req["approved_on"].notna()
                    & (pd.to_datetime(req["approved_on"]).dt.normalize()
                       <= pd.to_datetime(req["date"]).dt.normalize())).to_numpy(dtype=bool),
        "request_id": req["request_id"].to_numpy(dtype=object),
    })
    req["win_end"] = np.where(req["win_end"] < req["win_start"], req["win_end"] + DAY,
                              req["win_end"])
    keyed = pd.DataFrame({"employee_id": days["employee_id"].to_numpy(dtype=object),
                          "date": days["date"].to_numpy(), "at": np.arange(n),
                          "ot_start": start, "ot_end": end})
    both = keyed.merge(req, on=["employee_id", "date"], how="inner")
    good = both["in_time"].to_numpy()
    sums = _covered(both["at"].to_numpy()[good],
                    np.maximum(both["ot_start"], both["win_start"]).to_numpy()[good],
                    np.minimum(both["ot_end"], both["win_end"]).to_numpy()[good], n)
    approved = np.nan_to_num(np.minimum(sums, end - start))
    bad = both[~good].assign(order=request_order(both["request_id"][~good]).to_numpy())
    bad = bad.sort_values(["at", "order"], kind="mergesort").drop_duplicates("at")
    refused[bad["at"].to_numpy()] = bad["request_id"].to_numpy(dtype=object)
    return approved, refused


def _covered(at: np.ndarray, low: np.ndarray, high: np.ndarray, n: int) -> np.ndarray:
    """Seconds covered by the union of the intervals ``[low, high)`` of each day ``at``
    (0…n-1): windows that overlap count their common time once."""
    keep = ~(np.isnan(low) | np.isnan(high)) & (high > low)
    seg = pd.DataFrame({"at": at[keep], "low": low[keep], "high": high[keep]}
                       ).sort_values(["at", "low"], kind="mergesort")
    reach = seg.groupby("at")["high"].cummax()  # how far the day's windows so far reach
    before = reach.groupby(seg["at"]).shift().fillna(-np.inf).to_numpy()
    new = np.clip(seg["high"].to_numpy() - np.maximum(seg["low"].to_numpy(), before), 0, None)
    return np.bincount(seg["at"].to_numpy(dtype=np.int64), new, minlength=n)
