"""The attendance rules of a workbook's Settings, in the units the computation uses.

Times are seconds since midnight; ``work_days`` is read into weekday numbers (Monday 0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from opsbook.attendance.settings import AttendanceSettings
from opsbook.core.weekdays import weekdays


def parse_work_days(text: str) -> frozenset[int] | None:
    """Weekday numbers (Monday 0) of ``Mon-Fri``, ``Mon,Tue,Sat``, ``周一至周五``, ``1-6``
    (see :func:`opsbook.core.weekdays.weekdays`); None when the text cannot be read."""
    try:
        return weekdays(text)
    except ValueError:
        return None


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
