"""The registry of Calculate steps: kind id → the function that makes its results sheets.

Each step takes a valid Book and returns the sheets to write (``SheetOut``); the Calculate
button, ``opsbook calculate`` and the macro build (which button a workbook gets) read this.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from opsbook.core.book import Book
    from opsbook.excel.port import SheetOut

#: kind id → "module:function", imported on first use.
STEPS: dict[str, str] = {
    "appraisal": "opsbook.appraisal.report:results_sheets",
}


def step(kind: str) -> Callable[[Book], list[SheetOut]] | None:
    """The Calculate step of a kind, or None when the kind has none yet."""
    target = STEPS.get(kind)
    if target is None:
        return None
    module, name = target.split(":")
    return getattr(import_module(module), name)


def actions(kind: str) -> tuple[str, ...]:
    """The buttons a workbook of this kind gets."""
    return ("validate", "calculate") if kind in STEPS else ("validate",)
