"""opsbook: standard operations workbooks, validated to the cell, computed and reported.

The public API is declared here once; everything else may change. Each name is imported
from where it lives when first used, so that ``import opsbook`` (and every command) stays
quick and imports only what it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# imported now: ``opsbook.batch`` is the function, not the package of the same name
from opsbook.batch import BatchOptions, batch, run_files
from opsbook.core.lazy import lazy_names

# imported now, not its kinds: every issue code can be told in words from any module on,
# the kinds' own codes loaded the first time one is looked up (``core.messages``)
from opsbook.registry import kinds as _kinds  # noqa: F401

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


__getattr__, __dir__ = lazy_names(__name__, globals(), _WHERE, __all__)


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
