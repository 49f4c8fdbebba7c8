"""Rows that hold no data although they are not blank: a totals row people add under a
table (合计, Total), the header repeated further down (a printed report's, over each page
or section), and a row holding nothing but the defaults of drop-down columns (a row
the template pre-filled, or one whose data was deleted but not its 越高越好 / 中)."""

from __future__ import annotations

import unicodedata
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from opsbook.core.cellvalues import blank_token
from opsbook.core.headers import NOISE, choice_key, header_field, header_lookup, normalize
from opsbook.core.issues import Issue

if TYPE_CHECKING:
    from opsbook.core.table import Layout

#: What a totals row says in its first cell (compared normalized: spaces, full width, case);
#: 汇总 is what Excel and WPS in Chinese write in a table's total row.
TOTAL_WORDS = frozenset(normalize(w) for w in (
    "合计", "总计", "小计", "共计", "汇总", "Total", "Totals", "Subtotal", "Sub-total",
    "Grand Total", "Sum"))
#: The first letters of the total words once normalized (總 is 总 and 匯 is 汇 before
#: simplification): a cheap test made before the full comparison.
TOTAL_FIRSTS = frozenset(w[0] for w in TOTAL_WORDS) | {"總", "匯"}
#: A cell longer than this is no total word.
LONGEST_WORD = 16
#: How many leading columns may hold a totals row's word (its first non-blank cell).
TOTAL_COLUMNS = 3


def _first_letter(text: str) -> str:
    """The first letter of ``text`` as :func:`~opsbook.core.headers.normalize` would begin
    (full width folded, marks and spaces skipped, lower case), before simplification; a
    text that begins with an ASCII letter or digit (an ID) is told by it at once (a mark
    after it may make another letter of it: a first letter to look closer at, never one
    of the total words' passed over)."""
    if text[:1].isascii() and text[:1].isalnum():
        return text[0].lower()
    return NOISE.sub("", unicodedata.normalize("NFKC", text))[:1].lower()


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
                 and _first_letter(v) in TOTAL_FIRSTS
                 and normalize(v.rstrip(":：")) in TOTAL_WORDS}  # once per distinct value
        if not words:
            continue
        for n, value in enumerate(cells):
            if value in words and n not in drop:
                word = _totals_word(layout.data[n])
                if word is not None:
                    drop[n] = word
    for n in _header_again(layout):
        drop.setdefault(n, "")
    defaults = _defaults(layout)
    if defaults:
        for n in _defaults_only(layout.data, defaults):
            drop.setdefault(n, None)
    if not drop:
        return
    for n, word in sorted(drop.items()):
        if word is not None:
            row = layout.rows[n]
            layout.issues.append(Issue("totals-row", "info", layout.file, layout.raw.name,
                                       row=row, value=word) if word else
                                 Issue("repeated-header", "info", layout.file,
                                       layout.raw.name, f"A{row}", row))
    keep = [n for n in range(len(layout.rows)) if n not in drop]
    layout.rows = [layout.rows[n] for n in keep]
    layout.data = [layout.data[n] for n in keep]


def _header_again(layout: Layout) -> list[int]:
    """The data rows that repeat the header: every field column it fills names that
    column's field (as its header does, in either language), at least two of them, the
    first field column among them, and any other column it fills holds that column's header
    (a task called "Task" with its dates is data). Only rows whose every filled cell is
    text are looked at (a row of data nearly always holds a number or a date); then one
    column at a time, the one of fewest distinct values first, each distinct value once, so
    that a sheet of text alone (a Review sheet of 10,000 item IDs and their departments)
    costs a look-up per department it names, not one per item."""
    columns = {col - 1: fid for fid, col in layout.table.columns.items()}
    if len(columns) < 2:
        return []
    data, first = layout.data, min(columns)
    rows = [n for n, row in enumerate(data)
            if first < len(row) and type(row[first]) is str and _all_text(row)]
    if not rows:
        return []
    lookup = header_lookup(layout.table.spec)
    extras = {col - 1: normalize(text) for text, col in layout.table.extras.items()}

    def cells(c: int) -> list[Any]:
        return [data[n][c] if c < len(data[n]) else "" for n in rows]

    def names(c: int, value: str) -> bool:  # what the header of column c is
        if c in columns:
            return header_field(value, lookup) == columns[c]
        return c in extras and normalize(value) == extras[c]

    width = max(len(data[n]) for n in rows)
    unheaded = [c for c in range(width) if c not in columns and c not in extras]
    headed = sorted([*columns, *extras], key=lambda c: len(set(cells(c))))
    for c in unheaded + headed:  # a cell under no header is never a header's: first
        judged: dict[Any, bool] = {}
        kept = []
        for n, value in zip(rows, cells(c)):
            if value in ("", None):
                if c != first:  # a column left blank; the first field's is filled
                    kept.append(n)
                continue
            said = judged.get(value)
            if said is None:
                said = judged[value] = names(c, value)
            if said:
                kept.append(n)
        if not kept:
            return []
        rows = kept
    return rows


#: The types of the cells a row of text may hold besides text: empty ones.
_TEXT_ROW = frozenset({str, type(None)})


def _all_text(row: list[Any]) -> bool:
    """Whether every filled cell of a row holds text (its types taken in C)."""
    return set(map(type, row)) <= _TEXT_ROW


def _defaults_only(data: list[list[Any]], defaults: dict[int, frozenset[str]]) -> list[int]:
    """The rows of ``data`` whose every filled cell is its column's default (blank words
    aside). Column by column, each distinct value is judged once and only the rows still in
    the running are looked at: most rows leave at their first column (an id is no
    default)."""
    running = list(range(len(data)))
    width = max(map(len, data), default=0)
    for col in range(width):
        if not running:
            break
        allowed = defaults.get(col, frozenset())
        cells = [data[n][col] if col < len(data[n]) else "" for n in running]
        other = {v for v in set(cells) if v not in ("", None) and not blank_token(v)
                 and not (allowed and choice_key(v) in allowed)}
        if other:
            running = [n for n, v in zip(running, cells) if v not in other]
    return running


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
        out[layout.table.columns[f.id] - 1] = frozenset(choice_key(t) for t in texts)
    return out
