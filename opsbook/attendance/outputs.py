"""The sheets an attendance summary writes: Daily, Monthly, Departments and Violations, with
headers and labels in English or Chinese, number formats and the status colours."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.attendance.compute import AttendanceResult
from opsbook.attendance.labels import DAY_TYPES, FLAGS, STATUSES, WEEKDAYS
from opsbook.attendance.locate import Source, locate
from opsbook.attendance.schema import LEAVE_TYPES, OUTPUTS
from opsbook.attendance.summary import DEPARTMENT_COLUMNS, LEAVE_COLUMNS, MONTHLY_COLUMNS
from opsbook.core.output import SheetOut
from opsbook.core.outsheets import frame_sheet

HEADERS: dict[str, tuple[str, str]] = {
    "month": ("Month", "月份"), "date": ("Date", "日期"), "weekday": ("Weekday", "星期"),
    "employee_id": ("Employee ID", "工号"), "name": ("Name", "姓名"),
    "department": ("Department", "部门"), "day_type": ("Day Type", "日期类型"),
    "status": ("Status ID", "状态代码"), "status_label": ("Status", "考勤状态"),
    "check_in": ("Check In", "上班打卡"), "check_out": ("Check Out", "下班打卡"),
    "late_minutes": ("Late Minutes", "迟到分钟"), "early_minutes": ("Early Minutes", "早退分钟"),
    "hours_worked": ("Hours Worked", "工作时长"),
    "overtime_approved": ("Approved Overtime (h)", "已批准加班（小时）"),
    "overtime_unapproved": ("Unapproved Overtime (h)", "未批准加班（小时）"),
    "leave_days": ("Leave Days", "请假天数"), "leave_type": ("Leave Type", "请假类型"),
    "leave_request": ("Leave Request", "请假申请编号"), "flags": ("Flags", "异常标记"),
    "work_days": ("Work Days", "应出勤天数"), "days_present": ("Days Present", "出勤天数"),
    "days_on_time": ("Days on Time", "正常出勤天数"), "late_count": ("Late", "迟到次数"),
    "early_count": ("Left Early", "早退次数"), "absent_days": ("Absent Days", "旷工天数"),
    "half_days": ("Half Days", "半天次数"),
    "overtime_approved_hours": ("Approved Overtime (h)", "已批准加班（小时）"),
    "overtime_unapproved_hours": ("Unapproved Overtime (h)", "未批准加班（小时）"),
    "penalty_days": ("Penalty Days", "迟到扣假天数"), "violations": ("Violations", "违规次数"),
    "headcount": ("Headcount", "人数"), "punctuality": ("Punctuality", "准时率"),
    "absence_rate": ("Absence Rate", "缺勤率"),
    "overtime_per_head": ("Approved Overtime per Head (h)", "人均已批准加班（小时）"),
    "finding": ("Finding", "违规类型"), "flag": ("Finding ID", "类型代码"),
    "detail": ("Detail", "说明"), "request_id": ("Request", "申请编号"),
    "file": ("File", "文件"), "sheet_name": ("Sheet", "工作表"), "cell": ("Cell", "单元格"),
    **{f"leave_{c.value}": (f"Leave: {c.value}", f"{c.zh}（天）") for c in LEAVE_TYPES},
}
DAILY = ["date", "weekday", "employee_id", "name", "department", "day_type", "status",
         "status_label", "check_in", "check_out", "late_minutes", "early_minutes",
         "hours_worked", "overtime_approved", "overtime_unapproved", "leave_days", "leave_type",
         "leave_request", "flags"]
VIOLATIONS = ["date", "employee_id", "name", "department", "finding", "flag", "detail",
              "request_id", "sheet_name", "cell", "file"]
HOURS, DAYS = "0.00", "0.0"
#: A penalty is late_penalty_days (any fraction: 0.25, 1/3) a time: shown to the thousandth.
PENALTY = "0.0##"
FORMATS = {"date": "yyyy-mm-dd", "check_in": "[h]:mm", "check_out": "[h]:mm",
           "late_minutes": "0", "early_minutes": "0", "hours_worked": HOURS,
           "overtime_approved": HOURS, "overtime_unapproved": HOURS, "leave_days": DAYS,
           "absent_days": DAYS, "overtime_approved_hours": HOURS,
           "overtime_unapproved_hours": HOURS, "penalty_days": PENALTY, "punctuality": "0.0%",
           "absence_rate": "0.0%", "overtime_per_head": HOURS,
           **{c: DAYS for c in LEAVE_COLUMNS}}
EMPTY = {"en": "no findings", "zh": "无违规记录"}
#: Column widths (characters) where the header's length is no guide.
WIDTHS = {"date": 12, "weekday": 6, "employee_id": 10, "name": 12, "department": 12,
          "day_type": 9, "status": 11, "status_label": 12, "check_in": 9, "check_out": 9,
          "leave_type": 10, "leave_request": 12, "flags": 36, "month": 8, "finding": 30,
          "flag": 20, "detail": 14, "request_id": 10, "sheet_name": 12, "cell": 7,
          "file": 30}
#: How a finding's number is told in the Detail column: (English, Chinese) with {v}.
DETAILS = {"late": ("{v:g} min late", "迟到 {v:g} 分钟"),
           "early": ("{v:g} min early", "早退 {v:g} 分钟"),
           "absent": ("{v:g} day(s)", "{v:g} 天"), "leave_unapproved": ("{v:g} day(s)", "{v:g} 天"),
           "overtime_unapproved": ("{v:.2f} h", "{v:.2f} 小时"),
           "leave_approved_late": ("approved {v:g} day(s) after it started",
                                   "开始后 {v:g} 天才审批"),
           "leave_short_notice": ("approved {v:g} day(s) before it started",
                                  "开始前 {v:g} 天审批")}


def _n(lang: str) -> int:
    return 1 if lang == "zh" else 0


def _flag_text(daily: pd.DataFrame, lang: str) -> np.ndarray:
    """The flags of each day as one text; built once per distinct combination."""
    names = [f for f in FLAGS if f"flag_{f}" in daily or f in ("late", "early")]
    bits = np.zeros(len(daily), dtype=np.int64)
    for n, flag in enumerate(names):
        hit = (daily[flag].to_numpy() > 0 if flag in ("late", "early")
               else daily[f"flag_{flag}"].to_numpy(bool))
        bits |= hit.astype(np.int64) << n
    codes, uniques = pd.factorize(bits)
    sep = "、" if lang == "zh" else ", "
    texts = np.array([sep.join(FLAGS[f][_n(lang)] for n, f in enumerate(names) if u >> n & 1)
                      for u in uniques], dtype=object)
    return texts[codes]


def _blank_zero(values: pd.Series) -> pd.Series:
    """Zeros left blank in the Daily sheet, so that what happened stands out."""
    return values.where(values != 0)


def _labels(values: pd.Series, table: dict[str, tuple], lang: str) -> np.ndarray:
    return values.map({k: v[_n(lang)] for k, v in table.items()}).to_numpy(dtype=object)


def _both(first: np.ndarray, second: np.ndarray, lang: str) -> np.ndarray:
    """The morning's value, and the afternoon's after it where a day has two requests."""
    out = first.astype(object).copy()
    two = pd.notna(second) & pd.notna(first)
    sep = "、" if lang == "zh" else ", "
    out[two] = [f"{a}{sep}{b}" for a, b in zip(first[two], second[two])]
    return out


def daily_sheet(result: AttendanceResult, lang: str) -> SheetOut:
    d = result.daily
    kinds = {c.value: (c.en, c.zh) for c in LEAVE_TYPES}
    dates = pd.DatetimeIndex(d["date"])
    frame = pd.DataFrame({
        "date": d["date"], "weekday": np.array(WEEKDAYS[lang if lang == "zh" else "en"],
                                               dtype=object)[dates.day_of_week],
        "employee_id": d["employee_id"], "name": d["name"], "department": d["department"],
        "day_type": _labels(d["day_type"], DAY_TYPES, lang), "status": d["status"],
        "status_label": _labels(d["status"], STATUSES, lang),
        "check_in": d["check_in"] / 86400, "check_out": d["check_out"] / 86400,
        "late_minutes": _blank_zero(d["late_minutes"]),
        "early_minutes": _blank_zero(d["early_minutes"]),
        "hours_worked": d["hours_worked"],
        "overtime_approved": _blank_zero(d["overtime_approved"]),
        "overtime_unapproved": _blank_zero(d["overtime_unapproved"]),
        "leave_days": _blank_zero(d["leave_days"]),
        "leave_type": _both(_labels(d["leave_type"], kinds, lang),
                            _labels(d["leave_type_other"], kinds, lang), lang),
        "leave_request": _both(d["leave_request"].to_numpy(dtype=object),
                               d["leave_request_other"].to_numpy(dtype=object), lang),
        "flags": _flag_text(d, lang)})
    name = OUTPUTS["daily"][_n(lang)]
    title = (f"{'、'.join(result.months)} 每日考勤" if lang == "zh"
             else f"Daily attendance {', '.join(result.months)}")
    sheet = frame_sheet(name, title, frame[DAILY], _headers(lang), FORMATS)
    column = DAILY.index("status_label")
    fills = {k: v[2] for k, v in STATUSES.items() if v[2]}
    coloured = d["status"].map(fills).to_numpy(dtype=object)
    sheet.fills = {(int(r), column): coloured[r] for r in np.flatnonzero(pd.notna(coloured))}
    sheet.key_columns = 5
    return _widths(sheet, DAILY)


def monthly_sheet(result: AttendanceResult, lang: str) -> SheetOut:
    name = OUTPUTS["monthly"][_n(lang)]
    title = (f"{'、'.join(result.months)} 月度考勤汇总" if lang == "zh"
             else f"Monthly attendance {', '.join(result.months)}")
    sheet = frame_sheet(name, title, result.monthly[MONTHLY_COLUMNS], _headers(lang),
                        FORMATS)
    sheet.key_columns = 4
    return _widths(sheet, MONTHLY_COLUMNS)


def departments_sheet(result: AttendanceResult, lang: str) -> SheetOut:
    name = OUTPUTS["departments"][_n(lang)]
    title = (f"{'、'.join(result.months)} 部门考勤汇总" if lang == "zh"
             else f"Attendance by department {', '.join(result.months)}")
    sheet = frame_sheet(name, title, result.departments[DEPARTMENT_COLUMNS],
                        _headers(lang), FORMATS)
    sheet.key_columns = 2
    return _widths(sheet, DEPARTMENT_COLUMNS)


def violations_frame(result: AttendanceResult, lang: str,
                     sources: list[Source] | None = None) -> pd.DataFrame:
    """The Violations sheet's columns: finding label, detail, and the file, sheet and cell."""
    v = result.violations
    names, departments = _people_of_month(result.daily, v)
    detail = np.full(len(v), "", dtype=object)
    for flag, pair in DETAILS.items():
        at = np.flatnonzero((v["flag"] == flag).to_numpy() & v["value"].notna().to_numpy())
        detail[at] = [pair[_n(lang)].format(v=x) for x in v["value"].to_numpy()[at]]
    overlap = np.flatnonzero((v["flag"] == "leave_overlap").to_numpy())
    detail[overlap] = [f"与 {o} 重叠" if lang == "zh" else f"overlaps {o}"
                       for o in v["other"].to_numpy()[overlap]]
    where = locate(v, sources or [])
    return pd.DataFrame({
        "date": v["date"], "employee_id": v["employee_id"],
        "name": names, "department": departments,
        "finding": _labels(v["flag"], FLAGS, lang), "flag": v["flag"], "detail": detail,
        "request_id": v["request_id"], "sheet_name": where["sheet_name"],
        "cell": where["cell"], "file": where["file"]})[VIOLATIONS]


def _people_of_month(daily: pd.DataFrame, found: pd.DataFrame
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Each finding's name and department as its month's Daily rows give them (someone who
    moved department is told under the department of the month), else the employee's
    first."""
    people = daily.drop_duplicates(["employee_id", "month"])
    keys = pd.MultiIndex.from_arrays([people["employee_id"].to_numpy(dtype=object),
                                      people["month"].to_numpy(dtype=object)])
    month = pd.to_datetime(found["date"]).dt.strftime("%Y-%m").to_numpy(dtype=object)
    at = keys.get_indexer(pd.MultiIndex.from_arrays(
        [found["employee_id"].to_numpy(dtype=object), month]))
    first = daily.drop_duplicates("employee_id").set_index("employee_id")
    out = []
    for column in ("name", "department"):
        fallback = found["employee_id"].map(first[column]).to_numpy(dtype=object)
        mine = people[column].to_numpy(dtype=object)
        out.append(np.where(at >= 0, mine[np.maximum(at, 0)] if len(mine) else fallback,
                            fallback))
    return out[0], out[1]


def violations_sheet(result: AttendanceResult, lang: str,
                     sources: list[Source] | None = None) -> SheetOut:
    name = OUTPUTS["violations"][_n(lang)]
    title = (f"{'、'.join(result.months)} 考勤违规记录" if lang == "zh"
             else f"Attendance violations {', '.join(result.months)}")
    sheet = frame_sheet(name, title, violations_frame(result, lang, sources),
                        _headers(lang), FORMATS)
    sheet.key_columns = 4
    sheet.empty = EMPTY[lang if lang == "zh" else "en"]
    return _widths(sheet, VIOLATIONS)


def sheets(result: AttendanceResult, lang: str,
           sources: list[Source] | None = None) -> list[SheetOut]:
    """Daily, Monthly, Departments and Violations, in ``lang`` ("en" or "zh"); ``sources``
    name the files and sheets findings point at (by input number)."""
    return [daily_sheet(result, lang), monthly_sheet(result, lang),
            departments_sheet(result, lang), violations_sheet(result, lang, sources)]


def _widths(sheet: SheetOut, columns: list[str]) -> SheetOut:
    sheet.widths = [WIDTHS.get(c, w) for c, w in zip(columns, sheet.widths)]
    return sheet


def _headers(lang: str) -> dict[str, str]:
    return {key: pair[_n(lang)] for key, pair in HEADERS.items()}
