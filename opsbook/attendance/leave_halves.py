"""Leave starts and ends written with a half of the day instead of a time, as DingTalk's leave
approvals export them (请假单位：半天): ``2026-11-05 上午`` to ``2026-11-05 上午`` is the
morning of the 5th, ``2026-11-05 下午`` to ``2026-11-06 上午`` the afternoon of the 5th and the
morning of the 6th, ``2026-11-05 上午`` to ``2026-11-06 下午`` two whole days.

A start in the morning is the shift's start, in the afternoon the middle of the shift; an end
in the morning is the middle of the shift, in the afternoon the shift's end (the workbook's
own Settings). Each such cell is read with a ``coerced-value`` warning, as a date typed as
text is; any other text stays a type error. A Half Day cell saying the whole day (全天) is
blank: no half."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from opsbook.attendance.policy import Policy
from opsbook.core.book import Book
from opsbook.core.dates import parse_date
from opsbook.core.issues import Issue
from opsbook.core.parse import folded

#: A date, then the half of the day (in brackets or not).
_HALF = re.compile(r"^(?P<day>.*\d.*?)[\s\u3000]*[（(]?[\s\u3000]*"
                   r"(?P<half>上午|下午|上半天|下半天|am|pm|a\.m\.|p\.m\.|morning|afternoon)"
                   r"[\s\u3000]*[)）]?$", re.IGNORECASE)
_MORNING = ("上午", "上半天", "am", "a.m.", "morning")
#: Half Day words for a whole day, folded.
WHOLE_DAY = frozenset(folded(w) for w in ("全天", "全日", "整天", "一天", "full day", "whole day"))


def half_day_words(book: Book) -> None:
    """Read the Leave Start and End cells written as a date and 上午/下午 (AM/PM) — which the
    reader refused as no date-time — as the moments they stand for, and say so at each cell
    with a warning instead of the error."""
    table = book.tables.get("Leave")
    if table is None:
        return
    # a Half Day of 全天 (the whole day) is no half: the cell is blank, as it already reads
    book.issues[:] = [i for i in book.issues if not (
        i.code == "invalid-choice" and i.sheet == table.name and i.field == "half"
        and isinstance(i.value, str) and folded(i.value) in WHOLE_DAY)]
    if not any(_ours(i, table.name) for i in book.issues):
        return
    policy = Policy.of(book.settings)
    if policy.shift_end <= policy.shift_start:  # refused at its cell; read by the defaults
        policy = Policy()
    at = {("start", True): policy.shift_start, ("start", False): policy.midday,
          ("end", True): policy.midday, ("end", False): policy.shift_end}
    kept: list[Issue] = []
    for issue in book.issues:
        moment = _moment(issue, at) if _ours(issue, table.name) else None
        if moment is None:
            kept.append(issue)
            continue
        table.frame.loc[issue.row, issue.field] = moment
        said = str(moment)  # as a date-time typed as text is said
        kept.append(dataclasses.replace(issue, code="coerced-value", severity="warning",
                                        params={**issue.params, "result": said,
                                                "result_zh": said}))
    book.issues[:] = kept


def _ours(issue: Issue, sheet: str) -> bool:
    return (issue.code == "type-error" and issue.sheet == sheet
            and issue.field in ("start", "end") and isinstance(issue.value, str))


def _moment(issue: Issue, at: dict[tuple[str, bool], int]) -> pd.Timestamp | None:
    """The moment a cell such as ``2026-11-05 下午`` stands for; None for other text."""
    match = _HALF.match(issue.value.strip())
    day = parse_date(match["day"]) if match else None
    if day is None or day != day.replace(hour=0, minute=0, second=0, microsecond=0):
        return None  # no date, or a date with a time already (2026-11-05 25:00 PM)
    morning = match["half"].lower() in _MORNING
    return pd.Timestamp(day) + pd.Timedelta(seconds=at[(issue.field, morning)])
