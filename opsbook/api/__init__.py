"""One library function per command; the command line, the demo, the buttons and the
benchmarks call these and nothing below them.

Each name is imported from its module when first used, so that a command imports only what
it runs (``opsbook attendance summarize`` never imports the report, mail or add-in code).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from opsbook.core.lazy import lazy_names

#: Each public name → the module of this package that defines it.
_WHERE = {
    "NoAddin": "addin", "NoExcelHere": "addin", "addin_status": "addin", "build_addin": "addin",
    "install_addin": "addin", "remove_addin": "addin",
    "read_history": "appraisal", "score_appraisal": "appraisal",
    "read_punches": "attendance", "summarize_attendance": "attendance",
    "NotAWorkbook": "common", "calculate_books": "common", "load": "common",
    "load_many": "common", "validate": "common", "validate_file": "common",
    "write_output": "common",
    "Sent": "mail", "send_summary": "mail",
    "consolidate_plans": "plan", "diff_plans": "plan", "set_plan_status": "plan",
    "track_plan": "plan",
    "project_status": "project",
    "Built": "report", "CannotWriteReport": "report", "NoReport": "report",
    "build_report": "report", "summarize": "report",
    "CannotWrite": "workbook", "NothingToCalculate": "workbook", "annotate": "workbook",
    "calculate": "workbook", "check_output": "workbook",
    "build_workbooks": "workbooks", "new_workbook": "workbooks",
}
#: The modules whose ``demo`` is a step of ``opsbook demo``, in order.
_DEMO_MODULES = ("appraisal", "attendance", "plan", "project", "report", "mail")

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
    "NoAddin",
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


def _demo_steps() -> tuple[Any, ...]:
    """``DEMO_STEPS``: each command's step in ``opsbook demo`` — (folder, the Chinese sample
    of each kind by id, say) → exit code."""
    return tuple(import_module(f"{__name__}.{m}").demo for m in _DEMO_MODULES)


__getattr__, __dir__ = lazy_names(
    __name__, globals(), {name: f"{__name__}.{module}" for name, module in _WHERE.items()},
    __all__, {"DEMO_STEPS": _demo_steps})


if TYPE_CHECKING:
    from opsbook.api.addin import (
        NoAddin,
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

    DEMO_STEPS: tuple
