"""An edited punch export is read again under --skip-unchanged: the manifest records each
export's SHA-256, not only its name."""

from __future__ import annotations

import datetime as dt

import openpyxl
from conftest import run_cli
from quirkbooks import base, write

DT = dt.datetime


def _export(path, check_in):
    book = openpyxl.Workbook()
    for row in (["User ID", "Date/Time"], ["E001", check_in], ["E001", DT(2026, 11, 2, 18, 5)]):
        book.active.append(row)
    book.save(path)
    return path


def test_an_edited_export_is_not_up_to_date(tmp_path):
    sheets = base("attendance")
    sheets["Clock"] = sheets["Clock"][:1]
    workbook = write(tmp_path / "attendance.xlsx", sheets)
    log = _export(tmp_path / "attlog.xlsx", DT(2026, 11, 2, 8, 58))
    out = tmp_path / "summary.xlsx"
    args = ("attendance", "summarize", workbook, "--punches", log, "-o", out,
            "--skip-unchanged", "--quiet")
    first = run_cli(*args)
    assert first.returncode in (0, 1), first.stderr
    same = run_cli(*args)
    assert "up to date" in same.stderr
    _export(log, DT(2026, 11, 2, 9, 30))  # the same name, a late arrival now
    edited = run_cli(*args)
    assert "up to date" not in edited.stderr
    late = openpyxl.load_workbook(out)["Daily"]
    header = [c.value for c in late[2]]
    minutes = [row[header.index("Late Minutes")] for row in late.iter_rows(min_row=3,
                                                                           values_only=True)
               if row[header.index("Employee ID")] == "E001"
               and str(row[header.index("Date")]).startswith("2026-11-02")]
    assert minutes and minutes[0] and minutes[0] > 0
