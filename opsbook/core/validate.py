"""Validation of a Book: what reading found plus the kind's rules between rows and sheets."""

from __future__ import annotations

from opsbook.core.book import Book
from opsbook.core.issues import Issue, Report

_ORDER = {"file": 0, "structure": 1, "data": 2}


def validate_book(book: Book) -> Report:
    """A Report of every problem in the book; never raises for bad data."""
    issues = list(book.issues)
    for rule in book.kind.checks:
        issues.extend(rule(book))
    return Report(issues=sort_issues(issues), files=[book.path or ""], lang=book.lang,
                  langs={book.path or "": book.lang})


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """File problems first, then by sheet order of appearance, row and column."""
    sheets: dict[str | None, int] = {}
    for issue in issues:
        sheets.setdefault(issue.sheet, len(sheets))
    return sorted(issues, key=lambda i: (_ORDER.get(i.category, 3), sheets[i.sheet],
                                         i.row or 0, len(i.cell or ""), i.cell or ""))
