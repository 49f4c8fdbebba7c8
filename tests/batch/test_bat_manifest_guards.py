"""The manifest never lands on a user's file or on the results, a manifest that is not one
makes --skip-unchanged read everything again, and misuse of the batch options from Python
is said before anything runs."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from batchbooks import _made, books  # noqa: F401 - fixtures
from conftest import run_cli

import opsbook
from opsbook.api.common import check_steps
from opsbook.batch import BatchOptions, BatchProblem, expand, run_files


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_manifest_named_as_an_input_is_refused_and_the_input_kept(books: Path):  # noqa: F811
    target = books / "a1-plan.xlsx"
    before = sha(target)
    with pytest.raises(BatchProblem) as refused:
        opsbook.validate(books, options=BatchOptions(jobs=1, manifest=target))
    assert "one of the inputs" in refused.value.en and "输入文件之一" in refused.value.zh
    assert sha(target) == before
    notes = books / "notes.txt"  # a file the run skips is the user's too
    notes.write_text("minutes", encoding="utf-8")
    with pytest.raises(BatchProblem):
        opsbook.validate(books, options=BatchOptions(jobs=1, manifest=notes))
    assert notes.read_text(encoding="utf-8") == "minutes"


def test_a_manifest_on_the_output_or_a_folder_is_refused_before_reading(books: Path,  # noqa: F811
                                                                        tmp_path: Path):
    out = tmp_path / "results.xlsx"
    with pytest.raises(BatchProblem) as refused:
        run_files(check_steps, books, args=(None,), output=out, together=True,
                  options=BatchOptions(jobs=1, manifest=out))
    assert "also the output" in refused.value.en
    with pytest.raises(BatchProblem) as folder:
        opsbook.validate(books, options=BatchOptions(jobs=1, manifest=tmp_path))
    assert "is a folder" in folder.value.en and "文件夹" in folder.value.zh
    done = run_cli("plan", "consolidate", books / "a1-plan.xlsx", "-o", out,
                   "--manifest", out, "-q")
    assert done.returncode == 2 and "also the output" in done.stderr
    assert not out.exists()


@pytest.mark.parametrize("inputs", [
    None, "all", [5, "x"], [{"path": "a1-plan.xlsx"}],
    [{"path": "a1-plan.xlsx", "sha256": None, "status": "valid"}],
])
def test_a_manifest_that_is_not_one_reads_everything_again(books: Path,  # noqa: F811
                                                            inputs: object):
    manifest = books.parent / "run.json"
    options = BatchOptions(jobs=1, manifest=manifest, skip_unchanged=True)
    opsbook.validate(books, options=options)
    written = json.loads(manifest.read_text(encoding="utf-8"))
    written["inputs"] = inputs
    manifest.write_text(json.dumps(written), encoding="utf-8")
    report = opsbook.validate(books, options=options)
    assert report.exit_code == 1  # b-invalid.xlsx checked again, as every other
    again = json.loads(manifest.read_text(encoding="utf-8"))
    assert again["summary"]["unchanged"] == 0 and again["summary"]["valid"] == 5


def test_an_unchanged_input_counts_its_note(books: Path):  # noqa: F811
    manifest = books.parent / "run.json"
    options = BatchOptions(jobs=1, manifest=manifest, skip_unchanged=True)
    opsbook.validate(books, options=options)
    report = opsbook.validate(books, options=options)
    entries = json.loads(manifest.read_text(encoding="utf-8"))["inputs"]
    unchanged = [e for e in entries if e["status"] == "unchanged"]
    assert len(unchanged) == 5
    assert all((e["errors"], e["warnings"], e["infos"]) == (0, 0, 1) for e in unchanged)
    assert sum(i.code == "unchanged-file" for i in report.issues) == 5


def test_a_link_to_a_missing_file_is_reported_not_passed_over(books: Path):  # noqa: F811
    os.symlink(books / "gone.xlsx", books / "c-link.xlsx")
    report = opsbook.validate(books)
    found = [(Path(i.file).name, i.code) for i in report.errors]
    assert ("c-link.xlsx", "file-not-found") in found
    assert report.exit_code == 2


@pytest.mark.parametrize("changes", [{"jobs": 0}, {"jobs": -2}, {"jobs": "2"}, {"jobs": 1.5},
                                     {"jobs": True}, {"progress": "fancy"}])
def test_batch_options_out_of_their_form_are_refused(changes: dict):
    with pytest.raises(BatchProblem) as refused:
        BatchOptions(**changes)
    assert refused.value.zh and "无法使用" in refused.value.zh


def test_a_function_that_cannot_reach_the_workers_is_refused_at_once(tmp_path: Path):
    """A lambda given to processes: a TypeError that says what to do, not a pool that
    never returns."""
    script = ("import opsbook\n"
              "try:\n"
              "    opsbook.batch(lambda n: n * 2, [1, 2, 3], jobs=2)\n"
              "except TypeError as error:\n"
              "    print('refused:', error)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("refused: <lambda> cannot be sent to worker processes")
    assert "jobs=1" in done.stdout


def test_a_folder_with_no_workbook_to_read_is_not_a_valid_run(tmp_path: Path,
                                                               books: Path):  # noqa: F811
    """Only a lock file and a .txt: nothing was checked, so the run cannot say all is
    valid (exit 2, as for an empty folder); a lock file named on its own is refused as
    Excel's lock file, whatever it holds (exit 2)."""
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "notes.txt").write_text("minutes", encoding="utf-8")
    lock = folder / "~$a1-plan.xlsx"
    lock.write_bytes((books / "a1-plan.xlsx").read_bytes())
    for source in (folder, str(folder / "*")):
        report = opsbook.validate(source)
        assert [(i.code, i.severity) for i in report.issues][0] == ("not-a-workbook", "error")
        assert sum(i.code == "skipped-file" for i in report.issues) == 2
        assert report.exit_code == 2
    named = opsbook.validate(lock)
    assert [(i.code, i.file) for i in named.issues] == [("not-a-workbook", str(lock))]
    assert named.exit_code == 2 and "lock file Excel keeps" in named.issues[0].message("en")
    assert opsbook.validate([folder, books / "a1-plan.xlsx"]).exit_code == 2


def test_a_manifest_kept_in_the_folder_read_is_replaced_run_after_run(books: Path):  # noqa: F811
    manifest = books / "run.manifest.json"
    options = BatchOptions(jobs=1, manifest=manifest, skip_unchanged=True)
    opsbook.validate(books, options=options)
    again = opsbook.validate(books, options=options)  # the folder now holds the manifest
    [note] = [i for i in again.issues if i.file == str(manifest)]
    assert (note.code, note.params["detail"]) == ("skipped-file", "the manifest of this command")
    assert json.loads(manifest.read_text(encoding="utf-8"))["summary"]["unchanged"] == 5
    theirs = books / "settings.json"  # a JSON file of the user's is not a manifest
    theirs.write_text('{"owner": "ops"}', encoding="utf-8")
    with pytest.raises(BatchProblem):
        opsbook.validate(books, options=BatchOptions(jobs=1, manifest=theirs))
    assert theirs.read_text(encoding="utf-8") == '{"owner": "ops"}'


def test_links_and_a_loop_of_links_read_each_workbook_once(books: Path):  # noqa: F811
    os.symlink("a2-plan.xlsx", books / "a0-link.xlsx")  # sorts first: the file's name is kept
    (books / "sub").mkdir()
    os.symlink("..", books / "sub" / "up")  # sub/up/sub/up/… leads back for ever
    files, _ = expand(str(books / "**" / "*.xlsx"), recursive=True)
    names = [p.relative_to(books).as_posix() for p in files]
    assert names == ["a1-plan.xlsx", "a2-plan.xlsx", "a3-project.xlsx",
                     "a4-appraisal.xlsx", "a5-attendance.xlsx", "b-invalid.xlsx"]
    assert opsbook.validate(books, options=BatchOptions(recursive=True)).summary()["files"] \
        == 6
