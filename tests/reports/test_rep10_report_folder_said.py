"""A report whose -o folder is a file is refused as -o, in both languages, before anything
is read: before, the refusal named "--manifest afile/r.manifest.json", an option the user
never gave (the manifest beside the report was checked first)."""

from __future__ import annotations

import os

from conftest import run_cli

import opsbook


def test_an_output_under_a_file_is_said_as_the_output(tmp_path):
    opsbook.new_workbook("appraisal", "zh", tmp_path / "a.xlsx", sample=True)
    (tmp_path / "afile").write_text("a file, not a folder", encoding="utf-8")
    for out in (os.path.join("afile", "r.html"), os.path.join("afile", "sub", "r.xlsx")):
        done = run_cli("report", "a.xlsx", "-o", out, cwd=tmp_path)
        assert done.returncode == 2
        assert done.stderr.splitlines() == [
            f"opsbook: error: {out} cannot be written: afile is a file, not a folder",
            f"opsbook 错误：{out} 无法写入：afile 是文件，不是文件夹。"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "afile"]
