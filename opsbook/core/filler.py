"""Rows that hold no data although they are not blank: a totals row people add under a
table (合计, Total), and a row holding nothing but the defaults of drop-down columns (a row
the template pre-filled, or one whose data was deleted but not its 越高越好 / 中)."""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING

from opsbook.core.headers import normalize
from opsbook.core.issues import Issue

if TYPE_CHECKING:
    from opsbook.core.table import Layout

#: What a totals row says in one of its first cells, as typed (a quick C-level set match).
TOTAL_WORDS = frozenset(
    variant
    for word in ("合计", "总计", "小计", "共计", "合 计", "总 计", "Total", "Totals", "Subtotal",
                 "Sub-total", "Grand Total", "Sum")
    for base in (word, word.upper(), word.lower())
    for variant in (base, base + ":", base + "：", f" {base}", f"{base} "))
#: How many leading columns of a row are looked at for a total word.
TOTAL_COLUMNS = 3


def drop_filler(layout: Layout) -> None:
    """Take the totals rows (an info ``totals-row`` each) and the rows of nothing but
    drop-down defaults (silently: they are blank rows) out of ``layout``'s data rows."""
    if not layout.data:
        return
    drop: dict[int, str | None] = {}
    for col in range(min(TOTAL_COLUMNS, len(layout.data[0]))):
        cells = list(map(itemgetter(col), layout.data))
        if TOTAL_WORDS.isdisjoint(cells):
            continue
        for n, value in enumerate(cells):
            if n not in drop and isinstance(value, str) and value in TOTAL_WORDS:
                drop[n] = value.strip()
    defaults = _defaults(layout)
    if defaults:
        most = len(defaults)
        for n, row in enumerate(layout.data):
            if n in drop or len(row) - row.count("") - row.count(None) > most:
                continue
            if all(value in ("", None) or normalize(str(value)) in defaults.get(col, ())
                   for col, value in enumerate(row)):
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
