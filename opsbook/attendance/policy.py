"""The attendance rules of a workbook's Settings, in the units the computation uses.

Times are seconds since midnight; ``work_days`` is read into weekday numbers (Monday 0).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from opsbook.attendance.settings import AttendanceSettings

_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
         "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
         "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_TOKEN = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:周|星期|礼拜)?([一二三四五六日天])|([1-7])"


def _day(match: re.Match[str]) -> int:
    return _DAYS[next(g for g in match.groups() if g)]


def parse_work_days(text: str) -> frozenset[int] | None:
    """Weekday numbers (Monday 0) of ``Mon-Fri``, ``Mon,Tue,Sat``, ``周一至周五``, ``1-6``;
    None when the text cannot be read."""
    # full-width forms (，；－～) as their plain ones
    cleaned = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).lower()
    if not cleaned:
        return None
    days: set[int] = set()
    for part in re.split(r"[,、;/]", cleaned):
        if not part:
            continue
        span = re.fullmatch(f"(?:{_TOKEN})(?:-|–|~|～|至|到)(?:{_TOKEN})", part)
        if span:
            first = _DAYS[next(g for g in span.groups()[:3] if g)]
            last = _DAYS[next(g for g in span.groups()[3:] if g)]
            if last < first:
                return None
            days.update(range(first, last + 1))
            continue
        single = re.fullmatch(_TOKEN, part)
        if not single:
            return None
        days.add(_day(single))
    return frozenset(days) or None


def seconds(value: dt.time) -> int:
    return value.hour * 3600 + value.minute * 60 + value.second


@dataclass(frozen=True)
class Policy:
    """Settings as numbers: shift times in seconds, grace in seconds, thresholds in hours."""

    shift_start: int = 9 * 3600
    shift_end: int = 18 * 3600
    late_grace: int = 300
    early_grace: int = 300
    half_day_hours: float = 4.0
    absent_hours: float = 2.0
    work_days: frozenset[int] = frozenset(range(5))
    overtime_min: int = 1800
    sick_notice_days: int = 0
    notice_days: int = 1
    penalty_every: int = 3
    penalty_days: float = 0.5
    day_change: int = 5 * 3600

    @property
    def midday(self) -> int:
        """Where a morning half day ends and an afternoon half day begins."""
        return (self.shift_start + self.shift_end) // 2

    @classmethod
    def of(cls, settings: AttendanceSettings | None) -> Policy:
        """The policy of a settings model; unreadable work days fall back to Mon–Fri (the
        rules report them)."""
        s = settings or AttendanceSettings()
        return cls(seconds(s.shift_start), seconds(s.shift_end), s.late_grace_minutes * 60,
                   s.early_grace_minutes * 60, float(s.half_day_hours), float(s.absent_hours),
                   parse_work_days(s.work_days) or frozenset(range(5)),
                   s.overtime_min_minutes * 60, s.sick_leave_notice_days, s.leave_notice_days,
                   s.late_penalty_every, float(s.late_penalty_days), seconds(s.shift_cutoff))
