"""Project rules across rows and sheets: dates in order, tasks unique within a project."""

from __future__ import annotations

from typing import Iterator

from opsbook.core.book import Book
from opsbook.core.issues import Issue
from opsbook.core.rules import date_order, references
from opsbook.core.table import duplicate_issues


def dates_in_order(book: Book) -> Iterator[Issue]:
    yield from date_order(book, "Projects", "start", "finish")
    yield from date_order(book, "Tasks", "planned_start", "planned_finish")
    yield from date_order(book, "Tasks", "actual_start", "actual_finish")


def tasks_unique(book: Book) -> Iterator[Issue]:
    """A WBS code appears once within its project."""
    if "Tasks" in book:
        table = book.tables["Tasks"]
        tasks = table.frame
        yield from duplicate_issues(tasks["task_id"], "task_id", table, book.path,
                                    key=[tasks["project_id"]])


RULES = (references, dates_in_order, tasks_unique)
