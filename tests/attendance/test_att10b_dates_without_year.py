"""Export dates written without a year (``11-02 星期一``, ``12月31日``), as apps write them in
a daily report: the year is the export title's (统计日期：… 至 …), else ``--month``'s, else the
first workbook's month setting — whichever puts the date nearest, so December's dates stay in
December when January is summarised. With none of them, the punch has no date: an error at its
cell saying why."""

from __future__ import annotations

import datetime as dt

from quirkbooks import export, write
from typer.testing import CliRunner

import opsbook
from opsbook.cli import app

HEADER = ["姓名", "部门", "工号", "日期", "上班1打卡时间", "上班1打卡结果", "下班1打卡时间",
          "下班1打卡结果"]


def _book(path, month="2026-11", punches=None):
    sheets = {"员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
              "设置": [["参数", "值"], ["month", month]]}
    if punches:
        sheets["打卡明细"] = punches
    return write(path, sheets)


def _row(day, check_in, check_out="18:00"):
    return ["王五", "运营部", "1001", day, check_in, "", check_out, ""]


def _statuses(done):
    daily = done.result.daily
    worked = daily[daily["check_in"].notna()]
    return dict(zip(worked["date"].dt.strftime("%Y-%m-%d"),
                    zip(worked["status"], worked["late_minutes"])))


def test_the_year_of_the_title_across_new_year(tmp_path):
    rows = [["每日统计 统计日期：2026-12-28 至 2027-01-04"], HEADER,
            _row("12-31 星期四", "09:12"), _row("01-04 星期一", "09:06")]
    report = export(tmp_path / "daily.xlsx", rows)
    book = _book(tmp_path / "kq.xlsx", month="")
    december = opsbook.summarize_attendance([book], punches=[report], month="2026-12")
    assert december.computed, december.report.issues
    assert _statuses(december) == {"2026-12-31": ("late", 12)}
    january = opsbook.summarize_attendance([book], punches=[report], month="2027-01")
    assert _statuses(january) == {"2027-01-04": ("late", 6)}


def test_the_year_of_month_without_a_title(tmp_path):
    # no title: --month 2027-01 gives 12月31日 the year 2026 (nearer), left out as outside
    rows = [HEADER, _row("12月31日 星期四", "09:12"), _row("1月4日 星期一", "09:06")]
    report = export(tmp_path / "daily.xlsx", rows)
    done = opsbook.summarize_attendance([_book(tmp_path / "kq.xlsx", month="")],
                                        punches=[report], month="2027-01")
    assert done.computed, done.report.issues
    assert _statuses(done) == {"2027-01-04": ("late", 6)}
    outside = [i for i in done.report.issues if i.code == "clock-outside-month"]
    assert [i.file for i in outside] == [str(report)]
    # the month setting of the workbook when there is no --month: 29 February 2028
    leap = export(tmp_path / "leap.xlsx", [HEADER, _row("02-29 星期二", "09:00", "17:50")])
    done = opsbook.summarize_attendance([_book(tmp_path / "kq2.xlsx", month="2028-02")],
                                        punches=[leap])
    assert _statuses(done) == {"2028-02-29": ("early", 0)}


def test_no_year_anywhere_is_said_at_the_cell(tmp_path):
    report = export(tmp_path / "daily.xlsx", [HEADER, _row("11-02 星期一", "09:00")])
    book = _book(tmp_path / "kq.xlsx", month="")
    done = opsbook.summarize_attendance([book], punches=[report])
    found = [(i.code, i.cell, i.params["detail"]) for i in done.report.issues
             if i.code == "punch-without-date"]
    why = ("is on a row whose date has no year, and no year is given (the export's title, "
           "--month or the month setting)")
    assert found == [("punch-without-date", "E2", why), ("punch-without-date", "G2", why)]
    said = CliRunner().invoke(app, ["attendance", "summarize", str(book), "--punches",
                                    str(report), "-o", str(tmp_path / "out.xlsx"), "--lang",
                                    "zh"])
    assert said.exit_code == 1, said.output
    assert "所在行的日期没有年份，且无从得知年份（导出文件的标题、--month 或 month 设置）" in (
        said.output)
    assert not (tmp_path / "out.xlsx").exists()


def test_the_workbooks_own_punches_sheet_needs_the_year(tmp_path):
    """The workbook's own sheet is typed, not exported: its dates carry their year, as in
    any date column, even with a month setting; the error at the cell says so."""
    punches = [["工号", "日期", "打卡时间"], ["1001", "11-02 星期一", dt.time(9, 7)]]
    book = _book(tmp_path / "kq.xlsx", punches=punches)
    errors = opsbook.validate(book).errors
    assert [(i.code, i.sheet, i.cell) for i in errors] == [("punch-without-date", "打卡明细",
                                                            "C2")]
    assert "所在行的日期没有年份（请写上年份，如 2026-11-02）" in errors[0].message("zh")
    assert "is on a row whose date has no year (write it: 2026-11-02)" in errors[0].message("en")


def test_a_raw_record_whose_punch_times_have_a_date_without_a_year(tmp_path):
    """考勤日期 11-02 and a 打卡时间 of 11-03 00:30: the next morning of the 2nd, 6.5 hours of
    overtime past 18:00 (it was 00:30 of the 2nd itself, a check-in before the shift)."""
    log = export(tmp_path / "raw.xlsx", [
        ["原始记录 统计日期：2026-11-01 至 2026-11-30"],
        ["姓名", "部门", "工号", "考勤日期", "打卡时间", "打卡结果"],
        ["王五", "运营部", "1001", "11-02 星期一", "11-02 09:00", "正常"],
        ["王五", "运营部", "1001", "11-02 星期一", "11-03 00:30", "正常"]])
    done = opsbook.summarize_attendance([_book(tmp_path / "kq.xlsx")], punches=[log])
    assert done.computed, done.report.issues
    day = done.result.daily.set_index(["employee_id", "date"]).loc[("1001", "2026-11-02")]
    assert (day["status"], day["check_in"], day["check_out"], day["overtime_hours"]) == (
        "present", 9 * 3600, 86400 + 1800, 6.5)
