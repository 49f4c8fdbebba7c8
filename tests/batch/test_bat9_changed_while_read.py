"""A workbook saved while a run reads it: the manifest keeps no checksum for it (none says
which version was read), the run warns (file-changed, both languages), and --skip-unchanged
reads it again next time; a file only touched meanwhile keeps its checksum."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from batchbooks import _made, books

from opsbook.api.common import check_steps
from opsbook.batch import BatchOptions, run_files


def _saved_meanwhile(paths: list[Path], kind: str | None = None):
    """Checks the workbooks, then — as Excel saving one of them while it is read — writes
    the second plan's bytes over the first (a real edit, another checksum)."""
    done = check_steps(paths, kind)
    for target in (p for p in paths if p.name == "a1-plan.xlsx"):
        shutil.copyfile(target.with_name("a2-plan.xlsx"), target)
    return done


def _touched_meanwhile(paths: list[Path], kind: str | None = None):
    done = check_steps(paths, kind)
    for target in (p for p in paths if p.name == "a1-plan.xlsx"):
        os.utime(target, ns=(1, 1))  # another time, the same bytes
    return done


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_saved_while_read_keeps_no_checksum(books: Path, tmp_path: Path, jobs: int):
    manifest = tmp_path / "m.json"
    first = books / "a1-plan.xlsx"
    options = BatchOptions(jobs=jobs, manifest=manifest, skip_unchanged=True)
    run = run_files(_saved_meanwhile, [first, books / "a3-project.xlsx"], together=True,
                    options=options, command="validate")
    entry, other = run.manifest["inputs"]
    assert entry["path"] == str(first) and entry["sha256"] is None and entry["bytes"] is None
    assert entry["warnings"] == 1 and entry["status"] == "valid"
    assert other["sha256"] == sha(books / "a3-project.xlsx")  # the other file: as it was
    changed = [i for i in run.report.issues if i.code == "file-changed"]
    assert [(i.file, i.severity) for i in changed] == [(str(first), "warning")]
    assert changed[0].message("en").startswith("The file changed while it was read")
    assert changed[0].message("zh").startswith("读取期间文件发生了变化")
    # the next run reads it again (it is not "unchanged"), and keeps its checksum now
    again = run_files(check_steps, [first, books / "a3-project.xlsx"], together=True,
                      options=options, command="validate")
    assert [i["status"] for i in again.manifest["inputs"]] == ["valid", "unchanged"]
    assert again.manifest["inputs"][0]["sha256"] == sha(first)


def test_a_file_only_touched_while_read_keeps_its_checksum(books: Path, tmp_path: Path):
    first = books / "a1-plan.xlsx"
    before = sha(first)
    run = run_files(_touched_meanwhile, [first], together=True, command="validate",
                    options=BatchOptions(jobs=1, manifest=tmp_path / "m.json"))
    assert run.manifest["inputs"][0]["sha256"] == before
    assert not [i for i in run.report.issues if i.code == "file-changed"]
