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
    load,
    new_workbook,
    score_appraisal,
    send_summary,
    validate,
)
from opsbook.batch import batch
from opsbook.core.book import Book
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation

__version__ = "0.1.0"

__all__ = [
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
    "load",
    "new_workbook",
    "score_appraisal",
    "send_summary",
    "validate",
]
