"""Deviations and their corrective actions.

A deviation is a project in amber or red, or a task past its planned finish (before the
status date) and not complete. Each is matched with the open corrective actions of the
Actions sheet: a task's by project and WBS, a project's by project with the WBS left blank.
A deviation with no open action is ``no-action`` (its owner is the one to chase); one whose
open actions name no owner is ``no-owner`` (an action nobody carries corrects nothing); an
open action whose due date is before the status date is ``action-overdue``, also when the
deviation it was for is gone.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.project.risks import number_order

KEY = ["source", "project_id"]
#: States of a deviation that no corrective action covers.
UNCOVERED = ("no-action", "no-owner")
COLUMNS = ["source", "project_id", "project_name", "task_id", "task_name", "kind", "rag",
           "spi", "cpi", "planned_finish", "percent_complete", "days_late", "owner",
           "action_id", "action", "action_owner", "due", "state", "status_date"]


def _open_actions(actions: pd.DataFrame, status: pd.DataFrame) -> pd.DataFrame:
    a = actions[actions["status"].fillna("open").ne("closed")].copy()
    a = a.merge(status[[*KEY, "status_date"]], on=KEY)
    a["task_id"] = a["task_id"].fillna("")
    a["late"] = a["due"] < a["status_date"]
    # by action ID as people number them (A-2 before A-10): a deviation's actions are listed
    # in one order, whatever the order of the rows
    return a.iloc[np.argsort(number_order(a["action_id"]).to_numpy(dtype=str), kind="stable")]


def _summarise(actions: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Open actions folded per key: ids and texts joined, owners once each, earliest due."""
    text = actions.assign(action=actions["action"].fillna(""),
                          owner=actions["owner"].fillna(""))
    return text.groupby(by, sort=False).agg(
        action_id=("action_id", ", ".join), action=("action", lambda s: "; ".join(filter(None, s))),
        action_owner=("owner", lambda s: ", ".join(dict.fromkeys(filter(None, s)))),
        due=("due", "min"), late=("late", "any")).reset_index()


def find(status: pd.DataFrame, tasks: pd.DataFrame, actions: pd.DataFrame,
         config: pd.DataFrame) -> pd.DataFrame:
    """Every deviation with its matching open actions (columns ``COLUMNS``); ``state`` is
    ``covered``, ``no-action``, ``no-owner`` or ``action-overdue``; ``kind`` is ``project-amber``,
    ``project-red``, ``task-late`` or ``action-overdue`` (an overdue action whose deviation
    is no longer there)."""
    names = status[[*KEY, "name", "owner"]].rename(columns={"name": "project_name",
                                                            "owner": "project_owner"})
    projects = status[status["rag"].isin(["amber", "red"])]
    projects = projects.assign(kind="project-" + projects["rag"], task_id="", task_name="",
                               days_late=0, project_name=projects["name"])
    late = tasks[tasks["overdue"]].merge(names, on=KEY)
    late = late.assign(kind="task-late", task_name=late["name"],
                       owner=late["owner"].fillna(late["project_owner"]))
    open_actions = _open_actions(actions, status)
    by_task = _summarise(open_actions[open_actions["task_id"] != ""], [*KEY, "task_id"])
    late = late.merge(by_task, on=[*KEY, "task_id"], how="left")
    by_project = _summarise(open_actions[open_actions["task_id"] == ""], KEY)
    projects = projects.merge(by_project, on=KEY, how="left")
    found = pd.concat([projects.reindex(columns=[*COLUMNS, "late"]),
                       late.reindex(columns=[*COLUMNS, "late"])], ignore_index=True)
    stale = _stale(open_actions, names, found,
                   tasks[[*KEY, "task_id", "name"]].rename(columns={"name": "task_name"}))
    found = pd.concat([found, stale], ignore_index=True) if len(stale) else found
    has_action = found["action_id"].fillna("").ne("")
    no_owner = has_action & found["action_owner"].fillna("").eq("")
    found["state"] = np.select(
        [~has_action, no_owner & found["kind"].ne("action-overdue"),
         found["late"].fillna(False).astype(bool)],
        ["no-action", "no-owner", "action-overdue"], "covered")
    found["days_late"] = found["days_late"].where(found["kind"].eq("task-late"))
    return found[COLUMNS].reset_index(drop=True)


def _stale(open_actions: pd.DataFrame, names: pd.DataFrame, found: pd.DataFrame,
           task_names: pd.DataFrame) -> pd.DataFrame:
    """Overdue open actions that no current deviation matched, with the name of the task
    their WBS is (blank for a project's action, or a WBS no task of the project has)."""
    matched = found[[*KEY, "action_id"]].dropna()
    matched = matched.assign(action_id=matched["action_id"].str.split(", ")).explode(
        "action_id").drop_duplicates()
    late = open_actions[open_actions["late"]].merge(matched, on=[*KEY, "action_id"],
                                                    how="left", indicator=True)
    late = late[late["_merge"] == "left_only"].drop(columns="_merge").merge(names, on=KEY)
    late = late.merge(task_names.drop_duplicates([*KEY, "task_id"]), on=[*KEY, "task_id"],
                      how="left")
    return late.assign(kind="action-overdue", task_name=late["task_name"].fillna(""),
                       action_owner=late["owner"],
                       owner=late["owner"].fillna(late["project_owner"]),
                       days_late=0).reindex(columns=[*COLUMNS, "late"])


def covered(found: pd.DataFrame) -> pd.DataFrame:
    """Per project: ``deviations_covered`` (no deviation without an open action) and
    ``deviation_count``."""
    real = found[found["kind"] != "action-overdue"]
    return real.assign(missing=real["state"].isin(UNCOVERED)).groupby(KEY).agg(
        deviation_count=("kind", "size"), deviations_covered=("missing", lambda s: not s.any())
    ).reset_index()
