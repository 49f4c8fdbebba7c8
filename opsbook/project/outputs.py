"""The project status as output sheets: Status, Tasks, Deviations, Gates, Risks, Gantt."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from opsbook.core.output import SheetOut
from opsbook.project.compute import THRESHOLDS, ProjectResult
from opsbook.project.deviations import UNCOVERED
from opsbook.project.gantt import gantt_sheet
from opsbook.project.gates import REQUIRES
from opsbook.project.risk_sheet import risks_sheet
from opsbook.project.schema import OUTPUTS
from opsbook.project.tables import RAG_FILL, as_of, fill_column, fixed, table
from opsbook.project.texts import NOTES, REQUIREMENTS, pick, word
from opsbook.project.texts import OUTPUTS as NAMES

__all__ = ["OUTPUTS", "sheets"]  # OUTPUTS: the sheets the project status writes, in order

FIGURES = ["bac", "pv", "ev", "ac", "sv", "cv", "spi", "cpi", "eac_cpi", "eac_remaining",
           "eac_cpi_spi", "etc", "vac", "tcpi", "rag"]
STATE_FILL = {"covered": "C6EFCE", "action-overdue": "FFEB9C", "no-action": "FFC7CE",
              "no-owner": "FFC7CE"}


def sheets(result: ProjectResult, lang: str = "en") -> list[SheetOut]:
    """The six output sheets, in the order of ``OUTPUTS``."""
    return [status_sheet(result, lang), tasks_sheet(result, lang),
            deviations_sheet(result, lang), gates_sheet(result, lang),
            risks_sheet(result, lang), gantt_sheet(result, lang)]


def _has(codes: pd.Series, code: str) -> np.ndarray:
    """Which rows' space-joined codes hold ``code`` (as a whole word)."""
    return codes.str.contains(rf"(?:^| ){code}(?: |$)", regex=True).to_numpy(dtype=bool)


#: Blank-index notes that a row's cause says for them: a task planned at no cost (0 or
#: blank), a project with no tasks or none with a planned cost — nothing can be earned there,
#: and "no budget left to spend" would be wrong words for it.
SAID_BY_CAUSE = frozenset({"no-pv", "no-ac", "no-ev", "budget-spent", "no-rag"})
CAUSES = frozenset({"zero-cost", "no-cost", "no-tasks", "no-bac"})


def note_text(frame: pd.DataFrame, lang: str) -> pd.Series:
    """The ``notes`` codes of each row as sentences (budget figures filled in), worked out
    once per distinct set of codes; only the rows whose sentences hold figures one by one."""
    sentence = {code: pick(pair, lang) for code, pair in NOTES.items()}
    gap = "" if lang == "zh" else " "  # a Chinese sentence ends with 。 and no space follows
    keys, uniques = pd.factorize(frame["notes"].fillna("").astype(str).to_numpy(dtype=object))
    held = [[code for code in NOTES if code in set(found.split(" "))
             and not (code in SAID_BY_CAUSE and CAUSES & set(found.split(" ")))]
            for found in uniques]
    out = np.array([gap.join(sentence[c] for c in codes) for codes in held] + [""],
                   dtype=object)[keys]
    figures = [k for k, codes in enumerate(held) if any("{budget}" in sentence[c] for c in codes)]
    for n in np.flatnonzero(np.isin(keys, figures)):
        budget, bac = frame["budget"].iat[n], frame["bac"].iat[n]
        shown = {"budget": fixed(budget, thousands=True) if pd.notna(budget) else "",
                 "bac": fixed(bac, thousands=True)}
        out[n] = gap.join(sentence[c].format(**shown) if "{budget}" in sentence[c]
                          else sentence[c] for c in held[keys[n]])
    return pd.Series(out, index=frame.index, dtype=object)


def _extra(result: ProjectResult) -> list[str]:
    """The columns that only several trackers need: the file, and differing status dates."""
    cols = []
    if result.config.index.nunique() > 1:
        cols.append("source")
    if result.counted["status_date"].nunique() > 1:
        cols.append("status_date")
    return cols


def _as_of(result: ProjectResult, lang: str) -> str:
    return as_of(result.counted, lang)


def _threshold(value: float) -> str:
    """A threshold as set: two decimals (0.90), more only when it has them (0.955)."""
    return f"{value:.2f}" if abs(value * 100 - round(value * 100)) < 1e-9 else f"{value:g}"


def _currency_zh(currency: object) -> str:
    """The unit of amounts in a Chinese sentence: 元 for CNY (人民币), the code otherwise."""
    return "元（人民币）" if str(currency).strip().upper() in ("CNY", "RMB") else str(currency)


def _rule_lines(c: pd.Series, lang: str) -> tuple[str, str]:
    """The RAG rule and the EAC method of one config row."""
    method = word(c["eac_method"], lang)
    sg, sa, cg, ca = (_threshold(float(c[k])) for k in THRESHOLDS)
    if lang == "zh":
        return (f"红黄绿规则：SPI ≥ {sg} 且 CPI ≥ {cg} 为绿；SPI < {sa} 或 CPI < {ca} 为红；"
                "其余为黄。无计算依据的指数不参与判断。",
                f"ETC 与 VAC 按完工估算 {method} 计算（设置 eac_method）；"
                f"金额单位：{_currency_zh(c.currency)}。")
    return (f"RAG: green when SPI ≥ {sg} and CPI ≥ {cg}; red when SPI < {sa} or CPI < {ca}; "
            "amber otherwise. An index with no basis is left out.",
            f"ETC and VAC use EAC = {method} (setting eac_method); amounts in {c.currency}.")


def rag_rule(result: ProjectResult, lang: str) -> list[str]:
    """The RAG rule and the EAC method and currency, with the thresholds in use, as lines
    of text; trackers whose settings differ get their own lines, each led by the files it
    holds for."""
    groups = result.counted.groupby([*THRESHOLDS, "eac_method", "currency"], sort=False,
                                   dropna=False)
    lines = []
    for _, rows in groups:
        rule, method = _rule_lines(rows.iloc[0], lang)
        if groups.ngroups > 1:
            files = ("、" if lang == "zh" else ", ").join(map(str, rows.index))
            lead = f"{files}：" if lang == "zh" else f"{files}: "
            rule, method = lead + rule, lead + method
        lines += [rule, method]
    return lines


def index_limits(result: ProjectResult) -> dict[str, set[float]]:
    """The SPI and CPI thresholds of the run, by column: a cell never shows an index
    rounded up onto one it falls short of (0.8999 beside its red is no 0.90)."""
    c = result.counted
    return {index: set(c[[f"{index}_green", f"{index}_amber"]].to_numpy(dtype=float).ravel()
                       .tolist()) for index in ("spi", "cpi")}


STATUS_COLUMNS = ["project_id", "name", "owner", "phase", *FIGURES[:11], "eac_method",
                  *FIGURES[11:], "percent_complete", "planned_finish", "forecast_finish",
                  "overdue_tasks", "open_risks", "top_risk_score", "deviations_covered",
                  "notes"]


def status_sheet(result: ProjectResult, lang: str) -> SheetOut:
    frame = result.status.assign(notes=note_text(result.status, lang))
    columns = [*_extra(result), *STATUS_COLUMNS]
    name = pick(NAMES["status"], lang)
    left = len(result.left_out)
    title = (f"项目状态（{_as_of(result, lang)}）" if lang == "zh" else
             f"Project status, {_as_of(result, lang)}")
    if left:
        title += (f"：{left} 个文件有错误未计入" if lang == "zh" else
                  f": {left} file(s) with errors left out")
    out = table(name, title, frame, columns, lang, key_columns=2 + len(_extra(result)),
                limits=index_limits(result))
    fill_column(out, frame["rag"], "rag", columns, RAG_FILL)
    out.empty = "没有项目。" if lang == "zh" else "No projects."
    out.notes = rag_rule(result, lang) + left_out_note(result, lang) + clash_note(result, lang)
    return out


def left_out_note(result: ProjectResult, lang: str) -> list[str]:
    """A line naming the trackers left out of the status for their errors, if any."""
    if not result.left_out:
        return []
    if lang == "zh":
        return [f"未计入（文件有错误，请修正后重新运行）：{'、'.join(result.left_out)}。"]
    return [f"Left out (the file has errors; correct them and run again): "
            f"{', '.join(result.left_out)}."]


def clash_note(result: ProjectResult, lang: str) -> list[str]:
    """A line naming the project ids found again in a later file (counted once, from the
    first), with where the later rows are."""
    c = result.conflicts
    if c is None or c.empty:
        return []
    if lang == "zh":
        items = "、".join(f"{p}（{f} 第 {r} 行）"
                         for p, f, r in zip(c["project_id"], c["source"], c["row"]))
        return [f"项目编号在后面的文件中重复，只计入第一处：{items}。"]
    items = "; ".join(f"{p} ({f} row {r})"
                      for p, f, r in zip(c["project_id"], c["source"], c["row"]))
    return [f"Project IDs repeated in a later file, counted once (the first): {items}."]


TASK_COLUMNS = ["project_id", "task_id", "task_name", "owner", "planned_start",
                "planned_finish", "actual_start", "actual_finish", "percent_complete",
                *FIGURES, "overdue", "forecast_finish", "notes"]


def tasks_sheet(result: ProjectResult, lang: str) -> SheetOut:
    frame = result.tasks.assign(notes=note_text(result.tasks, lang),
                                task_name=result.tasks["name"])
    columns = [*(["source"] if "source" in _extra(result) else []), *TASK_COLUMNS]
    name = pick(NAMES["tasks"], lang)
    title = (f"任务挣值（{_as_of(result, lang)}）" if lang == "zh" else
             f"Earned value by task, {_as_of(result, lang)}")
    out = table(name, title, frame, columns, lang, key_columns=columns.index("task_name") + 1,
                limits=index_limits(result))
    fill_column(out, frame["rag"], "rag", columns, RAG_FILL)
    out.empty = "没有任务。" if lang == "zh" else "No tasks."
    out.notes = rag_rule(result, lang)  # its ETC and VAC: which EAC, in which currency
    return out


DEVIATION_COLUMNS = ["project_id", "project_name", "task_id", "task_name", "kind", "detail",
                     "days_late", "chase", "action_id", "action", "action_owner", "due",
                     "state"]


def index_text(value: float, limits: set[float]) -> str:
    """An SPI or CPI with two decimals, more where two would show it on the other side of a
    RAG threshold: rounded up onto one it falls short of (0.8999 is said 0.8999, not the
    0.90 that would be amber), or down below one it reaches (0.9544, not 0.95, against a
    threshold of 0.954)."""
    if pd.isna(value):
        return "—"
    for digits in range(2, 7):
        text = fixed(value, digits)  # 0.625 is 0.63, as its cell on the Status sheet shows
        if not any((float(text) < limit) != (value < limit) for limit in limits):
            return text
    return f"{math.floor(value * 10 ** 6) / 10 ** 6:.6f}"  # short of it by a millionth


def percent_text(value: float) -> str:
    """A share as a whole percentage, but never 100% short of complete (0.996 is 99.6%)."""
    if pd.isna(value):
        return ""
    text = fixed(value, 0, scale=100) + "%"  # 12.5 % is 13 %, as a 0% cell shows it
    return f"{math.floor(value * 1000) / 10:g}%" if text == "100%" and value < 1 else text


def _detail(frame: pd.DataFrame, lang: str, limits: set[float]) -> pd.Series:
    """What the deviation is, in a few words: the indices, the late finish or the due date."""
    def num(series: pd.Series) -> pd.Series:
        return series.map(lambda v: index_text(v, limits))

    def day(series: pd.Series) -> pd.Series:
        return series.map(lambda v: "" if pd.isna(v) else v.strftime("%Y-%m-%d"))

    if frame.empty:
        return pd.Series([], index=frame.index, dtype=object)
    pct = frame["percent_complete"].map(percent_text)
    if lang == "zh":
        project = "SPI " + num(frame["spi"]) + "，CPI " + num(frame["cpi"])
        task = "计划 " + day(frame["planned_finish"]) + " 完成，已完成 " + pct
        action = "截止 " + day(frame["due"])
    else:
        project = "SPI " + num(frame["spi"]) + ", CPI " + num(frame["cpi"])
        task = "planned finish " + day(frame["planned_finish"]) + ", " + pct + " complete"
        action = "due " + day(frame["due"])
    kind = frame["kind"]
    return pd.Series(np.where(kind.str.startswith("project"), project,
                              np.where(kind.eq("task-late"), task, action)), index=frame.index)


def deviations_sheet(result: ProjectResult, lang: str) -> SheetOut:
    found = result.deviations
    nobody = "（无负责人，请指定）" if lang == "zh" else "(no owner: name one)"
    chase = found["owner"].where(found["owner"].fillna("").astype(str).str.strip().ne(""),
                                 nobody)
    limits = set(result.counted[list(THRESHOLDS)].to_numpy(dtype=float).ravel().tolist())
    frame = found.assign(detail=_detail(found, lang, limits), chase=chase)
    columns = [*(["source"] if "source" in _extra(result) else []), *DEVIATION_COLUMNS]
    name = pick(NAMES["deviations"], lang)
    missing = int(found["state"].isin(UNCOVERED).sum())
    deviations = int(found["kind"].ne("action-overdue").sum())
    stale = len(found) - deviations  # overdue actions whose deviation is gone
    title = (f"偏差与纠正措施（{_as_of(result, lang)}）：{deviations} 项偏差，"
             f"{missing} 项无纠正措施" + (f"，另有 {stale} 项逾期措施" if stale else "")
             if lang == "zh" else
             f"Deviations and corrective actions, {_as_of(result, lang)}: {deviations} "
             f"deviation(s), {missing} without a corrective action"
             + (f", and {stale} overdue action(s)" if stale else ""))
    out = table(name, title, frame, columns, lang, key_columns=columns.index("task_id") + 1)
    fill_column(out, found["state"], "state", columns, STATE_FILL)
    out.empty = ("没有偏差：所有项目为绿灯，没有超过计划完成日期的任务。" if lang == "zh" else
                 "No deviations: every project is green and no task is past its planned finish.")
    out.notes = (["偏差：项目为黄灯或红灯，或任务超过计划完成日期仍未完成。没有纠正措施的，"
                  "请督办责任人制定措施。"] if lang == "zh" else
                 ["A deviation is a project in amber or red, or a task past its planned finish "
                  "and not complete; where there is no corrective action, chase the owner."])
    return out


def _gate_texts(gates: pd.DataFrame, lang: str) -> tuple[pd.Series, pd.Series]:
    """What each project's phase requires, and what of it is missing (with the WBS codes)."""
    sep = "；" if lang == "zh" else "; "
    requires = gates["phase"].map(
        lambda p: sep.join(pick(REQUIREMENTS[c], lang) for c in REQUIRES.get(p, ())))
    lists = {"task-dates": "tasks_without_dates", "task-costs": "tasks_without_cost",
             "actual-starts": "tasks_not_started", "corrective-actions": "deviations_uncovered"}
    codes = gates["missing"].fillna("")
    missing = pd.Series("", index=gates.index, dtype=object)
    for code, pair in REQUIREMENTS.items():
        has = _has(codes, code)
        text = pd.Series(pick(pair, lang), index=gates.index, dtype=object)
        if code in lists:
            items = gates[lists[code]].fillna("")
            if lang == "zh":  # a project's own deviation, as gates.check names it
                items = items.str.replace(r"(?<![^ ,])project(?![^ ,])", "项目", regex=True
                                          ).str.replace(", ", "、")
            text = text + "（" + items + "）" if lang == "zh" else text + " (" + items + ")"
        missing = missing + np.where(has, text + sep, "")
    return requires, missing.str.rstrip(sep).str.strip()


def gates_sheet(result: ProjectResult, lang: str) -> SheetOut:
    requires, missing = _gate_texts(result.gates, lang)
    frame = result.gates.assign(requires=requires, missing=missing)
    columns = [*(["source"] if "source" in _extra(result) else []),
               "project_id", "name", "phase", "requires", "missing", "passed"]
    name = pick(NAMES["gates"], lang)
    # the execution gate counts the tasks due to have started by the status date
    title = (f"阶段检查（{_as_of(result, lang)}）" if lang == "zh" else
             f"Phase gates, {_as_of(result, lang)}")
    out = table(name, title, frame, columns, lang)
    out.widths[columns.index("requires")] = 40
    out.widths[columns.index("missing")] = 50
    fill_column(out, frame["passed"].map({True: "yes", False: "no"}), "passed", columns,
                 {"yes": RAG_FILL["green"], "no": RAG_FILL["red"]})
    out.empty = "没有项目。" if lang == "zh" else "No projects."
    out.notes = (["收尾阶段须同时完成验收、经验总结和归档方可结项。"] if lang == "zh" else
                 ["A project in closing is done only when accepted, lessons learned and "
                  "archived are all set."])
    return out
