"""The registry of Calculate steps: kind id → the function that makes its results sheets.

Each step takes a valid Book and returns the sheets to write (``SheetOut``); the Calculate
button, ``opsbook calculate`` and the macro build (which button a workbook gets) read this.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from opsbook.core.book import Book
    from opsbook.core.output import SheetOut

#: kind id → "module:function", imported on first use.
STEPS: dict[str, str] = {
    "appraisal": "opsbook.appraisal.report:results_sheets",
}
#: kind id → "module:NAME" of a dict whose values are (English, Chinese) sheet names written.
SHEET_NAMES: dict[str, str] = {
    "appraisal": "opsbook.appraisal.report:SHEETS",
}


def step(kind: str) -> Callable[[Book], list[SheetOut]] | None:
    """The Calculate step of a kind, or None when the kind has none yet."""
    target = STEPS.get(kind)
    if target is None:
        return None
    module, name = target.split(":")
    return getattr(import_module(module), name)


def output_sheets() -> set[str]:
    """Every sheet name a Calculate step may write, in either language."""
    names: set[str] = set()
    for target in SHEET_NAMES.values():
        module, name = target.split(":")
        for pair in getattr(import_module(module), name).values():
            names.update(pair)
    return names


def actions(kind: str) -> tuple[str, ...]:
    """The buttons a workbook of this kind gets."""
    return ("validate", "calculate") if kind in STEPS else ("validate",)
