"""Where a finding comes from: its file, the sheet name as in the workbook and the A1 cell.

Findings carry the input number, the sheet id, the field id and the spreadsheet row; a
:class:`Source` per input says what those are called in its file. Vectorised: the column
letter is looked up once per (input, sheet, field).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from opsbook.core.cells import letter

if TYPE_CHECKING:
    from opsbook.core.book import Book


@dataclass(frozen=True)
class Source:
    """One input: its path and, per sheet id, the sheet's name and field id → column (1-based)."""

    path: str | None
    sheets: dict[str, tuple[str, dict[str, int]]] = field(default_factory=dict)

    @classmethod
    def of_book(cls, book: Book) -> Source:
        """The Source of a read ``opsbook.core.book.Book``."""
        return cls(book.path, {sid: (t.name, dict(t.columns)) for sid, t in book.tables.items()})


def locate(found: pd.DataFrame, sources: list[Source]) -> pd.DataFrame:
    """``file``, ``sheet_name`` and ``cell`` for every finding (blank where unknown)."""
    n = len(found)
    file = np.full(n, "", dtype=object)
    name = found["sheet"].astype(object).to_numpy().copy()
    cell = np.full(n, "", dtype=object)
    if n:
        keys = (found["source"].astype(str) + "|" + found["sheet"].astype(str) + "|"
                + found["field"].astype(str))
        codes, uniques = pd.factorize(keys)
        rows = found["row"].to_numpy(np.int64)
        for code, key in enumerate(uniques):
            source, sheet, field_id = key.split("|")
            at = codes == code
            where = sources[int(source)] if int(source) < len(sources) else Source(None)
            file[at] = where.path or ""
            sheet_name, columns = where.sheets.get(sheet, (sheet, {}))
            name[at] = sheet_name
            column = columns.get(field_id)
            if column:
                text = np.char.add(letter(column), rows[at].astype(str))
                cell[at] = np.where(rows[at] > 0, text, "")
    return pd.DataFrame({"file": file, "sheet_name": name, "cell": cell}, index=found.index)
