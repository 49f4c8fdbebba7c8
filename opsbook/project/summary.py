"""The project report: portfolio figures, SPI/CPI scatter, RAG counts and projects to act on.

``summary(result, lang)`` is the project kind's ``Kind.summary``. Projects have no
departments, so ``parts`` stays empty. Money (budget, BAC, AC, EAC, VAC) is confidential:
the budget is marked so in the schema and the cost figures are reported with it.
"""

from __future__ import annotations

import pandas as pd

from opsbook.core.shown import half_up
from opsbook.core.summary import ChartData, Figure, Finding, Series, Summary, Table
from opsbook.project.compute import ProjectResult
from opsbook.project.deviations import UNCOVERED
from opsbook.project.evm import exact
from opsbook.project.outputs import index_limits, rag_rule
from opsbook.project.schema import PROJECTS
from opsbook.project.tables import fixed, origin, widened
from opsbook.project.texts import HEADERS, pick, word

#: Output columns holding money (computed from costs and budgets): left out of restricted
#: copies, with ``notes`` (a note may quote the budget).
MONEY_COLUMNS = ("bac", "pv", "ev", "ac", "sv", "cv", "eac_cpi", "eac_remaining",
                 "eac_cpi_spi", "etc", "vac", "notes")
RAGS = ("green", "amber", "red")


def confidential_headers(lang: str) -> frozenset[str]:
    """The detail sheets' headers of confidential columns: the budget (schema) and the
    money columns of the status and task sheets."""
    marked = {f.header(lang) for f in PROJECTS.fields if f.confidential}
    return frozenset(marked | {pick(HEADERS[k], lang) for k in MONEY_COLUMNS})


TEXT = {
    "en": {
        "title": "Project status report {date}",
        "purpose": "To report every project's schedule and cost performance as of the status "
                   "date, so that projects in trouble get corrective actions with owners and "
                   "deadlines as the project rules require.",
        "m_evm": "{n} project(s) and {tasks} task(s); earned value as of {when}: PV from the "
                 "planned dates, EV = % complete × planned cost, AC as recorded; SPI = EV/PV, "
                 "CPI = EV/AC; portfolio indices on the sums.",
        "projects": "Projects", "green": "Green", "amber": "Amber", "red": "Red",
        "spi": "Portfolio SPI", "cpi": "Portfolio CPI", "overdue": "Overdue tasks",
        "uncovered": "Deviations without action", "bac": "Total BAC", "ac": "Total AC",
        "vac": "Total VAC",
        "scatter": "SPI and CPI by project", "x": "SPI", "y": "CPI",
        "rag_counts": "Projects by RAG status", "rag": "RAG", "count": "Projects",
        "table": "Projects", "id": "Project ID", "name": "Project", "owner": "Owner",
        "phase": "Phase", "pct": "% Complete", "forecast": "Forecast Finish",
        "risks": "Open Risks", "eac": "EAC", "project_bac": "BAC",
        "f_red": "{n} project(s) red: {names}.",
        "a_red": "Ask the owners of {names} for a recovery plan (schedule and cost) before "
                 "the next status date.",
        "f_amber": "{n} project(s) amber: {names}.",
        "a_amber": "Watch {names}: review progress with the owners weekly.",
        "f_uncovered": "Deviations without a corrective action: {items}.",
        "a_uncovered": "Have {names} each agree a corrective action with an owner and a due "
                       "date for every deviation.",
        "f_stale": "Corrective actions past their due date: {items}.",
        "a_stale": "Chase the overdue actions of {names} and reset their due dates.",
        "f_late": "Most late tasks: {items}.",
        "a_late": "Re-plan the late tasks of {names} and confirm the forecast finish.",
        "f_gate": "Phase gates not passed: {names}.",
        "a_gate": "Complete what the phase requires for {names} before they move on.",
        "f_over": "Forecast over budget (VAC < 0): {items}.",
        "a_over": "Review the cost of {names} and approve a new budget or cut scope.",
        "m_mixed": "The trackers' amounts are in several currencies ({currencies}): no money "
                   "totals are given, nor a portfolio SPI or CPI (the sums they divide would "
                   "add up amounts in different currencies).",
        "item": "{name} ({n})", "sep": ", ", "none": "no projects",
        "one_day": "{date}", "each_day": "each tracker's own status date ({first} to {last})",
    },
    "zh": {
        "title": "{date} 项目状态报告",
        "purpose": "汇报截至状态日期各项目的进度与成本绩效，"
                   "使出现偏差的项目按项目管理规定及时制定纠正措施，明确负责人和完成期限。",
        "m_evm": "共 {n} 个项目、{tasks} 项任务；挣值按{when}计算："
                 "计划价值按计划日期分摊，挣值 = 完成百分比 × 计划成本，实际成本按填报；"
                 "SPI = EV/PV，CPI = EV/AC；整体指数按各项目合计计算。",
        "projects": "项目数", "green": "绿灯", "amber": "黄灯", "red": "红灯",
        "spi": "整体 SPI", "cpi": "整体 CPI", "overdue": "逾期任务数",
        "uncovered": "无纠正措施的偏差", "bac": "完工预算合计", "ac": "实际成本合计",
        "vac": "完工偏差合计",
        "scatter": "各项目 SPI 与 CPI", "x": "SPI", "y": "CPI",
        "rag_counts": "红黄绿状态项目数", "rag": "红黄绿状态", "count": "项目数",
        "table": "项目一览", "id": "项目编号", "name": "项目名称", "owner": "负责人",
        "phase": "阶段", "pct": "完成百分比", "forecast": "预计完成",
        "risks": "未关闭风险数", "eac": "完工估算", "project_bac": "完工预算",
        "f_red": "{n} 个项目为红灯：{names}。",
        "a_red": "请{names}负责人在下一状态日期前提交进度与成本的恢复计划。",
        "f_amber": "{n} 个项目为黄灯：{names}。",
        "a_amber": "重点关注{names}，每周与负责人检查进展。",
        "f_uncovered": "尚无纠正措施的偏差：{items}。",
        "a_uncovered": "请{names}对每项偏差制定纠正措施，明确负责人和截止日期。",
        "f_stale": "已超过截止日期的纠正措施：{items}。",
        "a_stale": "督办{names}的逾期措施，并重新确定截止日期。",
        "f_late": "逾期任务最多的项目：{items}。",
        "a_late": "重新安排{names}的逾期任务，并确认预计完成日期。",
        "f_gate": "未通过阶段检查的项目：{names}。",
        "a_gate": "{names}须先补齐本阶段要求，再进入下一阶段。",
        "f_over": "预计超出预算（完工偏差小于 0）的项目：{items}。",
        "a_over": "复核{names}的成本，报批调整预算或压缩范围。",
        "m_mixed": "各跟踪表金额币种不同（{currencies}），不计算金额合计，也不计算整体 SPI 和 "
                   "CPI（需将不同币种的金额相加）。",
        "item": "{name}（{n}）", "sep": "、", "none": "无",
        "one_day": "状态日期 {date} ", "each_day": "各跟踪表各自的状态日期（{first} 至 {last}）",
    },
}


def summary(result: ProjectResult, lang: str) -> Summary:
    """The project report of one status run, in ``lang`` ("en" or "zh").

    Figures: project and RAG counts, portfolio SPI (ΣEV/ΣPV) and CPI (ΣEV/ΣAC), overdue
    tasks, deviations without an action, and the confidential money totals (BAC, AC, VAC);
    the sums and the portfolio indices are None when the trackers' currencies differ.
    Charts: SPI (x) against CPI per project, and projects per RAG colour. No previous
    period (a status run has no history) and no departments (``parts`` is empty).
    """
    lang = "zh" if lang == "zh" else "en"
    t = TEXT[lang]
    s = result.status
    days = sorted(d.strftime("%Y-%m-%d") for d in result.counted["status_date"].unique())
    date = days[-1] if days else ""
    # trackers may be taken at different dates: the method says so, not the latest for all
    when = (t["one_day"].format(date=date) if len(days) <= 1 else
            t["each_day"].format(first=days[0], last=days[-1]))
    if result.counted["status_from"].eq("today").any():  # a report has no --as-of: say so
        said, when = origin(result.counted, lang), when.strip()
        if len(days) > 1:  # inside the range's brackets
            when = f"{when[:-1]}；{said}）" if lang == "zh" else f"{when[:-1]}; {said})"
        else:
            when = f"{when}（{said}）" if lang == "zh" else f"{when} ({said})"
    counts = s["rag"].value_counts()
    uncovered = int(result.deviations["state"].isin(UNCOVERED).sum())
    currencies = [str(c) for c in result.counted["currency"].drop_duplicates()]
    mixed = len(currencies) > 1  # amounts in CNY and USD do not add up
    limits = index_limits(result)
    figures = [
        Figure(t["projects"], len(s), "0"),
        *(Figure(t[c], int(counts.get(c, 0)), "0") for c in RAGS),
        # sums of amounts in CNY and USD weigh nothing right: no portfolio index either
        _index(t["spi"], s["ev"].sum(), s["pv"].sum(), mixed, limits["spi"]),
        _index(t["cpi"], s["ev"].sum(), s["ac"].sum(), mixed, limits["cpi"]),
        Figure(t["overdue"], int(s["overdue_tasks"].sum()), "0", better="down"),
        Figure(t["uncovered"], uncovered, "0", better="down"),
        Figure(t["bac"], _total(s["bac"], mixed), "#,##0", confidential=True),
        Figure(t["ac"], _total(s["ac"], mixed), "#,##0", confidential=True),
        Figure(t["vac"], _total(s["vac"], mixed), "#,##0", better="up", confidential=True),
    ]
    method = [t["m_evm"].format(n=len(s), tasks=len(result.tasks), when=when),
              *_rules(result, lang),
              *([t["m_mixed"].format(currencies=t["sep"].join(currencies))] if mixed else [])]
    return Summary(
        title=t["title"].format(date=date).strip(), lang=lang, period=date,
        purpose=t["purpose"], method=method, figures=figures,
        charts=[scatter(result, t), rag_chart(result, lang, t)],
        tables=[_table(result, lang, t)], findings=findings(result, lang),
        confidential_headers=confidential_headers(lang),
        confidential_sheets=frozenset())


def _rules(result: ProjectResult, lang: str) -> list[str]:
    return rag_rule(result, lang) if len(result.config) else []


def _total(values: pd.Series, mixed: bool) -> float | None:
    """The sum of a money column to the cent; None when the trackers' currencies differ, or
    when no project has the figure (a VAC blank everywhere sums to no 0)."""
    numbers = pd.to_numeric(values, errors="coerce")
    if mixed or not numbers.notna().any():
        return None
    return float(half_up(numbers.sum()))


def _index(label: str, top: float, bottom: float, mixed: bool, limits: set[float]) -> Figure:
    """A portfolio index, top / bottom (ΣEV / ΣPV, ΣEV / ΣAC), shown with two decimals, more
    where two would round it onto a threshold it falls short of (0.8999, not 0.90, beside
    the red of SPI < 0.90), and kept to them; None with no basis or across currencies."""
    value = None if mixed or not bottom else float(exact(float(top) / float(bottom)))
    shown = "0.00" if value is None else widened("0.00", pd.Series([value]), limits)
    return Figure(label, None if value is None else float(half_up(value, shown.count("0") - 1)),
                  shown, better="up")


def _num(value: object, digits: int = 2) -> float | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else float(half_up(number, digits))


def scatter(result: ProjectResult, t: dict[str, str]) -> ChartData:
    """SPI (x) against CPI (y), one point per project labelled by its name."""
    s = result.status
    limits = index_limits(result)
    spi, cpi = (widened("0.00", s[k], limits[k]) for k in ("spi", "cpi"))
    return ChartData("scatter", t["scatter"], _names(s, shared_names(s)),
                     (Series(t["y"], tuple(_num(v, cpi.count("0") - 1) for v in s["cpi"])),),
                     x_title=t["x"], y_title=t["y"],
                     x=tuple(_num(v, spi.count("0") - 1) for v in s["spi"]),
                     number_format=max(spi, cpi, key=len))


def rag_chart(result: ProjectResult, lang: str, t: dict[str, str]) -> ChartData:
    """Projects per RAG colour: green, amber, red."""
    counts = result.status["rag"].value_counts().reindex(list(RAGS), fill_value=0)
    return ChartData("column", t["rag_counts"], tuple(word(c, lang) for c in RAGS),
                     (Series(t["count"], tuple(float(v) for v in counts)),),
                     x_title=t["rag"], y_title=t["count"], number_format="0")


def _table(result: ProjectResult, lang: str, t: dict[str, str]) -> Table:
    s = result.status
    limits = index_limits(result)
    # as many decimals as keep an index off a threshold it falls short of (0.8999 beside
    # its red is no 0.90), and a project 99.6 % done off 100 %
    spi_format, cpi_format = (widened("0.00", s[k], limits[k]) for k in ("spi", "cpi"))
    pct_format = widened("0%", s["percent_complete"], {1.0})
    spi_digits, cpi_digits = (f.count("0") - 1 for f in (spi_format, cpi_format))
    pct_digits = max(4, pct_format.count("0") + 1)  # a fraction: two more than the percent
    rows = tuple(
        (str(r.project_id), str(r.name), "" if pd.isna(r.owner) else str(r.owner),
         word(r.phase, lang) if pd.notna(r.phase) else "",
         word(r.rag, lang) if pd.notna(r.rag) else "", _num(r.spi, spi_digits),
         _num(r.cpi, cpi_digits), _num(r.percent_complete, pct_digits),
         int(r.overdue_tasks), int(r.open_risks),
         r.forecast_finish.strftime("%Y-%m-%d") if pd.notna(r.forecast_finish) else "",
         _num(r.bac), _num(getattr(r, f"eac_{r.eac_method}", None)))
        for r in s.itertuples())
    headers = (t["id"], t["name"], t["owner"], t["phase"], t["rag"], t["x"], t["y"],
               t["pct"], t["overdue"], t["risks"], t["forecast"], t["project_bac"], t["eac"])
    formats = ("", "", "", "", "", spi_format, cpi_format, pct_format, "0", "0", "", "#,##0",
               "#,##0")
    return Table(t["table"], headers, rows, formats, confidential=frozenset({11, 12}))


def _names(projects: pd.DataFrame, shared: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Each project's name, or its ID where the name is blank; a name in ``shared`` (two
    projects of the portfolio have it) is led by the ID, "P-102 Sales dashboard", so that
    the findings and the chart tell the projects apart."""
    named = (n if isinstance(n, str) and n.strip() else str(p)
             for n, p in zip(projects["name"], projects["project_id"]))
    return tuple(f"{p} {n}" if n in shared else n
                 for n, p in zip(named, projects["project_id"]))


def shared_names(status: pd.DataFrame) -> frozenset[str]:
    """The names more than one project of ``status`` (one row per project) goes by."""
    names = pd.Series(_names(status), dtype=object)
    return frozenset(names[names.duplicated(keep=False)])


def findings(result: ProjectResult, lang: str) -> list[Finding]:
    """Projects to act on: red, amber, deviations without action, overdue actions, the
    most late tasks, failed phase gates and forecast overruns (confidential)."""
    t = TEXT[lang]
    sep = t["sep"]
    s = result.status
    dev = result.deviations
    shared = shared_names(s)
    out = []
    for rag, tone in (("red", "bad"), ("amber", "warn")):
        names = _names(s[s["rag"] == rag], shared)
        if names:
            out.append(Finding(f"project-{rag}", t[f"f_{rag}"].format(n=len(names),
                                                                     names=sep.join(names)),
                               t[f"a_{rag}"].format(names=sep.join(names)), names, tone))

    def counted(frame: pd.DataFrame) -> tuple[tuple[str, ...], str]:
        """Project names by count of rows (most first) and 'name (n)' items: counted per
        project (file and ID), so two projects of one name are not added together."""
        n = frame.groupby(["source", "project_id"], sort=False).agg(
            name=("project_name", "first"), n=("kind", "size")).reset_index()
        n = n.sort_values("n", ascending=False, kind="stable")
        names = _names(n, shared)
        return names, sep.join(t["item"].format(name=k, n=int(v)) for k, v in zip(names, n["n"]))

    for state, key, tone in (("no-action", "uncovered", "bad"),
                             ("action-overdue", "stale", "warn")):
        hit = dev["state"].isin(UNCOVERED) if state == "no-action" else dev["state"] == state
        names, items = counted(dev[hit])
        if names:
            out.append(Finding(key, t[f"f_{key}"].format(items=items),
                               t[f"a_{key}"].format(names=sep.join(names)), names, tone))
    late = s[s["overdue_tasks"] > 0].sort_values("overdue_tasks", ascending=False,
                                                 kind="stable")
    if len(late):
        names = _names(late, shared)
        items = sep.join(t["item"].format(name=n, n=int(c))
                         for n, c in zip(names, late["overdue_tasks"]))
        out.append(Finding("late", t["f_late"].format(items=items),
                           t["a_late"].format(names=sep.join(names)), names, "warn"))
    failed = _names(result.gates[~result.gates["passed"].astype(bool)], shared)
    if failed:
        out.append(Finding("gate", t["f_gate"].format(names=sep.join(failed)),
                           t["a_gate"].format(names=sep.join(failed)), failed, "warn"))
    vac = pd.to_numeric(s["vac"], errors="coerce")
    # assigned before filtering: a Series assigned to an empty frame would give it its rows
    over = s.assign(vac=vac)[vac < 0].sort_values("vac", kind="stable")
    if len(over):
        names = _names(over, shared)
        items = sep.join(t["item"].format(name=n, n=fixed(v, 0, thousands=True))
                         for n, v in zip(names, over["vac"]))
        out.append(Finding("over-budget", t["f_over"].format(items=items),
                           t["a_over"].format(names=sep.join(names)), names, "bad",
                           confidential=True))
    return out

