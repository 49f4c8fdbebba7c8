"""What each button does, written once against a BookPort.

``validate`` marks bad cells and writes the Issues sheet; ``calculate`` writes the kind's
results sheets. Both read everything first, compute with the library, then write; both
replace what an earlier run wrote instead of adding to it.
"""

from __future__ import annotations

from opsbook import calculations
from opsbook.core.book import Book, build_book, detect_kind
from opsbook.core.issues import Issue, Report
from opsbook.core.validate import validate_book
from opsbook.excel.port import NOTE_PREFIX, BookPort, Mark
from opsbook.excel.results import issues_sheet
from opsbook.kinds import get, kinds

ISSUES_SHEET = {"en": "Issues", "zh": "问题清单"}
#: Sheets the handlers write; never read as input.
OUTPUT_SHEETS = ("Issues", "问题清单", "Results", "考核结果", "Departments", "部门统计",
                   "Raters", "评分人统计", "Self-rating Gap", "自评偏差", "Checks", "考核提示",
                   "Control", "控制面板", "xlwings.conf")

def read_book(port: BookPort, kind: str | None = None) -> Book | Issue:
    """The port's workbook as a Book, or the Issue that says why it is none."""
    raw = [sheet for sheet in port.sheets() if sheet.name not in OUTPUT_SHEETS]
    spec = get(kind) if kind else detect_kind(raw, kinds())
    if spec is None:
        return Issue("unknown-kind", file=port.name)
    return build_book(raw, spec, file=port.name, format="xlsx")


def _previous_marks(port: BookPort) -> list[tuple[str, str]]:
    """(sheet, cell) pairs listed on the Issues sheet of an earlier run."""
    for name in ISSUES_SHEET.values():
        if name in port.sheet_names():
            rows = port.values(name)
            return [(str(r[0]), str(r[1])) for r in rows[2:]
                    if len(r) > 1 and r[0] not in ("", None) and r[1] not in ("", None)]
    return []


def validate(port: BookPort, kind: str | None = None) -> Report:
    """The Validate button: mark every bad cell, list every issue on the Issues sheet."""
    previous = _previous_marks(port)
    book = read_book(port, kind)
    if isinstance(book, Issue):
        report = Report(issues=[book], files=[port.name])
        lang = "en"
    else:
        report = validate_book(book)
        lang = book.lang
    port.clear_marks(previous)
    marks = [Mark(i.sheet, i.cell, NOTE_PREFIX + i.message(lang), i.severity)
             for i in report.issues if i.sheet and i.cell and i.severity != "info"
             and i.sheet in port.sheet_names()]
    port.mark(marks)
    for name in ISSUES_SHEET.values():
        port.delete_sheet(name)
    port.write_sheet(issues_sheet(report, lang, ISSUES_SHEET[lang]))
    port.message(summary_line(report, lang))
    return report


def calculate(port: BookPort, kind: str | None = None) -> Report:
    """The Calculate button: validate, then write the kind's results sheets if it can."""
    book = read_book(port, kind)
    if isinstance(book, Issue):
        return validate(port, kind)
    report = validate_book(book)
    run = calculations.step(book.kind.id)
    if run is None or not report.valid:
        return validate(port, book.kind.id)
    sheets = run(book)
    for sheet in sheets:
        port.write_sheet(sheet)
    port.message(summary_line(report, book.lang, calculated=[s.name for s in sheets]))
    return report


def summary_line(report: Report, lang: str, calculated: list[str] | None = None) -> str:
    s = report.summary()
    if lang == "zh":
        text = f"校验完成:{s['errors']} 个错误,{s['warnings']} 个警告。"
        if calculated:
            text += f"已生成:{'、'.join(calculated)}。"
        elif not report.valid:
            text += "请先修正标红的单元格。"
        return text
    text = f"Checked: {s['errors']} errors, {s['warnings']} warnings."
    if calculated:
        text += f" Written: {', '.join(calculated)}."
    elif not report.valid:
        text += " Fix the cells marked red first."
    return text
