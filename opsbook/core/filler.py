"""Rows that hold no data although they are not blank: a totals row people add under a
table (合计, Total), and a row holding nothing but the defaults of drop-down columns (a row
the template pre-filled, or one whose data was deleted but not its 越高越好 / 中)."""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any

from opsbook.core.cellvalues import BLANKS
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue

if TYPE_CHECKING:
    from opsbook.core.table import Layout

#: What a totals row says in its first cell (compared normalized: spaces, full width, case).
TOTAL_WORDS = frozenset(normalize(w) for w in (
    "合计", "总计", "小计", "共计", "Total", "Totals", "Subtotal", "Sub-total", "Grand Total",
    "Sum"))
#: A cell longer than this is no total word.
LONGEST_WORD = 16
#: How many leading columns may hold a totals row's word (its first non-blank cell).
TOTAL_COLUMNS = 3


def _totals_word(row: list[Any]) -> str | None:
    """The word that makes ``row`` a totals row, or None: its first non-blank cell says
    合计 / Total …, and every other cell it fills holds a number (a task named "Total" with
    dates and an owner is data)."""
    filled = [v for v in row if v not in ("", None)]
    if not filled or not isinstance(filled[0], str) or normalize(filled[0].rstrip(":：")) \
            not in TOTAL_WORDS:
        return None
    rest = filled[1:]
    if any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in rest):
        return None
    return filled[0].strip()


def drop_filler(layout: Layout) -> None:
    """Take the totals rows (an info ``totals-row`` each) and the rows of nothing but
    drop-down defaults (silently: they are blank rows) out of ``layout``'s data rows."""
    if not layout.data:
        return
    drop: dict[int, str | None] = {}
    for col in range(min(TOTAL_COLUMNS, len(layout.data[0]))):
        cells = list(map(itemgetter(col), layout.data))
        words = {v for v in set(cells) if isinstance(v, str) and len(v) <= LONGEST_WORD
                 and normalize(v.rstrip(":：")) in TOTAL_WORDS}  # once per distinct value
        if not words:
            continue
        for n, value in enumerate(cells):
            if value in words and n not in drop:
                word = _totals_word(layout.data[n])
                if word is not None:
                    drop[n] = word
    defaults = _defaults(layout)
    if defaults:
        most = len(defaults)
        for n, row in enumerate(layout.data):
            if n in drop:
                continue
            filled = [(col, v) for col, v in enumerate(row)
                      if v not in ("", None) and not _blank_word(v)]
            if len(filled) <= most and all(normalize(str(v)) in defaults.get(col, ())
                                           for col, v in filled):
                drop[n] = None
    if not drop:
        return
    for n, word in sorted(drop.items()):
        if word is not None:
            layout.issues.append(Issue("totals-row", "info", layout.file, layout.raw.name,
                                       row=layout.rows[n], value=word))
    keep = [n for n in range(len(layout.rows)) if n not in drop]
    layout.rows = [layout.rows[n] for n in keep]
    layout.data = [layout.data[n] for n in keep]


def _blank_word(value: Any) -> bool:
    """A cell holding a token that means blank (N/A, -, 无)."""
    return isinstance(value, str) and value.strip().lower() in BLANKS


def _defaults(layout: Layout) -> dict[int, frozenset[str]]:
    """0-based column → the normalized texts of its field's default (value, labels,
    aliases), for the choice fields with a default found in the sheet."""
    out = {}
    for f in layout.table.spec.fields:
        if f.default is None or f.id not in layout.table.columns:
            continue
        texts = {f.default}
        for choice in f.choices:
            if choice.value == f.default:
                texts.update((choice.en, choice.zh, *choice.aliases))
        out[layout.table.columns[f.id] - 1] = frozenset(normalize(t) for t in texts)
    return out
