"""A Chinese clerk's mistakes are told in Chinese only: a value outside a drop-down lists the
allowed values in Chinese (上午、下午, never am/上午 / pm/下午), and a date
typed without its year (11月3日, 11/3, 8.5) is said to lack it, with a Chinese example of a
date to write instead of 3-Nov-2026."""

from __future__ import annotations

import re
import subprocess
import sys

import openpyxl

import opsbook


def _edited(path, lang, leave_sheet, clock_sheet, leave_cells, clock_cells):
    """A sample attendance workbook with cells of its Leave sheet (by header, row) and Clock
    sheet (by A1 address) typed over; returns the path and the Leave sheet's header letters."""
    opsbook.new_workbook("attendance", lang, path, sample=True)
    book = openpyxl.load_workbook(path)
    leave, clock = book[leave_sheet], book[clock_sheet]
    heads = {c.value: c.column_letter for c in leave[3]}
    for (head, row), value in leave_cells.items():
        leave[f"{heads[head]}{row}"] = value
    for cell, value in clock_cells.items():
        clock[cell] = value
    book.save(path)
    return path, heads


def _attendance(tmp_path):
    return _edited(tmp_path / "考勤.xlsx", "zh", "请假", "打卡记录",
                   {("请假类型", 4): "旅游假", ("半天", 5): "否"},
                   {"B4": "10月8日", "B5": "10.9", "B6": "2026/10/40"})


def test_a_choice_is_listed_in_the_words_of_the_message(tmp_path):
    path, heads = _attendance(tmp_path)
    by_cell = {i.cell: i for i in opsbook.validate(path).issues}
    kind, half = by_cell[f"{heads['请假类型']}4"], by_cell[f"{heads['半天']}5"]
    assert kind.code == half.code == "invalid-choice"
    assert kind.message("zh") == ("“请假类型”应为以下之一：年假、病假、事假、婚假、产假、丧假、"
                                  "其他；实际为“旅游假”。")
    assert half.message("zh") == "“半天”应为以下之一：上午、下午；实际为“否”。"
    assert half.message("en") == "'半天' must be one of am/上午 / pm/下午, found '否'."
    for issue in (kind, half):
        assert not re.search(r"[A-Za-z]", issue.message("zh"))


def test_a_date_without_its_year_is_said_so_in_chinese(tmp_path):
    path, _heads = _attendance(tmp_path)
    by_cell = {i.cell: i for i in opsbook.validate(path).issues if i.sheet == "打卡记录"}
    for cell, typed in (("B4", "10月8日"), ("B5", "10.9")):
        issue = by_cell[cell]
        assert issue.code == "type-error"
        assert issue.message("zh") == (f"“日期”应为日期，实际为“{typed}”。其中没有年份：请写上"
                                       "年份，年份在前，如 2026-11-03 或 2026年11月3日。")
        assert "has no year" in issue.message("en")
    other = by_cell["B6"]  # a year, but no day that is one: the hint as before
    assert other.message("zh") == ("“日期”应为日期，实际为“2026/10/40”。请按年份在前的形式填写"
                                   "日期，如 2026-11-03 或 2026年11月3日。")
    assert "Nov" not in other.message("zh")


def test_the_command_line_says_it_in_chinese_without_lang(tmp_path):
    path, _heads = _attendance(tmp_path)
    done = subprocess.run([sys.executable, "-m", "opsbook", "validate", str(path), "--jobs", "1"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 1
    assert "“请假类型”应为以下之一：年假、病假、事假、婚假、产假、丧假、其他；" in done.stdout
    assert "其中没有年份" in done.stdout
    assert "annual/" not in done.stdout and "3-Nov-2026" not in done.stdout


def test_an_english_workbook_told_in_chinese_keeps_its_own_words(tmp_path):
    path, heads = _edited(tmp_path / "attendance.xlsx", "en", "Leave", "Clock",
                          {("Half Day", 4): "yes"}, {"B4": "26/07/2026", "B5": "Oct 8"})
    by_cell = {i.cell: i for i in opsbook.validate(path).issues}
    # the English drop-down's words are what this clerk sees: both are listed
    assert by_cell[f"{heads['Half Day']}4"].message("zh") == (
        "“Half Day”应为以下之一：am/上午 / pm/下午；实际为“yes”。")
    assert by_cell["B4"].message("zh").endswith("如 2026-11-03（或 3-Nov-2026）。")
    assert by_cell["B5"].message("zh").endswith("其中没有年份：请写上年份，年份在前，"
                                                "如 2026-11-03 或 2026年11月3日。")
    assert by_cell["B5"].message("en").endswith(
        "It has no year: write the year too, year first, such as 2026-11-03.")


def test_the_words_of_a_daily_report_for_no_punch_are_blank(tmp_path):
    """A DingTalk or WeCom daily report copied into 打卡记录 says 旷工, 漏卡 or --:-- where no
    punch was made: the cell is blank, and the day is judged as such a day is."""
    path = tmp_path / "考勤.xlsx"
    opsbook.new_workbook("attendance", "zh", path)
    book = openpyxl.load_workbook(path)
    book["员工"].append(["E1", "王五", "运营部"])
    clock = book["打卡记录"]
    clock.append(["E1", "2026/11/2", "旷工", "旷工"])
    clock.append(["E1", "2026/11/3", "漏卡", "18:00"])
    clock.append(["E1", "2026/11/4", "9:20", "－－：－－"])
    settings = book["设置"]
    month = next(r for r in range(1, settings.max_row + 1) if settings.cell(r, 1).value == "month")
    settings.cell(month, 2).value = "2026年11月"
    book.save(path)
    assert not [i for i in opsbook.validate(path).issues if i.code == "type-error"]
    done = opsbook.summarize_attendance([path])
    assert done.computed
    daily = done.result.daily.set_index("date")
    assert daily.loc["2026-11-02", "status"] == "absent"
    assert bool(daily.loc["2026-11-03", "flag_single_punch"])
    assert daily.loc["2026-11-04", "status"] == "late"
    assert bool(daily.loc["2026-11-04", "flag_single_punch"])
