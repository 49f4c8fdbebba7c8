"""``opsbook new --force`` (and ``new_workbook``) never replaces a workbook open in Excel
(its ``~$`` lock file beside it): Excel would save its own copy over the new template, or
the user would lose what they typed there. Refused in both languages, exit 2, file whole."""

from __future__ import annotations

import pytest
from conftest import run_cli, sha256

import opsbook
from opsbook.api import CannotWrite


def _open_in_excel(tmp_path):
    path = tmp_path / "plan.xlsx"
    opsbook.new_workbook("plan", "zh", path, sample=True)
    (tmp_path / "~$plan.xlsx").write_bytes(b"\x06user")
    return path


def test_new_force_refuses_a_workbook_open_in_excel(tmp_path):
    path = _open_in_excel(tmp_path)
    before = sha256(path)
    done = run_cli("new", "attendance", path, "--force")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"opsbook: error: {path} is open in Excel (its lock file ~$plan.xlsx is beside it): "
        "close it there first",
        f"opsbook 错误：{path} 正在 Excel 中打开（旁边有锁定文件 ~$plan.xlsx）："
        "请先在 Excel 中关闭。"]
    assert sha256(path) == before


def test_new_workbook_in_python_refuses_it_too(tmp_path):
    path = _open_in_excel(tmp_path)
    before = sha256(path)
    with pytest.raises(CannotWrite) as raised:
        opsbook.new_workbook("attendance", "en", path)
    assert "正在 Excel 中打开" in raised.value.zh
    assert sha256(path) == before


def test_a_new_file_beside_another_open_workbook_is_written(tmp_path):
    _open_in_excel(tmp_path)
    made = opsbook.new_workbook("attendance", "en", tmp_path / "attendance.xlsx")
    assert made.stat().st_size > 0


def test_workbooks_build_refuses_a_folder_where_one_is_open_in_excel(tmp_path):
    (tmp_path / "plan.en.xlsm").write_bytes(b"the user's own copy")
    (tmp_path / "~$plan.en.xlsm").write_bytes(b"\x06user")
    done = run_cli("workbooks", "build", "--out", tmp_path)
    assert done.returncode == 2
    assert "plan.en.xlsm is open in Excel" in done.stderr
    assert "正在 Excel 中打开（旁边有锁定文件 ~$plan.en.xlsm）" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.en.xlsm", "~$plan.en.xlsm"]
    assert (tmp_path / "plan.en.xlsm").read_bytes() == b"the user's own copy"
