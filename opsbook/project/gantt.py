"""The Gantt sheet: one row per task, one column per week, bars drawn with cell fills.

A week column starts on a Monday. Light blue: the planned bar (planned start to planned
finish); dark blue: the share of the bar done (% complete, from the left, in whole weeks:
see :func:`done_share`); red: weeks past
the planned finish up to the status date for a task not complete; yellow: the week of the
status date, in the cells no bar covers; and in every row a mark in the status week.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.core.output import SheetOut
from opsbook.project.compute import ProjectResult
from opsbook.project.risks import number_order
from opsbook.project.tables import as_of, table
from opsbook.project.texts import OUTPUTS, pick

PLANNED, DONE, LATE, TODAY = "BDD7EE", "2F5597", "F8696B", "FFE699"
COLUMNS = ["project_id", "task_id", "task_name", "owner", "planned_start", "planned_finish",
           "percent_complete"]
#: The most week columns drawn; a longer span keeps the weeks around the status date.
MAX_WEEKS = 156


def _monday(days: pd.Series) -> np.ndarray:
    d = np.asarray(days, dtype="datetime64[D]")
    return d - ((d.astype("int64") - 4) % 7).astype("timedelta64[D]")  # 1970-01-05 a Monday


def all_weeks(tasks: pd.DataFrame) -> np.ndarray:
    """Every week (its Monday, datetime64[D]) from the first planned start or status date
    to the last planned finish or status date of ``tasks`` (not empty; a missing date left
    out)."""
    start, finish = _monday(tasks["planned_start"]), _monday(tasks["planned_finish"])
    status = _monday(tasks["status_date"])
    # a task without a planned date (NaT) draws no bar and sets no edge of the chart
    firsts, lasts = np.concatenate([start, status]), np.concatenate([finish, status])
    first, last = firsts[~np.isnat(firsts)].min(), lasts[~np.isnat(lasts)].max()
    return np.arange(first, last + 7, 7).astype("datetime64[D]")


def grid(tasks: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The week starts (datetime64[D]) and a (tasks × weeks) array of fill codes: 0 none,
    1 planned, 2 done, 3 late, 4 status week."""
    if tasks.empty:
        return np.array([], dtype="datetime64[D]"), np.zeros((0, 0), dtype=int)
    start, finish = _monday(tasks["planned_start"]), _monday(tasks["planned_finish"])
    status = _monday(tasks["status_date"])
    weeks = all_weeks(tasks)
    if len(weeks) > MAX_WEEKS:
        centre = int(np.searchsorted(weeks, np.min(status)))
        low = max(0, min(centre - MAX_WEEKS // 2, len(weeks) - MAX_WEEKS))
        weeks = weeks[low:low + MAX_WEEKS]
    w = weeks[None, :]
    s, f, d = start[:, None], finish[:, None], status[:, None]
    planned = (w >= s) & (w <= f)
    span = ((f - s).astype("int64") // 7 + 1)
    pct = np.nan_to_num(tasks["percent_complete"].to_numpy(dtype=float))[:, None]
    done_weeks = done_share(pct, span)
    done = planned & (((w - s).astype("int64") // 7) < done_weeks)
    late = (tasks["overdue"].to_numpy(dtype=bool)[:, None] & (w > f) & (w <= d))
    codes = np.select([done, late, planned, w == d], [2, 3, 1, 4], 0)
    return weeks, codes


def done_share(pct: np.ndarray, span: np.ndarray) -> np.ndarray:
    """How many of a bar's ``span`` weeks are drawn done at ``pct`` complete: the nearest
    whole number of weeks, but a task begun and not complete on a bar of two weeks or more
    shows at least one week done and at least one not (80 % of three weeks is two dark
    weeks, not the whole bar a finished task has)."""
    weeks = np.floor(pct * span + 0.5)
    partial = (pct > 0) & (pct < 1) & (span >= 2)
    return np.where(partial, np.clip(weeks, 1, np.maximum(span - 1, 1)), weeks)


def week_labels(weeks: np.ndarray) -> list[str]:
    """Each week's header, its Monday as MM-DD; when the weeks run over more than one year,
    the first week and the first of each new year say their year too (YYYY-MM-DD), so that a
    12-07 of one year is not read as another's."""
    days = pd.DatetimeIndex(weeks)
    labels = days.strftime("%m-%d").tolist()
    if len(days) and days[0].year != days[-1].year:
        new_year = np.r_[True, days.year[1:] != days.year[:-1]]
        for n in np.flatnonzero(new_year).tolist():
            labels[n] = days[n].strftime("%Y-%m-%d")
    return labels


#: The status week's mark in every task's row (over its bar, which keeps its colour), and
#: before its header.
MARK, HEAD = "│", "▼"


def _mark_status_week(out: SheetOut, weeks: np.ndarray, status: np.ndarray) -> bool:
    """Put :data:`MARK` in each task's status-date week and :data:`HEAD` before that week's
    header (when every task has the same status week); True when the header is marked."""
    at = np.searchsorted(weeks, status)
    shown = (at < len(weeks)) & (weeks[np.minimum(at, len(weeks) - 1)] == status) \
        if len(weeks) else np.zeros(len(status), dtype=bool)
    for row, col in zip(out.rows, np.where(shown, at + len(COLUMNS), -1).tolist()):
        if col >= 0:
            row.extend([None] * (col - len(row)))
            row.append(MARK)
    if shown.all() and len(set(at.tolist())) == 1 and len(status):
        col = len(COLUMNS) + int(at[0])
        out.headers[col] = HEAD + out.headers[col]
        out.widths[col] += 2  # room for the mark
        return True
    return False


def gantt_sheet(result: ProjectResult, lang: str) -> SheetOut:
    """Task columns, then one narrow column per week (header: the Monday, MM-DD)."""
    # the files in the order read (as on the Status sheet), projects and WBS codes in the
    # order people number them: P-2 before P-10, 1.2 before 1.10
    t = result.tasks
    read = {name: n for n, name in enumerate(result.config.index)}
    tasks = t.assign(file_order=t["source"].map(read), pid_order=number_order(t["project_id"]),
                     wbs_order=number_order(t["task_id"])).sort_values(
        ["file_order", "pid_order", "planned_start", "wbs_order"], kind="stable")
    weeks, codes = grid(tasks)
    frame = tasks.assign(task_name=tasks["name"])
    name = pick(OUTPUTS["gantt"], lang)
    span = f"{weeks[0]} – {weeks[-1] + 6}" if len(weeks) else ""
    when = as_of(result.counted, lang)  # the status week is marked: its day is said
    title = ((f"甘特图（按周，{span}；{when}）" if span else "甘特图") if lang == "zh" else
             f"Gantt chart by week, {span}; {when}" if span else "Gantt chart")
    out = table(name, title, frame, COLUMNS, lang, key_columns=3)
    labels = week_labels(weeks)
    out.headers += labels
    out.formats += [""] * len(labels)
    out.widths += [5 if len(label) == 5 else 10 for label in labels]
    # the week cells hold no value, only fills: rows stop at the task columns
    colours = np.array([None, PLANNED, DONE, LATE, TODAY], dtype=object)  # by code
    rows, cols = np.nonzero(codes)
    out.fills.update(zip(zip(rows.tolist(), (cols + len(COLUMNS)).tolist()),
                         colours[codes[rows, cols]].tolist()))
    headed = _mark_status_week(out, weeks, _monday(tasks["status_date"])) or tasks.empty
    out.empty = "没有任务。" if lang == "zh" else "No tasks."
    # the header is marked only when every task has one status week (trackers' status
    # dates may differ): the note says which
    if lang == "zh":
        head = (f"（表头标有“{HEAD}”）" if headed else
                "（各文件状态日期不同，各行分别标出，表头不标）")
    else:
        head = (f" (its header marked '{HEAD}')" if headed else " (the files' status dates "
                "differ: marked in each task's row, not in the header)")
    out.notes = (["浅蓝：计划工期；深蓝：已完成部分（按完成百分比）；红：超过计划完成日期仍未完成；"
                  f"黄色与“{MARK}”：状态日期所在周{head}。"] if lang == "zh" else
                 ["Light blue: planned; dark blue: the share done (% complete); red: past the "
                  f"planned finish and not complete; yellow and '{MARK}': the week of the status "
                  f"date{head}."])
    undated = tasks[tasks["planned_start"].isna() | tasks["planned_finish"].isna()]
    if len(undated):  # said, not a row left blank without a word
        named = undated["task_id"].astype(str)
        if tasks["project_id"].nunique() > 1:  # a WBS code is one project's: said with it
            named = undated["project_id"].astype(str) + " " + named
        ids = ("、" if lang == "zh" else ", ").join(named)
        out.notes.append(f"{len(undated)} 项任务缺少计划日期，没有条形（{ids}）。" if lang == "zh"
                         else f"{len(undated)} task(s) without planned dates have no bar ({ids}).")
    whole = len(all_weeks(tasks)) if len(weeks) == MAX_WEEKS else 0
    if whole > MAX_WEEKS:
        out.notes.append(_cut_note(weeks, whole, codes, lang))
    return out


def _cut_note(weeks: np.ndarray, span: int, codes: np.ndarray, lang: str) -> str:
    """What a chart cut to :data:`MAX_WEEKS` weeks leaves out (said, not silently dropped):
    the weeks of the whole plan and the tasks with no bar in the weeks drawn."""
    drawn = f"{weeks[0]} – {weeks[-1] + 6}"
    barless = int((~np.isin(codes, (1, 2, 3)).any(axis=1)).sum())
    if lang == "zh":
        return (f"图表本应跨 {span} 周，仅绘制状态日期前后的 {MAX_WEEKS} 周（{drawn}）"
                + (f"；{barless} 项任务不在其中，没有条形。" if barless else "。"))
    return (f"The chart would span {span} weeks; only the {MAX_WEEKS} weeks around the status date "
            f"are drawn ({drawn})" + (f"; {barless} task(s) fall outside them and have no "
                                      "bar." if barless else "."))
