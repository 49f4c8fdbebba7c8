"""The Python side of the workbook buttons: what each ``RunPython`` call in the VBA runs.

A button's Sub calls ``import opsbook.excel; opsbook.excel.validate()``; the function takes
the workbook that called (``xw.Book.caller()``), or the ``xw.Book`` given, runs the handler of
the same name on it and reports any failure in the workbook. xlwings is imported only when a
button runs, so ``import opsbook`` never needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opsbook.core.issues import Report

__all__ = ["calculate", "email", "report", "validate"]


def validate(book: Any = None) -> Report | None:
    """The Validate button: mark bad cells, list every issue on the Issues sheet."""
    from opsbook.excel.buttons import press

    return press("validate", book)


def calculate(book: Any = None) -> Report | None:
    """The Calculate button: validate, then write the results sheets."""
    from opsbook.excel.buttons import press

    return press("calculate", book)


def report(book: Any = None) -> Report | None:
    """The Report button: the summary workbook and HTML page next to the workbook."""
    from opsbook.excel.buttons import press

    return press("report", book)


def email(book: Any = None) -> Report | None:
    """The Email summary button: the summary sent as the mail settings say."""
    from opsbook.excel.buttons import press

    return press("email", book)
