"""A manifest marked read-only is never replaced (as any file of the user's marked so): the
run is refused before anything is read, instead of writing the output and then failing on
the manifest beside it (a new output beside the last run's manifest, exit 2); an output
marked read-only, before every input is read and computed. A run that is up to date
writes nothing and is not refused."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from conftest import run_cli

from opsbook.api import new_workbook
from opsbook.api.project import project_status
from opsbook.batch import BatchOptions, BatchProblem, UpToDate

EN = ("Cannot write {}: the file is read-only (clear its read-only mark to let opsbook "
      "replace it). Choose a folder you can write to, or close the file if it is open in "
      "another program, then run again.")
ZH = ("无法写入 {}：文件为只读（取消只读属性后 opsbook 才能替换它）。请选择有写入权限的文件夹，"
      "或先在其他程序中关闭该文件，然后重新运行。")


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    return new_workbook("project", "en", tmp_path / "p1.xlsx", sample=True, seed=3)


def read_only(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def test_a_read_only_manifest_beside_the_output_is_said_before_anything_is_written(
        tracker: Path, tmp_path: Path):
    out, manifest = tmp_path / "out" / "status.xlsx", tmp_path / "out" / "status.manifest.json"
    assert run_cli("project", "status", tracker, "-o", out, "-q").returncode == 0
    read_only(manifest)
    written, kept = out.read_bytes(), manifest.read_bytes()
    tracker.write_bytes(tracker.read_bytes())  # the same tracker, saved again
    out.touch()
    stamp = out.stat().st_mtime_ns

    done = run_cli("project", "status", tracker, "-o", out, "--lang", "zh")
    assert done.returncode == 2
    assert done.stdout == ""  # no status line: nothing was computed, nothing written
    assert done.stderr.splitlines() == [f"opsbook 错误：{ZH.format(manifest)}"]
    assert out.stat().st_mtime_ns == stamp and out.read_bytes() == written
    assert manifest.read_bytes() == kept

    with pytest.raises(BatchProblem) as refused:  # from Python alike
        project_status([tracker], output=out, options=BatchOptions(jobs=1))
    assert str(refused.value) == EN.format(manifest)
    assert refused.value.zh == ZH.format(manifest)


def test_an_up_to_date_run_is_not_refused(tracker: Path, tmp_path: Path):
    out = tmp_path / "status.xlsx"
    skip = BatchOptions(jobs=1, skip_unchanged=True)
    assert run_cli("project", "status", tracker, "-o", out, "-q").returncode == 0
    read_only(tmp_path / "status.manifest.json")
    with pytest.raises(UpToDate):
        project_status([tracker], output=out, options=skip)


def test_validate_refuses_a_read_only_manifest_before_reading(tracker: Path, tmp_path: Path):
    manifest = tmp_path / "run.manifest.json"
    assert run_cli("validate", tracker, "--manifest", manifest, "-q").returncode == 0
    read_only(manifest)
    done = run_cli("validate", tracker, "--manifest", manifest, "--skip-unchanged",
                   "--lang", "en")
    assert done.returncode == 2
    assert done.stdout == ""  # not one file checked
    assert done.stderr.splitlines() == [f"opsbook: error: {EN.format(manifest)}"]


def test_a_read_only_output_is_said_before_any_input_is_read(tracker: Path, tmp_path: Path):
    """The output opsbook wrote, marked read-only since: refused before the first input is
    read (no progress line), not after every input was read and computed."""
    out = tmp_path / "status.xlsx"
    assert run_cli("project", "status", tracker, "-o", out, "-q").returncode == 0
    read_only(out)
    done = run_cli("project", "status", tracker, "-o", out, "--lang", "en", "--jobs", "1")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [f"opsbook: error: {EN.format(out)}"]
