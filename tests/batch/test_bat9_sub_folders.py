"""A folder whose workbooks are all in sub-folders, read without --recursive: still
not-a-workbook (exit 2), but the message says its sub-folders hold some and how to read
them — as does a ** pattern that would find them with --recursive; an empty tree does not."""

from __future__ import annotations

import shutil
from pathlib import Path

from batchbooks import _made, books
from conftest import run_cli

import opsbook


def _tree(books: Path, tmp_path: Path) -> Path:
    top = tmp_path / "2026"
    (top / "东区 sales" / "Q1").mkdir(parents=True)
    shutil.copy(books / "a1-plan.xlsx", top / "东区 sales" / "Q1" / "plan.xlsx")
    (top / "notes.txt").write_text("minutes", encoding="utf-8")
    return top


def test_a_folder_of_sub_folders_says_to_add_recursive(books: Path, tmp_path: Path):
    top = _tree(books, tmp_path)
    done = run_cli("validate", top)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "[not-a-workbook] Not a workbook that can be read: no workbook found; its " \
           "sub-folders hold some: add --recursive (-r) to read them." in done.stdout
    assert "不是可读取的工作簿：未找到工作簿；其子文件夹中有工作簿：" \
           "加 --recursive（-r）即可读取。" in done.stdout
    read = run_cli("validate", top, "--recursive")
    assert read.returncode == 0, read.stdout + read.stderr
    assert "1 file(s), 0 error(s)" in read.stdout


def test_a_star_star_pattern_without_recursive_says_so(books: Path, tmp_path: Path):
    top = _tree(books, tmp_path)
    report = opsbook.validate(str(top / "**" / "*.xlsx"))
    [issue] = report.issues
    assert issue.code == "file-not-found"
    assert issue.message("en") == (
        "File not found: no file matches the pattern; ** goes into sub-folders only with "
        "--recursive (-r), and would find some there.")
    assert issue.message("zh") == (
        "找不到文件：没有与该模式匹配的文件；** 仅在加 --recursive（-r）时进入子文件夹，"
        "加上即可找到其中的工作簿。")


def test_an_empty_tree_gets_no_such_hint(tmp_path: Path):
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    (tmp_path / "empty" / "sub" / "~$locked.xlsx").write_bytes(b"lock")
    report = opsbook.validate(str(tmp_path / "empty"))
    [issue] = report.issues
    assert issue.message("en") == "Not a workbook that can be read: no workbook found."
