"""An Employee ID typed on Clock, Leave, Overtime or a punch export in another case, in full
width or spaced (e-2, Ｅ-2, e - 2 for E-2) belongs to the employee whose ID it is written like,
as plan item IDs are compared; two IDs written alike (E-2 and e-2 both listed) are told
apart exactly, never merged."""

from __future__ import annotations

import datetime as dt

from quirkbooks import export, write

import opsbook

D, T = dt.datetime, dt.time
HEAD = {"Clock": ["Employee ID", "Date", "Check In", "Check Out"],
        "Leave": ["Request ID", "Employee ID", "Leave Type", "Start", "End", "Approved By",
                  "Approved On", "Status"],
        "Overtime": ["Request ID", "Employee ID", "Date", "Start", "End", "Approved By",
                     "Approved On", "Status"]}


def _book(path, people, clock, leave=(), overtime=()):
    return write(path, {"Employees": [["Employee ID", "Name", "Department"], *people],
                        "Clock": [HEAD["Clock"], *clock], "Leave": [HEAD["Leave"], *leave],
                        "Overtime": [HEAD["Overtime"], *overtime],
                        "Settings": [["Key", "Value"], ["month", "2026-11"]]})


def test_ids_in_another_case_width_or_spacing_are_the_employee(tmp_path):
    book = _book(tmp_path / "ids.xlsx", [["E-2", "Li Na", "Ops"]],
                 [["e-2", D(2026, 11, 2), T(9), T(18)], ["Ｅ-2", D(2026, 11, 3), T(9, 20), T(18)],
                  ["e - 2", D(2026, 11, 4), T(9), T(20)]],
                 leave=[["L1", "e-2", "annual", D(2026, 11, 5), D(2026, 11, 6), "M",
                         D(2026, 11, 1), "approved"]],
                 overtime=[["O1", "e－2", D(2026, 11, 4), T(18), T(20), "M", D(2026, 11, 1),
                            "approved"]])
    done = opsbook.summarize_attendance([book])
    assert done.computed, done.report.issues
    assert not [i for i in done.report.issues if i.code == "unknown-reference"]
    assert done.result.violations["flag"].ne("unknown_employee").all()
    month = done.result.monthly.iloc[0]
    # 21 work days: 3 attended (one 20 minutes late), 2 on leave, 16 absent; 2 h approved OT
    assert (month["employee_id"], month["days_present"], month["late_count"],
            month["leave_days"], month["absent_days"], month["overtime_approved_hours"]) \
        == ("E-2", 3, 1, 2, 16, 2)


def test_a_punch_export_id_in_lower_case(tmp_path):
    book = _book(tmp_path / "book.xlsx", [["AB01", "Wang Wu", "Ops"]], [])
    punches = export(tmp_path / "punches.xlsx", [["工号", "打卡时间"],
                                                 ["ab01", "2026-11-02 08:58"],
                                                 ["ab01", "2026-11-02 18:02"]])
    done = opsbook.summarize_attendance([book], punches=[punches])
    assert done.computed, done.report.issues
    daily = done.result.daily.set_index("date")
    assert daily.loc["2026-11-02", "status"] == "present"
    assert daily.loc["2026-11-02", "hours_worked"] == 9.066666666666666  # 08:58-18:02


def test_two_ids_written_alike_are_not_merged(tmp_path):
    book = _book(tmp_path / "two.xlsx", [["E-2", "Li Na", "Ops"], ["e-2", "Zhao Yi", "Ops"]],
                 [["e-2", D(2026, 11, 2), T(9), T(18)], ["E 2", D(2026, 11, 3), T(9), T(18)]])
    done = opsbook.summarize_attendance([book])
    assert done.computed, done.report.issues
    present = done.result.monthly.set_index("employee_id")["days_present"]
    assert present.to_dict() == {"E-2": 0, "e-2": 1}  # e-2 as typed; "E 2" is no one's
    unknown = done.result.violations[done.result.violations["flag"] == "unknown_employee"]
    assert unknown["employee_id"].tolist() == ["E 2"]


def test_one_employee_with_ids_written_otherwise_in_two_workbooks(tmp_path):
    """007 in one department's workbook, 7 in another's (Excel dropped the zeros), e-2 for
    E-2, the same name: one employee, in either order of the files; someone else's ID is
    left alone."""
    first = _book(tmp_path / "ops.xlsx", [["007", "Li Na", "Ops"], ["E-2", "Zhao Yi", "Ops"],
                                          ["9", "Qian Er", "Ops"]],
                  [["007", D(2026, 11, 2), T(9), T(18)], ["E-2", D(2026, 11, 2), T(9), T(18)]])
    second = _book(tmp_path / "sales.xlsx", [[7, "Li Na", "Ops"], ["e-2", "Zhao Yi", "Ops"],
                                             ["009", "Sun San", "Ops"]],
                   [[7, D(2026, 11, 3), T(9, 30), T(18)], ["e-2", D(2026, 11, 3), T(9), T(18)]],
                   leave=[["L1", 7, "sick", D(2026, 11, 4), D(2026, 11, 4), "M",
                           D(2026, 11, 4), "approved"]])
    for books, li, zhao in (([first, second], "007", "E-2"), ([second, first], "7", "e-2")):
        done = opsbook.summarize_attendance(books)
        assert done.computed, done.report.issues
        monthly = done.result.monthly.set_index("employee_id")
        assert (monthly.loc[li, ["days_present", "late_count", "leave_sick"]].tolist()
                == [2, 1, 1])  # 2 Nov from ops, 3 Nov (30 minutes late) and 4 Nov from sales
        assert monthly.loc[zhao, "days_present"] == 2
        assert sorted(monthly["name"]) == ["Li Na", "Qian Er", "Sun San", "Zhao Yi"]
        assert done.result.departments.iloc[0]["headcount"] == 4
