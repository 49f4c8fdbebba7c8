"""A button counts a date typed as a number from the workbook's own date system, as the
command line does: in a workbook of the 1904 date system (old workbooks of Excel for Mac),
44742 is 2026-07-01 (its serial number in the 1900 system is 46204; the systems are 1462
days apart).

xlwings' remote engine cannot tell the date system; Excel on Windows answers
``Workbook.Date1904`` (and Excel for Mac ``date 1904``), given here from the file as Excel
gives it for the workbook open in it.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from books import sample
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from remote import remote_book, sheet_values
from test_xl10_number_formats import calculated_three_ways

from opsbook.core.cellvalues import EXCEL_EPOCH, EXCEL_EPOCH_1904
from opsbook.excel import handlers
from opsbook.excel.xlwings_book import XlwingsBook
from opsbook.excel.xlwings_read import date_system
from opsbook.io.filebook import FileBook


def in_1904(folder: Path) -> tuple[Path, Path]:
    """The English sample project, and a copy saved in the 1904 date system whose first
    task's planned start (2026-07-01) is typed as its serial number there, 44742."""
    plain = sample(folder, "en", "project")
    book = openpyxl.load_workbook(plain)
    book.epoch = CALENDAR_MAC_1904
    tasks = book["Tasks"]
    assert tasks["E3"].value == "Planned Start" and tasks["E4"].value.date().isoformat() \
        == "2026-07-01"
    tasks["E4"] = 44742
    tasks["E4"].number_format = "General"
    path = folder / "project-1904.xlsx"
    book.save(path)
    return plain, path


def excel_on_windows(monkeypatch: pytest.MonkeyPatch, date1904: bool) -> None:
    """``Book.api`` as COM gives it: the workbook's ``Date1904``."""
    import xlwings as xw

    monkeypatch.setattr(xw.main.Book, "api",
                        property(lambda self: SimpleNamespace(Date1904=date1904)))


def test_the_adapter_reads_the_date_system(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _, path = in_1904(tmp_path)
    with remote_book(path, monkeypatch) as book:
        assert date_system(book) == EXCEL_EPOCH  # the remote engine cannot say
        excel_on_windows(monkeypatch, True)
        seen = XlwingsBook(book).sheets()
    assert {s.epoch for s in seen} == {EXCEL_EPOCH_1904}
    assert {s.epoch for s in FileBook(path).sheets()} == {EXCEL_EPOCH_1904}


def test_calculate_counts_a_typed_serial_from_1904(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    plain, path = in_1904(tmp_path)
    excel_on_windows(monkeypatch, True)
    button = calculated_three_ways(path, plain, monkeypatch)
    names = openpyxl.load_workbook(tmp_path / "command.xlsx").sheetnames
    results = [n for n in names if n in handlers.OUTPUT_SHEETS and n != "Control"]
    assert "Issues" in results and len(results) > 1  # the serial number is said, and read
    for name in results:
        assert sheet_values(button, name) == sheet_values(tmp_path / "command.xlsx", name), name
    issues = [row for row in sheet_values(button, "Issues")[2:] if row[0] == "Tasks"]
    assert [row[1] for row in issues] == ["E4"]
    assert any("2026-07-01" in str(v) for v in issues[0])
    for name in results:  # read as 2026-07-01: the plain sample's figures
        if name != "Issues":
            assert sheet_values(button, name) == sheet_values(tmp_path / "plain.xlsx", name), name
