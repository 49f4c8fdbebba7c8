"""Daily statuses and flags, with their English and Chinese labels and colours."""

from __future__ import annotations

#: status id → (English, Chinese, fill RRGGBB or "").
STATUSES: dict[str, tuple[str, str, str]] = {
    "holiday": ("holiday", "节假日", "DDEBF7"),
    "rest": ("rest day", "休息日", "EDEDED"),
    "leave": ("on leave", "请假", "E2EFDA"),
    "absent": ("absent", "旷工", "FFC7CE"),
    "half_day": ("half day", "半天", "FCE4D6"),
    "late": ("late", "迟到", "FFEB9C"),
    "early": ("left early", "早退", "FFEB9C"),
    "late_early": ("late and left early", "迟到早退", "F8CBAD"),
    "present": ("present", "正常", ""),
}

#: flag id → (English, Chinese). The order is the order flags are listed in a Daily row.
FLAGS: dict[str, tuple[str, str]] = {
    "late": ("late arrival", "迟到"),
    "early": ("early exit", "早退"),
    "absent": ("absence without leave", "旷工（无请假）"),
    "leave_unapproved": ("leave taken without approval", "请假未获批准"),
    "leave_approved_late": ("leave approved after it started", "请假在开始后才审批"),
    "leave_short_notice": ("leave approved with too little notice", "请假审批提前天数不足"),
    "leave_overlap": ("overlapping leave requests", "请假申请时间重叠"),
    "overtime_unapproved": ("overtime without prior approval", "加班未经事先批准"),
    "overnight": ("check-out earlier than check-in (read as next morning)",
                  "下班打卡早于上班打卡（按次日计）"),
    "duplicate_clock": ("several clock rows for the day", "同一天有多条打卡记录"),
    "single_punch": ("a single punch on the day", "当天只有一次打卡"),
    "unknown_employee": ("clock rows for an unknown employee", "打卡记录中的员工不存在"),
}

DAY_TYPES = {"work": ("work day", "工作日"), "rest": ("rest day", "休息日"),
             "holiday": ("holiday", "节假日")}
WEEKDAYS = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
            "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日")}


def status_label(status: str, lang: str) -> str:
    en, zh, _fill = STATUSES[status]
    return zh if lang == "zh" else en


def flag_label(flag: str, lang: str) -> str:
    en, zh = FLAGS[flag]
    return zh if lang == "zh" else en
