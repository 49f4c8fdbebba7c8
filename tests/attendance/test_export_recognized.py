"""A punch export given where a workbook is read — validate, calculate, report — is told
as what it is (``punch-export-as-workbook``: give it with --punches), in both languages,
exit 2 and the file untouched, instead of "fits performance appraisal or attendance
equally: use --kind". A workbook of no kind is still ``unknown-kind``."""

from __future__ import annotations

import hashlib

import openpyxl
from conftest import run_cli
from quirkbooks import daily_report

import opsbook


def test_validate_calculate_and_report_tell_an_export(tmp_path):
    path = daily_report(tmp_path / "每日统计.xlsx")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for args in (["validate", path], ["calculate", path],
                 ["report", path, "-o", tmp_path / "r.html"]):
        done = run_cli(*args)
        said = done.stdout + done.stderr
        assert done.returncode == 2, said
        assert "ambiguous-kind" not in said and "--kind" not in said
        assert "it is a punch export. Give it with --punches" in said or \
            "这是打卡导出文件。请用 --punches 指定它" in said, said
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    report = opsbook.validate(path)
    assert [(i.code, i.sheet) for i in report.issues] == [("punch-export-as-workbook", "Sheet")]
    assert "这是打卡导出文件" in report.issues[0].message("zh")


def test_a_workbook_of_no_kind_is_still_unknown(tmp_path):
    path = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Item", "Price"])
    wb.active.append(["Tea", 3])
    wb.save(path)
    assert [i.code for i in opsbook.validate(path).issues] == ["unknown-kind"]
