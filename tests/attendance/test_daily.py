"""Each status and flag at its exact boundary, hand-checked (shift 09:00–18:00, grace 5 min,
half day below 4 h, absent below 2 h, unless a test says otherwise). 2026-11-02 is a Monday."""

from __future__ import annotations

import pandas as pd
import pytest
from frames import clock, day, flags, found, holidays, leave, overtime, run


@pytest.mark.parametrize(("check_in", "status", "late"), [
    ("09:05", "present", 0), ("09:05:59", "late", 6), ("09:06", "late", 6), ("09:00", "present", 0),
])
def test_late_at_start_plus_grace(check_in, status, late):
    row = day(run(clock(("E1", "2026-11-02", check_in, "18:00"))), "E1", "2026-11-02")
    assert (row["status"], row["late_minutes"]) == (status, late)


@pytest.mark.parametrize(("check_out", "status", "early"), [
    ("17:55", "present", 0), ("17:54", "early", 6), ("17:54:30", "early", 6),
])
def test_early_at_end_minus_grace(check_out, status, early):
    row = day(run(clock(("E1", "2026-11-02", "08:50", check_out))), "E1", "2026-11-02")
    assert (row["status"], row["early_minutes"]) == (status, early)


def test_late_and_early_on_one_day():
    row = day(run(clock(("E1", "2026-11-02", "09:30", "17:00"))), "E1", "2026-11-02")
    assert (row["status"], row["late_minutes"], row["early_minutes"]) == ("late_early", 30, 60)
    assert flags(row) == set()  # late/early are statuses; the Violations list has one row each
    result = run(clock(("E1", "2026-11-02", "09:30", "17:00")))
    mine = result.violations[result.violations["date"] == "2026-11-02"]
    assert list(mine[mine["employee_id"] == "E1"]["flag"]) == ["early", "late"]


@pytest.mark.parametrize(("check_out", "status", "absent_days"), [
    ("13:00", "early", 0.0),      # exactly 4 h: not a half day
    ("12:59", "half_day", 0.0),   # below 4 h
    ("11:00", "half_day", 0.0),   # exactly 2 h: not absent
    ("10:59", "absent", 1.0),     # below 2 h
])
def test_hours_at_half_day_and_absent_thresholds(check_out, status, absent_days):
    row = day(run(clock(("E1", "2026-11-02", "09:00", check_out))), "E1", "2026-11-02")
    assert (row["status"], row["absent_days"]) == (status, absent_days)
    assert row["late_minutes"] == row["early_minutes"] == 0 or status == "early"


def test_thresholds_of_zero_are_off():
    result = run(clock(("E1", "2026-11-02", "09:00", "10:00")), half_day_hours=0,
                 absent_hours=0)
    assert day(result, "E1", "2026-11-02")["status"] == "early"


def test_work_day_without_clock_row_is_absent_and_located_at_the_employee():
    result = run(clock(("E1", "2026-11-02", "08:55", "18:00")))
    row = day(result, "E2", "2026-11-02")
    assert (row["status"], row["absent_days"], flags(row)) == ("absent", 1.0, {"absent"})
    absent = found(result, "absent")
    first = absent[absent["employee_id"] == "E2"].iloc[0]
    assert (first["sheet"], first["field"], first["row"]) == ("Employees", "employee_id", 3)


def test_make_up_workday_on_a_saturday_and_holidays():
    cal = holidays(("2026-10-01", "国庆节", "holiday"), ("2026-10-10", "国庆调休", "workday"))
    result = run(clock(("E1", "2026-10-09", "08:55", "18:00")), month="2026-10",
                 holiday_frame=cal)
    assert day(result, "E1", "2026-10-10")["status"] == "absent"   # Saturday, a workday
    assert day(result, "E1", "2026-10-11")["status"] == "rest"     # Sunday
    assert day(result, "E1", "2026-10-01")["status"] == "holiday"  # Thursday, a holiday
    calendar = result.calendar.set_index("date")
    assert calendar.loc["2026-10-10", "day_type"] == "work"
    # October 2026: 22 weekdays, 1 of them a holiday, plus the Saturday
    assert result.monthly.set_index("employee_id").loc["E1", "work_days"] == 22


def test_holiday_on_a_monday_is_not_absence_and_work_on_it_is_overtime():
    cal = holidays(("2026-11-02", "公司庆典", "holiday"))
    result = run(clock(("E1", "2026-11-02", "10:00", "14:00")), holiday_frame=cal)
    row = day(result, "E1", "2026-11-02")
    assert (row["status"], row["overtime_unapproved"], row["overtime_approved"]) == (
        "holiday", 4.0, 0.0)
    assert day(result, "E2", "2026-11-02")["status"] == "holiday"
    assert result.monthly.set_index("employee_id").loc["E1", "work_days"] == 20


def test_night_shift_check_out_after_midnight():
    """A check-out earlier than the check-in is the next morning: counted, and flagged."""
    result = run(clock(("E1", "2026-11-02", "09:00", "01:30")),
                 overtime_frame=overtime({"request_id": "OT1", "employee_id": "E1",
                                          "date": "2026-11-02", "start": "18:00",
                                          "end": "02:00", "approved_on": "2026-11-01"}))
    row = day(result, "E1", "2026-11-02")
    assert row["status"] == "present"
    assert (row["hours_worked"], row["overtime_approved"], row["overtime_unapproved"]) == (
        16.5, 7.5, 0.0)
    assert row["check_out"] == 25.5 * 3600
    assert flags(row) == {"overnight"}
    (overnight,) = found(result, "overnight").itertuples()
    assert (overnight.sheet, overnight.field, overnight.row) == ("Clock", "check_out", 2)


def test_overtime_partly_approved():
    result = run(clock(("E1", "2026-11-02", "08:55", "21:00")),
                 overtime_frame=overtime({"request_id": "OT1", "employee_id": "E1",
                                          "date": "2026-11-02", "start": "18:30",
                                          "end": "20:00", "approved_on": "2026-11-02"}))
    row = day(result, "E1", "2026-11-02")
    assert (row["overtime_approved"], row["overtime_unapproved"]) == (1.5, 1.5)
    assert flags(row) == {"overtime_unapproved"}


def test_overlapping_approved_windows_count_their_common_time_once():
    """Worked 18:00–22:00 of overtime; approved 18–20, 19–21 and 19:30–20:30: 3 h approved
    (18–21), 1 h unapproved (21–22), whatever the order of the requests."""
    windows = [("OT1", "18:00", "20:00"), ("OT2", "19:00", "21:00"), ("OT3", "19:30", "20:30")]
    for order in (windows, windows[::-1]):
        result = run(clock(("E1", "2026-11-02", "09:00", "22:00")),
                     overtime_frame=overtime(*[{"request_id": r, "employee_id": "E1",
                                                "date": "2026-11-02", "start": a, "end": b,
                                                "approved_on": "2026-11-01"}
                                               for r, a, b in order]))
        row = day(result, "E1", "2026-11-02")
        assert (row["overtime_approved"], row["overtime_unapproved"]) == (3.0, 1.0)
        assert flags(row) == {"overtime_unapproved"}


def test_overtime_approved_after_the_day_is_not_approved():
    result = run(clock(("E1", "2026-11-02", "08:55", "20:00")),
                 overtime_frame=overtime({"request_id": "OT1", "employee_id": "E1",
                                          "date": "2026-11-02", "start": "18:00",
                                          "end": "20:00", "approved_on": "2026-11-03"}))
    row = day(result, "E1", "2026-11-02")
    assert (row["overtime_approved"], row["overtime_unapproved"]) == (0.0, 2.0)
    (finding,) = found(result, "overtime_unapproved").itertuples()
    assert (finding.request_id, finding.value) == ("OT1", 2.0)


@pytest.mark.parametrize(("check_out", "hours"), [("18:29", 0.0), ("18:30", 0.5)])
def test_overtime_below_the_minimum_is_none(check_out, hours):
    row = day(run(clock(("E1", "2026-11-02", "08:55", check_out))), "E1", "2026-11-02")
    assert row["overtime_unapproved"] + row["overtime_approved"] == hours


@pytest.mark.parametrize(("approved_on", "leave_type", "flag"), [
    ("2026-11-04", "annual", None),                        # the day before: enough notice
    ("2026-11-05", "annual", "leave_short_notice"),        # the same day: too little notice
    ("2026-11-05", "sick", None),                          # sick leave: 0 days of notice
    ("2026-11-06", "sick", "leave_approved_late"),         # after it started
])
def test_leave_notice_and_approval_after_the_start(approved_on, leave_type, flag):
    result = run(clock(), leave_frame=leave({
        "request_id": "L1", "employee_id": "E1", "leave_type": leave_type,
        "start": "2026-11-05", "end": "2026-11-05", "approved_on": approved_on}))
    row = day(result, "E1", "2026-11-05")
    assert (row["status"], row["leave_days"], row["leave_type"]) == ("leave", 1.0, leave_type)
    assert flags(row) == ({flag} if flag else set())
    rows = result.violations[result.violations["flag"].str.startswith("leave")]
    assert list(rows["flag"]) == ([flag] if flag else [])
    if flag:
        assert (rows.iloc[0]["sheet"], rows.iloc[0]["field"], rows.iloc[0]["row"]) == (
            "Leave", "approved_on", 2)


def test_leave_across_a_weekend_counts_work_days_only():
    result = run(clock(), leave_frame=leave({
        "request_id": "L1", "employee_id": "E1", "start": "2026-11-06", "end": "2026-11-09",
        "approved_on": "2026-11-01"}))
    statuses = [day(result, "E1", f"2026-11-{n:02d}")["status"] for n in (6, 7, 8, 9)]
    assert statuses == ["leave", "rest", "rest", "leave"]
    monthly = result.monthly.set_index("employee_id").loc["E1"]
    assert (monthly["leave_days"], monthly["leave_annual"]) == (2.0, 2.0)


def test_leave_across_a_holiday_counts_work_days_only():
    cal = holidays(("2026-11-04", "假日", "holiday"))
    result = run(clock(), holiday_frame=cal, leave_frame=leave({
        "request_id": "L1", "employee_id": "E1", "start": "2026-11-03", "end": "2026-11-05",
        "approved_on": "2026-11-01"}))
    assert result.monthly.set_index("employee_id").loc["E1", "leave_days"] == 2.0


@pytest.mark.parametrize("status", ["pending", "rejected", "cancelled"])
def test_leave_not_approved_is_absence_flagged(status):
    result = run(clock(), leave_frame=leave({
        "request_id": "L1", "employee_id": "E1", "start": "2026-11-05", "end": "2026-11-05",
        "approved_on": None, "status": status}))
    row = day(result, "E1", "2026-11-05")
    assert (row["status"], row["leave_days"], row["absent_days"]) == ("absent", 0.0, 1.0)
    assert flags(row) == {"leave_unapproved"}
    (finding,) = found(result, "leave_unapproved")[lambda f: f["date"] == "2026-11-05"] \
        .itertuples()
    assert (finding.request_id, finding.sheet, finding.field, finding.row) == (
        "L1", "Leave", "status", 2)


def test_approved_status_without_approval_date_is_not_leave():
    result = run(clock(), leave_frame=leave({
        "request_id": "L1", "employee_id": "E1", "start": "2026-11-05", "end": "2026-11-05",
        "approved_on": None}))
    assert flags(day(result, "E1", "2026-11-05")) == {"leave_unapproved"}


def test_morning_half_day_leave_as_a_time_range():
    """Leave 09:00–13:00: the shift starts at 13:00; half a day of leave, half a day due."""
    request = leave({"request_id": "L1", "employee_id": "E1", "start": "2026-11-05 09:00",
                     "end": "2026-11-05 13:00", "approved_on": "2026-11-01"})
    result = run(clock(("E1", "2026-11-05", "13:00", "18:00"),
                       ("E1", "2026-11-06", "13:20", "18:00")), leave_frame=request)
    row = day(result, "E1", "2026-11-05")
    assert (row["status"], row["leave_days"], row["absent_days"]) == ("present", 0.5, 0.0)
    request["end"] = request["end"] + pd.Timedelta(days=1)
    again = run(clock(("E1", "2026-11-06", "13:20", "18:00")), leave_frame=request)
    row = day(again, "E1", "2026-11-06")
    assert (row["status"], row["late_minutes"], row["leave_days"]) == ("late", 20, 0.5)


def test_half_day_leave_without_clock_data_is_half_an_absence():
    request = leave({"request_id": "L1", "employee_id": "E1", "start": "2026-11-05",
                     "end": "2026-11-05", "approved_on": "2026-11-01", "half": "pm"})
    result = run(clock(), leave_frame=request)
    row = day(result, "E1", "2026-11-05")
    assert (row["status"], row["leave_days"], row["absent_days"]) == ("absent", 0.5, 0.5)


def test_afternoon_half_day_leave_moves_the_end_of_the_shift():
    request = leave({"request_id": "L1", "employee_id": "E1", "start": "2026-11-05",
                     "end": "2026-11-05", "approved_on": "2026-11-01", "half": "pm"})
    result = run(clock(("E1", "2026-11-05", "08:58", "13:30")), leave_frame=request)
    row = day(result, "E1", "2026-11-05")
    assert (row["status"], row["early_minutes"], row["leave_days"]) == ("present", 0, 0.5)


def test_morning_and_afternoon_requests_make_a_full_day():
    result = run(clock(), leave_frame=leave(
        {"request_id": "L1", "employee_id": "E1", "start": "2026-11-05", "end": "2026-11-05",
         "approved_on": "2026-11-01", "half": "am"},
        {"request_id": "L2", "employee_id": "E1", "start": "2026-11-05", "end": "2026-11-05",
         "approved_on": "2026-11-01", "half": "pm", "leave_type": "sick"}))
    row = day(result, "E1", "2026-11-05")
    assert (row["status"], row["leave_days"]) == ("leave", 1.0)


def test_overlapping_leave_requests():
    result = run(clock(), leave_frame=leave(
        {"request_id": "L1", "employee_id": "E1", "start": "2026-11-05", "end": "2026-11-06",
         "approved_on": "2026-11-01"},
        {"request_id": "L2", "employee_id": "E1", "start": "2026-11-06", "end": "2026-11-09",
         "approved_on": "2026-11-01", "status": "pending"}))
    (finding,) = found(result, "leave_overlap").itertuples()
    assert (finding.request_id, finding.other, finding.row, finding.date.day) == (
        "L2", "L1", 3, 6)
    assert result.monthly.set_index("employee_id").loc["E1", "leave_days"] == 2.0


def test_several_clock_rows_for_a_day_are_combined_and_reported():
    result = run(clock(("E1", "2026-11-02", "09:20", "12:00"),
                       ("E1", "2026-11-02", "13:00", "18:10"),
                       ("E1", "2026-11-02", "08:59", None)))
    row = day(result, "E1", "2026-11-02")
    assert (row["check_in"], row["check_out"], row["status"]) == (8 * 3600 + 59 * 60,
                                                                   18 * 3600 + 600, "present")
    assert flags(row) == {"duplicate_clock"}
    assert list(found(result, "duplicate_clock")["row"]) == [3, 4]


def test_single_punch_is_judged_by_what_it_has_and_reported():
    result = run(clock(("E1", "2026-11-02", "09:10", None)))
    row = day(result, "E1", "2026-11-02")
    assert (row["status"], row["late_minutes"], flags(row)) == ("late", 10, {"single_punch"})
    (finding,) = found(result, "single_punch").itertuples()
    assert (finding.field, finding.row) == ("check_out", 2)


def test_unknown_employee_rows_are_left_out_and_listed():
    result = run(clock(("E1", "2026-11-02", "09:00", "18:00"),
                       ("E99", "2026-11-02", "09:00", "18:00")))
    (finding,) = found(result, "unknown_employee").itertuples()
    assert (finding.employee_id, finding.field, finding.row) == ("E99", "employee_id", 3)
    assert set(result.daily["employee_id"]) == {"E1", "E2", "E3"}


def test_rows_outside_the_month_are_left_out_with_a_note():
    result = run(clock(("E1", "2026-11-02", "09:00", "18:00"),
                       ("E1", "2026-10-30", "09:00", "18:00"),
                       ("E1", "2026-12-01", "09:00", "18:00")))
    (note,) = result.issues
    assert (note.code, note.severity, note.value, note.row) == (
        "clock-outside-month", "warning", 2, 3)
    assert "2026-10-30" in note.message("en") and "2026-12-01" in note.message("en")
    assert result.daily["date"].dt.month.eq(11).all()


def test_month_without_clock_data_is_an_error():
    result = run(clock(("E1", "2026-10-30", "09:00", "18:00")))
    assert [i.code for i in result.issues] == ["clock-outside-month", "no-clock-data"]
    assert result.issues[1].severity == "error"
    assert "2026-11" in result.issues[1].message("zh")


def test_month_from_the_clock_rows_when_not_set():
    result = run(clock(("E1", "2026-10-30", "09:00", "18:00"),
                       ("E1", "2026-11-02", "09:00", "18:00")), month="")
    assert result.months == ["2026-10", "2026-11"]
    assert len(result.daily) == 3 * (31 + 30)
    assert list(result.monthly["month"].unique()) == ["2026-10", "2026-11"]


def test_six_day_week():
    result = run(clock(), work_days="Mon-Sat")
    assert day(result, "E1", "2026-11-07")["status"] == "absent"
    assert day(result, "E1", "2026-11-08")["status"] == "rest"


def test_findings_of_another_month_are_left_to_its_summary():
    """A November summary lists no finding dated in October (a leave approved late that
    started then), so that each employee's Violations rows are what Monthly counts."""
    result = run(clock(("E1", "2026-11-02", "09:30", "18:00")),
                 leave_frame=leave({"request_id": "L1", "employee_id": "E2", "start": "2026-10-20",
                                    "end": "2026-10-21", "approved_on": "2026-10-25"},
                                   {"request_id": "L2", "employee_id": "E2", "start": "2026-11-03",
                                    "end": "2026-11-03", "approved_on": "2026-11-04"}))
    assert set(result.violations["date"].dt.strftime("%Y-%m")) == {"2026-11"}
    assert list(found(result, "leave_approved_late")["request_id"]) == ["L2"]
    counted = result.violations[result.violations["flag"] != "unknown_employee"]
    assert dict(counted.groupby("employee_id").size()) == {
        e: n for e, n in result.monthly.set_index("employee_id")["violations"].items() if n}
