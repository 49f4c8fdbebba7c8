"""Phase gates: what each project's phase requires and what is missing.

initiation: a goal, a scope and an owner. planning: tasks, each with planned dates and a
planned cost. execution: an actual start on every task planned to have started by the status
date. monitoring: a corrective action for every deviation. closing: accepted, lessons
learned and archived all set (only then is the project done).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.project.deviations import UNCOVERED
from opsbook.project.risks import number_order

KEY = ["source", "project_id"]
#: What each phase requires, by code; the output layer words them.
REQUIRES = {
    "initiation": ("goal", "scope", "owner"),
    "planning": ("tasks", "task-dates", "task-costs"),
    "execution": ("actual-starts",),
    "monitoring": ("corrective-actions",),
    "closing": ("accepted", "lessons_learned", "archived"),
}


def _by_wbs(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in WBS order, as people number them (1.2 before 1.10; a blank WBS first):
    the codes a gate lists do not depend on the order of the rows."""
    order = number_order(frame["task_id"].fillna("").astype(str))
    return frame.iloc[np.argsort(order.to_numpy(dtype=str), kind="stable")]


def _ids(tasks: pd.DataFrame, mask: pd.Series, name: str) -> pd.Series:
    """The WBS codes of the tasks where mask holds, joined per project, in WBS order."""
    return _by_wbs(tasks[mask]).groupby(KEY)["task_id"].agg(", ".join).rename(name)


def _uncovered(found: pd.DataFrame) -> pd.Series:
    """Per project, the deviations no corrective action covers: "project" for the
    project's own amber or red, then the WBS codes in order."""
    real = _by_wbs(found[(found["kind"] != "action-overdue") & found["state"].isin(UNCOVERED)])
    what = real["task_id"].fillna("").astype(str).replace("", "project")
    return what.groupby([real["source"], real["project_id"]]).agg(
        lambda s: ", ".join(dict.fromkeys(s))).rename("deviations_uncovered")


def check(projects: pd.DataFrame, tasks: pd.DataFrame, status: pd.DataFrame,
          found: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per project: source, project_id, name, phase, ``missing`` (space-joined
    codes of what the phase lacks), the lists behind the codes (``tasks_without_dates``,
    ``tasks_without_cost``, ``tasks_not_started``: WBS codes; ``deviations_uncovered``: the
    deviations of ``found``, :func:`opsbook.project.deviations.find`'s frame, without a
    corrective action) and ``passed``."""
    no_dates = tasks["planned_start"].isna() | tasks["planned_finish"].isna()
    started_due = tasks["planned_start"] <= tasks["status_date"]
    lists = pd.concat([
        _ids(tasks, no_dates, "tasks_without_dates"),
        _ids(tasks, tasks["planned_cost"].isna(), "tasks_without_cost"),
        _ids(tasks, started_due & tasks["actual_start"].isna(), "tasks_not_started"),
        *([_uncovered(found)] if found is not None and len(found) else []),
    ], axis=1)
    g = projects[[*KEY, "name", "phase", "goal", "scope", "owner", "accepted",
                  "lessons_learned", "archived"]].join(lists, on=KEY)
    if "deviations_uncovered" not in g:
        g["deviations_uncovered"] = None
    g = g.merge(status[[*KEY, "task_count", "deviations_covered", "deviation_count"]],
                on=KEY, how="left")
    blank = {c: g[c].isna() | g[c].astype(str).str.strip().eq("") for c in
             ("goal", "scope", "owner")}
    lacking = {
        "goal": blank["goal"], "scope": blank["scope"], "owner": blank["owner"],
        "tasks": g["task_count"].fillna(0).eq(0),
        "task-dates": g["tasks_without_dates"].notna(),
        "task-costs": g["tasks_without_cost"].notna(),
        "actual-starts": g["tasks_not_started"].notna(),
        "corrective-actions": ~g["deviations_covered"].fillna(True).astype(bool),
        **{flag: ~g[flag].fillna(False).astype(bool)
           for flag in ("accepted", "lessons_learned", "archived")},
    }
    missing = pd.Series("", index=g.index, dtype=object)
    for phase, codes in REQUIRES.items():
        here = g["phase"].eq(phase).to_numpy()
        for code in codes:
            missing = missing + np.where(here & lacking[code].to_numpy(), code + " ", "")
    g["missing"] = missing.str.strip()
    g["passed"] = g["missing"].eq("")
    return g[[*KEY, "name", "phase", "missing", "tasks_without_dates", "tasks_without_cost",
              "tasks_not_started", "deviations_uncovered", "deviation_count", "passed"]]
