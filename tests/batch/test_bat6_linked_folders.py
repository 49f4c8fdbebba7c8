"""Links to folders: --recursive descends into a linked sub-folder (as a ``**`` pattern
does), never into a link back to the folder given or above it (a loop), and a file reached
by its own name and through a linked folder is read once, under its own name; a ``**``
pattern does not follow a loop to the depth the system allows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import opsbook
from opsbook.api import new_workbook
from opsbook.batch import BatchOptions, expand

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt",
                                reason="folder links")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """outer/sales.xlsx, outer/root/top.xlsx, outer/root/sub/plan.xlsx, and outside the
    root real/dept/linked.xlsx; root/sub/dept links to real/dept, root/sub/up to outer
    (above the root: a loop)."""
    outer = tmp_path / "outer"
    new_workbook("plan", "zh", outer / "sales.xlsx", sample=True, seed=1)
    new_workbook("plan", "en", outer / "root" / "top.xlsx", sample=True, seed=2)
    new_workbook("plan", "zh", outer / "root" / "sub" / "plan.xlsx", sample=True, seed=3)
    new_workbook("plan", "en", tmp_path / "real" / "dept" / "linked.xlsx", sample=True,
                 seed=4)
    os.symlink(tmp_path / "real" / "dept", outer / "root" / "sub" / "dept")
    os.symlink(outer, outer / "root" / "sub" / "up")
    return outer / "root"


def names(files: list[Path], root: Path) -> list[str]:
    return [f.relative_to(root).as_posix() for f in files]


def test_recursive_descends_into_a_linked_folder_but_not_into_a_loop(tree: Path):
    files, notes = expand(tree, recursive=True)
    assert names(files, tree) == ["sub/dept/linked.xlsx", "sub/plan.xlsx", "top.xlsx"]
    assert notes == []
    report = opsbook.validate(tree, options=BatchOptions(jobs=1, recursive=True))
    assert len(report.files) == 3 and report.valid


def test_without_recursive_no_folder_is_entered(tree: Path):
    files, _ = expand(tree)
    assert names(files, tree) == ["top.xlsx"]


def test_a_pattern_does_not_follow_a_loop_and_names_each_file_once(tree: Path):
    files, _ = expand(str(tree / "**" / "*.xlsx"), recursive=True)
    assert names(files, tree) == ["sub/dept/linked.xlsx", "sub/plan.xlsx", "top.xlsx"]


def test_a_file_reached_through_a_linked_folder_is_read_under_its_own_name(tree: Path):
    real = tree.parent.parent / "real" / "dept"
    files, _ = expand([tree / "sub" / "dept", real], recursive=True)
    assert files == [real / "linked.xlsx"]
    files, _ = expand([tree, real], recursive=True)  # the folder comes first this time
    assert real / "linked.xlsx" in files and len(files) == 3


def test_a_pattern_starting_at_a_linked_folder_is_followed(tree: Path, tmp_path: Path):
    """The link is where the pattern starts, not a loop below it."""
    os.symlink(tree, tmp_path / "shortcut")
    files, _ = expand(str(tmp_path / "shortcut" / "**" / "*.xlsx"), recursive=True)
    assert len(files) == 3
    assert all(str(f).startswith(str(tmp_path / "shortcut")) for f in files)
