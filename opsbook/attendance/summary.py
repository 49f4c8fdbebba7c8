"""Monthly totals per employee (sums of the Daily frame) and per department (sums of the
Monthly frame), with the late-arrival penalty and the department rates; and ``summary``, the
attendance report (``Kind.summary``) made from a result: punctuality and absence by
department, late arrivals by weekday, and who to act on."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from opsbook.attendance.labels import WEEKDAYS
from opsbook.attendance.policy import Policy
from opsbook.attendance.schema import LEAVE_TYPES
from opsbook.core.summary import ChartData, Figure, Finding, Series, Summary, Table

if TYPE_CHECKING:
    from opsbook.attendance.compute import AttendanceResult

#: Monthly column → the Daily column it sums.
SUMS = {
    "work_days": "work_day", "days_present": "attended", "days_on_time": "on_time",
    "late_count": "late", "late_minutes": "late_minutes", "early_count": "early",
    "early_minutes": "early_minutes", "absent_days": "absent_days", "half_days": "half_day",
    "leave_days": "leave_days", "overtime_approved_hours": "overtime_approved",
    "overtime_unapproved_hours": "overtime_unapproved",
}
LEAVE_COLUMNS = [f"leave_{c.value}" for c in LEAVE_TYPES]
MONTHLY_COLUMNS = ["month", "employee_id", "name", "department", *SUMS, *LEAVE_COLUMNS,
                   "penalty_days", "violations"]
DEPARTMENT_COLUMNS = ["month", "department", "headcount", *SUMS, *LEAVE_COLUMNS,
                      "penalty_days", "violations", "punctuality", "absence_rate",
                      "overtime_per_head"]


def penalty(late_count: np.ndarray, policy: Policy) -> np.ndarray:
    """Leave days deducted: ``late_penalty_days`` for every ``late_penalty_every`` late
    arrivals in the month (3 late → 0.5 day, 5 late → 0.5, 6 late → 1); 0 turns it off."""
    if policy.penalty_every <= 0:
        return np.zeros(len(late_count))
    return (np.asarray(late_count) // policy.penalty_every) * policy.penalty_days


def monthly(daily: pd.DataFrame, violations: pd.DataFrame, policy: Policy) -> pd.DataFrame:
    """One row per employee and month, in the order of the Daily frame."""
    keys = ["month", "employee_id"]
    by = daily.groupby(keys, sort=False)
    frame = by[list(SUMS.values())].sum()
    frame.columns = list(SUMS)
    frame[["name", "department"]] = by[["name", "department"]].first()
    typed = daily[daily["leave_days"] > 0]
    # a day of a morning and an afternoon request: half a day of each one's type
    other = typed[typed["leave_type_other"].notna()]
    halves = pd.concat([
        typed[[*keys, "leave_type"]].assign(
            leave_days=typed["leave_days"] - 0.5 * typed["leave_type_other"].notna()),
        other[[*keys, "leave_type_other"]].rename(columns={"leave_type_other": "leave_type"})
        .assign(leave_days=0.5)])
    leave = halves.pivot_table(index=keys, columns="leave_type", values="leave_days",
                               aggfunc="sum")
    leave = leave.reindex(columns=[c.value for c in LEAVE_TYPES])
    leave.columns = LEAVE_COLUMNS
    frame = frame.join(leave).fillna({c: 0.0 for c in LEAVE_COLUMNS})
    frame["penalty_days"] = penalty(frame["late_count"].to_numpy(), policy)
    counted = violations[violations["flag"] != "unknown_employee"]
    month = np.datetime_as_string(counted["date"].to_numpy().astype("datetime64[M]"))
    count = counted.groupby([pd.Series(month, index=counted.index, name="month"),
                             counted["employee_id"]]).size()
    frame["violations"] = count.reindex(frame.index, fill_value=0).to_numpy(np.int64)
    return frame.reset_index()[MONTHLY_COLUMNS]


def departments(monthly_frame: pd.DataFrame) -> pd.DataFrame:
    """Per month and department: headcount and the Monthly totals, with punctuality (days on
    time ÷ days present), absence rate (absent days ÷ work days) and approved overtime hours
    per head; a rate with nothing to divide by is blank."""
    keys = ["month", "department"]
    numbers = [*SUMS, *LEAVE_COLUMNS, "penalty_days", "violations"]
    # added up in one order whatever the order of the inputs: 9.8 h, never 9.799999999999999
    ordered = monthly_frame.sort_values([*keys, "employee_id"], kind="mergesort")
    by = ordered.groupby(keys, sort=True, dropna=False)
    frame = by[numbers].sum()
    frame.insert(0, "headcount", by.size())
    present = frame["days_present"].to_numpy(float)
    work = frame["work_days"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["punctuality"] = np.where(present > 0, frame["days_on_time"] / present, np.nan)
        frame["absence_rate"] = np.where(work > 0, frame["absent_days"] / work, np.nan)
        frame["overtime_per_head"] = frame["overtime_approved_hours"] / frame["headcount"]
    return frame.reset_index()[DEPARTMENT_COLUMNS]


TEXT = {
    "en": {
        "title": "Attendance report {period}", "dept_title": "Attendance report {period}: {dept}",
        "purpose": "To report this period's attendance by employee and department — "
                   "punctuality, absence, late arrivals and rule violations — so that "
                   "penalties, interviews and approvals follow the attendance rules.",
        "m_all": "{people} employee(s) in {depts} department(s) over {work} work day(s) "
                 "({months}).",
        "m_dept": "The {people} employee(s) of {dept} over {work} work day(s) ({months}).",
        "m_rates": "Punctuality = days on time ÷ days present; absence rate = absent days ÷ "
                   "work days; a day is late after the shift start plus the grace minutes.",
        "m_penalty": "Every {every} late arrival(s) in a month cost {days:g} leave day(s).",
        "people": "Employees", "punctuality": "Punctuality", "absence": "Absence rate",
        "late": "Late arrivals", "late_minutes": "Late minutes", "absent": "Absent days",
        "penalty": "Penalty days", "violations": "Violations",
        "c_depts": "Punctuality and absence by department", "c_weekday": "Late arrivals by "
        "weekday", "department": "Department", "weekday": "Weekday", "rate": "%",
        "count": "Late arrivals", "work": "Work days", "t_depts": "Departments",
        "f_late_dept": "Most late arrivals per head: {names} ({rate:.1f} per head).",
        "a_late_dept": "Ask the heads of {names} for the causes of late arrivals and a plan.",
        "f_penalty": "{n} employee(s) reached the late-arrival penalty: {names}.",
        "a_penalty": "Deduct the penalty leave of {names} and remind them of the shift times.",
        "f_absent": "{n} employee(s) absent without leave: {names}.",
        "a_absent": "Interview {names} about their absence and record it as the rules require.",
        "f_approval": "{n} employee(s) took leave or overtime without approval: {names}.",
        "a_approval": "Remind {names} and their heads that leave and overtime need approval "
                      "in advance.",
        "sep": ", ",
    },
    "zh": {
        "title": "{period} 考勤报告", "dept_title": "{period} 考勤报告：{dept}",
        "purpose": "汇报本期考勤情况（按员工和部门），包括准时率、缺勤、迟到和违规记录，"
                   "作为按考勤制度扣假、面谈和审批管理的依据。",
        "m_all": "{depts} 个部门 {people} 名员工，应出勤 {work} 天（{months}）。",
        "m_dept": "{dept} {people} 名员工，应出勤 {work} 天（{months}）。",
        "m_rates": "准时率 = 正常出勤天数 ÷ 出勤天数；缺勤率 = 旷工天数 ÷ 应出勤天数；"
                   "上班打卡晚于上班时间加宽限分钟即为迟到。",
        "m_penalty": "每月每迟到 {every} 次扣假 {days:g} 天。",
        "people": "员工人数", "punctuality": "准时率", "absence": "缺勤率",
        "late": "迟到次数", "late_minutes": "迟到分钟", "absent": "旷工天数",
        "penalty": "迟到扣假天数", "violations": "违规次数",
        "c_depts": "各部门准时率与缺勤率", "c_weekday": "按星期统计的迟到次数",
        "department": "部门", "weekday": "星期", "rate": "%", "count": "迟到次数",
        "work": "应出勤天数", "t_depts": "部门统计",
        "f_late_dept": "人均迟到次数最多的部门：{names}（人均 {rate:.1f} 次）。",
        "a_late_dept": "请{names}负责人分析迟到原因并提交改进计划。",
        "f_penalty": "{n} 名员工迟到次数达到扣假标准：{names}。",
        "a_penalty": "按制度扣除{names}的假期，并提醒其遵守上下班时间。",
        "f_absent": "{n} 名员工无请假旷工：{names}。",
        "a_absent": "与{names}面谈旷工原因，并按制度记录处理。",
        "f_approval": "{n} 名员工请假或加班未经批准：{names}。",
        "a_approval": "提醒{names}及其部门负责人：请假、加班须事先审批。",
        "sep": "、",
    },
}
#: Violation flags that mean leave or overtime without approval.
UNAPPROVED = ("leave_unapproved", "overtime_unapproved")


def summary(result: AttendanceResult, lang: str) -> Summary:
    """The attendance report of one run (all its months together), in ``lang`` ("en" or
    "zh"). No attendance field is confidential, so nothing is marked; ``parts`` has one
    summary per department, made from that department's rows only."""
    lang = "zh" if lang == "zh" else "en"
    whole = _build(result, lang, None)
    names = result.monthly["department"].dropna().astype(str).unique()
    whole.parts = {d: _build(_only(result, d), lang, d) for d in names}
    return whole


def _only(result: AttendanceResult, department: str) -> AttendanceResult:
    """The result restricted to one department's rows."""
    def mine(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["department"].astype(str) == department].reset_index(drop=True)

    ids = set(mine(result.monthly)["employee_id"])
    found = result.violations[result.violations["employee_id"].isin(ids)]
    return dataclasses.replace(result, daily=mine(result.daily), monthly=mine(result.monthly),
                               departments=mine(result.departments),
                               violations=found.reset_index(drop=True), issues=[])


def _rate(part: float, whole: float) -> float | None:
    return round(float(part) / float(whole), 4) if whole > 0 else None


def _by_department(result: AttendanceResult) -> pd.DataFrame:
    """All months together, per department: people, sums, punctuality and absence rate."""
    month = result.monthly.assign(department=result.monthly["department"].astype(str))
    by = month.groupby("department", sort=True)
    frame = by[["work_days", "days_present", "days_on_time", "late_count", "late_minutes",
                "absent_days", "violations"]].sum()
    frame.insert(0, "people", by["employee_id"].nunique())
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["punctuality"] = np.where(frame["days_present"] > 0,
                                        frame["days_on_time"] / frame["days_present"], np.nan)
        frame["absence_rate"] = np.where(frame["work_days"] > 0,
                                         frame["absent_days"] / frame["work_days"], np.nan)
    return frame


def _late_by_weekday(daily: pd.DataFrame) -> np.ndarray:
    """Late arrivals on Monday … Sunday."""
    weekday = pd.to_datetime(daily["date"]).dt.day_of_week
    return daily["late"].groupby(weekday).sum().reindex(range(7), fill_value=0).to_numpy()


def _build(result: AttendanceResult, lang: str, department: str | None) -> Summary:
    t = TEXT[lang]
    month, policy = result.monthly, result.policy
    sums = month[["work_days", "days_present", "days_on_time", "late_count", "late_minutes",
                  "absent_days", "penalty_days", "violations"]].sum()
    people = int(month["employee_id"].nunique())
    period = (result.months[0] if len(result.months) == 1 else
              f"{result.months[0]}–{result.months[-1]}" if result.months else "")
    figures = [
        Figure(t["people"], people, "0"),
        Figure(t["punctuality"], _rate(sums["days_on_time"], sums["days_present"]), "0.0%",
               better="up"),
        Figure(t["absence"], _rate(sums["absent_days"], sums["work_days"]), "0.0%",
               better="down"),
        Figure(t["late"], int(sums["late_count"]), "0", better="down"),
        Figure(t["late_minutes"], int(sums["late_minutes"]), "0", better="down"),
        Figure(t["absent"], float(sums["absent_days"]), "0.0", better="down"),
        # general: late_penalty_days may be any fraction (0.25 is not 0.3)
        Figure(t["penalty"], float(sums["penalty_days"]), "", better="down"),
        Figure(t["violations"], int(sums["violations"]), "0", better="down"),
    ]
    deps = _by_department(result)
    names = tuple(str(d) for d in deps.index)
    charts = [
        ChartData("column", t["c_depts"], names, (
            Series(t["punctuality"], tuple(_percent(v) for v in deps["punctuality"])),
            Series(t["absence"], tuple(_percent(v) for v in deps["absence_rate"]))),
            x_title=t["department"], y_title=t["rate"], number_format="0.0"),
        ChartData("column", t["c_weekday"], WEEKDAYS[lang], (
            Series(t["count"], tuple(float(v) for v in _late_by_weekday(result.daily))),),
            x_title=t["weekday"], y_title=t["count"], number_format="0"),
    ]
    table = Table(t["t_depts"], (t["department"], t["people"], t["work"], t["punctuality"],
                                 t["absence"], t["late"], t["late_minutes"], t["absent"],
                                 t["violations"]),
                  tuple((d, int(r.people), int(r.work_days), _num(r.punctuality),
                         _num(r.absence_rate), int(r.late_count), int(r.late_minutes),
                         float(r.absent_days), int(r.violations))
                        for d, r in zip(names, deps.itertuples())),
                  ("", "0", "0", "0.0%", "0.0%", "0", "0", "0.0", "0"))
    months = t["sep"].join(result.months)
    work = int(month.groupby("employee_id")["work_days"].sum().max()) if people else 0
    method = [t["m_dept"].format(dept=department, people=people, work=work, months=months)
              if department else t["m_all"].format(people=people, depts=len(names), work=work,
                                                   months=months), t["m_rates"]]
    if policy.penalty_every > 0:
        method.append(t["m_penalty"].format(every=policy.penalty_every,
                                            days=policy.penalty_days))
    title = (t["dept_title"].format(period=period, dept=department) if department
             else t["title"].format(period=period)).strip()
    return Summary(title=title, lang=lang, period=period, purpose=t["purpose"], method=method,
                   figures=figures, charts=charts, tables=[table],
                   findings=_findings(result, deps, department, t), department=department)


def _num(value: object) -> float | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else round(float(number), 4)


def _percent(value: object) -> float | None:
    """A rate as a percentage (0.8959 → 89.59), so chart labels read the same everywhere."""
    number = _num(value)
    return None if number is None else round(number * 100, 2)


def _findings(result: AttendanceResult, deps: pd.DataFrame, department: str | None,
              t: dict[str, str]) -> list[Finding]:
    sep, month = t["sep"], result.monthly
    per_person = month.groupby("employee_id").agg(
        name=("name", "first"), late=("late_count", "sum"), penalty=("penalty_days", "sum"),
        absent=("absent_days", "sum"))
    findings = []
    if department is None and len(deps) > 1 and deps["late_count"].sum() > 0:
        per_head = deps["late_count"] / deps["people"]
        worst = tuple(str(d) for d in per_head[per_head == per_head.max()].index)
        findings.append(Finding("late-department", t["f_late_dept"].format(
            names=sep.join(worst), rate=float(per_head.max())),
            t["a_late_dept"].format(names=sep.join(worst)), worst, "warn"))

    def add(topic: str, who: pd.Series, tone: str) -> None:
        names = tuple(str(n) for n in who)
        if names:
            findings.append(Finding(topic, t[f"f_{topic}"].format(n=len(names),
                                                                  names=sep.join(names)),
                                    t[f"a_{topic}"].format(names=sep.join(names)), names, tone))

    late = per_person[per_person["penalty"] > 0].sort_values("late", ascending=False)
    add("penalty", late["name"], "warn")
    absent = per_person[per_person["absent"] > 0].sort_values("absent", ascending=False)
    add("absent", absent["name"], "bad")
    flagged = result.violations[result.violations["flag"].isin(UNAPPROVED)]
    ids = flagged["employee_id"].drop_duplicates()
    add("approval", per_person["name"].reindex(ids).dropna(), "neutral")
    return findings
