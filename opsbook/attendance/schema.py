"""The attendance workbook (考勤): sheets and fields as in the standard workbook."""

from __future__ import annotations

from opsbook.core.common import DEPARTMENT, EMPLOYEE_ID, NAME, employee_ref
from opsbook.core.spec import Field, Sheet, choice, choices, date, ident, text

LEAVE_TYPES = choices(("annual", "年假", ("年休假",)), ("sick", "病假"), ("personal", "事假"),
                      ("marriage", "婚假"),
                      ("maternity", "产假", ("陪产假", "陪产护理假", "产检假", "哺乳假")),
                      ("bereavement", "丧假"),
                      # time off in lieu of overtime (调休), as Chinese HR systems name it;
                      # childcare leave (育儿假) and work injury leave (工伤假) as the law has them
                      ("other", "其他", ("调休", "调休假", "倒休", "探亲假", "育儿假", "工伤假",
                                       "time off in lieu")))
# with the words DingTalk and WeCom approvals export (审批通过, 已同意, 已通过, 审批拒绝, 已撤销 …)
STATUSES = choices(("approved", "已批准", ("批准", "通过", "同意", "审批通过", "已通过", "已同意")),
                   ("pending", "待审批", ("审批中", "未审批", "审核中", "待审核")),
                   ("rejected", "已驳回", ("驳回", "拒绝", "不同意", "审批拒绝", "已拒绝",
                                         "审批驳回")),
                   ("cancelled", "已取消", ("取消", "撤销", "canceled", "已撤销", "撤回",
                                          "已撤回")))
HALVES = choices(("am", "上午", ("morning", "上半天", "上午半天", "前半天", "AM")),
                 ("pm", "下午", ("afternoon", "下半天", "下午半天", "后半天", "PM")))
# with the marks of a Chinese calendar: 休 over a day off, 班 over a make-up workday
DAY_KINDS = choices(("holiday", "节假日", ("假日", "法定节假日", "法定假日", "放假", "休", "休息",
                                        "休息日", "public holiday")),
                    ("workday", "调休上班", ("补班", "上班", "班", "调班", "工作日", "上班日",
                                         "working day", "make-up workday", "make-up day")))


def _time(id: str, en: str, zh: str, **kw) -> Field:
    return Field(id, en, zh, "time", width=10, **kw)


def _moment(id: str, en: str, zh: str, **kw) -> Field:
    return Field(id, en, zh, "datetime", width=17, **kw)


EMPLOYEES = Sheet("Employees", "Employees", "员工", (
    EMPLOYEE_ID, NAME, DEPARTMENT,
    date("joined_on", "Joined On", "入职日期",
         aliases=("Hire Date", "Hired On", "Date Joined", "入职时间"),
         note_en="Optional: the first day employed; the days before it are not counted.",
         note_zh="选填：入职第一天；此前的日期不计考勤。"),
    date("left_on", "Left On", "离职日期",
         aliases=("Last Working Day", "Date Left", "离职时间", "最后工作日"),
         note_en="Optional: the last day employed; the days after it are not counted.",
         note_zh="选填：最后工作日；此后的日期不计考勤。"),
))
"""Joined On and Left On (optional): the days before the first and after the second are
not the employee's, so that someone who joins or leaves within the month is not absent on
the days they were not employed."""
HOLIDAYS = Sheet("Holidays", "Holidays", "节假日", (
    date("date", "Date", "日期", required=True, unique=True),
    text("name", "Name", "名称", width=16),
    choice("kind", "Kind", "类型", DAY_KINDS, default="holiday"),
), required=False)
CLOCK = Sheet("Clock", "Clock", "打卡记录", (
    # a clock row of someone not on the Employees sheet is left out of the summary and
    # listed in its Violations (unknown_employee): it does not stop the summary
    employee_ref(required=True, ref_severity="warning"),
    date("date", "Date", "日期", required=True),
    _time("check_in", "Check In", "上班打卡", aliases=("签到", "上班时间")),
    _time("check_out", "Check Out", "下班打卡", aliases=("签退", "下班时间")),
), required=False, aliases=("打卡", "clock records"))
"""Not required: clock data may come from a Punches sheet or a punch export instead (the
rules warn when a workbook has neither Clock nor Punches rows)."""
_APPROVAL = (
    date("requested_on", "Requested On", "申请日期"),
    text("approved_by", "Approved By", "审批人"),
    date("approved_on", "Approved On", "审批日期"),
    choice("status", "Status", "状态", STATUSES, default="pending"),
)
LEAVE = Sheet("Leave", "Leave", "请假", (
    ident("request_id", "Request ID", "申请编号", required=True, unique=True),
    employee_ref(required=True),
    choice("leave_type", "Leave Type", "请假类型", LEAVE_TYPES, required=True),
    _moment("start", "Start", "开始时间", required=True),
    _moment("end", "End", "结束时间", required=True),
    choice("half", "Half Day", "半天", HALVES, width=8,
           note_en="am or pm: the morning or afternoon half of every day of the request.",
           note_zh="上午或下午：申请的每一天只请半天。"),
    *_APPROVAL,
), required=False, aliases=("请假申请",))
OVERTIME = Sheet("Overtime", "Overtime", "加班申请", (
    ident("request_id", "Request ID", "申请编号", required=True, unique=True),
    employee_ref(required=True),
    date("date", "Date", "日期", required=True),
    _time("start", "Start", "开始时间", required=True),
    _time("end", "End", "结束时间", required=True),
    *_APPROVAL,
), required=False, aliases=("加班",))


PUNCHES = Sheet("Punches", "Punches", "打卡明细", (
    ident("employee_id", "Employee ID", "工号", aliases=("staff id", "emp id", "员工编号",
                                                        "员工工号", "user id"), width=12),
    text("time", "Punch Time", "打卡时间", required=True, width=20,
         aliases=("Date/Time", "考勤时间", "Time", "时间", "Check Time", "Record Time"),
         note_en="A date-time (or a time beside a Date column); several punches in one cell "
                 "are read one by one.",
         note_zh="日期时间（或与“日期”列配合的时间）；一个单元格中的多次打卡会逐一读取。"),
), required=False, aliases=("打卡流水", "原始记录", "punch log"),
    header_extras=("Name", "姓名", "员工姓名", "User Name"))
"""Name and Date columns of a Punches sheet are read as extra columns, so that a roster
with IDs and names is never taken for a punch sheet; a Name column counts to find the
header of a sheet named Punches (打卡明细 …), whose punches are matched by name then."""

#: sheet key → (English name, Chinese name).
OUTPUTS = {"daily": ("Daily", "每日考勤"), "monthly": ("Monthly", "月度汇总"),
           "departments": ("Departments", "部门汇总"), "violations": ("Violations", "违规记录")}
