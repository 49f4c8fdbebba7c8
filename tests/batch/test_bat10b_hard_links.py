"""A file reached by two names is read once, however the second name leads to it: a hard
link (a second name of the same file, as backup tools and ``cp -al`` snapshots make) as a
symbolic link is. Read twice, a plan hard-linked beside itself was consolidated with itself:
each of its items "used by more than one plan item", its department "in two files"."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import run_cli

from opsbook.api import new_workbook
from opsbook.batch.sources import expand


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """``plans/`` holding ``sales.xlsx`` (a sample plan of 8 items) and ``zz-copy.xlsx``,
    a hard link to it; ``more/`` holding only another hard link to it."""
    plan = new_workbook("plan", "en", tmp_path / "plans" / "sales.xlsx", sample=True, seed=1)
    (tmp_path / "more").mkdir()
    try:
        os.link(plan, tmp_path / "plans" / "zz-copy.xlsx")
        os.link(plan, tmp_path / "more" / "again.xlsx")
    except OSError:  # a file system without hard links
        pytest.skip("no hard links here")
    return tmp_path


def test_a_hard_link_is_no_second_file(linked: Path):
    files, notes = expand([linked / "plans", linked / "more", linked / "plans" / "*.xlsx"])
    assert files == [linked / "plans" / "sales.xlsx"] and notes == []


def test_a_plan_hard_linked_beside_itself_is_consolidated_once(linked: Path):
    done = run_cli("plan", "consolidate", "plans", "-o", "company.xlsx", "--quiet",
                   "--lang", "en", "--jobs", "2", cwd=linked)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == \
        "company.xlsx: 8 items from 1 department plan, 0 conflicts to follow up"
    manifest = json.loads((linked / "company.manifest.json").read_text(encoding="utf-8"))
    assert [i["path"] for i in manifest["inputs"]] == ["plans/sales.xlsx"]


def test_a_folder_holding_only_a_hard_link_to_a_file_read_is_no_empty_folder(linked: Path):
    done = run_cli("validate", "plans", "more", "--quiet", "--lang", "en", cwd=linked)
    assert (done.returncode, done.stdout) == (
        0, "plans/sales.xlsx: ✓ valid\n1 file(s), 0 error(s), 0 warning(s)\n")
