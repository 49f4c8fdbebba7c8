"""The add-in's tab on a workbook that is no input says why as the command line does: the
results workbook of ``opsbook appraisal score`` (which carries History on for the next
cycle) is a result opsbook wrote, and a workbook that fits two kinds equally is said as
such. Before, the tab called both "not one of the standard workbooks … no known sheet or
header was found", and Validate on the results workbook read its History as an appraisal
workbook missing three sheets."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli
from remote import remote_book

import opsbook
import opsbook.excel.tab
from opsbook.excel import handlers
from opsbook.io.filebook import FileBook


def alerts(actions: list[dict]) -> list[str]:
    return [a["args"][0] for a in actions if a["func"] == "alert"]


@pytest.fixture
def results(tmp_path: Path) -> Path:
    source = tmp_path / "2026Q4.xlsx"
    opsbook.new_workbook("appraisal", "zh", source, sample=True)
    out = tmp_path / "结果.xlsx"
    assert run_cli("appraisal", "score", source, "-o", out).returncode == 0
    assert "历史考核" in openpyxl.load_workbook(out).sheetnames
    return out


def test_the_tab_leaves_a_results_workbook_alone_saying_what_it_is(
        results: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = results.read_bytes()
    with remote_book(results, monkeypatch) as book:
        assert opsbook.excel.tab.validate(book) is None
        assert opsbook.excel.tab.settings(book) is None
        actions = book.json()["actions"]
    assert [a["func"] for a in actions] == ["alert", "alert"]
    validate, settings = alerts(actions)
    assert validate == ("“结果.xlsx”是 opsbook 生成的结果工作簿（绩效考核的结果表），不是需要校验"
                        "的数据，因此未作任何改动。请打开生成它的原工作簿，在其中点击“校验”。")
    assert settings.endswith("在其中点击“设置”。")
    assert results.read_bytes() == before


def test_the_validate_handler_reads_a_results_workbook_as_the_command_line_does(
        results: Path) -> None:
    report = handlers.validate(FileBook(results))
    assert [(i.code, i.severity) for i in report.issues] == [("output-workbook", "info")]


def test_a_workbook_fitting_two_kinds_is_said_as_such(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "staff.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Employees"
    book.active.append(["Employee ID", "Name", "Department"])
    book.active.append(["E1", "Wang Wei", "Ops"])
    book.save(path)
    with remote_book(path, monkeypatch) as remote:
        assert opsbook.excel.tab.calculate(remote) is None
        (text,) = alerts(remote.json()["actions"])
    assert text == ("“staff.xlsx” fits performance appraisal or attendance equally: which "
                    "standard workbook it is cannot be told, so nothing was changed. Name its "
                    "sheets as the standard workbook of its kind does (New workbook makes one).")
