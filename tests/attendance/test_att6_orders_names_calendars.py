"""Request IDs in the order people number them, names in exports as people space and case
them, one calendar for workbooks summarised together (a day two of them give different
kinds is told), a punch export saved as text told what to do with it, a serial date-time
in the Punches sheet read as in an export, and the same time as a Clock row's check-in and
check-out one punch."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from quirkbooks import D, T, base, export, write

import opsbook

LEAVE_HEADER = ["Request ID", "Employee ID", "Leave Type", "Start", "End", "Approved On",
                "Status"]


def daily(done, employee, date):
    return done.result.daily.set_index(["employee_id", "date"]).loc[
        (employee, pd.Timestamp(date))]


def test_request_l9_comes_before_l10(tmp_path):
    """L9 (a whole day of annual leave) and L10 (a whole day of personal leave) on one day:
    L10 is the later request and overlaps L9, so the day is L9's annual leave. As text,
    "L10" < "L9" made L10 the first, the day personal leave and L9 the overlapping one."""
    sheets = base("attendance")
    sheets["Leave"] = [LEAVE_HEADER,
                       ["L9", "E001", "annual", D(2026, 11, 4), D(2026, 11, 4),
                        D(2026, 11, 1), "approved"],
                       ["L10", "E001", "personal", D(2026, 11, 4), D(2026, 11, 4),
                        D(2026, 11, 1), "approved"],
                       [9, "E002", "sick", D(2026, 11, 5), D(2026, 11, 5), D(2026, 11, 1),
                        "approved"],
                       [10, "E002", "annual", D(2026, 11, 5), D(2026, 11, 5),
                        D(2026, 11, 1), "approved"]]
    done = opsbook.summarize_attendance([write(tmp_path / "ids.xlsx", sheets)])
    assert done.computed, done.report.issues
    assert (daily(done, "E001", "2026-11-04")[["leave_type", "leave_request"]].tolist()
            == ["annual", "L9"])
    assert daily(done, "E002", "2026-11-05")["leave_type"] == "sick"
    overlaps = done.result.violations.query("flag == 'leave_overlap'")
    assert sorted(zip(overlaps["request_id"].astype(str), overlaps["other"].astype(str))) == [
        ("10", "9"), ("L10", "L9")]
    assert set(overlaps["row"]) == {3, 5}  # the later requests' rows
    zh = opsbook.summarize_attendance([tmp_path / "ids.xlsx"], lang="zh")
    details = {row[7]: row[6] for row in zh.sheets[3].rows}  # request → detail
    assert (details["L10"], details["10"]) == ("与 L9 重叠", "与 9 重叠")
    by_type = done.result.monthly.set_index("employee_id")
    assert (by_type.loc["E001", "leave_annual"], by_type.loc["E001", "leave_personal"]) == (
        1, 0)


def test_names_in_an_export_match_whatever_their_spacing_case_and_width(tmp_path):
    """王 五 (a two-character name spaced to line up with three-character ones), 'li  si'
    and 'Ｌｉ　Ｓｉ' are 王五 and Li Si of the Employees sheet; 王六 is still no one."""
    sheets = base("attendance")
    sheets["Employees"] = [sheets["Employees"][0], ["E001", "王五", "运营部"],
                           ["E002", "Li Si", "运营部"]]
    sheets["Clock"] = sheets["Clock"][:1]
    book = write(tmp_path / "names.xlsx", sheets)
    log = export(tmp_path / "punches.xlsx", [
        ["姓名", "打卡时间"],
        ["王 五", "2026-11-02 08:58"], ["王 五", "2026-11-02 18:01"],
        ["li  si", "2026-11-02 09:10"], ["Ｌｉ　Ｓｉ", "2026-11-02 18:00"],
        ["王六", "2026-11-02 09:00"]])
    done = opsbook.summarize_attendance([book], punches=log)
    unknown = [(i.code, i.cell, i.value) for i in done.report.issues if i.file == str(log)]
    assert unknown == [("unknown-punch-name", "A6", "王六")]
    assert daily(done, "E001", "2026-11-02")["status"] == "present"
    li = daily(done, "E002", "2026-11-02")
    assert (li["status"], li["late_minutes"]) == ("late", 10)


def test_two_people_whose_names_fold_alike_are_ambiguous_not_merged(tmp_path):
    sheets = base("attendance")
    sheets["Employees"] = [sheets["Employees"][0], ["E001", "Li Si", "运营部"],
                           ["E002", "LI SI", "市场部"]]
    sheets["Clock"] = sheets["Clock"][:1]
    log = export(tmp_path / "punches.xlsx", [["姓名", "打卡时间"], ["li si", "2026-11-02 09:00"]])
    done = opsbook.summarize_attendance([write(tmp_path / "b.xlsx", sheets)], punches=log)
    found = [i for i in done.report.issues if i.file == str(log)]
    assert [(i.code, i.cell) for i in found] == [("ambiguous-punch-name", "A2")]
    assert "(E001, E002)" in found[0].message("en")


def department(tmp_path, name, employees, holidays):
    sheets = base("attendance")
    sheets["Employees"] = [sheets["Employees"][0], *employees]
    sheets["Clock"] = [sheets["Clock"][0],
                       *[[e[0], D(2026, 11, 2), T(9, 0), T(18, 0)] for e in employees]]
    sheets["Holidays"] = [["Date", "Name", "Kind"], *holidays]
    return write(tmp_path / name, sheets)


def test_a_day_two_workbooks_give_different_kinds_is_told(tmp_path):
    """Sales makes Saturday 14 November a workday and Monday 9 November a holiday; Ops says
    the opposite. The workbooks share one calendar (the first one's kinds): each day Ops
    contradicts is a warning at its Kind cell, in both languages."""
    sales = department(tmp_path, "sales.xlsx", [["E001", "张伟", "销售部"]],
                       [[D(2026, 11, 9), "x", "holiday"], [D(2026, 11, 14), "y", "workday"]])
    ops = department(tmp_path, "ops.xlsx", [["E002", "李娜", "运营部"]],
                     [[D(2026, 11, 9), "x", "workday"], [D(2026, 11, 14), "y", "holiday"],
                      [D(2026, 11, 20), "z", "holiday"]])
    done = opsbook.summarize_attendance([sales, ops])
    assert done.computed and done.exit_code == 0
    told = [i for i in done.report.issues if i.code == "holiday-conflict"]
    assert [(i.file, i.sheet, i.cell, i.severity) for i in told] == [
        (str(ops), "Holidays", "C2", "warning"), (str(ops), "Holidays", "C3", "warning")]
    assert "a make-up workday here but a holiday in sales.xlsx (row 2)" in told[0].message("en")
    assert "“调休上班”" in told[0].message("zh") and "“节假日”计算" in told[0].message("zh")
    assert daily(done, "E002", "2026-11-09")["day_type"] == "holiday"  # the first's kind
    assert daily(done, "E001", "2026-11-20")["day_type"] == "holiday"  # no conflict: shared
    alone = opsbook.summarize_attendance([ops])
    assert not [i for i in alone.report.issues if i.code == "holiday-conflict"]


def test_a_punch_export_saved_as_csv_is_told_to_be_saved_as_xlsx(tmp_path):
    sheets = base("attendance")
    book = write(tmp_path / "book.xlsx", sheets)
    csv = tmp_path / "punches.csv"
    csv.write_bytes("工号,打卡时间\nE001,2026-11-04 08:58\n".encode("gbk"))
    done = opsbook.summarize_attendance([book], punches=csv)
    told = [i for i in done.report.issues if i.file == str(csv)]
    assert [(i.code, i.category) for i in told] == [("punch-export-text", "file")]
    assert "save it as .xlsx" in told[0].message("en")
    assert "standard template" not in told[0].message("en")
    assert "另存为 .xlsx" in told[0].message("zh") and "CSV 文件" in told[0].message("zh")
    assert done.exit_code == 2


def test_a_serial_date_time_in_the_punches_sheet_is_read_as_in_an_export(tmp_path):
    """A date-time pasted as a value into the Punches sheet is Excel's serial number
    (46328.37361 is 2026-11-02 08:58): read as that date-time, as an export's serials are,
    not a type error; an ID typed 7 or ０07 is employee 007."""
    def serial(*when):
        return (dt.datetime(*when) - dt.datetime(1899, 12, 30)).total_seconds() / 86400

    sheets = base("attendance")
    sheets["Employees"] = [sheets["Employees"][0], ["007", "王五", "运营部"]]
    sheets["Clock"] = sheets["Clock"][:1]
    sheets["打卡明细"] = [["工号", "打卡时间"], [7, serial(2026, 11, 2, 8, 58)],
                        ["０07", serial(2026, 11, 2, 18, 1)]]
    done = opsbook.summarize_attendance([write(tmp_path / "serials.xlsx", sheets)])
    assert done.computed, done.report.issues
    assert not [i for i in done.report.issues if i.code == "type-error"]
    row = daily(done, "007", "2026-11-02")
    assert (row["status"], row["check_in"], row["check_out"]) == (
        "present", 8 * 3600 + 58 * 60, 18 * 3600 + 60)


def test_the_same_time_as_check_in_and_check_out_is_one_punch(tmp_path):
    """A Clock row whose check-in and check-out are the same time holds one punch (as two
    punches less than a minute apart are one): 09:00/09:00 is a check-in, 18:00/18:00 a
    check-out, each a single punch judged by what it has, not a day of no hours (absent)."""
    sheets = base("attendance")
    sheets["Clock"] = [sheets["Clock"][0],
                       ["E001", D(2026, 11, 2), T(9, 0), T(9, 0)],
                       ["E002", D(2026, 11, 2), T(18, 0), T(18, 0)],
                       ["E003", D(2026, 11, 2), T(9, 10), T(9, 10)]]
    done = opsbook.summarize_attendance([write(tmp_path / "same.xlsx", sheets)])
    assert done.computed, done.report.issues
    first, second, third = (daily(done, e, "2026-11-02") for e in ("E001", "E002", "E003"))
    assert (first["status"], first["check_in"], pd.isna(first["check_out"])) == (
        "present", 9 * 3600, True)
    assert (second["status"], pd.isna(second["check_in"]), second["check_out"]) == (
        "present", True, 18 * 3600)
    assert (third["status"], third["late_minutes"]) == ("late", 10)
    single = done.result.violations.query("flag == 'single_punch'")
    assert sorted(zip(single["employee_id"], single["field"])) == [
        ("E001", "check_out"), ("E002", "check_in"), ("E003", "check_out")]
    assert done.result.violations.query("flag == 'absent'").query(
        "date == '2026-11-02'").empty


def test_holiday_kinds_in_the_words_people_use(tmp_path):
    """放假 and public holiday are holidays; make-up workday (the README's words) and 补班 are
    workdays."""
    sheets = base("attendance")
    sheets["Holidays"] = [["Date", "Name", "Kind"], [D(2026, 11, 9), "a", "放假"],
                          [D(2026, 11, 10), "b", "public holiday"],
                          [D(2026, 11, 14), "c", "make-up workday"],
                          [D(2026, 11, 15), "d", "补班"], [D(2026, 11, 21), "e", "make-up day"]]
    done = opsbook.summarize_attendance([write(tmp_path / "kinds.xlsx", sheets)])
    assert done.computed, done.report.issues
    assert not [i for i in done.report.issues if i.code == "invalid-choice"]
    kinds = done.result.calendar.set_index("date")["day_type"]
    assert [kinds[pd.Timestamp(2026, 11, d)] for d in (9, 10, 14, 15, 21)] == [
        "holiday", "holiday", "work", "work", "work"]
