"""Real workbooks with one quirk each, written with openpyxl and named after the quirk.

Each builder starts from a small valid workbook of one kind (``BASE``) and changes one thing:
where the header is, how it is spelled, how a value is typed, a rule it breaks. The tests
in ``test_quirks.py`` say what opsbook must make of each file.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
from basebooks import BASE, HEADER_VARIANTS, SHEET_NAMES, D, Sheets, T

__all__ = ["BASE", "HEADER_VARIANTS", "QUIRKS", "base", "build", "write"]

Builder = Callable[[Path], None]
QUIRKS: dict[str, Builder] = {}


def quirk(name: str) -> Callable[[Builder], Builder]:
    def register(build: Builder) -> Builder:
        QUIRKS[name] = build
        return build

    return register


def base(kind: str) -> Sheets:
    """A fresh copy of the valid workbook of ``kind``."""
    return copy.deepcopy(BASE[kind])


def write(path: Path, sheets: Sheets, *, merged: dict[str, list[str]] | None = None,
          formats: dict[str, dict[str, str]] | None = None) -> Path:
    """Write ``sheets`` with openpyxl; ``merged`` ranges and number ``formats`` per sheet.

    Values are written as given: strings stay text (a leading "=" makes a formula, whose
    value openpyxl does not calculate), dates become date cells, "#DIV/0!" an error cell.
    """
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
        for ref in (merged or {}).get(name, []):
            ws.merge_cells(ref)
        for ref, number_format in (formats or {}).get(name, {}).items():
            ws[ref].number_format = number_format
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, dt.time):
                    cell.number_format = "hh:mm"
    book.save(path)
    return path


def export(path: Path, rows: list[list]) -> Path:
    """A one-sheet workbook of ``rows`` as an app's export is: no template, no styles."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def daily_report(path: Path) -> Path:
    """A DingTalk-style daily report (每日统计) of one employee and day: a title row, a
    generated-at row, two header rows (上班1 / 下班1 over 打卡时间 / 打卡结果)."""
    return export(path, [
        ["每日统计 统计日期：2026-11-02 至 2026-11-02"], ["报表生成时间：2026-11-03 10:00"],
        ["姓名", "部门", "工号", "日期", "上班1", None, "下班1", None],
        [None] * 4 + ["打卡时间", "打卡结果"] * 2,
        ["王五", "运营部", "1001", "26-11-02 星期一", "09:00", "正常", "18:00", "正常"]])


def build(name: str, path: Path) -> Path:
    """Write the workbook of quirk ``name`` to ``path``."""
    QUIRKS[name](path)
    return path


# --- where the header is ----------------------------------------------------------------


@quirk("title-block")
def _title_block(path: Path) -> None:
    sheets = base("attendance")
    sheets["Clock"][:0] = [["考勤打卡记录 2026年11月"], ["从表头下一行开始填写"], []]
    write(path, sheets)


@quirk("merged-title")
def _merged_title(path: Path) -> None:
    sheets = base("attendance")
    sheets["Clock"][:0] = [["考勤打卡记录 2026年11月"], ["运营部"]]
    sheets["Employees"][:0] = [["员工名单"]]
    write(path, sheets, merged={"Clock": ["A1:D1", "A2:D2"], "Employees": ["A1:C1"]})


@quirk("merged-header")
def _merged_header(path: Path) -> None:
    """'Name' merged over B1:C1, with given names typed in the covered column C."""
    sheets = base("attendance")
    employees = sheets["Employees"]
    employees[0] = ["Employee ID", "Name", None, "Department"]
    for row, given in zip(employees[1:], ["伟", "娜", "Chen"]):
        row[2:2] = [given]
    write(path, sheets, merged={"Employees": ["B1:C1"]})


@quirk("grouped-header")
def _grouped_header(path: Path) -> None:
    """A merged group caption ('打卡时间' over the two times) above the real header row."""
    sheets = base("attendance")
    sheets["Clock"][:0] = [[None, None, "打卡时间", None]]
    write(path, sheets, merged={"Clock": ["C1:D1"]})


@quirk("shuffled-columns")
def _shuffled_columns(path: Path) -> None:
    sheets = base("attendance")
    sheets["Clock"] = [list(reversed(row)) for row in sheets["Clock"]]
    sheets["Employees"] = [[r[2], r[0], r[1]] for r in sheets["Employees"]]
    write(path, sheets)


@quirk("extra-columns")
def _extra_columns(path: Path) -> None:
    sheets = base("attendance")
    notes = ["Remarks", "外勤", None, "补卡", None]
    for row, note in zip(sheets["Clock"], notes):
        row[1:1] = [note]
        row.append("x" if row is not sheets["Clock"][0] else "Badge No.")
    write(path, sheets)


@quirk("blank-rows")
def _blank_rows(path: Path) -> None:
    sheets = base("attendance")
    clock = sheets["Clock"]
    sheets["Clock"] = [clock[0], [], clock[1], clock[2], [], [], clock[3], [None, ""], clock[4]]
    write(path, sheets)


def _header_variant(variant: str) -> Builder:
    def build_variant(path: Path) -> None:
        sheets = base("attendance")
        names = HEADER_VARIANTS[variant]
        for sheet in ("Employees", "Clock"):
            sheets[sheet][0] = [names.get(h, h) for h in sheets[sheet][0]]
        renamed = SHEET_NAMES.get(variant, {})
        write(path, {renamed.get(name, name): rows for name, rows in sheets.items()})

    return build_variant


for _variant in HEADER_VARIANTS:
    quirk(_variant)(_header_variant(_variant))


# --- how values are typed ---------------------------------------------------------------


@quirk("dates-as-text")
def _dates_as_text(path: Path) -> None:
    sheets = base("attendance")
    clock = sheets["Clock"]
    clock[1][1], clock[2][1], clock[3][1] = "2026/11/2", "2026-11-02", "2026年11月2日"
    write(path, sheets)


@quirk("dates-as-serials")
def _dates_as_serials(path: Path) -> None:
    """Dates typed as Excel serial numbers in cells without a date format."""
    sheets = base("attendance")
    clock = sheets["Clock"]
    clock[1][1], clock[4][1] = 46328, 46329.0
    write(path, sheets)


@quirk("times-as-text")
def _times_as_text(path: Path) -> None:
    sheets = base("attendance")
    clock = sheets["Clock"]
    clock[1][2], clock[2][2], clock[4][3] = "8:52", "09:07:30", "17:58"
    write(path, sheets)


@quirk("numbers-as-text")
def _numbers_as_text(path: Path) -> None:
    sheets = base("appraisal")
    employees, scores = sheets["Employees"], sheets["Scores"]
    employees[1][5], employees[2][5], employees[3][5] = "12,000", "８０００", "¥8,000.50"
    scores[1][4] = "88"
    write(path, sheets)


@quirk("percentages")
def _percentages(path: Path) -> None:
    sheets = base("project")
    tasks = sheets["Tasks"]
    tasks.append(["P-2", "1.2", "看板开发", D(2026, 9, 2), D(2026, 10, 15), 0.0, 60000, 0])
    tasks[1][5], tasks[2][5], tasks[3][5], tasks[4][5] = "100%", 60, "３０％", 0
    write(path, sheets)


@quirk("blank-tokens")
def _blank_tokens(path: Path) -> None:
    """N/A, - and 无 mean blank: fine in optional cells, missing in required ones."""
    sheets = base("attendance")
    clock = sheets["Clock"]
    clock[3][2], clock[3][3] = "N/A", "-"
    clock.append(["E002", D(2026, 11, 3), "无", " n/a "])
    clock.append(["N/A", D(2026, 11, 3), T(9, 0), T(18, 0)])
    write(path, sheets)


@quirk("formula-no-value")
def _formula_no_value(path: Path) -> None:
    """Formulas as openpyxl writes them: no cached value until a spreadsheet program runs."""
    sheets = base("appraisal")
    indicators = sheets["Indicators"]
    indicators[1][3] = "=100-25-15"
    indicators[2][3] = "=SUM(20,5)"
    write(path, sheets)


@quirk("formulas")
def _formulas(path: Path) -> None:
    """Formulas to be calculated by LibreOffice: two good ones and a division by zero."""
    sheets = base("appraisal")
    sheets["Indicators"][1][3] = "=100-25-15"
    sheets["Indicators"][2][3] = "=SUM(20,5)"
    sheets["Scores"][2][4] = "=1/0"
    write(path, sheets)


@quirk("error-cells")
def _error_cells(path: Path) -> None:
    sheets = base("appraisal")
    sheets["Scores"][2][4] = "#DIV/0!"
    sheets["Employees"][2][5] = "#N/A"
    write(path, sheets)


@quirk("wrong-type")
def _wrong_type(path: Path) -> None:
    sheets = base("appraisal")
    sheets["Scores"][3][4] = "ninety"
    write(path, sheets)


@quirk("date-out-of-range")
def _date_out_of_range(path: Path) -> None:
    """A date cell whose number no calendar holds (the reader's date conversion overflows)."""
    sheets = base("attendance")
    sheets["Clock"][2][1] = -1e12
    write(path, sheets, formats={"Clock": {"B3": "yyyy-mm-dd"}})


@quirk("booleans-in-text")
def _booleans_in_text(path: Path) -> None:
    """TRUE, 1 and 1.0 typed into a text column are three different texts."""
    sheets = base("appraisal")
    employees = sheets["Employees"]
    employees[1][3], employees[2][3], employees[3][3] = 1, True, 2.5
    write(path, sheets)


@quirk("choices-that-look-blank")
def _choices_that_look_blank(path: Path) -> None:
    """'无' and 'none' are outcomes, not blanks; '-' and 'N/A' in an optional choice are blank."""
    sheets = base("appraisal")
    grades = sheets["Grades"]
    grades[2][3], grades[3][3], grades[4][3] = "无", "-", "N/A"
    write(path, sheets)


# --- structure ----------------------------------------------------------------------------


@quirk("missing-column")
def _missing_column(path: Path) -> None:
    sheets = base("attendance")
    sheets["Clock"] = [row[:1] + row[2:] for row in sheets["Clock"]]
    write(path, sheets)


@quirk("missing-sheet")
def _missing_sheet(path: Path) -> None:
    sheets = base("project")
    del sheets["Tasks"]
    write(path, sheets)


@quirk("empty-sheet")
def _empty_sheet(path: Path) -> None:
    sheets = base("project")
    sheets["Tasks"] = sheets["Tasks"][:1]
    write(path, sheets)


# --- rules --------------------------------------------------------------------------------


@quirk("duplicate-ids")
def _duplicate_ids(path: Path) -> None:
    sheets = base("attendance")
    sheets["Employees"].append(["E002", "李娜", "市场部"])
    write(path, sheets)


@quirk("unknown-reference")
def _unknown_reference(path: Path) -> None:
    sheets = base("attendance")
    sheets["Clock"].append(["E999", D(2026, 11, 3), T(9, 0), T(18, 0)])
    write(path, sheets)


@quirk("weights-not-100")
def _weights_not_100(path: Path) -> None:
    sheets = base("appraisal")
    sheets["Indicators"][3][3] = 10
    write(path, sheets)


@quirk("overlapping-grades")
def _overlapping_grades(path: Path) -> None:
    sheets = base("appraisal")
    sheets["Grades"][3][1] = 80
    write(path, sheets)


@quirk("finish-before-start")
def _finish_before_start(path: Path) -> None:
    sheets = base("project")
    sheets["Tasks"][2][4] = D(2026, 7, 20)
    write(path, sheets)


@quirk("quarters-mismatch")
def _quarters_mismatch(path: Path) -> None:
    sheets = base("plan")
    sheets["Plan"][1][9] = 300
    write(path, sheets)


@quirk("valid-attendance")
def _valid_attendance(path: Path) -> None:
    write(path, base("attendance"))


@quirk("valid-appraisal")
def _valid_appraisal(path: Path) -> None:
    write(path, base("appraisal"))


@quirk("valid-project")
def _valid_project(path: Path) -> None:
    write(path, base("project"))


@quirk("valid-plan")
def _valid_plan(path: Path) -> None:
    write(path, base("plan"))


import realquirks  # noqa: E402,F401 - registers the quirks of real people's workbooks
