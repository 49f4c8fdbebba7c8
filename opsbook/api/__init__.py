"""One library function per command; the command line, the demo, the buttons and the
benchmarks call these and nothing below them."""

from __future__ import annotations

from opsbook.api import appraisal, mail, report
from opsbook.api.appraisal import read_history, score_appraisal
from opsbook.api.common import (
    NotAWorkbook,
    calculate_books,
    load,
    load_many,
    validate,
    validate_file,
    write_output,
)
from opsbook.api.mail import Sent, send_summary
from opsbook.api.report import Built, CannotWriteReport, NoReport, build_report, summarize
from opsbook.api.workbook import (
    CannotWrite,
    NothingToCalculate,
    annotate,
    calculate,
    check_output,
)
from opsbook.api.workbooks import build_workbooks, new_workbook

#: Each command's step in ``opsbook demo``: (folder, the Chinese sample of each kind by id,
#: say) → exit code.
DEMO_STEPS = (appraisal.demo, report.demo, mail.demo)

__all__ = [
    "DEMO_STEPS",
    "Built",
    "CannotWriteReport",
    "NoReport",
    "Sent",
    "build_report",
    "send_summary",
    "summarize",
    "CannotWrite",
    "NotAWorkbook",
    "NothingToCalculate",
    "annotate",
    "build_workbooks",
    "calculate",
    "calculate_books",
    "check_output",
    "load",
    "load_many",
    "new_workbook",
    "read_history",
    "score_appraisal",
    "validate",
    "validate_file",
    "write_output",
]
