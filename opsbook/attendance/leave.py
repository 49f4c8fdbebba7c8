"""Leave requests spread over the days they cover: which work days are on leave, and how much
of each; approval after the start, short notice and overlapping requests found.

A request covers every calendar day from its start to its end; only work days count. A start
or end given as a date only means the whole day. On a day, a request covers the whole shift
(a full day), its start (a morning half day: the shift then starts when the leave ends), its
end (an afternoon half day: the shift ends when the leave starts) or a stretch within it (a
half day, shift unchanged). The optional ``half`` column (``am``/``pm``) makes every day of a
request the morning or afternoon half of the shift. A request counts as leave only when its
status is ``approved`` and it has an approval date; the others (pending, rejected,
cancelled, or approved without a date) are kept apart so that a day they cover without clock
data is flagged as leave taken without approval.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from opsbook.attendance.findings import findings
from opsbook.attendance.policy import Policy
from opsbook.attendance.punch_cells import employee_key

DAY = 86400
LEAVE_DAY_COLUMNS = ["employee_id", "date", "leave_share", "leave_type", "leave_request",
                     "leave_type_other", "leave_request_other",
                     "window_start", "window_end", "approved_late", "short_notice"]
UNAPPROVED_COLUMNS = ["employee_id", "date", "unapproved_request", "source", "row"]


@dataclass
class LeaveDays:
    """``approved``: per employee and work day on approved leave, the share of the day
    (0.5 or 1), the type and request, the part of the shift still to be worked
    (``window_start``/``window_end``, seconds) and the approval flags; ``unapproved``: the
    work days under a request that is not approved; ``findings``: per request."""

    approved: pd.DataFrame
    unapproved: pd.DataFrame
    findings: pd.DataFrame


def request_order(ids: pd.Series) -> pd.Series:
    """A sort key of request IDs in the order people number them: the digits of an ID
    compared as a number, so that L9 comes before L10 and 9 before 10 (as text, "L10" <
    "L9"); IDs typed as numbers and as text alike."""
    text = pd.Series(ids, dtype=object).map(employee_key).fillna("")
    return text.str.replace(r"\d+", lambda m: m.group().lstrip("0").zfill(20), regex=True)


def _pieces(leave: pd.DataFrame, days: pd.DatetimeIndex, policy: Policy) -> pd.DataFrame:
    """One row per request and calendar day of ``days`` it covers, with the covered seconds."""
    start = pd.to_datetime(leave["start"])
    end = pd.to_datetime(leave["end"])
    # an end without a time is the whole of its day (2026-11-05 13:30 to 2026-11-05)
    whole = end + pd.to_timedelta(np.where(end == end.dt.normalize(), DAY, 0), unit="s")
    ok = (start.notna() & end.notna() & (whole >= start)).to_numpy()
    leave, start, end = leave[ok], start[ok], end[ok]
    first, last = start.dt.normalize(), end.dt.normalize()
    start_tod = (start - first).dt.total_seconds().to_numpy()
    end_tod = (end - last).dt.total_seconds().to_numpy()
    end_tod = np.where(end_tod == 0, DAY, end_tod)  # a date-only end: the whole day
    lo = np.maximum(first.to_numpy(), days[0].to_datetime64()) if len(days) else first
    hi = np.minimum(last.to_numpy(), days[-1].to_datetime64()) if len(days) else last
    count = np.maximum(((hi - lo) // np.timedelta64(1, "D")).astype(np.int64) + 1, 0)
    at = np.repeat(np.arange(len(leave)), count)
    offset = np.arange(len(at)) - np.repeat(np.cumsum(count) - count, count)
    date = np.repeat(lo, count) + offset.astype("timedelta64[D]")
    pieces = leave.iloc[at].reset_index(names="row")
    pieces["date"] = pd.to_datetime(date)
    pieces["begin"] = np.where(date == first.to_numpy()[at], start_tod[at], 0)
    pieces["finish"] = np.where(date == last.to_numpy()[at], end_tod[at], DAY)
    pieces["first_day"] = first.to_numpy()[at]
    pieces["order"] = request_order(pieces["request_id"]).to_numpy(dtype=object)
    if "half" in pieces:
        half = pieces["half"].to_numpy(dtype=object)
        pieces.loc[half == "am", ["begin", "finish"]] = (policy.shift_start, policy.midday)
        pieces.loc[half == "pm", ["begin", "finish"]] = (policy.midday, policy.shift_end)
    return pieces


def _approved(leave: pd.DataFrame) -> np.ndarray:
    return (leave["status"].eq("approved") & leave["approved_on"].notna()).to_numpy(dtype=bool)


def leave_days(leave: pd.DataFrame, calendar: pd.DataFrame, policy: Policy) -> LeaveDays:
    """Spread the requests of ``leave`` (the Leave sheet, index = spreadsheet row, optional
    ``source``) over the work days of ``calendar``."""
    leave = leave.assign(source=leave.get("source", 0))
    late, short = _flags(leave, policy)
    leave = leave.assign(approved_late=late, short_notice=short)
    days = pd.DatetimeIndex(calendar["date"])
    pieces = _pieces(leave, days, policy)
    work = set(calendar.loc[calendar["day_type"] == "work", "date"])
    S, E = policy.shift_start, policy.shift_end
    begin, finish = pieces["begin"].to_numpy(float), pieces["finish"].to_numpy(float)
    covers = (np.minimum(finish, E) > np.maximum(begin, S)) & pieces["date"].isin(work).to_numpy()
    pieces = pieces[covers]
    begin, finish = begin[covers], finish[covers]
    approved = _approved(pieces)
    found = [_overlaps(pieces, policy), *_notice(leave, pieces[approved])]

    b, f = begin[approved], finish[approved]
    ok = pieces[approved].assign(full=(b <= S) & (f >= E), morning=(b <= S) & (f < E),
                                 afternoon=(b > S) & (f >= E))
    ok["window_start"] = np.where(ok["morning"], np.minimum(ok["finish"], E), S)
    ok["window_end"] = np.where(ok["afternoon"], np.maximum(ok["begin"], S), E)
    ok = ok.sort_values(["employee_id", "date", "first_day", "order"], kind="mergesort")
    by = ok.groupby(["employee_id", "date"], sort=False)
    per_day = by.agg(full=("full", "any"), morning=("morning", "any"),
                     afternoon=("afternoon", "any"), leave_type=("leave_type", "first"),
                     leave_request=("request_id", "first"), window_start=("window_start", "max"),
                     window_end=("window_end", "min"), approved_late=("approved_late", "any"),
                     short_notice=("short_notice", "any")).reset_index()
    whole = per_day["full"] | (per_day["morning"] & per_day["afternoon"])
    per_day["leave_share"] = np.where(whole, 1.0, 0.5)
    per_day = _halves(per_day, ok)
    per_day["window_start"] = per_day["window_start"].astype(float)
    per_day["window_end"] = per_day["window_end"].astype(float)

    rest = pieces[~approved].sort_values(["employee_id", "date", "first_day", "order"],
                                         kind="mergesort")
    rest = rest.drop_duplicates(["employee_id", "date"], keep="first")
    unapproved = rest.rename(columns={"request_id": "unapproved_request"})[UNAPPROVED_COLUMNS]
    return LeaveDays(per_day[LEAVE_DAY_COLUMNS], unapproved.reset_index(drop=True),
                     pd.concat(found, ignore_index=True))


def _halves(per_day: pd.DataFrame, ok: pd.DataFrame) -> pd.DataFrame:
    """A day made whole by a morning and an afternoon request is half of each: the morning's
    type and request in ``leave_type``/``leave_request``, the afternoon's in
    ``leave_type_other``/``leave_request_other`` (where it is another request), so that
    half a day of annual and half a day of sick leave count as such."""
    key = ["employee_id", "date"]
    firsts = []
    for half in ("morning", "afternoon"):
        part = ok[ok[half].to_numpy(bool)].drop_duplicates(key)  # ok is in request order
        firsts.append(part[[*key, "leave_type", "request_id"]].rename(
            columns={"leave_type": f"{half}_type", "request_id": f"{half}_request"}))
    out = per_day.merge(firsts[0], on=key, how="left").merge(firsts[1], on=key, how="left")
    split = (~out["full"] & out["morning"] & out["afternoon"]).to_numpy(bool)
    other = split & (out["morning_request"] != out["afternoon_request"]).to_numpy(bool)
    out["leave_type"] = np.where(split, out["morning_type"], out["leave_type"])
    out["leave_request"] = np.where(split, out["morning_request"], out["leave_request"])
    out["leave_type_other"] = np.where(other, out["afternoon_type"], None)
    out["leave_request_other"] = np.where(other, out["afternoon_request"], None)
    return out


def _flags(leave: pd.DataFrame, policy: Policy) -> tuple[np.ndarray, np.ndarray]:
    """Per request: approved after the day it started; approved with less notice than its
    type needs (``sick_leave_notice_days`` or ``leave_notice_days`` days before the start)."""
    start_day = pd.to_datetime(leave["start"]).dt.normalize()
    approved_on = pd.to_datetime(leave["approved_on"]).dt.normalize()
    notice = np.where(leave["leave_type"].eq("sick"), policy.sick_notice_days,
                      policy.notice_days)
    late = (approved_on > start_day).to_numpy(dtype=bool)
    needed = start_day - pd.to_timedelta(notice, unit="D")
    short = (approved_on > needed).to_numpy(dtype=bool) & ~late
    return late, short


def _notice(leave: pd.DataFrame, counted: pd.DataFrame) -> list[pd.DataFrame]:
    """leave_approved_late / leave_short_notice, one per approved request, dated its start;
    ``value`` the days between the approval and the start (after it, or before it). A
    request that reaches into a later month (``counted``: its approved pieces on work days)
    is told in that month too, on its first day of leave there, so that every month whose
    Daily rows carry the flag has the request's Violations row."""
    approved = _approved(leave)
    out = []
    for flag in ("approved_late", "short_notice"):
        hit = approved & leave[flag].to_numpy(dtype=bool)
        rows = leave[hit]
        start = pd.to_datetime(rows["start"]).dt.normalize()
        # days between the approval and the start: after it (late) or before it (short)
        gap = (pd.to_datetime(rows["approved_on"]).dt.normalize() - start).dt.days.abs()
        told = pd.DataFrame({"employee_id": rows["employee_id"].to_numpy(dtype=object),
                             "date": start.to_numpy(), "value": gap.to_numpy(float),
                             "request_id": rows["request_id"].to_numpy(dtype=object),
                             "source": rows["source"].to_numpy(),
                             "row": rows.index.to_numpy()})
        later = counted[counted[flag].to_numpy(dtype=bool)]
        month = later["date"].to_numpy().astype("datetime64[M]")
        moved = month != later["first_day"].to_numpy().astype("datetime64[M]")
        later = (later[moved].assign(month=month[moved]).sort_values("date", kind="mergesort")
                 .drop_duplicates(["source", "row", "month"]))
        again = later[["source", "row", "date"]].merge(
            told.drop(columns="date"), on=["source", "row"], how="inner")
        both = pd.concat([told, again[told.columns]], ignore_index=True)
        out.append(findings(both["employee_id"], both["date"], f"leave_{flag}",
                            value=both["value"].to_numpy(float),
                            request_id=both["request_id"], source=both["source"],
                            sheet="Leave", field="approved_on", row=both["row"].to_numpy()))
    return out


def _overlaps(pieces: pd.DataFrame, policy: Policy) -> pd.DataFrame:
    """leave_overlap: a request (approved or pending) covering time of a day that an earlier
    one (by start day, then request id as :func:`request_order` sorts them) covers too. A
    morning and an afternoon request on one day do not overlap: they make the day whole."""
    live = pieces[pieces["status"].isin(["approved", "pending"]).to_numpy()]
    live = live.assign(
        begin=np.maximum(live["begin"].to_numpy(float), policy.shift_start),
        finish=np.minimum(live["finish"].to_numpy(float), policy.shift_end))
    keep = ["employee_id", "date", "begin", "finish", "first_day", "order", "request_id",
            "source", "row"]
    pairs = live[keep].merge(live[keep], on=["employee_id", "date"], suffixes=("", "_o"))
    earlier = ((pairs["first_day_o"] < pairs["first_day"])
               | ((pairs["first_day_o"] == pairs["first_day"])
                  & (pairs["order_o"] < pairs["order"])))
    meet = (np.maximum(pairs["begin"], pairs["begin_o"])
            < np.minimum(pairs["finish"], pairs["finish_o"]))
    clash = pairs[(earlier & meet).to_numpy()].sort_values(
        ["employee_id", "date", "first_day_o", "order_o"], kind="mergesort")
    clash = clash.drop_duplicates(["source", "row"], keep="first")
    return findings(clash["employee_id"], clash["date"], "leave_overlap",
                    request_id=clash["request_id"], other=clash["request_id_o"],
                    source=clash["source"], sheet="Leave", field="start", row=clash["row"])
