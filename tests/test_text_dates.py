"""The one parser of dates, times and months typed as text (opsbook.core.dates), as the
typed columns and the settings use it."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from opsbook.core import coerce
from opsbook.core.dates import parse_date, parse_month, parse_time, time_of_text
from opsbook.core.spec import Field
from opsbook.core.typed import show_result

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


@pytest.mark.parametrize(("text", "expected"), [
    ("8:59", 8 * H + 59 * M), ("08:59:30", 8 * H + 59 * M + dt.timedelta(seconds=30)),
    ("上午 8:59", 8 * H + 59 * M), ("上午8:59", 8 * H + 59 * M), ("下午 6:03", 18 * H + 3 * M),
    ("下午 12:30", 12 * H + 30 * M), ("上午 12:10", 10 * M), ("中午 12:30", 12 * H + 30 * M),
    ("中午 1:00", 13 * H), ("晚上 9:15", 21 * H + 15 * M), ("凌晨 1:30", H + 30 * M),
    ("晚上 12:00", 0 * H), ("晚上 12:30", 30 * M),  # midnight, never noon
    ("6:03 PM", 18 * H + 3 * M), ("6:03pm", 18 * H + 3 * M), ("12:10 AM", 10 * M),
    ("8：59", 8 * H + 59 * M), ("８:５９", 8 * H + 59 * M),
    ("次日 01:30", 25 * H + 30 * M), ("隔日1:30", 25 * H + 30 * M),
    ("01:30(次日)", 25 * H + 30 * M), ("01:30（次日）", 25 * H + 30 * M),
    ("next day 01:30", 25 * H + 30 * M), ("25:30", 25 * H + 30 * M),
    ("9点", 9 * H), ("9点钟", 9 * H), ("8点30分", 8 * H + 30 * M), ("8点半", 8 * H + 30 * M),
    ("下午6点", 18 * H), ("9时", 9 * H), ("9時5分", 9 * H + 5 * M), ("12点30", 12 * H + 30 * M),
    ("次日1点30分", 25 * H + 30 * M),
])
def test_times(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["8:60", "48:00", "次日 25:00", "上午 13:00", "13:00 AM",
                                  "abc", "8", "下午", "", "8小时", "9点61分"])
def test_not_times(text):
    assert parse_time(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-05", dt.datetime(2026, 11, 5)), ("2026/11/5", dt.datetime(2026, 11, 5)),
    ("2026.11.6", dt.datetime(2026, 11, 6)), ("2026年11月5日", dt.datetime(2026, 11, 5)),
    ("2026 年 11 月 5 日", dt.datetime(2026, 11, 5)), ("20261105", dt.datetime(2026, 11, 5)),
    ("26-11-05 星期四", dt.datetime(2026, 11, 5)), ("26-11-05", dt.datetime(2026, 11, 5)),
    ("2026-11-05 周四", dt.datetime(2026, 11, 5)),
    ("2026-11-05（星期四）", dt.datetime(2026, 11, 5)),
    ("2026-11-05 Thu", dt.datetime(2026, 11, 5)), ("2026-11-08 星期天", dt.datetime(2026, 11, 8)),
    ("2026-11-05T08:30", dt.datetime(2026, 11, 5, 8, 30)),
    ("2026-11-05 下午 2:00", dt.datetime(2026, 11, 5, 14)),
    ("26-11-05 星期四 上午 8:59", dt.datetime(2026, 11, 5, 8, 59)),
    ("2026-11-05 次日 01:30", dt.datetime(2026, 11, 6, 1, 30)),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["26-11-05 星期三", "2026-02-30", "11/05/2026", "2026-11",
                                  "2026-11-05 foo", "2026-11-05 25:61", "星期四"])
def test_not_dates(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("value", [
    dt.datetime(2026, 11, 1), dt.date(2026, 11, 17), 202611, 202611.0, 2026.11, "2026-11",
    "2026/11", "2026.11", "2026年11月", "2026 年 11 月", "202611", "11/2026", "Nov 2026",
    "nov. 2026", "November 2026", "2026 Nov", "2026-11-05", "26-11-05 星期四",
])
def test_months(value):
    assert parse_month(value) == "2026-11"


@pytest.mark.parametrize("value", ["2026-13", 2026.1, 2026, "Nov", "26-11", "2026", True,
                                   None, "next month", 46327, "mon 2026"])
def test_not_months(value):
    assert parse_month(value) is None


def test_a_month_column_reads_a_number_with_a_warning():
    raw = pd.Series(["2026-11", dt.datetime(2026, 12, 1), 202701, "Feb 2027", "2026-13", None],
                    dtype=object)
    column, blank = coerce.read_column(raw, Field("month", "Month", "月份", "month"))
    assert list(column.values) == ["2026-11", "2026-12", "2027-01", "2027-02", None, None]
    found = {p.code: p for p in column.problems}
    assert list(found["coerced-value"].positions) == [2]
    assert found["coerced-value"].results == ["2027-01"]
    assert list(found["type-error"].positions) == [4]
    assert blank.tolist() == [False] * 5 + [True]


def test_a_time_column_keeps_a_next_day_time_past_24_hours():
    raw = pd.Series(["次日 01:30", dt.time(18, 3), "下午 6:03"], dtype=object)
    column, _ = coerce.read_column(raw, Field("check_out", "Check Out", "下班打卡", "time"))
    assert list(column.values) == [pd.Timedelta(hours=25, minutes=30),
                                   pd.Timedelta(hours=18, minutes=3),
                                   pd.Timedelta(hours=18, minutes=3)]
    (coerced,) = column.problems
    assert coerced.code == "coerced-value" and np.array_equal(coerced.positions, [0, 2])


@pytest.mark.parametrize(("value", "en", "zh"), [
    (pd.Timedelta(hours=25, minutes=30), "01:30 the next day", "次日 01:30"),
    (pd.Timedelta(hours=18, minutes=3), "18:03", "18:03"),
    (pd.Timedelta(hours=49), "49:00", "49:00"),
    (pd.Timestamp("2026-11-05"), "2026-11-05", "2026-11-05"),
])
def test_a_warning_shows_a_next_day_time_in_words(value, en, zh):
    assert (show_result(value), show_result(value, "zh")) == (en, zh)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-03 09:10", 9 * H + 10 * M), ("2026/11/3 下午 6:03", 18 * H + 3 * M),
    ("09:10", 9 * H + 10 * M), ("2026-11-03", None), ("abc", None)])
def test_a_date_time_typed_in_a_time_column_keeps_its_time(text, expected):
    """As a date-time cell's time is kept, so is a date-time typed as text (with the
    warning of a value typed as text); a date alone is no time."""
    f = Field("check_in", "Check In", "上班打卡", "time")
    column, _ = coerce.read_column(pd.Series([text], dtype=object), f)
    value = column.values.iloc[0]
    if expected is None:
        assert pd.isna(value) and [p.code for p in column.problems] == ["type-error"]
    else:
        assert value == pd.Timedelta(expected)
        assert [p.code for p in column.problems] == ["coerced-value"]


def test_punch_cells_read_the_hour_in_chinese_as_clock_cells_do():
    from opsbook.attendance.punch_cells import parse_punches

    assert parse_punches("2026-10-12 9点") == [(pd.Timestamp(2026, 10, 12), 9 * 3600.0)]
    assert parse_punches("08:58 12点01 下午6点") == [(None, 32280.0), (None, 43260.0),
                                                   (None, 64800.0)]


def test_a_date_time_with_the_hour_in_chinese_keeps_its_time():
    assert time_of_text("2026-11-03 9点") == 9 * H
    assert time_of_text("2026-11-03 下午1点30分") == 13 * H + 30 * M
