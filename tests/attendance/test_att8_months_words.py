"""Several months in the words of a summary: the Chinese status line and messages join them
with the Chinese enumeration comma (2026-10、2026-11, not "2026-10, 2026-11"), and a run
of workbooks for October and November without clock data says both months, not October
only."""

from __future__ import annotations

import datetime as dt

from quirkbooks import write

import opsbook

EMPLOYEES = [["Employee ID", "Name", "Department"], ["E1", "Wang", "Ops"]]


def _book(path, month, *clock):
    return write(path, {
        "Employees": EMPLOYEES,
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  *(["E1", day, dt.time(9), dt.time(18)] for day in clock)],
        "Settings": [["Key", "Value"], ["month", month]]})


def test_two_months_in_the_chinese_status_line(tmp_path):
    book = _book(tmp_path / "a.xlsx", None, dt.datetime(2026, 10, 30), dt.datetime(2026, 11, 2))
    zh = opsbook.summarize_attendance([book], lang="zh")
    assert zh.computed, zh.report.issues
    assert zh.headline.startswith("2026-10、2026-11：1 人，")
    en = opsbook.summarize_attendance([book], lang="en")
    assert en.headline.startswith("2026-10, 2026-11: 1 employee, ")


def test_no_clock_data_names_every_month_of_the_run(tmp_path):
    october = _book(tmp_path / "oct.xlsx", "2026-10", dt.datetime(2026, 9, 2))
    november = _book(tmp_path / "nov.xlsx", "2026-11", dt.datetime(2026, 9, 3))
    done = opsbook.summarize_attendance([october, november])
    assert not done.computed
    empty = [i for i in done.report.issues if i.code == "no-clock-data"]
    assert len(empty) == 1
    assert empty[0].message("en").startswith("No clock data for 2026-10, 2026-11:")
    assert empty[0].message("zh").startswith("2026-10、2026-11 没有任何打卡记录")
    outside = [i for i in done.report.issues if i.code == "clock-outside-month"]
    assert [i.cell for i in outside] == ["B2", "B2"]
    assert "不在 2026-10、2026-11 内" in outside[0].message("zh")
    assert "are outside 2026-10, 2026-11 and" in outside[0].message("en")


def test_lists_in_chinese_punch_messages_use_the_enumeration_comma(tmp_path):
    from quirkbooks import export

    staff = write(tmp_path / "staff.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["E2", "李四", "运营部"], ["E3", "李四", "销售部"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    names = export(tmp_path / "names.xlsx", [["姓名", "打卡时间"],
                                             ["李四", "2026-11-02 08:58"]])
    nothing = export(tmp_path / "roster.xlsx", [["部门", "人数"], ["运营部", 2]])
    done = opsbook.summarize_attendance([staff], punches=[names])
    ambiguous = next(i for i in done.report.issues if i.code == "ambiguous-punch-name")
    assert ambiguous.cell == "A2"
    assert "（E2、E3）" in ambiguous.message("zh")
    assert "(E2, E3)" in ambiguous.message("en")
    done = opsbook.summarize_attendance([staff], punches=[nothing])
    columns = next(i for i in done.report.issues if i.code == "no-punch-columns").message("zh")
    assert "工号/Employee ID、姓名/Name、打卡时间/Date/Time、上班1/下班1" in columns
    assert ", " not in columns
