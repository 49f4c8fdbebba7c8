"""A workbook open in another program is never written into: LibreOffice's lock file
``.~lock.NAME#`` counts as Excel's ``~$NAME`` does, and so does a lock beside the file a
link points to (the workbook given by a link, open in Excel under its own name)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import quirkbooks
from conftest import run_cli, sha256

import opsbook
from opsbook.api.workbook import CannotWrite


def _valid(kind: str, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    return quirkbooks.write(folder / f"{kind}.xlsx", quirkbooks.base(kind))


def test_a_tracker_open_in_libreoffice_is_not_calculated_in_place(tmp_path):
    tracker = _valid("project", tmp_path)
    (tmp_path / ".~lock.project.xlsx#").write_text(",user,host,01.12.2026 09:00,user;\n")
    before = sha256(tracker)
    with pytest.raises(CannotWrite) as refused:
        opsbook.calculate(tracker)
    assert str(refused.value) == (
        f"{tracker} is open in LibreOffice (its lock file .~lock.project.xlsx# is beside it): "
        "close it there first, or give -o OUT")
    assert refused.value.zh == (
        f"{tracker} 正在 LibreOffice 中打开（旁边有锁定文件 .~lock.project.xlsx#）：请先在 "
        "LibreOffice 中关闭，或用 -o 指定输出文件。")
    assert sha256(tracker) == before
    report, _lines = opsbook.calculate(tracker, out=tmp_path / "copy.xlsx")
    assert report.valid and (tmp_path / "copy.xlsx").exists() and sha256(tracker) == before


def test_plan_status_refuses_a_plan_open_in_libreoffice(tmp_path):
    plan = _valid("plan", tmp_path)
    (tmp_path / ".~lock.plan.xlsx#").write_text("user\n")
    before = sha256(plan)
    done = run_cli("plan", "status", plan, "--set", "submitted")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "is open in LibreOffice (its lock file .~lock.plan.xlsx# is beside it): close it " \
           "there first" in done.stderr
    assert "正在 LibreOffice 中打开" in done.stderr and "Traceback" not in done.stderr
    assert sha256(plan) == before


@pytest.mark.skipif(os.name == "nt", reason="links need privileges on Windows")
def test_a_link_to_a_workbook_open_in_excel_is_not_written_through(tmp_path):
    tracker = _valid("project", tmp_path / "shared")
    (tmp_path / "shared" / "~$project.xlsx").write_bytes(b"\x05owner" + b" " * 50)
    (tmp_path / "mine").mkdir()
    link = tmp_path / "mine" / "tracker.xlsx"
    link.symlink_to(tracker)
    before = sha256(tracker)
    done = run_cli("calculate", link)
    assert done.returncode == 2, done.stdout + done.stderr
    assert (f"{link} is open in Excel (its lock file ~$project.xlsx is beside project.xlsx, "
            "which it links to): close it there first, or give -o OUT") in done.stderr
    assert (f"{link} 正在 Excel 中打开（它所链接的 project.xlsx 旁边有锁定文件 ~$project.xlsx）"
            "：请先在 Excel 中关闭，或用 -o 指定输出文件。") in done.stderr
    assert sha256(tracker) == before and link.is_symlink()


@pytest.mark.skipif(os.name == "nt", reason="links need privileges on Windows")
def test_a_link_to_a_closed_workbook_is_calculated_into_the_workbook(tmp_path):
    tracker = _valid("project", tmp_path / "shared")
    link = tmp_path / "tracker.xlsx"
    link.symlink_to(tracker)
    report, _lines = opsbook.calculate(link)
    assert report.valid
    assert link.is_symlink()  # the link stays a link; the workbook it points to has results
    assert "Status" in opsbook.load(tracker).sheet_names


@pytest.mark.parametrize("command", [["validate"], ["plan", "consolidate"]])
def test_libreoffices_lock_file_given_as_the_workbook_is_said_to_be_one(tmp_path, command):
    _valid("plan", tmp_path)
    lock = tmp_path / ".~lock.plan.xlsx#"
    lock.write_text(",user,host,01.12.2026 09:00,user;\n")
    out = ["-o", tmp_path / "company.xlsx"] if command[0] == "plan" else []
    done = run_cli(*command, lock, *out)
    text = done.stdout + done.stderr
    assert done.returncode == 2, text
    assert ("it is the lock file LibreOffice keeps while plan.xlsx is open; give plan.xlsx "
            "itself") in text
    assert "这是 LibreOffice 打开 plan.xlsx 时生成的锁定文件；请给出 plan.xlsx 本身" in text
    assert "Traceback" not in text and not (tmp_path / "company.xlsx").exists()
