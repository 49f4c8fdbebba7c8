"""Punches matched to employees: by ID (numbers and zero-padded text alike), else by name,
with a located error for a name that matches no one or several. Names are compared with
full width, case and spaces folded (:func:`name_key`)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from opsbook.attendance.ids import by_digits
from opsbook.attendance.punch_cells import employee_key
from opsbook.attendance.punches import PunchLog
from opsbook.core.cells import a1
from opsbook.core.issues import Issue


def name_key(value: object) -> str | None:
    """A name as names are compared: full width, case and spaces folded, so that 王 五 (a
    two-character name spaced to line up with three-character ones), 王五 and ｗａｎｇ ｗｕ /
    Wang Wu are each one name as an app and an HR sheet may write it; blank gives None."""
    text = employee_key(value)
    return None if text is None else re.sub(r"\s+", "", text).casefold() or None


def _keys(names: pd.Series) -> pd.Series:
    """:func:`name_key` of each name, worked out once per distinct name."""
    keys = {name: name_key(name) for name in names.dropna().unique()}
    return names.map(keys)


def _by_department(rows: pd.DataFrame, keys: pd.Series, employees: pd.DataFrame,
                   several: np.ndarray) -> np.ndarray:
    """For the ``rows`` whose name is ``several`` employees': the one employee of that name
    in the row's department (an export's 部门, compared as names are), else None."""
    told = np.full(len(rows), None, dtype=object)
    if not several.any():
        return told
    staff = pd.DataFrame({"key": _keys(employees["name"]).to_numpy(dtype=object),
                          "team": _keys(employees["department"]).to_numpy(dtype=object),
                          "employee_id": employees["employee_id"].to_numpy(dtype=object)})
    pairs = staff.dropna().groupby(["key", "team"])["employee_id"].agg(["nunique", "first"])
    asked = pd.MultiIndex.from_arrays([keys.to_numpy(dtype=object)[several],
                                       _keys(rows["department"]).to_numpy(dtype=object)[several]])
    found = pairs.reindex(asked)
    told[several] = np.where(found["nunique"].eq(1).to_numpy(),
                             found["first"].to_numpy(dtype=object), None)
    return told


def match_employees(log: PunchLog, employees: pd.DataFrame) -> PunchLog:
    """Give every punch an employee_id of ``employees``: by id (``1001`` and ``1001.0`` and
    ``001001`` match ``1001``, as the only id with those digits), else by name — a name
    several employees have, by name and the row's department (部门) when the export has
    one. A name that matches no one, or several even in its department, is reported at its
    first cell and its punches left out, and so is each row with neither ID nor name
    (``punch-without-employee``); an
    id that matches no one is kept (the summary lists it as an unknown employee), unless
    it is a device's or an app's own number (a User ID / AC-No. column and no 工号 column)
    and the row's name is one employee's — or no number of that column is anyone's ID and
    some of its names are employees': the export then has no ID, and every row with a name is
    found by it."""
    frame = log.frame.copy()
    has_id = frame["employee_id"].notna().to_numpy()
    ids = by_digits(frame["employee_id"], employees["employee_id"])
    # one person listed by two workbooks (two departments' files) is one match, not two
    people = pd.DataFrame({"key": _keys(employees["name"]).to_numpy(dtype=object),
                           "employee_id": employees["employee_id"].to_numpy(dtype=object)}
                          ).drop_duplicates()
    known = people["key"]
    counts = known.value_counts()
    first_id = (pd.Series(people["employee_id"].to_numpy(), index=known)
                .groupby(level=0).first())
    keys = _keys(frame["name"])
    by_name = ~has_id
    if "employee_id" not in log.columns and "machine_id" in log.columns:
        # a device's or an app's own number (ZKTeco AC-No., DingTalk UserId) that is no
        # employee's ID: the row's name says who it is, when it names exactly one employee
        stray = has_id & ~ids.isin(employees["employee_id"]).to_numpy()
        by_name = ~has_id | (stray & keys.map(counts).eq(1).to_numpy())
        if stray[has_id].all() and keys.map(counts).gt(0).any():
            # no number of the column is anyone's ID (WeCom 账号, DingTalk UserId) and the
            # names are the roster's: the export has no ID, every named row is found by name
            by_name = ~has_id | keys.notna().to_numpy()
    hits = keys[by_name].map(counts).fillna(0).to_numpy()
    ids[by_name] = np.where(hits == 1, keys[by_name].map(first_id).to_numpy(dtype=object), None)
    told = _by_department(frame[by_name], keys[by_name], employees, hits > 1)
    ids[by_name] = np.where(pd.notna(told), told, ids[by_name].to_numpy(dtype=object))
    hits = np.where(pd.notna(told), 1, hits)
    frame["employee_id"] = ids
    column = log.columns.get("name", 1)
    unmatched = by_name.copy()
    unmatched[by_name] = hits != 1
    bad = frame[unmatched].assign(key=keys[unmatched])
    for key, group in bad.groupby("key", sort=True):
        count = int(counts.get(key, 0))
        first = group.loc[group["row"].idxmin()]
        row, name = int(first["row"]), first["name"]
        named = [str(i) for i in people.loc[known.eq(key).to_numpy(), "employee_id"]]
        log.issues.append(Issue("ambiguous-punch-name" if count else "unknown-punch-name",
                                file=log.file, sheet=log.sheet, cell=a1(row, column), row=row,
                                field="name", value=name,
                                params={"expected": ", ".join(named),
                                        "expected_zh": "、".join(named)}))
    log.issues.extend(without_employee(log))
    log.frame = frame[frame["employee_id"].notna().to_numpy()].reset_index(drop=True)
    return log


def without_employee(log: PunchLog) -> list[Issue]:
    """``punch-without-employee`` at each row of punches with neither an ID nor a name (a
    blank cell, or one merged over nothing): whose they are cannot be told, so they are
    said, not dropped in silence."""
    frame = log.frame
    nobody = frame["employee_id"].isna().to_numpy() & _keys(frame["name"]).isna().to_numpy()
    who = log.columns.get("employee_id") or log.columns.get("machine_id") \
        or log.columns.get("name", 1)
    return [Issue("punch-without-employee", file=log.file, sheet=log.sheet, cell=a1(row, who),
                  row=row, field="employee_id")
            for row in sorted(set(frame.loc[nobody, "row"].astype(int)))]
