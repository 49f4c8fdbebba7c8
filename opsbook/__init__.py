"""opsbook: standard operations workbooks, validated to the cell, computed and reported.

The public API is declared here once; everything else may change.
"""

from __future__ import annotations

from opsbook.api import NotAWorkbook, load, validate
from opsbook.appraisal.report import score_appraisal
from opsbook.core.book import Book
from opsbook.core.issues import Issue, Report
from opsbook.io.template import write_template as new_workbook

__version__ = "0.1.0"

__all__ = [
    "Book",
    "Issue",
    "NotAWorkbook",
    "Report",
    "__version__",
    "load",
    "new_workbook",
    "score_appraisal",
    "validate",
]
