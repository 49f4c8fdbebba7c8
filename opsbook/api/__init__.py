"""One library function per command; the command line, the demo, the buttons and the
benchmarks call these and nothing below them."""

from __future__ import annotations

from opsbook.api import appraisal, attendance, mail, plan, project, report
from opsbook.api.addin import (
    NoExcelHere,
    addin_status,
    build_addin,
    install_addin,
    remove_addin,
)
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
from opsbook.api.mail import Sent, send_summary
from opsbook.api.plan import consolidate_plans, diff_plans, set_plan_status, track_plan
from opsbook.api.project import project_status
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
DEMO_STEPS = (appraisal.demo, attendance.demo, plan.demo, project.demo, report.demo,
              mail.demo)

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
    "NoExcelHere",
    "NothingToCalculate",
    "addin_status",
    "annotate",
    "build_addin",
    "build_workbooks",
    "calculate",
    "calculate_books",
    "check_output",
    "consolidate_plans",
    "diff_plans",
    "install_addin",
    "load",
    "load_many",
    "new_workbook",
    "project_status",
    "read_history",
    "remove_addin",
    "read_punches",
    "score_appraisal",
    "set_plan_status",
    "track_plan",
    "summarize_attendance",
    "validate",
    "validate_file",
    "write_output",
]
