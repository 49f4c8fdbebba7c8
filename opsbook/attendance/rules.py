"""Attendance rules across rows and sheets: approvals before the start, date order, settings
that make sense together, one clock row per employee and day, clock rows within the
employee's Joined On and Left On."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

import numpy as np
import pandas as pd

from opsbook.attendance.policy import parse_work_days, seconds
from opsbook.attendance.punch_match import without_employee
from opsbook.attendance.punches import table_log
from opsbook.attendance.schema import CLOCK, PUNCHES
from opsbook.core.book import Book
from opsbook.core.group import BOOK, ROW, Group, over_books
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue
from opsbook.core.rules import date_order, references


@over_books
def requests_in_order(group: Group) -> Iterator[tuple[int, Issue]]:
    """date-order of Leave and of Employees; a Leave End without a time is the whole of its
    day, so an afternoon's leave from 2026-11-05 13:30 to 2026-11-05 is in order."""
    leave = group.frame("Leave")
    for k, issue in date_order(group, "Leave", "start", "end"):
        if not (isinstance(issue.value, dt.date) and not isinstance(issue.value, dt.datetime)):
            yield k, issue  # an end with its time of day
            continue
        start = leave.loc[(leave[BOOK] == k) & (leave[ROW] == issue.row), "start"]
        if start.empty or pd.Timestamp(start.iat[0]).normalize() > pd.Timestamp(issue.value):
            yield k, issue  # a date-only end on a day before the start's
    yield from _no_time(group, leave)
    yield from date_order(group, "Employees", "joined_on", "left_on")


def _no_time(group: Group, leave: pd.DataFrame) -> Iterator[tuple[int, Issue]]:
    """leave-no-time at a Leave End equal to its Start, both with a time of day (09:00 to
    09:00, or 2026-11-05 下午 to 2026-11-05 上午): a request of no time at all, never leave."""
    if leave.empty:
        return
    start = pd.to_datetime(leave["start"], errors="coerce")
    end = pd.to_datetime(leave["end"], errors="coerce")
    for pos in np.flatnonzero((end == start) & (end != end.dt.normalize())):
        k, place = group.where(leave, pos, "Leave", "end")
        other = group.books[k].tables["Leave"].headers.get("start", "start")
        yield k, Issue("leave-no-time", value=end.iat[pos].to_pydatetime(),
                       params={"other": other}, **place)


def clocked_while_employed(book: Book) -> Iterator[Issue]:
    """A warning at every Clock row dated before its employee's Joined On or after their
    Left On (on the workbook's own Employees sheet): the day is counted all the same, and
    one of the dates is likely mistyped."""
    if "Clock" not in book or "Employees" not in book:
        return
    people = book["Employees"]
    if not {"joined_on", "left_on"} & set(people.columns[people.notna().any()]):
        return
    people = people[people["employee_id"].notna()].drop_duplicates("employee_id")
    clock = book["Clock"]
    span = clock[["employee_id", "date"]].reset_index().merge(
        people[["employee_id", *(c for c in ("joined_on", "left_on") if c in people)]],
        on="employee_id", how="inner")
    day = pd.to_datetime(span["date"], errors="coerce")
    for column, outside in (("joined_on", lambda d, x: d < x), ("left_on", lambda d, x: d > x)):
        if column not in span:
            continue
        bound = pd.to_datetime(span[column], errors="coerce")
        for n in np.flatnonzero(outside(day, bound).fillna(False).to_numpy(dtype=bool)):
            yield Issue("clock-outside-employment", "warning", value=span.at[n, "employee_id"],
                        params=_employment(column, day.iat[n], bound.iat[n]),
                        **book.where("Clock", "date", int(span.at[n, "row"])))


def approved_in_advance(book: Book) -> Iterator[Issue]:
    """Leave and overtime are approved before they start; approved requests name an approval."""
    for sheet_id, start in (("Leave", "start"), ("Overtime", "date")):
        if sheet_id not in book:
            continue
        frame = book[sheet_id]
        approved = frame["status"].eq("approved").fillna(False).to_numpy(dtype=bool)
        no_date = frame["approved_on"].isna().to_numpy()
        no_one = frame["approved_by"].isna().to_numpy()
        has_by = "approved_by" in book.tables[sheet_id].columns
        for row, date_blank, by_blank in zip(frame.index[approved & (no_date | no_one)],
                                             no_date[approved & (no_date | no_one)],
                                             no_one[approved & (no_date | no_one)]):
            # at the cell that is blank: the date (without it the request is not counted
            # as approved), else the approver
            at = "approved_on" if date_blank else "approved_by" if has_by else "status"
            yield Issue("not-approved", "warning", value=frame.at[row, "request_id"],
                        params=_unapproved(bool(date_blank), bool(by_blank)),
                        **book.where(sheet_id, at, int(row)))
        begins = pd.to_datetime(frame[start]).dt.normalize()
        late = (frame["approved_on"] > begins).fillna(False).to_numpy(dtype=bool)
        for row in frame.index[late]:
            yield Issue("approval-after-start", "warning",
                        value=frame.at[row, "approved_on"].date(),
                        params={"expected": begins.at[row].date()},
                        **book.where(sheet_id, "approved_on", int(row)))


def _unapproved(date_blank: bool, by_blank: bool) -> dict[str, str]:
    """What an approved request lacks, as the ``not-approved`` message says it."""
    if date_blank and by_blank:
        return {"detail": "names neither an approver nor an approval date (Approved By and "
                          "Approved On are empty), so it is not counted as approved",
                "detail_zh": "既没有审批人也没有审批日期（审批人和审批日期为空），不按已批准计算"}
    if date_blank:
        return {"detail": "has no approval date (Approved On is empty), so it is not counted "
                          "as approved",
                "detail_zh": "没有审批日期（审批日期为空），不按已批准计算"}
    return {"detail": "names no approver (Approved By is empty)",
            "detail_zh": "没有审批人（审批人为空）"}


def _employment(column: str, day: pd.Timestamp, bound: pd.Timestamp) -> dict[str, str]:
    """The ``clock-outside-employment`` words: the day, and the bound it is outside."""
    on = bound.date().isoformat()
    joined = column == "joined_on"
    return {"date": day.date().isoformat(),
            "detail": f"before joining on {on}" if joined else f"after leaving on {on}",
            "detail_zh": f"早于入职日期 {on}" if joined else f"晚于离职日期 {on}"}


def _invalid(book: Book, key: str, value: object, en: str, zh: str) -> Issue:
    return book.setting_issue(key, value, en, zh)


def settings_consistent(book: Book) -> Iterator[Issue]:
    """A shift that ends after it starts, a day change (``shift_cutoff``) before the shift
    starts, readable work days and a real month."""
    s = book.settings
    if s.shift_end <= s.shift_start:
        # a night shift (22:00–06:00) is not one a day of this workbook can hold: said so,
        # so that it is not taken for a typing slip
        yield _invalid(book, "shift_end", s.shift_end.strftime("%H:%M"),
                       f"must be after shift_start ({s.shift_start:%H:%M}); a shift "
                       "running past midnight cannot be set (a check-out after midnight is "
                       "read as the next morning and its hours past shift_end as overtime).",
                       f"下班时间必须晚于上班时间（{s.shift_start:%H:%M}）；不支持跨午夜的班次"
                       "（午夜后的下班打卡按次日计，超出下班时间的部分计为加班）。")
    if s.shift_cutoff >= s.shift_start:
        # a punch before the cutoff closes the day before: at or after the shift start,
        # every on-time check-in would be taken for the previous day's check-out
        yield _invalid(book, "shift_cutoff", s.shift_cutoff.strftime("%H:%M"),
                       f"must be before shift_start ({s.shift_start:%H:%M}), since a "
                       "punch earlier than it belongs to the day before.",
                       f"换日时间必须早于上班时间（{s.shift_start:%H:%M}），因为早于换日时间"
                       "的打卡计入前一天。")
    yield from _thresholds(book)
    if parse_work_days(s.work_days) is None:
        yield _invalid(book, "work_days", s.work_days,
                       "must name weekdays, e.g. Mon-Fri or Mon,Tue,Wed,Thu,Fri,Sat.",
                       "应为工作日，如 Mon-Fri 或 周一至周五。")
    match = re.fullmatch(r"(\d{4})-(\d{2})", s.month or "")
    if s.month and (match is None or not 1 <= int(match[2]) <= 12):
        yield _invalid(book, "month", s.month, "must be a month written YYYY-MM, e.g. 2026-11.",
                       "应为 YYYY-MM 格式的月份，如 2026-11。")


def _thresholds(book: Book) -> Iterator[Issue]:
    """Hour thresholds a whole shift can meet: longer than the shift, every day worked in
    full would be a half day (or an absence) — an error; an absence threshold above the
    half-day one leaves no day a half day — a warning."""
    s = book.settings
    shift = (seconds(s.shift_end) - seconds(s.shift_start)) / 3600
    if shift <= 0:
        return
    for key, what, what_zh in (("half_day_hours", "a half day", "半天"),
                               ("absent_hours", "an absence", "旷工")):
        hours = float(getattr(s, key))
        if hours > shift:
            yield _invalid(book, key, hours,
                           f"must not be more than the shift's {shift:g} hours "
                           f"({s.shift_start:%H:%M}–{s.shift_end:%H:%M}): a whole shift "
                           f"worked would be {what}.",
                           f"不得超过班次时长 {shift:g} 小时（{s.shift_start:%H:%M}–"
                           f"{s.shift_end:%H:%M}），否则上满整个班次也记为{what_zh}。")
    half, absent = float(s.half_day_hours), float(s.absent_hours)
    if half > 0 and half < absent <= shift:  # longer than the shift: the error above says it
        yield book.setting_issue(
            "absent_hours", absent,
            f"is more than half_day_hours ({half:g}): every day below {half:g} hours is an "
            "absence, so no day is a half day.",
            f"大于半天工时（{half:g}），工作时长低于 {half:g} 小时的日子都记为旷工，不会有半天。",
            severity="warning")


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


def check_in_of_its_day(book: Book) -> Iterator[Issue]:
    """An error at every Clock check-in at or past 24:00 (``33:00`` typed, or a number of a
    day or more such as 1.2): a check-out may run into the next morning, but a check-in
    that late is no time of its row's day, and read as one it would make the day a late
    arrival of 1,440 minutes or more."""
    if "Clock" not in book or "check_in" not in book["Clock"]:
        return
    times = pd.to_timedelta(book["Clock"]["check_in"], errors="coerce")
    past = (times >= pd.Timedelta(days=1)).fillna(False).to_numpy(dtype=bool)
    for row, since in zip(book["Clock"].index[past], times[past]):
        minutes = int(since.total_seconds()) // 60
        yield Issue("out-of-range", value=f"{minutes // 60}:{minutes % 60:02d}", params={
            "expected": "a time of its own day, before 24:00 (a check-in on the next "
                        "morning belongs on the next day's row)",
            "expected_zh": "为当天的时间，早于 24:00（次日的上班打卡应填在次日那一行）"},
            **book.where("Clock", "check_in", int(row)))


def punches_readable(book: Book) -> Iterator[Issue]:
    """Every punch of the Punches sheet can be read and has a day and an employee: a cell
    that holds no time, a time without a date (and no Date column, or one without a year),
    or a punch on a row with neither ID nor name, is an error at its cell — so that
    ``validate`` says it before a summary would leave the punch out."""
    table = book.tables.get("Punches")
    if table is None or table.frame.empty:
        return
    log = table_log(table.frame, table.columns, table.extras, sheet=table.name, file=book.path,
                    headers=table.headers)
    yield from log.issues
    yield from without_employee(log)


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
         one_clock_row_a_day, check_in_of_its_day, punches_readable, clock_data_given,
         clocked_while_employed)


