"""The plan report: completion by department and the items behind schedule, from a Tracking.

``summary(result, lang)`` is the plan kind's ``Kind.summary``; ``result`` is the
:class:`~opsbook.plan.tracking.Tracking` that Calculate makes from the Actuals sheet.
Completion is a share (1.0 = 100 %); a department's is the mean of its items' completion,
each counted between 0 and 1.0 (see :mod:`opsbook.plan.tracking`). Department heads get
``Summary.parts[department]``, made the same way from that department's items only.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from opsbook.core.summary import ChartData, Figure, Finding, Series, Summary, Table
from opsbook.plan.headlines import completion_decimals, completion_format, share
from opsbook.plan.outputs import HEADERS
from opsbook.plan.schema import PLAN
from opsbook.plan.tracking import Tracking

TEXT = {
    "en": {
        "title": "Plan tracking report {year}", "dept_title": "Plan tracking report {year}: {dept}",
        "purpose": "To report how far the annual operations plan has been carried out to date, "
                   "by department and item, so that items and departments behind plan are "
                   "followed up in time.",
        "m_items": "{items} plan item(s) of {depts} department(s), tracked with the actuals "
                   "reported by month up to {as_of}.",
        "m_dept": "The {items} plan item(s) of {dept}, tracked with the actuals reported by "
                  "month up to {as_of}.",
        "m_completion": "Completion = actual to date ÷ target to date (target ÷ actual where "
                        "lower is better); quarterly targets are spread evenly over their "
                        "months. A department's and the company's completion is the mean of "
                        "their items' completion, each counted between 0 and 100%.",
        "m_behind": "An item is behind schedule below {threshold} completion.",
        "company": "Company completion", "dept_completion": "Department completion",
        "items": "Plan items", "measured": "Items measured", "behind": "Items behind",
        "depts_behind": "Departments behind plan",
        "chart_dept": "Completion by department", "chart_items": "Completion by item",
        "completion": "Completion", "department": "Department", "item": "Item",
        "kpi": "KPI", "target": "Target to date", "actual": "Actual to date",
        "departments": "Departments", "behind_table": "Items behind schedule",
        "f_items": "{n} item(s) behind schedule (below {threshold}): {names}.",
        "a_items": "Ask the owners of {names} for the causes and a plan to catch up.",
        "f_depts": "Departments below {threshold} completion: {names}.",
        "a_depts": "Review progress with the heads of {names} and agree corrective actions.",
        "f_most": "Most items behind: {names} ({n}).",
        "a_most": "Follow up {names} first at the next plan review.",
        "f_none": "No item is behind schedule as of {as_of}.",
        "a_none": "Keep reporting actuals monthly.",
        "f_unmeasured": "{n} item(s) cannot be measured yet (no actual or target to date, "
                        "or a target below 0): {names}.",
        "a_unmeasured": "Have the actuals of {names} entered on the Actuals sheet.",
        "f_not_due": "{n} item(s) have nothing due yet (not started, or no target planned to "
                     "date): {names}.",
        "a_not_due": "Nothing to chase yet: {names} are measured from the month their "
                     "targets fall due.",
        "sep": ", ",
    },
    "zh": {
        "title": "{year} 年度计划执行报告", "dept_title": "{year} 年度计划执行报告：{dept}",
        "purpose": "汇报年度运营计划截至目前的执行情况（按部门和计划项），"
                   "以便及时跟进进度滞后的计划项和部门。",
        "m_items": "{depts} 个部门共 {items} 个计划项，按截至 {as_of} 的月度实际值跟踪。",
        "m_dept": "{dept} 的 {items} 个计划项，按截至 {as_of} 的月度实际值跟踪。",
        "m_completion": "完成率 = 累计实际 ÷ 累计目标（越低越好的指标为累计目标 ÷ 累计实际）；"
                        "季度目标平均分摊到各月。部门和公司完成率为所属计划项完成率的平均值，"
                        "单项完成率按 0 至 100% 之间计。",
        "m_behind": "完成率低于 {threshold} 的计划项为进度滞后。",
        "company": "公司完成率", "dept_completion": "部门完成率",
        "items": "计划项数", "measured": "可计量项数", "behind": "滞后项数",
        "depts_behind": "未达进度部门数",
        "chart_dept": "各部门完成率", "chart_items": "各计划项完成率",
        "completion": "完成率", "department": "部门", "item": "计划项",
        "kpi": "关键指标", "target": "累计目标", "actual": "累计实际",
        "departments": "部门完成情况", "behind_table": "进度滞后的计划项",
        "f_items": "{n} 个计划项进度滞后（完成率低于 {threshold}）：{names}。",
        "a_items": "请{names}的负责人分析原因，并制定追赶计划。",
        "f_depts": "完成率低于 {threshold} 的部门：{names}。",
        "a_depts": "与{names}负责人复盘进度，商定纠偏措施。",
        "f_most": "滞后项最多的部门：{names}（{n} 项）。",
        "a_most": "在下次计划检查中优先跟进{names}。",
        "f_none": "截至 {as_of}，没有进度滞后的计划项。",
        "a_none": "继续按月填报实际值。",
        "f_unmeasured": "{n} 个计划项暂无法计量（无累计实际或累计目标，或目标小于 0）：{names}。",
        "a_unmeasured": "请在“执行情况”工作表中填报{names}的实际值。",
        "f_not_due": "{n} 个计划项尚无到期的目标（尚未开始，或截至目前未安排目标）：{names}。",
        "a_not_due": "暂无需跟进：{names}自目标到期的月份起计量。",
        "sep": "、",
    },
}


def confidential_headers(lang: str) -> frozenset[str]:
    """The headers of the plan's confidential fields (the budget) as the Plan sheet and the
    detail sheets write them; tracking itself shows no confidential value."""
    n = 1 if lang == "zh" else 0
    marked = [f for f in PLAN.fields if f.confidential]
    return frozenset({f.header(lang) for f in marked}
                     | {HEADERS[f.id][n] for f in marked if f.id in HEADERS})


def summary(result: Tracking, lang: str) -> Summary:
    """The plan tracking report of one Calculate run, in ``lang`` ("en" or "zh").

    Figures: company completion (share), items, items measured, items behind, departments
    behind plan; charts: completion by department (and by item in a department's part);
    ``parts`` has one summary per department. No previous period: tracking has no history.
    """
    lang = "zh" if lang == "zh" else "en"
    whole = _build(result, lang, None)
    departments = result.departments["department"].dropna().astype(str)
    whole.parts = {d: _build(_only(result, d), lang, d) for d in departments}
    return whole


def _only(result: Tracking, department: str) -> Tracking:
    """The tracking restricted to one department's items."""

    def mine(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["department"].astype(str) == department].reset_index(drop=True)

    depts = mine(result.departments)
    company = float(depts["completion"].iloc[0]) if len(depts) else float("nan")
    return dataclasses.replace(result, items=mine(result.items), departments=depts,
                               company=company, behind=mine(result.behind),
                               monthly=mine(result.monthly), issues=[])


def _share(value: object, threshold: float | None = None) -> float | None:
    """A figure rounded to 4 decimals (a share to a hundredth of a percent), more where that
    would put a completion on the other side of ``threshold`` or 100 % (0.899983 is no 0.9)."""
    number = pd.to_numeric(value, errors="coerce")
    if pd.isna(number):
        return None
    more = 0 if threshold is None else completion_decimals([float(number)], threshold) - 1
    return round(float(number), 4 + more)


def _build(result: Tracking, lang: str, department: str | None) -> Summary:
    t = TEXT[lang]
    items, depts = result.items, result.departments
    threshold = share(result.threshold)
    completion = pd.to_numeric(depts["completion"], errors="coerce")
    behind_depts = depts[completion < result.threshold]
    limit = result.threshold  # no completion shown rounded onto it, nor onto 100 %
    percent = completion_format([result.company, *completion, *items["completion"]], limit)
    figures = [
        Figure(t["dept_completion"] if department else t["company"],
               _share(result.company, limit), percent, better="up"),
        Figure(t["items"], len(items), "0"),
        Figure(t["measured"], int(items["completion"].notna().sum()), "0"),
        Figure(t["behind"], int(items["behind"].astype(bool).sum()), "0", better="down"),
    ]
    if department is None:
        figures.append(Figure(t["depts_behind"], len(behind_depts), "0", better="down"))
    names = tuple(str(d) for d in depts["department"])
    charts = [ChartData("column", t["chart_dept"], names,
                        (Series(t["completion"], tuple(_share(v, limit) for v in completion)),),
                        x_title=t["department"], y_title=t["completion"], number_format=percent)]
    if department is not None and len(items):
        charts.append(ChartData(
            "bar", t["chart_items"], tuple(f"{i} {k}" for i, k in zip(items["item_id"],
                                                                     items["kpi"])),
            (Series(t["completion"], tuple(_share(v, limit) for v in items["completion"])),),
            x_title=t["item"], y_title=t["completion"], number_format=percent))
    as_of = result.as_of.isoformat()
    method = [t["m_dept"].format(dept=department, items=len(items), as_of=as_of) if department
              else t["m_items"].format(items=len(items), depts=len(depts), as_of=as_of),
              t["m_completion"], t["m_behind"].format(threshold=threshold)]
    title = (t["dept_title"].format(year=result.year, dept=department) if department
             else t["title"].format(year=result.year))
    return Summary(
        title=title, lang=lang, period=str(result.year), purpose=t["purpose"], method=method,
        figures=figures, charts=charts, tables=_tables(result, t, percent),
        findings=_findings(result, department, t, threshold),
        confidential_headers=confidential_headers(lang), department=department)


def _tables(result: Tracking, t: dict[str, str], percent: str) -> list[Table]:
    d, limit = result.departments, result.threshold
    departments = Table(
        t["departments"], (t["department"], t["items"], t["measured"], t["behind"],
                           t["completion"]),
        tuple((str(r.department), int(r.items), int(r.measured), int(r.behind),
               _share(r.completion, limit)) for r in d.itertuples()),
        ("", "0", "0", "0", percent))
    late = result.behind.sort_values("completion", kind="stable")
    behind = Table(
        t["behind_table"], (t["item"], t["department"], t["kpi"], t["target"], t["actual"],
                            t["completion"]),
        tuple((str(r.item_id), str(r.department), str(r.kpi), _share(r.target_to_date),
               _share(r.actual_to_date), _share(r.completion, limit))
              for r in late.itertuples()),
        ("", "", "", "#,##0.00", "#,##0.00", percent))
    return [departments, behind]


def _label(frame: pd.DataFrame) -> tuple[str, ...]:
    """"ID KPI" for each item row."""
    return tuple(f"{i} {k}" for i, k in zip(frame["item_id"].astype(str),
                                              frame["kpi"].astype(str)))


def _findings(result: Tracking, department: str | None, t: dict[str, str],
              threshold: str) -> list[Finding]:
    sep = t["sep"]
    findings = []
    late = result.behind.sort_values("completion", kind="stable")
    if len(late):
        names = _label(late)
        findings.append(Finding("behind", t["f_items"].format(
            n=len(names), threshold=threshold, names=sep.join(names)),
            t["a_items"].format(names=sep.join(names)), names, "bad"))
    else:
        findings.append(Finding("on-track", t["f_none"].format(as_of=result.as_of.isoformat()),
                                t["a_none"], (), "good"))
    unmeasured = result.items[result.items["completion"].isna()]
    # nothing due yet (an item not started, or planned at 0 so far): no actual to chase
    waiting = pd.to_numeric(unmeasured["target_to_date"], errors="coerce").eq(0)
    for topic, rows in (("not-due", unmeasured[waiting]), ("unmeasured", unmeasured[~waiting])):
        if len(rows):
            names = _label(rows)
            key = "not_due" if topic == "not-due" else topic
            findings.append(Finding(topic, t[f"f_{key}"].format(
                n=len(names), names=sep.join(names)),
                t[f"a_{key}"].format(names=sep.join(names)), names, "neutral"))
    if department is None:
        d = result.departments
        completion = pd.to_numeric(d["completion"], errors="coerce")
        low = d.assign(c=completion)[completion < result.threshold].sort_values("c")
        if len(low):
            names = tuple(str(x) for x in low["department"])
            findings.append(Finding("department", t["f_depts"].format(
                threshold=threshold, names=sep.join(names)),
                t["a_depts"].format(names=sep.join(names)), names, "warn"))
        counts = d["behind"].to_numpy(dtype=int)
        if len(d) > 1 and counts.max(initial=0) > 0:
            most = tuple(str(x) for x in d["department"][counts == np.max(counts)])
            findings.append(Finding("most-behind", t["f_most"].format(
                names=sep.join(most), n=int(np.max(counts))),
                t["a_most"].format(names=sep.join(most)), most, "warn"))
    return findings
