"""Punches matched to employees: by ID (numbers and zero-padded text alike), else by name,
with a located error for a name that matches no one or several."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.attendance.ids import by_digits
from opsbook.attendance.punch_cells import employee_key
from opsbook.attendance.punches import PunchLog
from opsbook.core.cells import a1
from opsbook.core.issues import Issue


def match_employees(log: PunchLog, employees: pd.DataFrame) -> PunchLog:
    """Give every punch an employee_id of ``employees``: by id (``1001`` and ``1001.0`` and
    ``001001`` match ``1001``, as the only id with those digits), else by name. A name that
    matches no one or several is reported at its first cell and its punches left out; an
    id that matches no one is kept (the summary lists it as an unknown employee)."""
    frame = log.frame.copy()
    has_id = frame["employee_id"].notna().to_numpy()
    ids = by_digits(frame["employee_id"], employees["employee_id"])
    name_key = employees["name"].map(employee_key)
    counts = name_key.value_counts()
    first_id = (pd.Series(employees["employee_id"].to_numpy(), index=name_key)
                .groupby(level=0).first())
    by_name = ~has_id
    names = frame["name"]
    hits = names[by_name].map(counts).fillna(0).to_numpy()
    ids[by_name] = np.where(hits == 1, names[by_name].map(first_id).to_numpy(dtype=object), None)
    frame["employee_id"] = ids
    column = log.columns.get("name", 1)
    unmatched = by_name.copy()
    unmatched[by_name] = hits != 1
    bad = frame[unmatched]
    for name, group in bad.groupby("name", sort=True):
        count = int(counts.get(name, 0))
        row = int(group["row"].min())
        expected = ", ".join(map(str, employees.loc[name_key.eq(name).to_numpy(),
                                                    "employee_id"]))
        log.issues.append(Issue("ambiguous-punch-name" if count else "unknown-punch-name",
                                file=log.file, sheet=log.sheet, cell=a1(row, column), row=row,
                                field="name", value=name, params={"expected": expected}))
    log.frame = frame[frame["employee_id"].notna().to_numpy()].reset_index(drop=True)
    return log
