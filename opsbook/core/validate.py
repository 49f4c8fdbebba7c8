"""Validation of a Book: what reading found plus the kind's rules between rows and sheets."""

from __future__ import annotations

from typing import Any, Collection, Sequence

from opsbook.core.book import Book
from opsbook.core.group import check_books
from opsbook.core.issues import Issue, Report

_ORDER = {"file": 0, "structure": 1, "data": 2}


def validate_book(book: Book) -> Report:
    """A Report of every problem in the book; never raises for bad data."""
    return validate_books([book])[0]


def validate_books(books: Sequence[Book], skip: Collection[Any] = ()) -> list[Report]:
    """:func:`validate_book` for several books, checked together (see
    :mod:`opsbook.core.group`): one Report per book, in order; the rules in ``skip`` are
    not run (see :func:`~opsbook.core.group.check_books`)."""
    return [Report(issues=sort_issues([*book.issues, *found]), files=[book.path or ""],
                   lang=book.lang, langs={book.path or "": book.lang})
            for book, found in zip(books, check_books(books, skip))]


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """File problems first, then by sheet order of appearance, row and column."""
    sheets: dict[str | None, int] = {}
    for issue in issues:
        sheets.setdefault(issue.sheet, len(sheets))
    return sorted(issues, key=lambda i: (_ORDER.get(i.category, 3), sheets[i.sheet],
                                         i.row or 0, len(i.cell or ""), i.cell or ""))
