"""Books of one kind checked together: a rule over a group sees each sheet of every book one
under another, so that checking a folder of small workbooks costs about as much as checking
one large one.

A kind's ``checks`` hold two shapes of rule: ``rule(book)`` giving Issues, run book by book,
and rules marked :func:`over_books`, ``rule(group)`` giving ``(book position, Issue)`` pairs,
run once over a :class:`Group` (one book is a group of one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Collection, Iterator, Sequence

import numpy as np
import pandas as pd

from opsbook.core.issues import Issue

if TYPE_CHECKING:
    from opsbook.core.book import Book

#: Columns of :meth:`Group.frame`: the position of the row's book in the group, and the
#: row's number in its own sheet.
BOOK, ROW = "__book__", "__row__"

GroupRule = Callable[["Group"], Iterator[tuple[int, Issue]]]


def over_books(rule: GroupRule) -> GroupRule:
    """Mark a rule as one that checks a :class:`Group` of books at once."""
    rule.over_books = True  # type: ignore[attr-defined]
    return rule


def is_group_rule(rule: Any) -> bool:
    return getattr(rule, "over_books", False)


class Group:
    """Books of one kind, checked together.

    ``frame(sheet_id)`` is that sheet of every book that has it, one under another
    (RangeIndex), with the columns :data:`BOOK` and :data:`ROW`; ``per_row(sheet_id,
    values)`` spreads one value per book over those rows.
    """

    def __init__(self, books: Sequence[Book]):
        self.books = list(books)
        self._frames: dict[str, pd.DataFrame] = {}

    def frame(self, sheet_id: str) -> pd.DataFrame:
        if sheet_id not in self._frames:
            parts = [(k, book.tables[sheet_id].frame) for k, book in enumerate(self.books)
                     if sheet_id in book.tables]
            if parts:
                frame = pd.concat([f for _, f in parts], ignore_index=True)
            else:
                frame = pd.DataFrame(columns=[f.id for f in self._spec(sheet_id).fields])
            frame[BOOK] = np.repeat([k for k, _ in parts], [len(f) for _, f in parts]
                                    ).astype(np.int64)
            frame[ROW] = np.concatenate([f.index.to_numpy(dtype=np.int64) for _, f in parts]) \
                if parts else np.empty(0, dtype=np.int64)
            self._frames[sheet_id] = frame
        return self._frames[sheet_id]

    def _spec(self, sheet_id: str) -> Any:
        return self.books[0].kind.sheet(sheet_id)

    def per_row(self, sheet_id: str, values: Sequence[Any]) -> np.ndarray:
        """``values`` (one per book of the group) as one per row of ``frame(sheet_id)``."""
        per_book = np.empty(len(values), dtype=object)
        per_book[:] = list(values)
        return per_book[self.frame(sheet_id)[BOOK].to_numpy()]

    def has_column(self, sheet_id: str, field_id: str) -> np.ndarray:
        """True on the rows of ``frame(sheet_id)`` whose book's sheet has the field's column."""
        return self.per_row(sheet_id, [sheet_id in b.tables and field_id in
                                       b.tables[sheet_id].columns for b in self.books]
                            ).astype(bool)

    def where(self, frame: pd.DataFrame, pos: int, sheet_id: str,
              field_id: str | None) -> tuple[int, dict[str, Any]]:
        """(book position, location fields of an Issue) for row ``pos`` of ``frame``."""
        k = int(frame[BOOK].iat[pos])
        return k, self.books[k].where(sheet_id, field_id, int(frame[ROW].iat[pos]))


def check_books(books: Sequence[Book], skip: Collection[Any] = ()) -> list[list[Issue]]:
    """The issues every rule of their kinds finds in ``books``, one list per book in order
    (what reading found is not included): rules marked :func:`over_books` run once over the
    books of each kind, the others book by book. The rules in ``skip`` are not run (a
    caller that finds the same itself, in its own way)."""
    found: list[list[Issue]] = [[] for _ in books]
    kinds: dict[str, list[int]] = {}
    for k, book in enumerate(books):
        kinds.setdefault(book.kind.id, []).append(k)
    for members in kinds.values():
        group = Group([books[k] for k in members])
        for rule in group.books[0].kind.checks:
            if rule in skip:
                continue
            if is_group_rule(rule):
                for k, issue in rule(group):
                    found[members[k]].append(issue)
            else:
                for k in members:
                    found[k].extend(rule(books[k]))
    return found
