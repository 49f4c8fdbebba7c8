"""An approved request that lacks its approver or its approval date is told which, at the
blank cell (only a missing date keeps it from counting); hour thresholds longer than the
shift are errors at their Settings cell, and an absence threshold above the half-day one a
warning."""

from __future__ import annotations

from quirkbooks import D, T, write

import opsbook

BASE = {
    "Employees": [["Employee ID", "Name", "Department"], ["E1", "A", "Ops"]],
    "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
              ["E1", D(2026, 11, 3), T(9, 0), T(18, 0)]],
}


def test_each_missing_part_of_an_approval_is_told_at_its_cell(tmp_path):
    sheets = {**BASE,
              "Leave": [["Request ID", "Employee ID", "Leave Type", "Start", "End",
                         "Approved By", "Approved On", "Status"],
                        ["L1", "E1", "annual", D(2026, 11, 5), D(2026, 11, 5), None,
                         D(2026, 11, 1), "approved"],
                        ["L2", "E1", "annual", D(2026, 11, 6), D(2026, 11, 6), "Boss", None,
                         "approved"],
                        ["L3", "E1", "annual", D(2026, 11, 9), D(2026, 11, 9), None, None,
                         "approved"],
                        ["L4", "E1", "annual", D(2026, 11, 10), D(2026, 11, 10), None, None,
                         "pending"]],
              "Overtime": [["Request ID", "Employee ID", "Date", "Start", "End",
                            "Approved On", "Status"],
                           ["O1", "E1", D(2026, 11, 3), T(18, 0), T(20, 0), D(2026, 11, 3),
                            "approved"]],
              "Settings": [["Key", "Value"], ["month", "2026-11"]]}
    done = opsbook.summarize_attendance([write(tmp_path / "approvals.xlsx", sheets)])
    told = [i for i in done.report.issues if i.code == "not-approved"]
    # L1 lacks the approver (F), L2 and L3 the date (G); O1 has no Approved By column: its
    # Status (G); the pending L4 is no approved request
    assert [(i.sheet, i.cell, i.value) for i in told] == [
        ("Leave", "F2", "L1"), ("Leave", "G3", "L2"), ("Leave", "G4", "L3"),
        ("Overtime", "G2", "O1")]
    en = [i.message("en") for i in told]
    assert "names no approver" in en[0] and "not counted" not in en[0]
    assert "no approval date" in en[1] and "not counted as approved" in en[1]
    assert "neither an approver nor an approval date" in en[2]
    zh = told[1].message("zh")
    assert zh == "申请 L2 状态为已批准，但没有审批日期（审批日期为空），不按已批准计算。"
    # what the messages say is what is counted: L1 is leave, L2 and L3 are not
    leave = done.result.daily.set_index("date")["leave_days"]
    assert (leave["2026-11-05"], leave["2026-11-06"], leave["2026-11-09"]) == (1, 0, 0)


def _settings(tmp_path, *rows):
    sheets = {**BASE, "Settings": [["Key", "Value"], ["month", "2026-11"], *rows]}
    return opsbook.summarize_attendance([write(tmp_path / "settings.xlsx", sheets)])


def test_a_threshold_longer_than_the_shift_is_an_error_at_its_cell(tmp_path):
    """A 09:00–18:00 shift is 9 hours: half_day_hours 9 is allowed (a whole shift is not
    below it), 10 would make every full day a half day, and absent_hours 9.5 an absence."""
    done = _settings(tmp_path, ["half_day_hours", 10], ["absent_hours", 9.5])
    assert done.result is None
    bad = [(i.cell, i.field, i.severity) for i in done.report.issues
           if i.code == "invalid-setting"]
    assert bad == [("B3", "half_day_hours", "error"), ("B4", "absent_hours", "error")]
    said = next(i for i in done.report.issues if i.field == "half_day_hours")
    assert "shift's 9 hours (09:00–18:00)" in said.message("en")
    assert "不得超过班次时长 9 小时（09:00–18:00），否则" in said.message("zh")
    fine = _settings(tmp_path, ["half_day_hours", 9])
    assert fine.computed
    assert fine.result.daily.set_index("date").loc["2026-11-03", "status"] == "present"


def test_an_absence_threshold_above_the_half_day_one_is_a_warning(tmp_path):
    done = _settings(tmp_path, ["half_day_hours", 2], ["absent_hours", 4])
    said = [i for i in done.report.issues if i.code == "invalid-setting"]
    assert [(i.cell, i.field, i.severity) for i in said] == [
        ("B4", "absent_hours", "warning")]
    assert "no day is a half day" in said[0].message("en")
    assert done.computed
