"""Employee IDs as the Employees sheet writes them: ``7`` typed as a number on Clock (Excel
drops the zeros of ``007``) is the employee ``007`` when no other ID has those digits."""

from __future__ import annotations

import pandas as pd

from opsbook.core.book import Book

#: The sheets whose rows name an employee by ID.
NAMING = ("Clock", "Leave", "Overtime", "Punches")


def by_digits(ids: pd.Series, known: pd.Series) -> pd.Series:
    """``ids`` with each one not among ``known`` replaced by the known ID of the same digits
    once leading zeros are dropped (``7``, ``007`` and ``0007`` alike), when exactly one
    known ID has them; others are kept as they are."""
    known = known.dropna().astype(str).drop_duplicates().reset_index(drop=True)
    stripped = known.str.lstrip("0")
    single = stripped[~stripped.duplicated(keep=False)]
    lookup = pd.Series(known[single.index].to_numpy(), index=single.to_numpy())
    out = ids.astype(object).copy()
    other = (ids.notna() & ~ids.astype(str).isin(known)).to_numpy()
    out[other] = out[other].astype(str).str.lstrip("0").map(lookup).fillna(out[other])
    return out


def employee_ids(book: Book) -> None:
    """Write each row's employee ID as its own workbook's Employees sheet does (see
    :func:`by_digits`), before the book is checked: a Clock row of ``7`` belongs to ``007``."""
    employees = book.tables.get("Employees")
    if employees is None or "employee_id" not in employees.frame:
        return
    known = employees.frame["employee_id"]
    for sheet in NAMING:
        table = book.tables.get(sheet)
        if table is not None and "employee_id" in table.frame and len(table.frame):
            table.frame["employee_id"] = by_digits(table.frame["employee_id"], known)
