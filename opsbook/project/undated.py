"""Work not scheduled yet: a blank planned start or finish of a task, or a blank baseline of a
project, is a warning, not an error.

A project in initiation or planning may have no baseline yet, and list its tasks before they
have dates; the planning gate lists those tasks (see :mod:`opsbook.project.gates`) and a
project's planned finish falls back on its tasks'. The reader calls a blank cell of a
required column an error, which would leave the whole tracker out: this step, run on a
freshly read tracker, says each such blank as a ``task-without-dates`` or
``project-without-dates`` warning at its cell instead. The columns stay required: a sheet
without one is still an error.
"""

from __future__ import annotations

from dataclasses import replace

from opsbook.core.book import Book

#: The dates each sheet may leave blank while its work is not scheduled, and the code said.
UNSCHEDULED = {"Tasks": (("planned_start", "planned_finish"), "task-without-dates"),
               "Projects": (("start", "finish"), "project-without-dates")}


def unscheduled(book: Book) -> None:
    """Replace, in place, each ``missing-value`` error at a blank planned date of the Tasks
    sheet or baseline date of the Projects sheet with the warning of :data:`UNSCHEDULED`
    at the same cell."""
    codes = {(book.tables[sheet].name, field): code
             for sheet, (fields, code) in UNSCHEDULED.items() if sheet in book.tables
             for field in fields}
    book.issues = [replace(i, code=codes[i.sheet, i.field], severity="warning")
                   if i.code == "missing-value" and (i.sheet, i.field) in codes else i
                   for i in book.issues]
