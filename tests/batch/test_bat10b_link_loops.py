"""A link that leads, through links, back to itself (``a.xlsx`` → ``b.xlsx`` → ``a.xlsx``, as
a folder moved with its links can leave) is a file of the run that cannot be read, said as
such. It was "File not found" for a file the user sees listed, and every command with an
output stopped over it with "opsbook could not finish (RuntimeError: Symlink loop …)",
before reading anything."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from conftest import run_cli

from opsbook.api import new_workbook
from opsbook.batch.manifest import SCHEMA

EN = ("  ✗ [file-not-found] File not found: it is a link that leads back to itself (a loop of "
      "links), to no file.")
ZH = "  ✗ [file-not-found] 找不到文件：它是指回自身的链接（链接循环），不指向任何文件。"


@pytest.fixture
def looped(tmp_path: Path) -> Path:
    """``plans/`` holding ``sales.xlsx`` (a sample plan of 8 items) and two links, ``a.xlsx``
    and ``b.xlsx``, each leading to the other."""
    new_workbook("plan", "en", tmp_path / "plans" / "sales.xlsx", sample=True, seed=1)
    try:
        os.symlink("b.xlsx", tmp_path / "plans" / "a.xlsx")
        os.symlink("a.xlsx", tmp_path / "plans" / "b.xlsx")
    except OSError:  # no symbolic links for this user (Windows without the privilege)
        pytest.skip("no symbolic links here")
    return tmp_path


def test_a_loop_of_links_in_a_folder_is_said_to_be_one(looped: Path):
    done = run_cli("validate", "plans", "--quiet", "--lang", "en", cwd=looped)
    assert done.returncode == 2
    assert done.stdout.splitlines() == [
        "plans/sales.xlsx: ✓ valid", "plans/a.xlsx: ✗ 1 error(s)", EN,
        "plans/b.xlsx: ✗ 1 error(s)", EN, "3 file(s), 2 error(s), 0 warning(s)"]


def test_a_loop_of_links_named_is_said_in_chinese(looped: Path):
    done = run_cli("validate", "plans/a.xlsx", "--quiet", "--lang", "zh", cwd=looped)
    assert done.returncode == 2
    assert done.stdout.splitlines() == ["plans/a.xlsx：✗ 1 个错误", ZH,
                                        "共 1 个文件，1 个错误，0 个警告"]


def test_a_command_with_an_output_reads_the_rest(looped: Path):
    done = run_cli("plan", "consolidate", "plans", "-o", "company.xlsx", "--quiet", "--lang",
                   "en", "--jobs", "2", cwd=looped)
    assert "could not finish" not in done.stderr, done.stderr
    assert done.returncode == 1  # a file that is no plan: left out (docs/batch.md)
    assert done.stdout.splitlines()[0] == \
        "company.xlsx: 8 items from 1 department plan, 0 conflicts to follow up"
    manifest = json.loads((looped / "company.manifest.json").read_text(encoding="utf-8"))
    jsonschema.validate(manifest, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [(i["path"], i["status"], i["errors"]) for i in manifest["inputs"]] == [
        ("plans/sales.xlsx", "valid", 0), ("plans/a.xlsx", "unreadable", 1),
        ("plans/b.xlsx", "unreadable", 1)]
