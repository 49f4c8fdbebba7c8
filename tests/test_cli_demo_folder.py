"""``opsbook demo DIR`` never replaces a file of the user's: a folder holding what the demo did
not make is refused before anything is written (exit 2, both languages)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from opsbook.demo import MARK, check_folder


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "opsbook.cli", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_a_folder_holding_a_plan_of_the_users_is_refused_and_left_as_it_was(tmp_path: Path):
    """The demo writes its department plans as plans/销售部.xlsx …: a user's own plan of that
    name was replaced by a sample before, and the demo then stopped half-way."""
    folder = tmp_path / "work"
    (folder / "plans").mkdir(parents=True)
    mine = folder / "plans" / "销售部.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["my own plan", 42])
    book.save(mine)
    before = hashlib.sha256(mine.read_bytes()).hexdigest()

    done = run("demo", folder)

    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert (f"opsbook: error: {folder} already holds files (plans) and is not marked as a "
            "demo folder (.opsbook-demo); the demo would replace files of its names there: "
            "give a new or empty folder") in done.stderr
    assert (f"opsbook 错误：{folder} 中已有文件（plans），且没有演示文件夹的标记（.opsbook-demo）；"
            "演示会覆盖其中的同名文件：请指定新的或空的文件夹。") in done.stderr
    assert hashlib.sha256(mine.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.rglob("*")) == ["plans", "销售部.xlsx"]


def test_new_empty_and_earlier_demo_folders_are_taken(tmp_path: Path):
    check_folder(tmp_path / "new")  # created by the demo
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".DS_Store").write_bytes(b"")  # the system's, not the user's
    check_folder(tmp_path / "empty")
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    (earlier / MARK).write_text("x", encoding="utf-8")
    (earlier / "appraisal.zh.xlsx").write_bytes(b"")
    check_folder(earlier)


def test_many_files_are_named_three_at_most(tmp_path: Path):
    for name in ("a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"):
        (tmp_path / name).write_bytes(b"")
    with pytest.raises(ValueError) as refused:
        check_folder(tmp_path)
    assert f"{tmp_path} already holds files (a.xlsx, b.xlsx, c.xlsx …) and" in str(refused.value)
    assert "（a.xlsx、b.xlsx、c.xlsx …）" in refused.value.zh
