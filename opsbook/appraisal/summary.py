"""The appraisal report: headline figures, charts, tables and recommendations from a result.

``summary(result, lang)`` is the appraisal kind's ``Kind.summary``. The previous period is
the latest earlier cycle in ``result.history_rows`` (History sheet and ``--history``
workbooks); the current cycle is the one of the rows scoring appended last. Department heads
get ``Summary.parts[department]``, made the same way from that department's rows only.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from opsbook.appraisal.compute import AppraisalResult
from opsbook.appraisal.history import cycle_key, cycle_keys
from opsbook.appraisal.outputs import HEADERS, OUTPUTS
from opsbook.appraisal.schema import EMPLOYEES, GRADES
from opsbook.core.shown import decimals
from opsbook.core.summary import ChartData, Figure, Finding, Series, Summary, Table

#: Outliers worth a word with the rater or the employee.
LENIENCY_Z = 2.0
SELF_GAP = 10.0
DEPARTMENT_BEHIND = 5.0
#: Output columns computed from confidential fields (the bonus, from the bonus base).
DERIVED_CONFIDENTIAL = ("bonus",)


def confidential_headers(lang: str) -> frozenset[str]:
    """The detail sheets' headers of confidential columns: the fields marked confidential in
    the schema (bonus base, bonus coefficient) and the columns computed from them."""
    marked = [f for sheet in (EMPLOYEES, GRADES) for f in sheet.fields if f.confidential]
    n = 1 if lang == "zh" else 0
    as_output = {HEADERS[key][n] for key in (*(f.id for f in marked), *DERIVED_CONFIDENTIAL)
                 if key in HEADERS}
    return frozenset({f.header(lang) for f in marked} | as_output)


def confidential_sheets(lang: str) -> frozenset[str]:
    """Detail sheets left out of restricted copies: Checks may quote the bonus total and the
    bonus budget."""
    return frozenset(o.name(lang) for o in OUTPUTS if o.id == "checks")

TEXT = {
    "en": {
        "title": "Appraisal report {cycle}", "dept_title": "Appraisal report {cycle}: {dept}",
        "purpose": "To report this cycle's appraisal results by employee and department, so "
                   "that they drive bonus, commendation, improvement interviews and escalation "
                   "as the appraisal rules require.",
        "m_scores": "{ratings} rating(s) by {raters} rater(s) (superior, peers and self) on "
                    "{employees} employee(s).",
        "m_dept": "The {employees} employee(s) of {dept}, scored with the whole company's "
                  "ratings.",
        "m_weights": "Each indicator's score combines the roles' means with the role weights "
                     "of the Settings sheet, re-balanced where a role is missing (never counted "
                     "as 0); the total is the indicator-weighted mean.",
        "m_grades": "Grades, bonus coefficients and outcomes follow the grade bands; "
                    "failed cycles in a row are counted from the history.",
        "m_history": "Compared with {previous}.", "m_no_history": "No earlier cycle on record.",
        "scored": "Employees scored", "mean": "Mean total", "commend": "Commended",
        "improve": "Improvement interviews", "escalate": "Escalations",
        "bonus": "Total bonus", "top": "Top grade share",
        "grades": "Grade distribution", "dept_means": "Mean total by department",
        "count": "Employees", "total": "Total", "this": "{cycle}", "grade": "Grade",
        "department": "Department", "departments": "Departments",
        "headcount": "Headcount", "lowest": "Lowest", "highest": "Highest",
        "people": "Commendations and interviews", "name": "Name", "outcome": "Outcome",
        "failed": "Failed cycles in a row", "bonus_col": "Bonus",
        "o_commend": "Commend", "o_improve": "Interview",
        "f_commend": "{n} employee(s) reached the commendation grade: {names}.",
        "a_commend": "Commend {names} and record it in their files.",
        "f_interview": "{n} employee(s) fell below the pass mark: {names}.",
        "a_interview": "Hold improvement interviews with {names} and agree an improvement plan.",
        "f_escalate": "{names} failed {limit} or more cycles in a row.",
        "a_escalate": "Escalate {names} as the rules require (transfer, training or further "
                      "action).",
        "f_raters": "Raters far from the others (leniency beyond ±{z} SD, or the same score "
                    "on every indicator of each employee they rated): {names}.",
        "a_raters": "Review the ratings of {names} with them before the results are final.",
        "f_gap": "Self-ratings at least {gap} points above the others' ratings: {names}.",
        "a_gap": "Discuss the gap between self-view and others' view with {names}.",
        "f_unscored": "{n} employee(s) not graded (no rating counted): {names}.",
        "a_unscored": "Collect the missing ratings of {names} and score the cycle again.",
        "f_ungraded": "{n} employee(s) below every grade's minimum (the lowest grade starts at "
                      "{minimum}), so without grade, bonus or outcome: {names}.",
        "a_ungraded": "Add a grade for the totals below {minimum} in the Grades sheet and score "
                      "the cycle again ({names}).",
        "f_dept": "Departments {gap} points or more below the company mean: {names}.",
        "a_dept": "Ask the heads of {names} for the causes and an improvement plan.",
        "sep": ", ",
    },
    "zh": {
        "title": "{cycle} 绩效考核报告", "dept_title": "{cycle} 绩效考核报告：{dept}",
        "purpose": "汇报本期绩效考核结果（按员工和部门），"
                   "作为绩效奖金、表彰、改进面谈和按规定处理的依据。",
        "m_scores": "{raters} 名评分人（上级、同事、本人）"
                    "对 {employees} 名员工共评分 {ratings} 条。",
        "m_dept": "{dept} {employees} 名员工的考核结果（按全公司的评分计算）。",
        "m_weights": "各指标得分按设置表中的评分人权重合并各角色平均分，"
                     "缺少的角色按比例重新分配权重（不计为 0 分）；总分为各指标的加权平均。",
        "m_grades": "等级、奖金系数和结果应用按等级标准确定；连续不达标次数根据历史考核计算。",
        "m_history": "与 {previous} 对比。", "m_no_history": "无以往考核记录。",
        "scored": "已评分人数", "mean": "平均总分", "commend": "表彰人数",
        "improve": "改进面谈人数", "escalate": "按规定处理人数",
        "bonus": "绩效奖金合计", "top": "最高等级占比",
        "grades": "等级分布", "dept_means": "各部门平均总分",
        "count": "人数", "total": "总分", "this": "{cycle}", "grade": "等级",
        "department": "部门", "departments": "部门统计",
        "headcount": "人数", "lowest": "最低分", "highest": "最高分",
        "people": "表彰与面谈名单", "name": "姓名", "outcome": "结果应用",
        "failed": "连续不达标次数", "bonus_col": "绩效奖金",
        "o_commend": "表彰", "o_improve": "改进面谈",
        "f_commend": "{n} 名员工达到表彰等级：{names}。",
        "a_commend": "表彰{names}，并记入个人档案。",
        "f_interview": "{n} 名员工低于合格线：{names}。",
        "a_interview": "与{names}进行绩效改进面谈，制定改进计划。",
        "f_escalate": "{names}连续 {limit} 期及以上不达标。",
        "a_escalate": "按规定处理{names}（调岗、培训或进一步处理）。",
        "f_raters": "评分明显偏离他人（宽严度超过 ±{z} 个标准差，或所有指标同分）"
                    "的评分人：{names}。",
        "a_raters": "在结果定稿前与{names}复核其评分。",
        "f_gap": "自评比他评高出 {gap} 分及以上：{names}。",
        "a_gap": "与{names}沟通自我评价与他人评价的差距。",
        "f_unscored": "{n} 名员工未评定等级（没有计入的评分）：{names}。",
        "a_unscored": "补齐{names}的评分后重新计算本期考核。",
        "f_ungraded": "{n} 名员工的总分低于所有等级的最低分（最低的等级 {minimum} 分起），"
                      "无等级、奖金和结果应用：{names}。",
        "a_ungraded": "在“等级”表中为低于 {minimum} 分的总分添加等级，然后重新计算本期考核"
                      "（{names}）。",
        "f_dept": "平均总分低于公司平均 {gap} 分及以上的部门：{names}。",
        "a_dept": "请{names}负责人分析原因并提交改进计划。",
        "sep": "、",
    },
}


def summary(result: AppraisalResult, lang: str) -> Summary:
    """The appraisal report of one scoring run, in ``lang`` ("en" or "zh").

    Figures compare with the previous cycle where ``result.history_rows`` has one; bonus
    figures and columns are marked confidential. ``parts`` has one summary per department.
    """
    lang = "zh" if lang == "zh" else "en"
    whole = _build(result, lang, None)
    departments = result.results["department"].dropna().astype(str).unique()
    whole.parts = {d: _build(_only(result, d), lang, d) for d in departments}
    return whole


def _only(result: AppraisalResult, department: str) -> AppraisalResult:
    """The result restricted to one department's employees (and the raters among them)."""
    mine = result.results["department"].astype(str) == department
    ids = set(result.results.loc[mine, "employee_id"])

    def keep(frame: pd.DataFrame, column: str) -> pd.DataFrame:
        return frame[frame[column].isin(ids)].reset_index(drop=True)

    return dataclasses.replace(
        result, results=result.results[mine].reset_index(drop=True),
        departments=result.departments[result.departments["department"].astype(str)
                                       == department].reset_index(drop=True),
        raters=keep(result.raters, "rater_id"), self_gap=keep(result.self_gap, "employee_id"),
        indicator_scores=keep(result.indicator_scores, "employee_id"),
        history_rows=keep(result.history_rows, "employee_id"), issues=[])


def _cycles(history: pd.DataFrame, cycle: str | None = None) -> tuple[str, str | None]:
    """(this cycle, the latest earlier cycle or None): this cycle is the one scored (its
    ``cycle`` setting), else the one of the rows scoring appended last; cycles compare as
    :func:`~opsbook.appraisal.history.cycle_keys` writes them, and with no cycle set every
    cycle on record is earlier (as the escalation count takes them)."""
    if cycle:
        current = cycle
    elif history.empty:
        return "", None
    else:
        current = str(history["cycle"].iloc[-1])
    now = cycle_key(current) or ""
    keys = cycle_keys(history["cycle"])
    earlier = {key: text for key, text in zip(keys, history["cycle"].astype(str))
               if isinstance(key, str) and (key < now or not now)}  # blank: all are earlier
    return current, (earlier[max(earlier)] if earlier else None)


def _build(result: AppraisalResult, lang: str, department: str | None) -> Summary:
    t = TEXT[lang]
    res = result.results
    cycle, previous = _cycles(result.history_rows, result.cycle)
    before = (result.history_rows[(cycle_keys(result.history_rows["cycle"])
                                   == cycle_key(previous)).to_numpy()]
              if previous else result.history_rows.iloc[0:0])
    before = before[before["employee_id"].isin(set(res["employee_id"]))]
    scored = res[res["total"].notna()]
    grades = [c for c in result.departments.columns
              if c not in ("department", "headcount", "scored", "mean", "std", "min", "max")]

    def was(value: float | int) -> float | int | None:
        return value if previous and len(before) else None

    outcome_before = before["outcome"].dropna()
    figures = [
        Figure(t["scored"], len(scored), "0", was(len(before))),
        Figure(t["mean"], _mean(scored["total"]), "0.00",
               was(_mean(pd.to_numeric(before["total"], errors="coerce"))), better="up"),
        Figure(t["commend"], int((res["outcome"] == "commend").sum()), "0",
               int((outcome_before == "commend").sum()) if len(outcome_before) else None),
        Figure(t["improve"], int((res["outcome"] == "improve").sum()), "0",
               int((outcome_before == "improve").sum()) if len(outcome_before) else None,
               better="down"),
        Figure(t["escalate"], int(res["escalate"].astype(bool).sum()), "0", better="down"),
        Figure(t["bonus"], float(pd.to_numeric(res["bonus"], errors="coerce").sum()),
               "#,##0", confidential=True),
    ]
    if grades and len(scored):
        top = float((scored["grade"] == grades[0]).mean())
        top_before = (float((before["grade"] == grades[0]).mean())
                      if previous and len(before) else None)
        figures.append(Figure(t["top"], top, "0%", top_before))

    charts = [_grade_chart(res, before, grades, cycle, previous, t)]
    if department is None and len(result.departments) > 1:
        charts.append(_department_chart(result, before, cycle, previous, t))
    method = [t["m_dept"].format(dept=department, employees=len(scored)) if department else
              t["m_scores"].format(ratings=_or(result.rating_count,
                                               int(result.raters["ratings"].sum())),
                                   raters=_or(result.rater_count, len(result.raters)),
                                   employees=len(scored)),
              t["m_weights"], t["m_grades"],
              t["m_history"].format(previous=previous) if previous else t["m_no_history"]]
    title = (t["dept_title"].format(cycle=cycle, dept=department) if department
             else t["title"].format(cycle=cycle)).strip()
    return Summary(
        title=title, lang=lang, period=cycle, purpose=t["purpose"], method=method,
        figures=figures, charts=charts, tables=_tables(result, grades, t),
        findings=_findings(result, department, t),
        confidential_headers=confidential_headers(lang),
        confidential_sheets=confidential_sheets(lang), department=department)


def _mean(values: pd.Series) -> float | None:
    values = pd.to_numeric(values, errors="coerce").dropna()
    return round(float(values.mean()), 2) if len(values) else None


def _or(count: int | None, otherwise: int) -> int:
    return otherwise if count is None else count


def _grade_chart(res: pd.DataFrame, before: pd.DataFrame, grades: list[str], cycle: str,
                 previous: str | None, t: dict[str, str]) -> ChartData:
    now = res["grade"].value_counts().reindex(grades, fill_value=0)
    series = [Series(cycle or t["count"], tuple(float(v) for v in now))]
    if previous and len(before):
        then = before["grade"].value_counts().reindex(grades, fill_value=0)
        series.insert(0, Series(previous, tuple(float(v) for v in then)))
    return ChartData("column", t["grades"], tuple(grades), tuple(series),
                     x_title=t["grade"], y_title=t["count"], number_format="0")


def _department_chart(result: AppraisalResult, before: pd.DataFrame, cycle: str,
                      previous: str | None, t: dict[str, str]) -> ChartData:
    dep = result.departments
    names = tuple(str(d) for d in dep["department"])
    series = [Series(cycle or t["mean"], tuple(_round(v) for v in dep["mean"]))]
    if previous and len(before):
        home = result.results.set_index("employee_id")["department"]
        then = (before.assign(department=before["employee_id"].map(home),
                              total=pd.to_numeric(before["total"], errors="coerce"))
                .groupby("department")["total"].mean().reindex(dep["department"]))
        series.insert(0, Series(previous, tuple(_round(v) for v in then)))
    return ChartData("bar", t["dept_means"], names, tuple(series), x_title=t["department"],
                     y_title=t["total"], number_format="0.0")


def _round(value: object, places: int = 2) -> float | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else round(float(number), places)


def _tables(result: AppraisalResult, grades: list[str], t: dict[str, str]) -> list[Table]:
    dep = result.departments
    bonus = (result.results.assign(bonus=pd.to_numeric(result.results["bonus"], errors="coerce"))
             .groupby("department", dropna=False, sort=False)["bonus"].sum()
             .reindex(dep["department"]))
    # the lowest and highest are totals: kept on their side of a grade's minimum
    ends = decimals([*dep["min"], *dep["max"]], result.grade_minimums, 2)
    rows = tuple(
        (str(d), int(h), _round(m), _round(lo, ends), _round(hi, ends), *(int(dep[g].iloc[n])
                                                              for g in grades), float(b))
        for n, (d, h, m, lo, hi, b) in enumerate(zip(dep["department"], dep["headcount"],
                                                     dep["mean"], dep["min"], dep["max"],
                                                     bonus.fillna(0))))
    headers = (t["department"], t["headcount"], t["mean"], t["lowest"], t["highest"], *grades,
               t["bonus"])
    formats = ("", "0", "0.00", *["0." + "0" * ends] * 2, *("0" for _ in grades), "#,##0")
    departments = Table(t["departments"], headers, rows, formats,
                        confidential=frozenset({len(headers) - 1}))
    res = result.results
    picked = res[res["outcome"].isin(["commend", "improve"])].sort_values(
        ["outcome", "total"], ascending=[True, False])
    words = {"commend": t["o_commend"], "improve": t["o_improve"]}
    places = decimals(picked["total"], result.grade_minimums, 2)
    people = Table(t["people"], (t["name"], t["department"], t["total"], t["grade"],
                                 t["outcome"], t["failed"]),
                   tuple((str(r.name), str(r.department), _round(r.total, places), str(r.grade),
                          words[r.outcome], int(r.consecutive_failures))
                         for r in picked.itertuples()),
                   ("", "", "0." + "0" * places, "", "", "0"))
    return [departments, people]


def _findings(result: AppraisalResult, department: str | None,
              t: dict[str, str]) -> list[Finding]:
    res = result.results
    sep = t["sep"]

    def who(frame: pd.DataFrame) -> tuple[str, ...]:
        return tuple(frame["name"].astype(str))

    findings = []
    commend = who(res[res["outcome"] == "commend"].sort_values("total", ascending=False))
    if commend:
        findings.append(Finding("commend", t["f_commend"].format(n=len(commend),
                                                                  names=sep.join(commend)),
                                t["a_commend"].format(names=sep.join(commend)), commend,
                                "good"))
    improve = who(res[res["outcome"] == "improve"].sort_values("total"))
    if improve:
        findings.append(Finding("interview", t["f_interview"].format(n=len(improve),
                                                                      names=sep.join(improve)),
                                t["a_interview"].format(names=sep.join(improve)), improve,
                                "warn"))
    escalate = who(res[res["escalate"].astype(bool)])
    if escalate:
        limit = int(res.loc[res["escalate"].astype(bool), "consecutive_failures"].min())
        findings.append(Finding("escalate", t["f_escalate"].format(names=sep.join(escalate),
                                                                    limit=limit),
                                t["a_escalate"].format(names=sep.join(escalate)), escalate,
                                "bad"))
    unscored = who(res[pd.to_numeric(res["total"], errors="coerce").isna()])
    if unscored:  # "nothing to act on" would be wrong while some are not graded
        findings.append(Finding("unscored", t["f_unscored"].format(n=len(unscored),
                                                                    names=sep.join(unscored)),
                                t["a_unscored"].format(names=sep.join(unscored)), unscored,
                                "warn"))
    ungraded = who(res[pd.to_numeric(res["total"], errors="coerce").notna()
                       & res["grade"].isna()])
    if ungraded:  # scored, but below every band: no grade, bonus or outcome either
        minimum = f"{min(result.grade_minimums, default=0):g}"
        findings.append(Finding("ungraded", t["f_ungraded"].format(
            n=len(ungraded), minimum=minimum, names=sep.join(ungraded)),
            t["a_ungraded"].format(minimum=minimum, names=sep.join(ungraded)), ungraded, "warn"))
    names = res.set_index("employee_id")["name"].astype(str)
    raters = result.raters
    odd = raters[(pd.to_numeric(raters["leniency_z"], errors="coerce").abs() >= LENIENCY_Z)
                 | raters["same_score_everywhere"].astype(bool)]
    odd_names = tuple(names.get(r, str(r)) for r in odd["rater_id"])
    if odd_names:
        findings.append(Finding("calibrate", t["f_raters"].format(z=f"{LENIENCY_Z:g}",
                                                                   names=sep.join(odd_names)),
                                t["a_raters"].format(names=sep.join(odd_names)), odd_names,
                                "warn"))
    gap = result.self_gap
    high = gap[pd.to_numeric(gap["gap"], errors="coerce") >= SELF_GAP]
    high_names = tuple(names.get(e, str(e)) for e in high["employee_id"])
    if high_names:
        findings.append(Finding("self-gap", t["f_gap"].format(gap=f"{SELF_GAP:g}",
                                                               names=sep.join(high_names)),
                                t["a_gap"].format(names=sep.join(high_names)), high_names,
                                "neutral"))
    company = _mean(res["total"]) if department is None else None
    if company is not None and len(result.departments) > 1:  # None: nobody was scored
        means = pd.to_numeric(result.departments["mean"], errors="coerce").to_numpy()
        behind = result.departments["department"][
            np.nan_to_num(company - means, nan=0.0) >= DEPARTMENT_BEHIND]
        behind_names = tuple(str(d) for d in behind)
        if behind_names:
            findings.append(Finding("department", t["f_dept"].format(
                gap=f"{DEPARTMENT_BEHIND:g}", names=sep.join(behind_names)),
                t["a_dept"].format(names=sep.join(behind_names)), behind_names, "warn"))
    return findings
