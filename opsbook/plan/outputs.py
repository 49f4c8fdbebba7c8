"""The sheets the plan cycle writes, as SheetOut, in English or Chinese.

``OUTPUTS`` names the sheets it adds, in both languages. A company plan (``company_sheets``) is
itself a plan workbook: its Plan, Review and Settings sheets carry the standard headers, so
``opsbook validate`` reads it as a plan.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from opsbook.core.issues import Issue
from opsbook.core.kind import Output
from opsbook.core.output import ERROR_FILL, WARNING_FILL, SheetOut
from opsbook.core.outsheets import frame_sheet
from opsbook.core.values import excel_value
from opsbook.plan.conflicts import UNREAD
from opsbook.plan.consolidate import START_EITHER, WARNINGS, CompanyPlan
from opsbook.plan.diff import PlanDiff, field_value
from opsbook.plan.headlines import completion_format, completion_text, counted, share
from opsbook.plan.items import FIELDS
from opsbook.plan.schema import DECISIONS, OUTPUTS, PLAN
from opsbook.plan.settings import PlanSettings
from opsbook.plan.totals import TARGET
from opsbook.plan.tracking import Tracking

#: The sheets of a company plan that are the plan workbook's own input sheets (never listed
#: as outputs: a workbook's Plan, Review and Settings are always read).
INPUTS = (Output("plan", "Plan", "计划"), Output("review", "Review", "审核意见"),
          Output("settings", "Settings", "设置"))
_NAMES = {o.id: o for o in (*OUTPUTS, *INPUTS)}
HEADERS: dict[str, tuple[str, str]] = {
    **{f.id: (f.en, f.zh) for f in PLAN.fields},
    "source": ("Source File", "来源文件"), "source_row": ("Source Row", "来源行号"),
    "source_sheet": ("Source Sheet", "来源工作表"), "source_cell": ("Cell", "单元格"),
    "items": ("Items", "计划项数"), "high_priority": ("High Priority", "高优先级项数"),
    "quarter": ("Quarter", "季度"), "code": ("Conflict", "冲突类型"), "detail": ("Detail", "说明"),
    "reviewer": ("Reviewer", "审核人"), "comment": ("Comment", "意见"),
    "decision": ("Decision", "结论"), "months": ("Months Reported", "已报月数"),
    "target_to_date": ("Target to Date", "累计目标"),
    "actual_to_date": ("Actual to Date", "累计实际"), "completion": ("Completion", "完成率"),
    "behind": ("Behind", "滞后"), "measured": ("Measured", "可计量项数"),
    "month": ("Month", "月份"), "actual": ("Actual", "实际值"),
    "monthly_target": ("Monthly Target", "月度目标"), "field": ("Field", "字段"),
    "old": ("Old Value", "原值"), "new": ("New Value", "新值"),
}
CONFLICT_LABELS: dict[str, tuple[str, str]] = {
    "duplicate-item": ("Item ID used twice", "编号重复"),
    "duplicate-kpi": ("KPI planned twice", "关键指标重复"),
    "quarters-mismatch": ("Quarters do not add up", "季度目标合计不符"),
    "unit-not-additive": ("Unit summed, not additive here", "单位口径不一致"),
    "outside-year": ("Date outside the plan year", "日期超出计划年度"),
    "plan-year": ("Plan of another year", "计划年度不一致"),  # outside-year of a file's year
    "date-order": ("End before start", "结束日期早于开始日期"),
    "out-of-range": ("Budget below 0", "预算为负数"),
    "type-error": ("Value not read", "取值无法识别"),
    "invalid-choice": ("Not one of the choices", "不在可选值中"),
    "formula-no-value": ("Formula without a value", "公式没有计算结果"),
    "formula-error": ("Formula error", "公式错误值"),
    "department-twice": ("Department sent twice", "部门重复提交"),
    "missing-department": ("Department missing", "部门未提交"),
    "plan-left-out": ("Plan left out", "计划未纳入"),
}
FORMATS = {**{n: "#,##0.00" for n in ("target", "q1", "q2", "q3", "q4", "budget",
                                      "target_to_date", "actual_to_date", "actual",
                                      "monthly_target")},
           "start": "yyyy-mm-dd", "end": "yyyy-mm-dd", "completion": "0.0%"}
TOTAL = {"en": "Total", "zh": "合计"}


def name(output: str, lang: str) -> str:
    return _NAMES[output].name(lang)


def header(column: str, lang: str) -> str:
    if column.startswith(TARGET):
        unit = column[len(TARGET):]
        return f"年度目标（{unit}）" if lang == "zh" else f"Target ({unit})"
    en, zh = HEADERS.get(column, (column, column))
    return zh if lang == "zh" else en


def quarter_target_header(unit: str, lang: str) -> str:
    """The header of a By Quarter column: a unit's quarter targets summed (per quarter, and
    over the year in the total row)."""
    return f"季度目标合计（{unit}）" if lang == "zh" else f"Sum of Quarter Targets ({unit})"


def _headers(columns: list[str], lang: str) -> dict[str, str]:
    return {c: header(c, lang) for c in columns}


def labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Choice columns (direction, priority, decision) as their labels in ``lang``: a new
    frame (``frame`` is left as it is), its other columns shared (copied on write)."""
    out = frame.copy(deep=False)
    for field in ("direction", "priority"):
        if field in out:
            labels = {c.value: c.label(lang) for c in PLAN.field(field).choices}
            out[field] = out[field].map(labels).where(out[field].notna(), None)
    if "decision" in out:
        labels = {c.value: c.label(lang) for c in DECISIONS}
        out["decision"] = out["decision"].map(labels).where(out["decision"].notna(), None)
    return out


def sheet(output: str, title: str, frame: pd.DataFrame, lang: str, **extra: Any) -> SheetOut:
    """A frame as the named output sheet, headers and formats by column id."""
    out = frame_sheet(name(output, lang), title, frame, _headers(list(frame.columns), lang),
                      {c: FORMATS.get(c, "#,##0.00" if c.startswith(TARGET) else "")
                       for c in frame.columns})
    for key, value in extra.items():
        setattr(out, key, value)
    return out


def company_sheets(plan: CompanyPlan, lang: str | None = None) -> list[SheetOut]:
    """Plan, By Department, By Quarter, Conflicts, Review and Settings of a company plan."""
    lang = lang or plan.lang
    year = plan.settings.year or ""
    zh = lang == "zh"
    items = _as_typed(plan, labelled(plan.items[[*FIELDS, "source"]], lang))
    fills = _conflict_fills(plan)
    sheets = [sheet("plan", f"{year} 年度运营计划（公司汇总）".lstrip() if zh else
                    f"Operations plan {year} (company)".replace("  ", " "), items, lang,
                    fills=fills,
                    key_columns=2, widths=[f.width for f in PLAN.fields] + [16])]
    for output, frame, key in (("by_department", plan.by_department, "department"),
                               ("by_quarter", plan.by_quarter, "quarter")):
        shown = frame.copy()
        shown[key] = shown[key].astype(object).where(shown[key].notna(), TOTAL[lang])
        made = sheet(output, name(output, lang) if not year else
                     f"{name(output, lang)}（{year}）" if zh else
                     f"{name(output, lang)} ({year})", shown, lang, key_columns=1)
        if output == "by_quarter":  # its unit columns sum the quarter targets
            for n, column in enumerate(shown.columns):
                if column.startswith(TARGET):
                    made.headers[n] = quarter_target_header(column[len(TARGET):], lang)
                    made.widths[n] = max(made.widths[n], len(made.headers[n]) * 2)
        sheets.append(made)
    sheets.append(conflicts_sheet(plan, lang))
    review = labelled(plan.review, lang)
    choices = [c.label(lang) for c in DECISIONS]
    sheets.append(sheet("review", "审核意见（结论：通过 / 修改 / 不通过）" if zh else
                        "Review (decision: accept / revise / reject)", review, lang,
                        choices={list(review.columns).index("decision"): choices},
                        key_columns=1))
    sheets.append(settings_sheet(plan.settings, lang))
    return sheets


def _as_typed(plan: CompanyPlan, items: pd.DataFrame) -> pd.DataFrame:
    """``items`` (the Plan sheet's frame) with each cell its department's file could not
    read (a budget typed "abc") as typed there, not blank: the company plan then says the
    same of it when validated, and cannot pass as clean until the department corrects it."""
    c = plan.conflicts
    c = c[c["code"].isin(UNREAD) & c["value"].notna() & c["source_row"].notna()]
    if c.empty:
        return items
    at = {(s, int(r)): n for n, (s, r) in enumerate(zip(plan.items["source"],
                                                         plan.items["source_row"]))}
    items = items.copy()
    for source, row, field_id, value in zip(c["source"], c["source_row"], c["field"],
                                            c["value"]):
        n = at.get((source, int(row)))
        if n is not None and field_id in items:
            items[field_id] = items[field_id].astype(object)
            items.iat[n, items.columns.get_loc(field_id)] = value
    return items


def _conflict_fills(plan: CompanyPlan) -> dict[tuple[int, int], str]:
    """The cells of the Plan sheet that a conflict is about: red for errors, amber else."""
    c = plan.conflicts[plan.conflicts["source"].notna() & plan.conflicts["source_row"].notna()]
    if c.empty:
        return {}
    at = pd.Series(plan.items.index, index=pd.MultiIndex.from_arrays(
        [plan.items["source"], plan.items["source_row"].astype(int)]))
    at = at[~at.index.duplicated()]
    rows = pd.MultiIndex.from_arrays([c["source"], c["source_row"].astype(int)])
    offsets = at.reindex(rows).to_numpy()
    columns = [FIELDS.index(f) for f in c["field"]]
    colours = [WARNING_FILL if code in WARNINGS else ERROR_FILL for code in c["code"]]
    fills: dict[tuple[int, int], str] = {}
    for offset, col, colour in zip(offsets, columns, colours):
        if fills.get((int(offset), col)) != ERROR_FILL:
            fills[(int(offset), col)] = colour
    return fills


def conflicts_sheet(plan: CompanyPlan, lang: str) -> SheetOut:
    """One row per item in conflict (and per missing or twice-sent department), with what
    to follow up in words."""
    c = plan.conflicts
    labels = [CONFLICT_LABELS["plan-year" if f == "year" else k][1 if lang == "zh" else 0]
              for k, f in zip(c["code"], c["field"])]
    frame = pd.DataFrame({
        "code": labels,
        "item_id": c["item_id"], "department": c["department"], "kpi": c["kpi"],
        "source": c["source"],
        "source_row": pd.to_numeric(c["source_row"], errors="coerce"),
        "source_sheet": [i.sheet for i in plan.issues],  # located in the file when read
        "source_cell": [i.cell for i in plan.issues],
        "detail": [_message(i, lang) for i in plan.issues],
    })
    left = int(c["code"].eq("plan-left-out").sum())  # files, told apart as the headline does
    n = len(frame) - left
    out = sheet("conflicts", (f"冲突：{n} 条，需与部门核实" + (f"；{left} 个文件未纳入" if left
                                                             else "")) if lang == "zh" else
                f"Conflicts: {n} to follow up with the departments"
                + (f"; {left} file(s) left out" if left else ""), frame, lang)
    out.formats[frame.columns.get_loc("source_row")] = "0"
    out.widths = [18, 10, 12, 18, 22, 8, 12, 8, 70]
    out.empty = "没有冲突。" if lang == "zh" else "No conflicts."
    return out


def _message(issue: Issue, lang: str) -> str:
    """A conflict's message on the Conflicts sheet, in ``lang``: its fields named by the
    headers of the file it is located in (as its cell is), else by the company plan's. The
    issue itself is left as it is, so that the report says it in the file's words too."""
    params, column = dict(issue.params), issue.column
    if issue.code == "date-order" and params.get("other") in (None, START_EITHER):
        params["other"] = PLAN.field("start").header(lang)
    if issue.field and issue.field in HEADERS and column is None:
        column = header(issue.field, lang)
    return replace(issue, params=params, column=column).message(lang)


def settings_sheet(settings: PlanSettings, lang: str) -> SheetOut:
    """Key, value and description of every setting, then the ``source_N`` files."""
    zh = lang == "zh"
    rows: list[list[Any]] = []
    values = settings.model_dump()
    for key, _default, en, zh_text, label in PlanSettings.rows():
        value = values.get(key)
        said = zh_text if zh_text.startswith(label) else f"{label}：{zh_text}"  # label once
        rows.append([key, "" if value is None else value, said if zh else en])
    for key, value in settings.sources().items():
        rows.append([key, value, "来源文件及其 SHA-256 校验值" if zh else
                     "A source file and its SHA-256 digest"])
    return SheetOut(name("settings", lang), "设置" if zh else "Settings",
                    ["参数", "值", "说明"] if zh else ["Key", "Value", "Description"], rows,
                    formats=["", "", ""], widths=[22, 40, 70])


def tracking_sheets(tracking: Tracking, lang: str) -> list[SheetOut]:
    """Tracking (per item), Tracking by Department (with the company), Behind Schedule and
    Monthly Tracking (targets and actuals by item and month)."""
    zh = lang == "zh"
    as_of = tracking.as_of.isoformat()
    threshold = share(tracking.threshold)
    items = labelled(tracking.items, lang)
    column = list(items.columns).index("completion")
    red = {(int(n), column): ERROR_FILL for n in np.flatnonzero(items["behind"].to_numpy())}
    # an item not behind: a blank cell (not an empty text, which COUNTA and filters count)
    items["behind"] = items["behind"].map({True: "是" if zh else "yes", False: None})
    company = completion_text(tracking.company, tracking.threshold)
    sheets = [sheet("tracking", f"执行跟踪（截至 {as_of}，公司完成率 {company}）" if zh else
                    f"Tracking as of {as_of} (company completion {company})", items, lang,
                    fills=red, key_columns=2,
                    notes=["完成率 = 累计实际 ÷ 累计目标（越低越好的指标取倒数）；"
                           f"低于 {threshold} 为进度滞后。" if zh else
                           "Completion = actual to date ÷ target to date (inverted for "
                           f"lower-is-better KPIs); below {threshold} is behind schedule.",
                           *_unmeasured_note(tracking, zh)])]
    depts = tracking.departments.copy()
    depts.loc[len(depts)] = {"department": TOTAL[lang], "items": int(depts["items"].sum()),
                             "measured": int(depts["measured"].sum()),
                             "behind": int(depts["behind"].sum()),
                             "completion": tracking.company}
    sheets.append(sheet("tracking_departments", f"部门完成情况（截至 {as_of}）" if zh else
                        f"Completion by department as of {as_of}", depts, lang, key_columns=1,
                        notes=["部门及公司完成率为各计划项完成率（计入 0 至 100% 之间）的"
                               "平均值。" if zh
                               else "A department's and the company's completion is the mean "
                               "of their items' completion, each counted between 0 and 100 %."]))
    behind = labelled(tracking.behind.drop(columns="behind"), lang)
    out = sheet("behind", f"进度滞后：{len(behind)} 项（完成率低于 {threshold}）" if zh else
                f"Behind schedule: {counted(len(behind), 'item')} (completion below {threshold})",
                behind, lang, key_columns=2)
    out.empty = "没有进度滞后的计划项。" if zh else "No item is behind schedule."
    sheets.append(out)
    # never a completion rounded onto the threshold it misses (89.996 %, behind, is no 90.0%)
    for made, frame in zip(sheets, (items, depts, behind)):
        made.formats[list(frame.columns).index("completion")] = completion_format(
            frame["completion"], tracking.threshold)
    sheets.append(sheet("monthly", f"月度目标与实际（{tracking.year}）" if zh else
                        f"Monthly targets and actuals ({tracking.year})",
                        tracking.monthly.rename(columns={"target": "monthly_target"}),
                        lang, key_columns=1))
    return sheets


def _unmeasured_note(tracking: Tracking, zh: bool) -> list[str]:
    """A note for items whose completion is blank: what keeps them from being measured."""
    n = int(tracking.items["completion"].isna().sum())
    if not n:
        return []
    return [f"完成率为空的 {n} 个计划项尚无法计量：截至当前没有实际值（越低越好的指标和比率、"
            "水平类指标未填报时不按 0 计算），或尚无到期的目标，或累计目标小于 0（负数目标无法"
            "计算完成比例，请改以正数填写，如以越低越好的亏损额代替负利润）。" if zh else
            f"{counted(n, 'item')} with a blank completion cannot be measured yet: no actual "
            "reported to date (a lower-is-better KPI, a rate or a level is not counted as 0 "
            "when nothing is reported), no target due yet, or a target to date below 0 (no "
            "share of a negative target can be worked out: plan it as a positive figure, "
            "such as a loss, lower is better)."]


def diff_sheets(d: PlanDiff, lang: str) -> list[SheetOut]:
    """Added Items, Removed Items and Changed Items (one row per changed field)."""
    zh = lang == "zh"
    c = d.counts()
    changed = d.changed.copy()
    changed["field"] = [header(f, lang) for f in changed["field"]]
    # numbers as values; a choice by its label, a date as YYYY-MM-DD (a column of mixed
    # fields has no one number format, and a date without one shows as a serial number)
    as_text = {f.id for f in PLAN.fields if f.choices or f.type == "date"}
    for column in ("old", "new"):
        changed[column] = [field_value(f, v, lang) if f in as_text else excel_value(v)
                           for f, v in zip(d.changed["field"], d.changed[column])]
    parts = [("added", labelled(d.added, lang), f"新增 {c['added']} 项" if zh else
              f"{c['added']} item(s) added"),
             ("removed", labelled(d.removed, lang), f"删除 {c['removed']} 项" if zh else
              f"{c['removed']} item(s) removed"),
             ("changed", changed, f"修改 {c['changed_items']} 项，共 {c['changed_fields']} 处"
              if zh else f"{c['changed_items']} item(s) changed, {c['changed_fields']} "
              "field(s)")]
    sheets = []
    for output, frame, title in parts:
        out = sheet(output, title, frame, lang, key_columns=1)
        out.empty = "无。" if zh else "None."
        sheets.append(out)
    return sheets
