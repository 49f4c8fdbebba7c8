"""A manifest whose name the disk cannot hold — given with --manifest, or made beside an
output whose own name is just within the limit (``.manifest.json`` is 9 characters longer
than ``.xlsx``) — is refused in words in both languages before anything is read, not a
crash once the output is written."""

from __future__ import annotations

import os

import pytest
from conftest import run_cli

import opsbook
from opsbook.api import new_workbook
from opsbook.batch import BatchOptions, BatchProblem


@pytest.fixture
def folder(tmp_path):
    books = tmp_path / "跟踪"
    books.mkdir()
    new_workbook("project", "en", books / "tracker.xlsx", sample=True)
    return books


def _longest(folder) -> int:
    return os.pathconf(folder, "PC_NAME_MAX")


def test_a_manifest_beside_a_long_output(folder, tmp_path):
    out = tmp_path / ("s" * (_longest(tmp_path) - 10) + ".xlsx")  # fits; its manifest not
    with pytest.raises(BatchProblem) as refused:
        opsbook.project_status(folder, options=BatchOptions(jobs=1), output=out)
    assert "too long for the disk" in str(refused.value) and "--manifest FILE" in str(
        refused.value)
    assert "文件名过长" in refused.value.zh and "--manifest FILE" in refused.value.zh
    # another name for the manifest, and the same output is written
    done = opsbook.project_status(folder, options=BatchOptions(
        jobs=1, manifest=tmp_path / "run.manifest.json"), output=out)
    assert done.computed


def test_a_long_manifest_given(folder, tmp_path):
    manifest = tmp_path / ("长" * (_longest(tmp_path) // 3 + 1) + ".json")
    done = run_cli("validate", folder, "--manifest", manifest, "--quiet")
    assert done.returncode == 2
    assert "its name is too long for the disk; give a shorter name" in done.stderr
    assert "文件名过长，磁盘无法保存；请换一个较短的名称。" in done.stderr
    assert "could not finish" not in done.stderr and "✓" not in done.stdout
