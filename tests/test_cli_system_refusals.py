"""A file or folder the system will not let opsbook make (a name too long for the disk, a file
where a folder should be) is said with its name and the system's reason, in English and in
Chinese, exit 2 — not "opsbook could not finish (OSError …)" in English only."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

LONG = "x" * 300  # over the 255 bytes a file name may have


def test_opsbook_new_with_a_name_too_long_for_the_disk(tmp_path: Path):
    target = tmp_path / f"{LONG}.xlsx"
    done = run_cli("new", "plan", target)
    assert done.returncode == 2
    assert "could not finish" not in done.stderr and "Traceback" not in done.stderr
    assert f"opsbook: error: cannot use {target}: file name too long; check the path and run " \
           "again" in done.stderr
    assert f"opsbook 错误：无法使用 {target}：文件名太长；请检查路径后重新运行。" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_opsbook_demo_into_a_folder_under_a_file(tmp_path: Path):
    (tmp_path / "notes").write_text("mine", encoding="utf-8")
    folder = tmp_path / "notes" / "demo"
    done = run_cli("demo", folder)
    assert done.returncode == 2
    assert "could not finish" not in done.stderr and done.stdout == ""
    assert f"opsbook: error: cannot use {folder}: not a directory" in done.stderr
    assert f"opsbook 错误：无法使用 {folder}：路径中有一部分不是文件夹；" in done.stderr
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "mine"
