"""One library function per command; the command line, the demo, the buttons and the
benchmarks call these and nothing below them."""

from __future__ import annotations

from opsbook.api import appraisal, attendance
from opsbook.api.appraisal import read_history, score_appraisal
from opsbook.api.attendance import read_punches, summarize_attendance
from opsbook.api.common import (
    NotAWorkbook,
    calculate_books,
    load,
    load_many,
    validate,
    validate_file,
    write_output,
)
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
DEMO_STEPS = (appraisal.demo, attendance.demo)

__all__ = [
    "DEMO_STEPS",
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
    "read_punches",
    "score_appraisal",
    "summarize_attendance",
    "validate",
    "validate_file",
    "write_output",
]
