"""Employee IDs as the Employees sheet writes them: ``e-2`` typed in lower case (or ``Ｅ-2``
in full width, ``e - 2`` spaced) on Clock is the employee ``E-2``, and ``7`` typed as a number
(Excel drops the zeros of ``007``) is the employee ``007``, each when no other ID is
written alike."""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from opsbook.core.book import Book
from opsbook.core.headers import normalize
from opsbook.core.parse import folded

#: The sheets whose rows name an employee by ID.
NAMING = ("Clock", "Leave", "Overtime", "Punches")


def _unique(keys: pd.Series, known: pd.Series) -> pd.Series:
    """Key → the one known ID that has it (keys that several IDs have are left out)."""
    single = ~keys.duplicated(keep=False)
    return pd.Series(known[single].to_numpy(), index=keys[single].to_numpy())


def by_digits(ids: pd.Series, known: pd.Series) -> pd.Series:
    """``ids`` with each one not among ``known`` replaced by the known ID it is written like,
    when exactly one known ID is: the same once case, full width, spaces and invisible
    characters are folded (``e-2`` is ``E-2``), else the same digits once leading zeros are
    dropped (``7``, ``007`` and ``0007`` alike); others are kept as they are."""
    known = known.dropna().astype(str).drop_duplicates().reset_index(drop=True)
    out = ids.astype(object).copy()
    left = np.flatnonzero((ids.notna() & ~ids.astype(str).isin(known)).to_numpy())
    for key, lookup in ((folded, _unique(known.map(folded), known)),
                        (lambda text: text.lstrip("0"),
                         _unique(known.str.lstrip("0"), known))):
        if not len(left):
            break
        found = out.iloc[left].astype(str).map(key).map(lookup)
        hit = found.notna().to_numpy()
        out.iloc[left[hit]] = found[hit].to_numpy(dtype=object)
        left = left[~hit]  # the rest, for the next rule
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


def across_books(books: Sequence[Book]) -> None:
    """An employee a later workbook lists under an ID written otherwise than an earlier one
    does — ``7`` (a number Excel stripped of its zeros) for ``007``, ``e-2`` for ``E-2`` — by
    the same name (or without one) is given the earlier workbook's ID on every sheet of the
    later one, by the rule of :func:`by_digits`, so that the two listings are one employee
    summarised once, not two people who each worked half of the month."""
    earlier: list[pd.DataFrame] = []
    for book in books:
        table = book.tables.get("Employees")
        if table is None or "employee_id" not in table.frame:
            continue
        frame = table.frame
        names = frame["name"] if "name" in frame else pd.Series(None, index=frame.index)
        mine = pd.DataFrame({"employee_id": frame["employee_id"].to_numpy(dtype=object),
                             "name": names.map(_name).to_numpy(dtype=object)})
        mine = mine[mine["employee_id"].notna()]
        if earlier:
            known = pd.concat(earlier, ignore_index=True).drop_duplicates("employee_id")
            said = dict(zip(known["employee_id"].astype(str), known["name"]))
            ids = mine["employee_id"].astype(str)
            mapped = by_digits(ids, known["employee_id"]).astype(str)
            own = set(ids)  # an ID this workbook lists too is someone of its own
            alike = {old: new for old, new, name in zip(ids, mapped, mine["name"])
                     if old != new and new not in own
                     and (name is None or said.get(new) is None or name == said.get(new))}
            _rename(book, alike)
            mine = mine.assign(employee_id=ids.replace(alike).to_numpy(dtype=object))
        earlier.append(mine)


def _name(value: object) -> str | None:
    """A name as two listings of one person compare."""
    return None if value is None or pd.isna(value) else normalize(value) or None


def _rename(book: Book, changes: dict[str, str]) -> None:
    """Write the IDs of ``changes`` (old → new) anew on every sheet of ``book`` that names
    employees by ID."""
    if not changes:
        return
    for sheet in ("Employees", *NAMING):
        table = book.tables.get(sheet)
        if table is None or "employee_id" not in table.frame or not len(table.frame):
            continue
        ids = table.frame["employee_id"]
        text = ids.astype(str)
        table.frame["employee_id"] = np.where(text.isin(changes), text.map(changes), ids)
