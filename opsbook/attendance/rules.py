"""Attendance rules across rows and sheets: approvals before the start, date order, settings
that make sense together, one clock row per employee and day."""

from __future__ import annotations

import re
from typing import Iterator

import pandas as pd

from opsbook.attendance.policy import parse_work_days
from opsbook.attendance.punches import table_log
from opsbook.attendance.schema import CLOCK, PUNCHES
from opsbook.core.book import Book
from opsbook.core.group import Group, over_books
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue
from opsbook.core.rules import date_order, references


@over_books
def requests_in_order(group: Group) -> Iterator[tuple[int, Issue]]:
    yield from date_order(group, "Leave", "start", "end")


def approved_in_advance(book: Book) -> Iterator[Issue]:
    """Leave and overtime are approved before they start; approved requests name an approval."""
    for sheet_id, start in (("Leave", "start"), ("Overtime", "date")):
        if sheet_id not in book:
            continue
        frame = book[sheet_id]
        approved = frame["status"].eq("approved").fillna(False).to_numpy(dtype=bool)
        missing = approved & (frame["approved_on"].isna() | frame["approved_by"].isna()).to_numpy()
        for row in frame.index[missing]:
            yield Issue("not-approved", "warning", value=frame.at[row, "request_id"],
                        **book.where(sheet_id, "approved_on", int(row)))
        begins = pd.to_datetime(frame[start]).dt.normalize()
        late = (frame["approved_on"] > begins).fillna(False).to_numpy(dtype=bool)
        for row in frame.index[late]:
            yield Issue("approval-after-start", "warning",
                        value=frame.at[row, "approved_on"].date(),
                        params={"expected": begins.at[row].date()},
                        **book.where(sheet_id, "approved_on", int(row)))


def _invalid(book: Book, key: str, value: object, en: str, zh: str) -> Issue:
    return book.setting_issue(key, value, en, zh)


def settings_consistent(book: Book) -> Iterator[Issue]:
    """A shift that ends after it starts, a day change (``shift_cutoff``) before the shift
    starts, readable work days and a real month."""
    s = book.settings
    if s.shift_end <= s.shift_start:
        yield _invalid(book, "shift_end", s.shift_end.strftime("%H:%M"),
                       f"must be after shift_start ({s.shift_start:%H:%M}).",
                       f"下班时间必须晚于上班时间（{s.shift_start:%H:%M}）。")
    if s.shift_cutoff >= s.shift_start:
        # a punch before the cutoff closes the day before: at or after the shift start,
        # every on-time check-in would be taken for the previous day's check-out
        yield _invalid(book, "shift_cutoff", s.shift_cutoff.strftime("%H:%M"),
                       f"must be before shift_start ({s.shift_start:%H:%M}), since a "
                       "punch earlier than it belongs to the day before.",
                       f"换日时间必须早于上班时间（{s.shift_start:%H:%M}），因为早于换日时间"
                       "的打卡计入前一天。")
    if parse_work_days(s.work_days) is None:
        yield _invalid(book, "work_days", s.work_days,
                       "must name weekdays, e.g. Mon-Fri or Mon,Tue,Wed,Thu,Fri,Sat.",
                       "应为工作日，如 Mon-Fri 或 周一至周五。")
    match = re.fullmatch(r"(\d{4})-(\d{2})", s.month or "")
    if s.month and (match is None or not 1 <= int(match[2]) <= 12):
        yield _invalid(book, "month", s.month, "must be a month written YYYY-MM, e.g. 2026-11.",
                       "应为 YYYY-MM 格式的月份，如 2026-11。")


def one_clock_row_a_day(book: Book) -> Iterator[Issue]:
    """A warning on every Clock row after the first for the same employee and day."""
    if "Clock" not in book:
        return
    frame = book["Clock"]
    key = frame[["employee_id", "date"]]
    filled = key.notna().all(axis=1).to_numpy()
    repeat = key.duplicated(keep="first").to_numpy() & filled
    if not repeat.any():
        return
    first = (key[filled].reset_index().groupby(["employee_id", "date"], sort=False)["row"]
             .transform("first"))
    first.index = key.index[filled]
    for row in frame.index[repeat]:
        yield Issue("duplicate-clock", "warning", value=frame.at[row, "employee_id"],
                    params={"date": frame.at[row, "date"].date().isoformat(),
                            "other": int(first.at[row])},
                    **book.where("Clock", "date", int(row)))


def punches_readable(book: Book) -> Iterator[Issue]:
    """Every punch of the Punches sheet can be read and has a day: a cell that holds no time,
    or a time without a date (and no Date column), is an error at its cell — so that
    ``validate`` says it before a summary would leave the punch out."""
    table = book.tables.get("Punches")
    if table is None or table.frame.empty:
        return
    log = table_log(table.frame, table.columns, table.extras, sheet=table.name, file=book.path,
                    headers=table.headers)
    yield from log.issues


def clock_data_given(book: Book) -> Iterator[Issue]:
    """A warning when the workbook has neither a Clock nor a Punches sheet: its clock data
    can then only come from a punch export (``--punches``). (Empty sheets are the blank
    template's state: a summary without any clock data says so, as an error.)"""
    unsure = {i.params.get("expected") for i in book.issues if i.code == "ambiguous-sheet"}
    # a Clock or Punches sheet whose header row was not found is there: its own error says
    # what is wrong with it
    named = {normalize(n) for sheet in (CLOCK, PUNCHES) for n in sheet.names()}
    headless = any(i.code == "missing-header" and normalize(i.sheet) in named
                   for i in book.issues)
    if ("Clock" not in book and "Punches" not in book and not unsure & {"Clock", "Punches"}
            and not headless):
        yield Issue("no-clock-sheet", "warning", book.path, "Clock / 打卡记录")


RULES = (references, requests_in_order, approved_in_advance, settings_consistent,
         one_clock_row_a_day, punches_readable, clock_data_given)


