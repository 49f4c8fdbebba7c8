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


def match_employees(log: PunchLog, employees: pd.DataFrame) -> PunchLog:
    """Give every punch an employee_id of ``employees``: by id (``1001`` and ``1001.0`` and
    ``001001`` match ``1001``, as the only id with those digits), else by name. A name that
    matches no one or several is reported at its first cell and its punches left out; an
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
    log.frame = frame[frame["employee_id"].notna().to_numpy()].reset_index(drop=True)
    return log
