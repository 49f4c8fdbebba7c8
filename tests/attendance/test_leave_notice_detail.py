"""A leave request approved late, or with too little notice, says by how many days in the
Violations sheet's Detail column."""

from __future__ import annotations

import datetime as dt

import openpyxl

import opsbook
from opsbook.api import new_workbook
from opsbook.attendance.outputs import violations_frame


def test_the_detail_counts_the_days(tmp_path):
    path = tmp_path / "attendance.xlsx"
    new_workbook("attendance", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    leave = book["Leave"]
    header = {c.value: c.column for c in leave[3]}
    r = next(n for n in range(4, leave.max_row + 1)
             if leave.cell(n, header["Status"]).value == "approved")
    start = leave.cell(r, header["Start"]).value
    start_day = start.date() if isinstance(start, dt.datetime) else start
    leave.cell(r, header["Approved On"], start_day + dt.timedelta(days=3))
    request = leave.cell(r, header["Request ID"]).value
    book.save(path)
    done = opsbook.summarize_attendance([path])
    for lang, text in (("en", "approved 3 day(s) after it started"), ("zh", "开始后 3 天才审批")):
        v = violations_frame(done.result, lang)
        late = v[(v["flag"] == "leave_approved_late") & (v["request_id"] == request)]
        assert list(late["detail"]) == [text]
