"""Project rules across rows and sheets: dates in order, tasks unique within a project,
thresholds in order, task progress that agrees with its actual dates, actions on a task of
their own project."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

import numpy as np
import pandas as pd

from opsbook.core.book import Book
from opsbook.core.group import Group, over_books
from opsbook.core.issues import Issue
from opsbook.core.rules import date_order, references, repeats
from opsbook.project.settings import FIRST_STATUS_DATE, LAST_STATUS_DATE


@over_books
def dates_in_order(group: Group) -> Iterator[tuple[int, Issue]]:
    yield from date_order(group, "Projects", "start", "finish")
    yield from date_order(group, "Tasks", "planned_start", "planned_finish")
    yield from date_order(group, "Tasks", "actual_start", "actual_finish")


@over_books
def tasks_unique(group: Group) -> Iterator[tuple[int, Issue]]:
    """A WBS code appears once within its project."""
    yield from repeats(group, "Tasks", "task_id", key=("project_id",))


def thresholds_in_order(book: Book) -> Iterator[Issue]:
    """An amber threshold above its green one makes no colour rule: an error at the amber
    setting."""
    s = book.settings
    for index in ("spi", "cpi"):
        green, amber = getattr(s, f"{index}_green"), getattr(s, f"{index}_amber")
        if amber > green:
            yield book.setting_issue(f"{index}_amber", amber,
                                     f"must not be above {index}_green ({green:g}).",
                                     f"不能高于 {index}_green（{green:g}）。")


def status_date_in_range(book: Book) -> Iterator[Issue]:
    """A status date set outside :data:`~opsbook.project.settings.FIRST_STATUS_DATE` …
    :data:`~opsbook.project.settings.LAST_STATUS_DATE` (9999-12-31, 1800-01-01): an error
    at the setting, said in both languages."""
    day = book.settings.status_date
    if day is not None and not FIRST_STATUS_DATE <= day <= LAST_STATUS_DATE:
        yield book.setting_issue(
            "status_date", day,
            f"{day.isoformat()} is no status date: it must be from {FIRST_STATUS_DATE} to "
            f"{LAST_STATUS_DATE}.",
            f"{day.isoformat()} 不能作为状态日期，应在 {FIRST_STATUS_DATE} 至 "
            f"{LAST_STATUS_DATE} 之间。")


def status_date_time(book: Book) -> Iterator[Issue]:
    """A ``status-date-time`` info issue at the ``status_date`` setting typed with a time of
    day (a date-time cell, =NOW(), "2026-10-15 14:30"): the day is used, the whole of it
    counted as elapsed, and the time is not — said, never dropped silently."""
    day, time = book.settings.status_date, book.settings.status_time
    if time is not None and day is not None and FIRST_STATUS_DATE <= day <= LAST_STATUS_DATE:
        yield Issue("status-date-time", "info", value=time,
                    params={"date": day.isoformat(), "time": time},
                    **book.setting_where("status_date"))


@over_books
def progress_agrees(group: Group) -> Iterator[tuple[int, Issue]]:
    """Warnings on a task whose actual finish is given while it is less than 100 % complete,
    and on an actual start or finish after the status date of Settings (when it gives one:
    a check that does not depend on the day it is run). Run once over the trackers read
    together (pandas' fixed cost per call would otherwise be paid for each)."""
    tasks = group.frame("Tasks")
    if tasks.empty:
        return
    pct = pd.to_numeric(tasks["percent_complete"], errors="coerce").to_numpy(dtype=float)
    finish = pd.to_datetime(tasks["actual_finish"], errors="coerce")
    for pos in np.flatnonzero(finish.notna().to_numpy() & ~np.isnan(pct) & (pct < 1)):
        k, where = group.where(tasks, pos, "Tasks", "percent_complete")
        yield k, Issue("task-finished-incomplete", "warning", value=f"{pct[pos] * 100:.10g}%",
                       params={"finish": finish.iat[pos].date().isoformat()}, **where)
    days = [d if d is not None and FIRST_STATUS_DATE <= d <= LAST_STATUS_DATE else None
            for d in (b.settings.status_date for b in group.books)]
    if any(d is not None for d in days):  # a date refused as no status date measures nothing
        status = pd.Series(pd.to_datetime(group.per_row("Tasks", days), errors="coerce"))
        for field in ("actual_start", "actual_finish"):
            got = pd.to_datetime(tasks[field], errors="coerce")
            for pos in np.flatnonzero((got > status.dt.normalize()).to_numpy()):
                k, where = group.where(tasks, pos, "Tasks", field)
                yield k, Issue("actual-after-status-date", "warning", value=got.iat[pos].date(),
                               params={"status_date": status.iat[pos].date().isoformat()},
                               **where)


def actual_after(book: Book, status_date: dt.date) -> Iterator[Issue]:
    """``actual-after-status-date`` warnings on the actual starts and finishes of the Tasks
    sheet that are later than ``status_date`` (the date the status is taken: the Settings
    one when validating, the run's own when ``project status --as-of`` gives one)."""
    if "Tasks" not in book:
        return
    tasks = book["Tasks"]
    status = pd.Timestamp(status_date).normalize()
    for field in ("actual_start", "actual_finish"):
        column = tasks[field]
        # a checked tracker's dates are a datetime column already: compared as they are, for
        # each of a folder's trackers, with no conversion (NaT is never later)
        days = column if pd.api.types.is_datetime64_dtype(column) else \
            pd.to_datetime(column, errors="coerce")
        later = np.flatnonzero(days.to_numpy() > status.to_datetime64())
        for pos in later:
            yield Issue("actual-after-status-date", "warning", value=days.iat[pos].date(),
                        params={"status_date": status.date().isoformat()},
                        **book.where("Tasks", field, int(days.index[pos])))


def action_task_in_project(book: Book) -> Iterator[Issue]:
    """A warning at an action's WBS that is a task of another project only: the action is
    matched by project and WBS, so it corrects no deviation (a WBS no task has at all is the
    ``unknown-reference`` warning already)."""
    if "Actions" not in book or "Tasks" not in book:
        return
    actions, tasks = book["Actions"], book["Tasks"]
    if actions.empty or tasks.empty:
        return
    # A tracker holds a few actions: plain sets and one pass over them cost far less than
    # pandas' fixed cost per call, paid again for every tracker of a folder.
    pairs = set(zip(tasks["project_id"], tasks["task_id"]))
    owners: dict[Any, dict[str, None]] = {}
    for pid, wbs in pairs:
        if pd.notna(pid) and pd.notna(wbs):
            owners.setdefault(wbs, {})[str(pid)] = None
    # an action of a project the tracker does not have is the unknown-reference error at
    # its Project ID already: its WBS is not said to belong to "another" project too
    known = set(book["Projects"]["project_id"]) if "Projects" in book else set()
    for row, pid, wbs in zip(actions.index, actions["project_id"], actions["task_id"]):
        if pd.notna(pid) and pd.notna(wbs) and wbs in owners and (pid, wbs) not in pairs \
                and pid in known:
            others = sorted(owners[wbs])
            yield Issue("action-task-other-project", "warning", value=wbs,
                        params={"project": pid, "others": ", ".join(others),
                                "others_zh": "、".join(others)},
                        **book.where("Actions", "task_id", int(row)))


def _stem(wbs: object) -> str:
    """A WBS code without its trailing zero levels: 3.0 is task 3 written so (a WBS numbered
    1.0, 2.0, 3.0 at its top level): it heads 3.1 and 3.2 as 3 does, and is no task under
    3; 1.2.0 is 1.2."""
    parts = str(wbs).split(".")
    while len(parts) > 1 and not parts[-1].strip("0"):
        parts.pop()
    return ".".join(parts)


def summary_tasks(book: Book) -> Iterator[Issue]:
    """A ``summary-task`` warning at the cost of a task whose WBS heads other tasks of its
    project (1 of 1.1 and 1.2, 2.3 of 2.3.1) and that has a planned or actual cost of its
    own: every row is counted, so a summary row's cost would count its tasks' work twice."""
    if "Tasks" not in book or book["Tasks"].empty:
        return
    tasks = book["Tasks"]
    # a tracker holds a few dozen tasks: plain dicts cost far less than pandas per call
    heads: dict[tuple[Any, str], list[str]] = {}
    for pid, wbs in zip(tasks["project_id"], tasks["task_id"]):
        if pd.notna(pid) and pd.notna(wbs):
            parts = _stem(wbs).split(".")
            for n in range(1, len(parts)):
                heads.setdefault((pid, ".".join(parts[:n])), []).append(str(wbs))
    if not heads:
        return
    for row, pid, wbs, planned, actual in zip(tasks.index, tasks["project_id"],
                                              tasks["task_id"], tasks["planned_cost"],
                                              tasks["actual_cost"]):
        subtasks = heads.get((pid, _stem(wbs))) if pd.notna(wbs) else None
        if not subtasks:
            continue
        field = "planned_cost" if pd.notna(planned) and planned > 0 else \
            "actual_cost" if pd.notna(actual) and actual > 0 else None
        if field:
            shown = subtasks[:5] + (["…"] if len(subtasks) > 5 else [])
            yield Issue("summary-task", "warning", value=wbs,
                        params={"subtasks": ", ".join(shown), "subtasks_zh": "、".join(shown)},
                        **book.where("Tasks", field, int(row)))


RULES = (references, dates_in_order, tasks_unique, thresholds_in_order, status_date_in_range,
         status_date_time, progress_agrees, action_task_in_project, summary_tasks)
