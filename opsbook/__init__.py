"""opsbook: standard operations workbooks, validated to the cell, computed and reported.

The public API is declared here once; everything else may change.
"""

from __future__ import annotations

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
from opsbook.batch import BatchOptions, batch, run_files
from opsbook.core.book import Book
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation

__version__ = "0.1.0"

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
