"""The attendance kind as the registry sees it: sheets, settings, rules, codes, sample."""

from __future__ import annotations

from opsbook.attendance.clock_words import no_punch_words
from opsbook.attendance.codes import CODES
from opsbook.attendance.ids import employee_ids
from opsbook.attendance.leave_halves import half_day_words
from opsbook.attendance.rules import RULES
from opsbook.attendance.schema import CLOCK, EMPLOYEES, HOLIDAYS, LEAVE, OUTPUTS, OVERTIME, PUNCHES
from opsbook.attendance.settings import AttendanceSettings
from opsbook.core.kind import Kind, Output
from opsbook.core.lazy import Lazy

KIND = Kind(
    "attendance", "Attendance", "考勤",
    (EMPLOYEES, HOLIDAYS, CLOCK, LEAVE, OVERTIME, PUNCHES), AttendanceSettings, RULES,
    prepare=(employee_ids, half_day_words, no_punch_words),
    instructions_en=(
        "Employees: everyone whose attendance is recorded.",
        "Holidays: public holidays, and weekend days that are working days.",
        "Clock: one row per employee and day with check-in and check-out times.",
        "Punches (instead of Clock, or beside it): one row per punch, as a time clock or an "
        "attendance app exports them.",
        "Leave and Overtime: requests; both must be approved before they start.",
        "Settings: shift times, grace minutes, thresholds; blank means default.",
    ),
    instructions_zh=(
        "员工：需要记录考勤的全部员工。",
        "节假日：法定节假日，以及周末调休上班的日期。",
        "打卡记录：每人每天一行，填写上班和下班打卡时间；不得迟到、早退。",
        "打卡明细（可代替打卡记录）：每次打卡一行，即考勤机或考勤软件导出的记录。",
        "请假、加班申请：须提前办理手续，经批准后方可休假或加班。",
        "设置：上下班时间、宽限分钟、半天/旷工工时等；留空即用默认值。",
    ),
    codes=CODES,
    sample=Lazy("opsbook.attendance.sample:sample_frames"),
    calculate=Lazy("opsbook.attendance.calculate:calculate"),
    summary=Lazy("opsbook.attendance.summary:summary"),
    recognize=Lazy("opsbook.attendance.exports:export_issue"),
    outputs=tuple(Output(key, en, zh) for key, (en, zh) in OUTPUTS.items()),
)
