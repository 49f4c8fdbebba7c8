"""A result opsbook wrote (a status, summary, tracking or report workbook), found in a folder
a run reads, is skipped: "skipped" in the manifest (never "valid": nothing in it was
checked), its SHA-256 kept so that a combining command still finds the folder up to date;
a folder holding nothing but such results is ``not-a-workbook``, as a folder of lock files
is."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

import opsbook
from opsbook.api import new_workbook, write_output
from opsbook.batch import BatchOptions, UpToDate


@pytest.fixture
def trackers(tmp_path):
    """A tracker and the status workbook an earlier run wrote beside it."""
    folder = tmp_path / "项目 跟踪"
    folder.mkdir()
    new_workbook("project", "zh", folder / "跟踪表.xlsx", sample=True)
    done = opsbook.project_status(folder / "跟踪表.xlsx")
    write_output(folder / "上周状态.xlsx", done.sheets)
    return folder


def _entries(manifest):
    return {entry["path"].rsplit("/", 1)[-1]: entry
            for entry in json.loads(manifest.read_text(encoding="utf-8"))["inputs"]}


def test_a_result_in_the_folder_is_skipped_in_the_manifest(trackers, tmp_path):
    manifest = tmp_path / "run.json"
    report = opsbook.validate(trackers, options=BatchOptions(jobs=1, manifest=manifest))
    entries = _entries(manifest)
    status = entries["上周状态.xlsx"]
    assert status["status"] == "skipped" and status["kind"] is None
    assert status["infos"] == 1 and status["errors"] == 0
    assert len(status["sha256"]) == 64  # it was read (to tell what it is) and hashed
    assert entries["跟踪表.xlsx"]["status"] == "valid"
    summary = json.loads(manifest.read_text(encoding="utf-8"))["summary"]
    assert (summary["valid"], summary["skipped"]) == (1, 1)
    assert report.valid and report.readable


def test_skip_unchanged_reads_a_result_again_and_skips_it_again(trackers, tmp_path):
    manifest = tmp_path / "run.json"
    options = BatchOptions(jobs=1, manifest=manifest, skip_unchanged=True)
    opsbook.validate(trackers, options=options)
    again = opsbook.validate(trackers, options=options)
    entries = _entries(manifest)
    assert entries["跟踪表.xlsx"]["status"] == "unchanged"
    # not "unchanged … which found it valid": told again as what it is
    assert entries["上周状态.xlsx"]["status"] == "skipped"
    codes = {i.file.rsplit("/", 1)[-1]: i.code for i in again.issues}
    assert codes == {"跟踪表.xlsx": "unchanged-file", "上周状态.xlsx": "output-workbook"}


def test_a_combining_command_still_finds_such_a_folder_up_to_date(trackers, tmp_path):
    out = tmp_path / "status.xlsx"
    options = BatchOptions(jobs=1, skip_unchanged=True)
    done = opsbook.project_status(trackers, options=options, output=out)
    write_output(out, done.sheets)
    assert _entries(tmp_path / "status.manifest.json")["上周状态.xlsx"]["status"] == "skipped"
    with pytest.raises(UpToDate):
        opsbook.project_status(trackers, options=options, output=out)
    # a result changed since is no longer the same folder: read again
    write_output(trackers / "上周状态.xlsx", done.sheets[:1])
    again = opsbook.project_status(trackers, options=options, output=out)
    assert again.computed


def test_a_folder_of_results_only_is_no_workbook(trackers, tmp_path):
    (trackers / "跟踪表.xlsx").unlink()
    report = opsbook.validate(trackers)
    assert not report.readable
    [refused] = [i for i in report.issues if i.code == "not-a-workbook"]
    assert refused.file == str(trackers) and refused.severity == "error"
    assert "only results opsbook wrote" in refused.message("en")
    assert "只有 opsbook 生成的结果" in refused.message("zh")
    # named alone, a result is skipped with its note, not refused
    alone = opsbook.validate(trackers / "上周状态.xlsx")
    assert [i.code for i in alone.issues] == ["output-workbook"]


def test_a_folder_of_results_beside_a_folder_of_workbooks(trackers, tmp_path):
    """Each folder is judged by its own files: the other folder's workbook does not make a
    folder of results one to read."""
    other = tmp_path / "more"
    other.mkdir()
    new_workbook("project", "en", other / "tracker.xlsx", sample=True, seed=5)
    (trackers / "跟踪表.xlsx").unlink()
    report = opsbook.validate([other, trackers, f"{other}/*.xlsx"])
    assert [i.file for i in report.issues if i.code == "not-a-workbook"] == [str(trackers)]


def test_the_command_line_exits_2_for_a_folder_of_results(trackers, tmp_path):
    (trackers / "跟踪表.xlsx").unlink()
    done = run_cli("project", "status", trackers, "-o", tmp_path / "s.xlsx", "--quiet",
                   "--lang", "en")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "[not-a-workbook]" in done.stdout and "only results opsbook wrote" in done.stdout
    assert not (tmp_path / "s.xlsx").exists()


def test_skipped_result_tells_which_outcome_is_a_result(trackers):
    """What a combining command asks to leave a skipped result out of the inputs it counts
    as left out (``plan consolidate --strict``)."""
    from opsbook.api.common import check_steps
    from opsbook.batch import run_files, skipped_result

    run = run_files(check_steps, trackers, args=(None,), together=True, command="validate")
    told = {path.name: skipped_result(outcome) for path, outcome in zip(run.files, run.outcomes)}
    assert told == {"上周状态.xlsx": True, "跟踪表.xlsx": False}
    assert not skipped_result(None)  # not run (--fail-fast) or unchanged
