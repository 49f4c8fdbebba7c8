"""Workbooks shaped like the files people really have: what real workbooks broke.

Registered in ``quirkbooks.QUIRKS`` (``quirk_book(name)`` writes them); each changes one thing
of a valid base workbook, as a person's file does: a header row deleted, a sheet renamed or
kept twice, a two-row header, merged cells, Excel for Mac's 1904 date system, a number shown
as a date, date-times in a date column.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from quirkbooks import base, quirk, write

from opsbook.api import new_workbook

#: The sample appraisal (Chinese) with the header row of its Scores sheet deleted.
SCORES_HEADER_ROW = 3


@quirk("header-row-deleted")
def _header_row_deleted(path: Path) -> None:
    """The sample appraisal with the header row of 评分 (Scores) deleted: the title cell
    "评分" is all that is left above the data."""
    new_workbook("appraisal", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["评分"].delete_rows(SCORES_HEADER_ROW)
    book.save(path)


@quirk("sheet-renamed")
def _sheet_renamed(path: Path) -> None:
    """The Clock sheet renamed Sheet1: found by its headers only."""
    sheets = base("attendance")
    sheets["Sheet1"] = sheets.pop("Clock")
    write(path, sheets)


@quirk("backup-copy-sheet")
def _backup_copy_sheet(path: Path) -> None:
    """The Clock sheet as Sheet1, and a backup copy of it as Sheet2 (one day fewer)."""
    sheets = base("attendance")
    clock = sheets.pop("Clock")
    sheets["Sheet1"] = clock
    sheets["Sheet2"] = [list(row) for row in clock[:-1]]
    write(path, sheets)


@quirk("two-named-sheets")
def _two_named_sheets(path: Path) -> None:
    """The Scores sheet twice: as "Scores" and, an older copy, as "评分"."""
    sheets = base("appraisal")
    sheets["评分"] = [list(row) for row in sheets["Scores"][:-1]]
    write(path, sheets)


@quirk("two-row-header")
def _two_row_header(path: Path) -> None:
    """工号 over A1:A2, 日期 over B1:B2, 打卡时间 over C1:D1 with 上班打卡 | 下班打卡 below."""
    sheets = base("attendance")
    clock = sheets["Clock"]
    sheets["Clock"] = [["工号", "日期", "打卡时间", None], [None, None, "上班打卡", "下班打卡"],
                       *clock[1:]]
    write(path, sheets, merged={"Clock": ["A1:A2", "B1:B2", "C1:D1"]})


@quirk("merged-ids")
def _merged_ids(path: Path) -> None:
    """Each employee's ID merged down over that employee's rating rows (A2:A5, A6:A8)."""
    sheets = base("appraisal")
    write(path, sheets, merged={"Scores": ["A2:A5", "A6:A8"]})


@quirk("lookalike-column")
def _lookalike_column(path: Path) -> None:
    """Clock's "Employee ID" typed as "Employe ID": missing, and an extra column like it."""
    sheets = base("attendance")
    sheets["Clock"][0][0] = "Employe ID"
    write(path, sheets)


@quirk("date1904-serials")
def _date1904_serials(path: Path) -> None:
    """Excel for Mac's 1904 date system; Clock dates as bare serials (44866 = 2026-11-02)."""
    sheets = base("attendance")
    serials = {dt.date(2026, 11, 2): 44866, dt.date(2026, 11, 3): 44867}
    for row in sheets["Clock"][1:]:
        row[1] = serials[row[1]]
    write(path, sheets)
    book = openpyxl.load_workbook(path)
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    book.save(path)


@quirk("weight-formatted-as-date")
def _weight_formatted_as_date(path: Path) -> None:
    """A weight of 60 in a cell formatted "d.m" (Google Sheets): Excel shows 29.2."""
    write(path, base("appraisal"), formats={"Indicators": {"D2": "d.m"}})


@quirk("datetimes-in-date-column")
def _datetimes_in_date_column(path: Path) -> None:
    """Clock dates holding times: a date-time cell (B2) and date-time text (B3)."""
    sheets = base("attendance")
    clock = sheets["Clock"]
    clock[1][1] = dt.datetime(2026, 11, 2, 8, 59, 12)
    clock[2][1] = "2026-11-02 09:07:00"
    write(path, sheets)
