"""A History row whose employee ID differs from an employee's only in letter case (e1 for
E1) or leading zeros (7 for 007, a number typed into a General cell) is that employee's,
with a warning at its cell, in the History sheet of the workbook scored and in a --history
file. Before, the row was left out without a word: E1's failed 2026Q3 did not count and E1,
failed three cycles in a row, was not escalated."""

from __future__ import annotations

from pathlib import Path

from appraisalbooks import appraisal_book
from conftest import run_cli

import opsbook

#: E1 scores 50 (D, improve) in every cycle; 3 failed cycles in a row escalate.
SCORES = [("E1", "E2", "superior", "K1", 50), ("E2", "B0", "superior", "K1", 95)]
PEOPLE = {"E1": "运营部", "E2": "运营部"}


def now(path: Path, history: list[tuple] | None = None, lang: str = "en") -> Path:
    return appraisal_book(path, SCORES, {"cycle": "2026Q4", "consecutive_failure_limit": 3},
                          departments=PEOPLE, history=history, lang=lang)


def test_the_workbooks_own_history(tmp_path: Path):
    path = now(tmp_path / "q4.xlsx", [("e1", "2026Q3", 50.0, "D"), ("E1", "2026Q2", 50.0, "D")])
    done = opsbook.score_appraisal(path)
    e1 = done.result.results.set_index("employee_id").loc["E1"]
    assert (e1["consecutive_failures"], e1["escalate"]) == (3, True)
    said = [(i.code, i.sheet, i.cell, i.value) for i in done.report.issues
            if i.code == "history-id-spelling"]
    assert said == [("history-id-spelling", "History", "A4", "e1")]  # under the title rows
    rows = done.result.history_rows
    assert sorted(rows.loc[rows["employee_id"] == "E1", "cycle"]) == ["2026Q2", "2026Q3",
                                                                     "2026Q4"]
    assert "e1" not in set(rows["employee_id"])  # carried on as E1


def test_said_in_both_languages(tmp_path: Path):
    history = [("e1", "2026Q3", 50.0, "D")]
    en = run_cli("appraisal", "score", now(tmp_path / "en.xlsx", history), "-o",
                 tmp_path / "en.results.xlsx")
    assert en.returncode == 0
    assert ("History!A4  [history-id-spelling] History gives employee ID e1 for cycle 2026Q3: no "
            "employee has it, but E1 differs from it only in letter case or leading zeros, so "
            "the row is counted as E1's. Write the ID as the Employees sheet does.") in en.stdout
    zh = run_cli("appraisal", "score", now(tmp_path / "zh.xlsx", history, "zh"), "-o",
                 tmp_path / "zh.results.xlsx")
    assert zh.returncode == 0
    assert ("历史考核!A4  [history-id-spelling] 历史考核中考核周期 2026Q3 的工号“e1”不是任何员工的"
            "工号，与 E1 仅大小写或前导零不同，按 E1 计算。请按“员工”表填写工号。") in zh.stdout


def test_a_history_file_is_located_in_that_file(tmp_path: Path):
    earlier = tmp_path / "q3.xlsx"
    appraisal_book(earlier, SCORES, {"cycle": "2026Q3"}, departments=PEOPLE,
                   history=[("e1", "2026Q3", 50.0, "D")])
    done = opsbook.score_appraisal(now(tmp_path / "q4.xlsx"), history=[earlier])
    e1 = done.result.results.set_index("employee_id").loc["E1"]
    # 2026Q3 from the file's History (as e1), the only cycle on record: 2 in a row
    assert e1["consecutive_failures"] == 2
    said = [(Path(i.file).name, i.sheet, i.cell) for i in done.report.issues
            if i.code == "history-id-spelling"]
    assert said == [("q3.xlsx", "History", "A4")]


def test_an_id_written_as_the_employees_sheet_does_is_not_said(tmp_path: Path):
    path = tmp_path / "q4.xlsx"
    appraisal_book(path, SCORES, {"cycle": "2026Q4", "consecutive_failure_limit": 2},
                   departments=PEOPLE, history=[("E1", "2026Q3", 50.0, "D")])
    done = opsbook.score_appraisal(path)
    assert not [i for i in done.report.issues if i.code == "history-id-spelling"]
    results = done.result.results.set_index("employee_id")
    assert (results.at["E1", "consecutive_failures"], results.at["E1", "escalate"]) == (2, True)


def test_leading_zeros_dropped_by_a_number_cell(tmp_path: Path):
    import openpyxl

    path = tmp_path / "q4.xlsx"
    appraisal_book(path, [("E1", "E2", "superior", "K1", 50),
                          ("E2", "B0", "superior", "K1", 95)],
                   {"cycle": "2026Q4", "consecutive_failure_limit": 2},
                   departments={"E1": "运营部", "E2": "运营部"},
                   history=[("E1", "2026Q3", 50.0, "D")])
    book = openpyxl.load_workbook(path)
    for sheet in ("Employees", "Scores", "History"):  # E1 is 0042 everywhere …
        for row in book[sheet].iter_rows():
            for cell in row:
                if cell.value == "E1":
                    cell.value = "0042"
    book["History"]["A4"] = 42  # … but a number in History's General cell: shown as 42
    book.save(path)
    done = opsbook.score_appraisal(path)
    results = done.result.results.set_index("employee_id")
    assert (results.at["0042", "consecutive_failures"], results.at["0042", "escalate"]) == (2,
                                                                                           True)
    said = [(i.cell, i.value) for i in done.report.issues if i.code == "history-id-spelling"]
    assert said == [("A4", "42")]
