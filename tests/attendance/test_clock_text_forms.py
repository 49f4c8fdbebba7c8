"""The Clock sheet (and every typed date and time column) reads the forms attendance exports
write — 上午 8:59, 下午 6:03, 次日 01:30, 26-11-05 星期四 — as the punch reader does: with a
warning saying what the text was read as."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from quirkbooks import D, T, base, write

import opsbook
from opsbook.attendance.punch_cells import parse_date as punch_date
from opsbook.attendance.punch_cells import parse_punches
from opsbook.core.dates import parse_date, parse_time

#: Cells of the Clock sheet as Chinese attendance exports write them, and how they are read.
FORMS = [
    ("26-11-05 星期四", "上午 8:59", "下午 6:03", "2026-11-05", 8 * 60 + 59, 18 * 60 + 3),
    ("2026年11月5日", "8:59", "次日 01:30", "2026-11-05", 8 * 60 + 59, 25 * 60 + 30),
    ("2026.11.6", "上午 9:00", "6:03 PM", "2026-11-06", 9 * 60, 18 * 60 + 3),
    ("2026/11/9 周一", "中午 12:30", "晚上 9:15", "2026-11-09", 12 * 60 + 30, 21 * 60 + 15),
    ("26-11-10", "上午 12:10", "01:30(次日)", "2026-11-10", 10, 25 * 60 + 30),
]


def _clock_book(tmp_path, rows):
    sheets = base("attendance")
    sheets["Clock"] += [["E001", *row] for row in rows]
    return write(tmp_path / "clock.xlsx", sheets)


def test_export_forms_are_read_with_a_warning(tmp_path):
    path = _clock_book(tmp_path, [form[:3] for form in FORMS])
    book = opsbook.load(path)
    assert [i for i in book.issues if i.severity == "error"] == []
    clock = book["Clock"].iloc[-len(FORMS):]
    for (_, _, _, day, check_in, check_out), row in zip(FORMS, clock.itertuples()):
        assert row.date == pd.Timestamp(day)
        assert row.check_in == pd.Timedelta(minutes=check_in)
        assert row.check_out == pd.Timedelta(minutes=check_out)
    coerced = [i for i in book.issues if i.code == "coerced-value"]
    assert len(coerced) == 3 * len(FORMS)
    assert all(i.severity == "warning" for i in coerced)


def test_the_warning_says_what_the_text_was_read_as(tmp_path):
    book = opsbook.load(_clock_book(tmp_path, [FORMS[1][:3], FORMS[0][:3]]))
    told = {i.value: i for i in book.issues if i.code == "coerced-value"}
    assert "read as a time, 01:30 the next day" in told["次日 01:30"].message("en")
    assert "被识别为时间 次日 01:30；" in told["次日 01:30"].message("zh")
    assert "read as a time, 18:03" in told["下午 6:03"].message("en")
    assert "被识别为日期 2026-11-05；" in told["26-11-05 星期四"].message("zh")


def test_a_next_day_check_out_is_counted_as_after_midnight(tmp_path):
    """次日 01:30 is 25:30 of the day, as a check-out after midnight is kept: counted
    without the overnight flag a check-out earlier than the check-in gets (the text says
    which day it is)."""
    path = _clock_book(tmp_path, [("2026-11-05", "8:59", "次日 01:30"),
                                  ("2026-11-06", "下午 1:00", "凌晨 1:30")])
    done = opsbook.summarize_attendance([path])
    assert done.computed
    daily = done.result.daily.set_index(["employee_id", "date"])
    fifth, sixth = daily.loc[("E001", pd.Timestamp("2026-11-05"))], \
        daily.loc[("E001", pd.Timestamp("2026-11-06"))]
    assert fifth["check_out"] == 25.5 * 3600 and fifth["hours_worked"] == pytest.approx(
        (25.5 * 3600 - (8 * 3600 + 59 * 60)) / 3600)
    assert sixth["check_out"] == 25.5 * 3600
    flags = done.result.violations.query("flag == 'overnight'")
    assert list(flags["date"]) == [pd.Timestamp("2026-11-06")]


@pytest.mark.parametrize(("date", "check_in"), [
    ("26-11-05 星期三", "8:59"),  # 2026-11-05 is a Thursday: a misread order shows there
    ("2026-11-05", "上午 13:00"),
    ("2026-11-05", "次日 25:00"),
    ("2026-11-05", "8:60"),
])
def test_what_is_no_date_or_time_stays_a_type_error(tmp_path, date, check_in):
    book = opsbook.load(_clock_book(tmp_path, [(date, check_in, "18:00")]))
    errors = [i for i in book.issues if i.code == "type-error"]
    assert len(errors) == 1 and errors[0].value in (date, check_in)


def test_overtime_and_leave_read_the_same_forms(tmp_path):
    sheets = base("attendance")
    approval = [D(2026, 11, 1), "李娜", D(2026, 11, 1), "approved"]
    sheets["Overtime"] = [
        ["Request ID", "Employee ID", "Date", "Start", "End", "Requested On", "Approved By",
         "Approved On", "Status"],
        ["OT1", "E001", "26-11-05 星期四", "下午 6:30", "次日 00:30", *approval],
    ]
    sheets["Leave"] = [
        ["Request ID", "Employee ID", "Leave Type", "Start", "End", "Requested On",
         "Approved By", "Approved On", "Status"],
        ["L1", "E002", "annual", "2026-11-09 上午 9:00", "2026年11月9日 下午 1:00", *approval],
    ]
    book = opsbook.load(write(tmp_path / "requests.xlsx", sheets))
    assert [i for i in book.issues if i.severity == "error"] == []
    overtime, leave = book["Overtime"].iloc[0], book["Leave"].iloc[0]
    assert overtime["date"] == pd.Timestamp("2026-11-05")
    assert (overtime["start"], overtime["end"]) == (pd.Timedelta(hours=18, minutes=30),
                                                    pd.Timedelta(hours=24, minutes=30))
    assert (leave["start"], leave["end"]) == (pd.Timestamp("2026-11-09 09:00"),
                                              pd.Timestamp("2026-11-09 13:00"))


@pytest.mark.parametrize("text", ["上午 8:59", "下午 6:03", "次日 01:30", "6:03 PM", "8:59",
                                  "中午 12:30", "晚上 9:15", "凌晨 1:30", "隔日 00:15"])
def test_the_core_reader_and_the_punch_reader_agree_on_times(text):
    ((_, seconds),) = parse_punches(text)
    assert parse_time(text) == dt.timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["26-11-05 星期四", "2026年11月5日", "2026.11.6", "2026/11/5",
                                  "26年11月5日", "2026-11-05"])
def test_the_core_reader_and_the_punch_reader_agree_on_dates(text):
    assert pd.Timestamp(parse_date(text)) == punch_date(text)


@pytest.mark.parametrize("text", ["05/11/26", "26/11/05", "10.5.3"])
def test_a_two_digit_year_with_slashes_or_dots_is_no_date_in_a_sheet(text):
    """26/11/05 may be 26 November 2005 as much as 5 November 2026: in a typed column it is
    refused (the user writes the year in full); a machine's export, whose layout is known
    to be year first, is read by the punch reader."""
    assert parse_date(text) is None


def test_a_clock_book_without_text_gives_no_warning(tmp_path):
    book = opsbook.load(_clock_book(tmp_path, [(D(2026, 11, 5), T(8, 59), T(18, 3))]))
    assert book.issues == []
