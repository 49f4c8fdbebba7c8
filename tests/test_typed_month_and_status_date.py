"""--month and --as-of written as people write a month or a date in a cell (2026/11, 2026年11月,
2027/3/31, 2027年3月31日) are read as the workbook's Settings read them; a whole date given
for a month, a date whose day and month cannot be told apart, a time of day are refused in
both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run_cli

import opsbook
from opsbook.api.attendance import month_of
from opsbook.api.project import status_day


@pytest.mark.parametrize(("typed", "month"), [
    ("2026/10", "2026-10"), ("2026年10月", "2026-10"), ("２０２６－１１", "2026-11"),
    ("Nov 2026", "2026-11"), ("10/2026", "2026-10"), ("2026-11", "2026-11")])
def test_a_month_typed_as_people_write_it(typed, month):
    assert month_of(typed) == month


@pytest.mark.parametrize("typed", ["2026-11-05", "2026-13", "11", "十一月", ""])
def test_what_is_no_month_is_refused_in_both_languages(typed):
    with pytest.raises(ValueError) as refused:
        month_of(typed)
    assert f"(got {typed!r})" in str(refused.value)
    assert "2026年11月" in refused.value.zh and refused.value.zh.endswith("。")


@pytest.mark.parametrize(("typed", "day"), [
    ("2027/3/31", dt.date(2027, 3, 31)), ("2027年3月31日", dt.date(2027, 3, 31)),
    ("31-Mar-2027", dt.date(2027, 3, 31)), ("２０２７－０３－３１", dt.date(2027, 3, 31))])
def test_a_status_date_typed_as_a_date_cell_may_be(typed, day):
    assert status_day(typed) == day


@pytest.mark.parametrize("typed", ["03/11/2026", "2026/11/30 10:00", "1899/1/1", "Feb 2027"])
def test_what_is_no_day_is_refused(typed):
    with pytest.raises(ValueError) as refused:
        status_day(typed)
    assert "YYYY-MM-DD" in str(refused.value) and "2026年11月30日" in refused.value.zh


def test_the_command_line_takes_them(tmp_path):
    book = opsbook.new_workbook("attendance", "zh", tmp_path / "kq.xlsx", sample=True)
    month = opsbook.load(book).settings.month
    year, number = month.split("-")
    out = tmp_path / "sum.xlsx"
    ran = run_cli("attendance", "summarize", book, "--month", f"{year}年{int(number)}月",
                  "-o", out)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert opsbook.summarize_attendance([book], month=month).result.monthly.equals(
        opsbook.summarize_attendance([book], month=f"{year}/{number}").result.monthly)
    tracker = opsbook.new_workbook("project", "en", tmp_path / "p.xlsx", sample=True)
    status = run_cli("project", "status", tracker, "--as-of", "2026年11月20日", "-o",
                     tmp_path / "status.xlsx")
    assert status.returncode == 0, status.stdout + status.stderr
    bad = run_cli("project", "status", tracker, "--as-of", "03/11/2026", "-o",
                  tmp_path / "bad.xlsx", "--lang", "zh")
    assert bad.returncode == 2 and "2026年11月30日" in bad.stderr
    assert not (tmp_path / "bad.xlsx").exists()
