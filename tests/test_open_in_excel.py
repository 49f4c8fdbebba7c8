"""Writing into a workbook that is open in Excel (its ``~$`` lock file beside it) is
refused: Excel would save over what was written. A copy (``-o``) may still be made. And a
plan's Calculate that cannot compute names only the sheets Calculate writes as stale."""

from __future__ import annotations

import hashlib
import shutil

from conftest import run_cli

import opsbook
from opsbook.api.workbook import calculate


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_calculate_and_plan_status_refuse_a_workbook_open_in_excel(tmp_path) -> None:
    tracker = opsbook.new_workbook("project", "en", tmp_path / "t.xlsx", sample=True)
    plan = opsbook.new_workbook("plan", "zh", tmp_path / "p.xlsx", sample=True)
    for book in (tracker, plan):
        (tmp_path / f"~${book.name}").write_bytes(b"\x00" * 162)
    before = {p: _digest(p) for p in (tracker, plan)}
    done = run_cli("calculate", tracker)
    assert done.returncode == 2
    assert "is open in Excel (its lock file ~$t.xlsx is beside it)" in done.stderr
    assert "正在 Excel 中打开" in done.stderr and "-o OUT" in done.stderr
    copy = run_cli("calculate", tracker, "-o", tmp_path / "copy.xlsx")
    assert copy.returncode in (0, 1) and (tmp_path / "copy.xlsx").exists()
    moved = run_cli("plan", "status", plan, "--set", "submitted")
    assert moved.returncode == 2
    assert "p.xlsx 正在 Excel 中打开" in moved.stderr and "-o OUT" not in moved.stderr
    assert {p: _digest(p) for p in (tracker, plan)} == before


def test_a_company_plan_that_cannot_track_names_only_tracking_sheets(tmp_path) -> None:
    for n in (1, 2):
        opsbook.new_workbook("plan", "zh", tmp_path / "plans" / f"d{n}.xlsx", sample=True)
    done = opsbook.consolidate_plans([tmp_path / "plans"], lang="zh")
    company = tmp_path / "company.xlsx"
    opsbook.api.write_output(company, done.sheets)
    first = shutil.copy(company, tmp_path / "again.xlsx")
    report, lines = calculate(first)
    assert not report.valid  # its conflicts are errors: nothing is tracked
    said = " ".join(lines)
    for consolidated in ("按部门", "按季度", "冲突"):
        assert f"{consolidated} 是上次计算的结果" not in said and consolidated + "、" not in said


def test_an_output_open_in_excel_is_refused_before_anything_is_written(tmp_path) -> None:
    tracker = opsbook.new_workbook("project", "en", tmp_path / "t.xlsx", sample=True)
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"the user's own workbook, open in Excel")
    (tmp_path / "~$out.xlsx").write_bytes(b"\x00" * 162)
    for args in (("calculate", tracker, "-o", out), ("report", tracker, "-o", out),
                 ("validate", tracker, "--annotate", out),
                 ("project", "status", tracker, "-o", out)):
        done = run_cli(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "out.xlsx is open in Excel" in done.stderr and "正在 Excel 中打开" in done.stderr
    assert out.read_bytes() == b"the user's own workbook, open in Excel"


def test_calculate_given_a_folder_says_it_is_a_folder(tmp_path) -> None:
    done = run_cli("calculate", tmp_path)
    assert done.returncode == 2
    assert "a folder" in done.stderr and "这是一个文件夹" in done.stderr
    assert ".xlsx or .xlsm" not in done.stderr
