"""Completing the place of an issue made from frames: file, sheet name, A1 cell, header."""

from __future__ import annotations

from opsbook.core.book import Book
from opsbook.core.issues import Issue

#: The sheet "id" an issue about a setting names.
SETTINGS = ("Settings", "设置")


def locate(book: Book, issue: Issue) -> Issue:
    """Fill ``file``, the sheet's name as in the workbook, ``cell`` and ``column`` of an issue
    whose ``sheet`` is a sheet id (or "Settings"), ``field`` a field id and ``row`` the
    spreadsheet row (a frame's index). An issue naming no sheet of the kind is returned as it
    is. The issue is changed in place and returned."""
    if issue.sheet in SETTINGS:
        place = book.setting_where(issue.field or "")
    elif issue.sheet in {s.id for s in book.kind.sheets}:
        place = book.where(issue.sheet, issue.field, issue.row)
    else:
        if issue.file is None:
            issue.file = book.path
        return issue
    for key, value in place.items():
        if value is not None or key == "file":
            setattr(issue, key, value)
    return issue
