"""opsbook: standard operations workbooks, validated to the cell, computed and reported.

The public API is declared here once; everything else may change. Each name is imported
from where it lives when first used, so that ``import opsbook`` (and every command) stays
quick and imports only what it uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# imported now: ``opsbook.batch`` is the function, not the package of the same name
from opsbook.batch import BatchOptions, batch, run_files

__version__ = "0.1.0"

#: Each public name → the module that defines it.
_WHERE = {
    **{name: "opsbook.api" for name in (
        "CannotWrite", "NotAWorkbook", "annotate", "build_report", "build_workbooks",
        "calculate", "consolidate_plans", "diff_plans", "load", "new_workbook",
        "project_status", "score_appraisal", "send_summary", "set_plan_status",
        "summarize_attendance", "track_plan", "validate")},
    "Book": "opsbook.core.book",
    "Issue": "opsbook.core.issues", "Report": "opsbook.core.issues",
    "Calculation": "opsbook.core.kind",
}

__all__ = [
    "BatchOptions",
    "Book",
    "Calculation",
    "CannotWrite",
    "Issue",
    "NotAWorkbook",
    "Report",
    "__version__",
    "annotate",
    "batch",
    "build_report",
    "build_workbooks",
    "calculate",
    "consolidate_plans",
    "diff_plans",
    "load",
    "new_workbook",
    "run_files",
    "project_status",
    "score_appraisal",
    "set_plan_status",
    "track_plan",
    "summarize_attendance",
    "send_summary",
    "validate",
]


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use, or a subpackage of opsbook."""
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
    elif not name.startswith("__"):
        try:
            value = import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from opsbook.api import (
        CannotWrite,
        NotAWorkbook,
        annotate,
        build_report,
        build_workbooks,
        calculate,
        consolidate_plans,
        diff_plans,
        load,
        new_workbook,
        project_status,
        score_appraisal,
        send_summary,
        set_plan_status,
        summarize_attendance,
        track_plan,
        validate,
    )
    from opsbook.core.book import Book
    from opsbook.core.issues import Issue, Report
    from opsbook.core.kind import Calculation
