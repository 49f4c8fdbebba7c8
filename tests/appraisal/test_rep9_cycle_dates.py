"""A cycle Excel turned into a date ("2026-03" typed in a cell becomes 2026-03-01) is no cycle
written elsewhere: in History it would count as a cycle of its own (2026-03-01 sorts after
2026-03, so one month counted twice, or this cycle's rows taken for an earlier one) and
escalate someone wrongly. It is an error at its cell, in the workbook's History and in a
--history file, in both languages; a results file whose cycle setting is a date says so
instead of only 'no history'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

import opsbook

SAID = {
    "en": "Cycle '2026-02-01' is a day, as Excel writes a date: a cycle such as 2026-03 typed "
          "in a cell becomes a date, and would not match the cycle as written elsewhere. "
          "Format the cell as Text and type the cycle again (2026-03, 2026Q1).",
    "zh": "考核周期“2026-02-01”是一个日期：在单元格中输入 2026-03 之类的周期会被 Excel 自动转换"
          "为日期，与其他地方写的周期对不上。请将单元格设为文本格式后重新输入周期（如 2026-03、"
          "2026Q1）。",
}


def write(path: Path, cycle: str, lang: str = "en", history: list | None = None) -> Path:
    """E2 fails (50, grade D) this cycle; E1 passes. ``history`` rows: (employee, cycle)."""
    return appraisal_book(
        path, [("E1", "B0", "superior", "K1", 95), ("E2", "E1", "superior", "K1", 50)],
        {"cycle": cycle, "consecutive_failure_limit": 3}, lang=lang,
        departments={"E1": "运营部", "E2": "运营部"},
        history=None if history is None else [(e, c, 50.0, "D") for e, c in history])


def as_dates(path: Path, sheet: str, cells: list[str]) -> None:
    """What Excel does to "2026-02" typed in these cells: a date, shown as 2026-02."""
    book = openpyxl.load_workbook(path)
    for ref in cells:
        text = book[sheet][ref].value
        book[sheet][ref].value = dt.datetime.strptime(text, "%Y-%m")
        book[sheet][ref].number_format = "yyyy-mm"
    book.save(path)


@pytest.mark.parametrize("lang, sheet", [("en", "History"), ("zh", "历史考核")])
def test_a_date_in_the_history_sheet_is_an_error_at_its_cell(tmp_path: Path, lang, sheet):
    path = write(tmp_path / "2026-03.xlsx", "2026-03", lang,
                 history=[("E2", "2026-01"), ("E2", "2026-02")])
    as_dates(path, sheet, ["B5"])  # the title block takes rows 1-2, the header row 3
    done = opsbook.score_appraisal(path)
    [issue] = [i for i in done.report.issues if i.code == "cycle-as-date"]
    assert (issue.sheet, issue.cell, issue.severity) == (sheet, "B5", "error")
    assert issue.message(lang) == SAID[lang]
    assert done.result is None and done.exit_code == 1


def test_the_same_cycles_as_text_escalate(tmp_path: Path):
    """The control: 2026-01, 2026-02 and this cycle 2026-03 failed, a limit of 3."""
    path = write(tmp_path / "2026-03.xlsx", "2026-03",
                 history=[("E2", "2026-01"), ("E2", "2026-02")])
    results = opsbook.score_appraisal(path).result.results.set_index("employee_id")
    assert results.at["E2", "consecutive_failures"] == 3 and results.at["E2", "escalate"]


def test_history_files_with_dates_are_told_where(tmp_path: Path):
    past = write(tmp_path / "2026-02.xlsx", "2026-02", history=[("E2", "2026-01")])
    as_dates(past, "History", ["B4"])
    scored = write(tmp_path / "2026-01.xlsx", "2026-01")
    assert run_cli("calculate", scored).returncode == 0
    book = openpyxl.load_workbook(scored)  # its Results are read with its cycle setting
    [cell] = [row[1] for row in book["Settings"].iter_rows() if row[0].value == "cycle"]
    cell.value, cell.number_format = dt.datetime(2026, 1, 1), "yyyy-mm"
    book.save(scored)
    now = write(tmp_path / "2026-03.xlsx", "2026-03")
    out = tmp_path / "results.xlsx"
    done = run_cli("appraisal", "score", now, "--history", past, "--history", scored,
                   "-o", out)
    assert done.returncode == 1 and not out.exists()
    assert f"History!B4  [cycle-as-date] {SAID['en'].replace('02-01', '01-01')}" in done.stdout
    assert ("Settings!B2  [invalid-setting] Setting 'cycle': cell Settings!B2 holds "
            "'2026-01-01', which is not text") in done.stdout
