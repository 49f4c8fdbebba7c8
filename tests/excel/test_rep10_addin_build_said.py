"""``opsbook addin build`` refuses what ``opsbook workbooks build`` refuses, in both
languages and without writing: an add-in open in Excel (its ``~$`` lock file beside it; it
was replaced under Excel), a folder that cannot be made (a file in its path: before, "could
not finish (NotADirectoryError …)" in English only); and it names the add-in it wrote as
--out was given, as ``workbooks build`` names its workbooks (before: an absolute path)."""

from __future__ import annotations

import os

from conftest import run_cli


def test_addin_build_names_the_file_as_given(tmp_path):
    done = run_cli("addin", "build", "--out", "built", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == os.path.join("built", "opsbook.xlam")
    assert (tmp_path / "built" / "opsbook.xlam").stat().st_size > 10_000


def test_an_addin_open_in_excel_is_not_replaced(tmp_path):
    (tmp_path / "opsbook.xlam").write_bytes(b"the add-in Excel has open")
    (tmp_path / "~$opsbook.xlam").write_bytes(b"lock")
    done = run_cli("addin", "build", "--out", tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"opsbook: error: {tmp_path / 'opsbook.xlam'} is open in Excel (its lock file "
        "~$opsbook.xlam is beside it): close it there first",
        f"opsbook 错误：{tmp_path / 'opsbook.xlam'} 正在 Excel 中打开（旁边有锁定文件 "
        "~$opsbook.xlam）：请先在 Excel 中关闭。"]
    assert (tmp_path / "opsbook.xlam").read_bytes() == b"the add-in Excel has open"


def test_a_folder_that_cannot_be_made_is_said_in_both_languages(tmp_path):
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    done = run_cli("addin", "build", "--out", os.path.join("afile", "sub"), cwd=tmp_path)
    assert done.returncode == 2
    where = os.path.join("afile", "sub")
    assert done.stderr.splitlines() == [
        f"opsbook: error: {where}: the add-in cannot be written there (Not a directory)",
        f"opsbook 错误：{where}：无法在此写出加载项（路径中有一部分不是文件夹）。"]
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "not a folder"
