"""Where a sheet the buttons write goes: over an earlier run's sheet of the same name, never
over a sheet of the user's that happens to bear it (a "Status" or "Issues" sheet of their
own). Such a sheet is left as it is, and opsbook's goes beside it as "Status (opsbook)".

A sheet opsbook wrote is told by its layout: the title in A1 and the header row in row 2,
the headers of the sheet about to be written (its first one, and at least half of them, in
place). Both ports (the file and a workbook open in Excel) are asked the same way.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from opsbook.core.output import BookPort, SheetOut

#: Added to the name of opsbook's sheet when the workbook has a sheet of the user's by it.
OWN_SUFFIX = " (opsbook)"
#: Excel's longest sheet name.
LONGEST = 31


def own_names(name: str, count: int = 9) -> list[str]:
    """``name`` and the names opsbook's sheet takes beside a sheet of the user's:
    "Status", "Status (opsbook)", "Status (opsbook 2)" … each cut to Excel's 31 letters."""
    names = [name]
    for n in range(1, count):
        suffix = OWN_SUFFIX if n == 1 else f" (opsbook {n})"
        names.append(name[:LONGEST - len(suffix)] + suffix)
    return names


def _present(names: list[str], name: str) -> str | None:
    """The workbook's own spelling of sheet ``name`` among its ``names`` (Excel ignores
    case), or None."""
    wanted = name.casefold()
    return next((n for n in names if n.casefold() == wanted), None)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def looks_written(rows: list[list[Any]], headers: list[str]) -> bool:
    """Whether a sheet's values are those of a sheet opsbook wrote with ``headers`` (title
    in A1, headers in row 2), or hold nothing at all (nothing to lose)."""
    if not any(_text(v) for row in rows for v in row):
        return True
    if len(rows) < 2 or not headers:
        return False
    row = [_text(v) for v in rows[1]]
    if not row or row[0] != headers[0]:
        return False
    same = sum(1 for n, header in enumerate(headers) if n < len(row) and row[n] == header)
    return 2 * same >= len(headers)


def ours(port: BookPort, name: str, headers: list[str]) -> list[str]:
    """The sheets of the workbook that are opsbook's for ``name`` (it, or it placed beside a
    user's sheet), as the workbook spells them: the ones a new run replaces."""
    names = port.sheet_names()
    found = [_present(names, n) for n in own_names(name)]
    return [n for n in found if n is not None and looks_written(port.values(n), headers)]


def place(port: BookPort, out: SheetOut) -> SheetOut:
    """``out`` under the first of :func:`own_names` that holds no sheet of the user's: its
    own name, unless the workbook has a sheet of the user's by it."""
    names = port.sheet_names()
    for name in own_names(out.name):
        present = _present(names, name)
        if present is None or looks_written(port.values(present), out.headers):
            return out if name == out.name else dataclasses.replace(out, name=present or name)
    raise ValueError(f"the sheets {', '.join(own_names(out.name))} are all the user's")
