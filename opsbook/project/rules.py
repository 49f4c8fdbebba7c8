"""Project rules across rows and sheets: dates in order, tasks unique within a project."""

from __future__ import annotations

from typing import Iterator

from opsbook.core.group import Group, over_books
from opsbook.core.issues import Issue
from opsbook.core.rules import date_order, references, repeats


@over_books
def dates_in_order(group: Group) -> Iterator[tuple[int, Issue]]:
    yield from date_order(group, "Projects", "start", "finish")
    yield from date_order(group, "Tasks", "planned_start", "planned_finish")
    yield from date_order(group, "Tasks", "actual_start", "actual_finish")


@over_books
def tasks_unique(group: Group) -> Iterator[tuple[int, Issue]]:
    """A WBS code appears once within its project."""
    yield from repeats(group, "Tasks", "task_id", key=("project_id",))


RULES = (references, dates_in_order, tasks_unique)
