"""Attendance settings, with the defaults of the standard workbook."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator

from opsbook.core.setting_numbers import typed_number
from opsbook.core.settings import Month, SettingsModel, Text, TimeOfDay, setting

#: Number settings, typed as numbers or as text with their own unit only (``10分钟``, ``4 h``).
Minutes = Annotated[int, BeforeValidator(typed_number(["minutes"]))]
Hours = Annotated[float, BeforeValidator(typed_number(["hours"]))]
Days = Annotated[float, BeforeValidator(typed_number(["days"]))]
WholeDays = Annotated[int, BeforeValidator(typed_number(["days"]))]
Times = Annotated[int, BeforeValidator(typed_number(["times"]))]


class AttendanceSettings(SettingsModel):
    month: Month = setting(
        "", "Month summarised, YYYY-MM; a date cell is its month, and 2026/11, 2026年11月, "
        "202611 and Nov 2026 are read as 2026-11.",
        "考勤月份，格式 YYYY-MM；日期单元格取其所在月份，2026/11、2026年11月、202611 和 "
        "Nov 2026 都读作 2026-11。", "考勤月份")
    shift_start: TimeOfDay = setting(dt.time(9, 0), "Shift start.", "上班时间。", "上班时间")
    shift_end: TimeOfDay = setting(dt.time(18, 0), "Shift end.", "下班时间。", "下班时间")
    late_grace_minutes: Minutes = setting(5, "Minutes after the start that are not late.",
                                      "迟到宽限分钟数。", "迟到宽限分钟", ge=0)
    early_grace_minutes: Minutes = setting(5, "Minutes before the end that are not early exit.",
                                       "早退宽限分钟数。", "早退宽限分钟", ge=0)
    half_day_hours: Hours = setting(4, "Below this many hours worked: half day (0 = off).",
                                    "工作时长低于此小时数记半天（0 为不启用）。", "半天工时", ge=0)
    absent_hours: Hours = setting(2, "Below this many hours worked: absent (0 = off).",
                                  "工作时长低于此小时数记旷工（0 为不启用）。", "旷工工时", ge=0)
    work_days: Text = setting(
        "Mon-Fri", "Working weekdays, e.g. Mon-Fri or Mon,Tue,Wed,Thu,Fri,Sat.",
        "工作日，如 Mon-Fri（周一至周五）。", "工作日")
    overtime_min_minutes: Minutes = setting(30, "Shortest overtime that counts, in minutes.",
                                        "最短计入加班的分钟数。", "最短加班分钟", ge=0)
    sick_leave_notice_days: WholeDays = setting(0, "Days ahead sick leave must be approved.",
                                          "病假需提前审批的天数。", "病假提前天数", ge=0)
    leave_notice_days: WholeDays = setting(1, "Days ahead other leave must be approved.",
                                     "其他请假需提前审批的天数。", "请假提前天数", ge=0)
    late_penalty_every: Times = setting(3, "Every N late arrivals cost leave (0 = off).",
                                      "每迟到 N 次扣减假期（0 为不启用）。", "迟到处罚次数", ge=0)
    late_penalty_days: Days = setting(0.5, "Days of leave each penalty costs.",
                                       "每次处罚扣减的天数。", "迟到处罚天数", ge=0)
    shift_cutoff: TimeOfDay = setting(
        dt.time(5, 0), "Punches before this time belong to the day before (a late check-out).",
        "早于此时间的打卡计入前一天（次日下班）。", "换日时间")
