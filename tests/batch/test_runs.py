"""A run over a folder: what is read and skipped, identical results in processes and in
this process, the manifest and its schema, each input read once, --skip-unchanged and
--fail-fast."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from batchbooks import SAMPLES, _made, books, messy
from conftest import run_cli

import opsbook
from opsbook.api import common
from opsbook.batch import BatchOptions, BatchProblem, expand
from opsbook.batch.manifest import SCHEMA, without_timings

VALID = [f"a{n}-{kind}.xlsx" for n, (kind, _) in enumerate(SAMPLES, 1)]


def names(paths) -> list[str]:
    return [Path(p).name for p in paths]


def test_a_messy_folder_gives_the_documented_result(messy: Path):
    files, notes = expand(messy)
    assert names(files) == [*VALID, "b-invalid.xlsx", "c-corrupt.xlsx"]
    assert sorted((Path(n.file).name, n.code, n.params["detail"]) for n in notes) == [
        ("notes.txt", "skipped-file", "not a workbook"),
        ("~$a1-plan.xlsx", "skipped-file", "an Excel lock file")]
    deep, _ = expand(messy, recursive=True)
    assert names(deep) == [*names(files), "d-plan.xlsx"]
    assert names(expand(str(messy / "a*-plan.xlsx"))[0]) == ["a1-plan.xlsx", "a2-plan.xlsx"]

    manifest = messy.parent / "run.json"
    report = opsbook.validate(messy, options=BatchOptions(jobs=1, manifest=manifest))
    assert report.exit_code == 2  # the corrupt file could not be read at all
    by_file = {Path(i.file).name: i.code for i in report.errors}
    assert by_file == {"b-invalid.xlsx": "out-of-range", "c-corrupt.xlsx": "corrupt-file"}
    status = {Path(i["path"]).name: i["status"]
              for i in json.loads(manifest.read_text())["inputs"]}
    assert status == {**dict.fromkeys(VALID, "valid"), "b-invalid.xlsx": "invalid",
                      "c-corrupt.xlsx": "unreadable", "notes.txt": "skipped",
                      "~$a1-plan.xlsx": "skipped"}


def test_a_glob_that_matches_nothing_cannot_run(tmp_path: Path):
    report = opsbook.validate(str(tmp_path / "*.xlsx"))
    assert [i.code for i in report.issues] == ["file-not-found"]
    assert report.exit_code == 2


def test_processes_and_this_process_give_the_same_report_and_manifest(books: Path):
    one, two = books.parent / "one.json", books.parent / "two.json"
    alone = opsbook.validate(books, options=BatchOptions(jobs=1, manifest=one))
    pooled = opsbook.validate(books, options=BatchOptions(jobs=2, manifest=two))
    assert pooled.to_json() == alone.to_json()
    first, second = json.loads(one.read_text()), json.loads(two.read_text())
    assert (first["run"]["jobs"], second["run"]["jobs"]) == (1, 2)
    assert without_timings(first) == without_timings(second)
    jsonschema.validate(first, json.loads(SCHEMA.read_text()))
    entry = first["inputs"][0]
    assert entry["path"] == str(books / "a1-plan.xlsx") and entry["kind"] == "plan"
    assert entry["sha256"] == common_sha(books / "a1-plan.xlsx")
    assert entry["bytes"] == (books / "a1-plan.xlsx").stat().st_size
    bad = first["inputs"][5]
    assert (bad["status"], bad["errors"], bad["kind"]) == ("invalid", 1, "appraisal")
    assert first["summary"] == {"inputs": 6, "valid": 5, "invalid": 1, "unreadable": 0,
                                "skipped": 0, "unchanged": 0, "not-run": 0, "done": 0,
                                "failed": 0}
    assert first["opsbook"] == opsbook.__version__ and first["settings"] == {"kind": None}


def common_sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_input_is_parsed_twice_in_processes_either(books: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch):
    """Counted where a workbook's sheets are parsed (below every command), by the worker
    processes too: they are forked with the counting reader and append to one file."""
    from opsbook.io import read

    log = tmp_path / "reads.log"
    real = read._read

    def counted(path, *args, **kwargs):
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{Path(path).name}\n")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(read, "_read", counted)
    named = [books, books / "a1-plan.xlsx", str(books / "a*.xlsx")]
    report = opsbook.validate(named, options=BatchOptions(jobs=2))
    assert report.exit_code == 1  # b-invalid.xlsx
    assert sorted(log.read_text(encoding="utf-8").split()) == sorted([*VALID, "b-invalid.xlsx"])

    log.unlink()
    plans = [books / "a1-plan.xlsx", books / "a2-plan.xlsx"]
    done = opsbook.consolidate_plans(plans, options=BatchOptions(jobs=2),
                                     output=tmp_path / "company.xlsx")
    assert done.report.readable and len(done.report.files) == 2
    assert sorted(log.read_text(encoding="utf-8").split()) == ["a1-plan.xlsx", "a2-plan.xlsx"]


def test_no_input_is_read_twice(books: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    reads: list[str] = []
    real = common.read_book

    def counted(path, *args, **kwargs):
        reads.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(common, "read_book", counted)
    opsbook.validate([books, books / "a1-plan.xlsx", str(books / "a*.xlsx")])
    assert sorted(reads) == sorted([*VALID, "b-invalid.xlsx"])  # each once, named thrice

    reads.clear()
    history = tmp_path / "history"
    history.mkdir()
    for n in range(3):
        shutil.copy(books / "a4-appraisal.xlsx", history / f"cycle{n}.xlsx")
    opsbook.score_appraisal(books / "a4-appraisal.xlsx", [history, history / "cycle0.xlsx"])
    assert reads == ["a4-appraisal.xlsx"]  # the history files go through history_of …
    from opsbook.api import appraisal

    seen: list[str] = []
    real_history = appraisal.history_of
    monkeypatch.setattr(appraisal, "history_of",
                        lambda path: (seen.append(Path(path).name), real_history(path))[1])
    opsbook.score_appraisal(books / "a4-appraisal.xlsx", [history, history / "cycle0.xlsx"])
    assert sorted(seen) == ["cycle0.xlsx", "cycle1.xlsx", "cycle2.xlsx"]  # … once each


def test_skip_unchanged_skips_exactly_the_unchanged_valid_inputs(books: Path):
    manifest = books.parent / "run.json"
    options = BatchOptions(jobs=1, manifest=manifest, skip_unchanged=True)
    opsbook.validate(books, options=options)
    shutil.copy(books / "a1-plan.xlsx", books / "a2-plan.xlsx")  # a2 changed
    again = opsbook.validate(books, options=options)
    status = {Path(i["path"]).name: i["status"]
              for i in json.loads(manifest.read_text())["inputs"]}
    assert status == {"a1-plan.xlsx": "unchanged", "a2-plan.xlsx": "valid",
                      "a3-project.xlsx": "unchanged", "a4-appraisal.xlsx": "unchanged",
                      "a5-attendance.xlsx": "unchanged",
                      "b-invalid.xlsx": "invalid"}  # an invalid input is always read again
    assert again.exit_code == 1
    assert [Path(i.file).name for i in again.issues if i.code == "unchanged-file"] == \
        ["a1-plan.xlsx", "a3-project.xlsx", "a4-appraisal.xlsx", "a5-attendance.xlsx"]
    third = opsbook.validate(books, options=options)  # "unchanged" carries on
    assert sum(i.code == "unchanged-file" for i in third.issues) == 5
    other = opsbook.validate(books, kind="plan", options=options)  # other settings
    assert not any(i.code == "unchanged-file" for i in other.issues)


def test_skip_unchanged_needs_a_manifest(books: Path):
    with pytest.raises(BatchProblem):
        opsbook.validate(books, options=BatchOptions(skip_unchanged=True))


def test_fail_fast_stops_at_the_first_file_with_an_error(books: Path):
    shutil.copy(books / "b-invalid.xlsx", books / "a0-invalid.xlsx")
    manifest = books.parent / "run.json"
    report = opsbook.validate(books, options=BatchOptions(jobs=1, fail_fast=True,
                                                          manifest=manifest))
    status = [i["status"] for i in json.loads(manifest.read_text())["inputs"]]
    assert status == ["invalid", *["not-run"] * 6]
    assert report.exit_code == 1
    assert sum(i.code == "not-run" for i in report.issues) == 6


def test_the_cli_prints_progress_lines_in_a_pipe_and_nothing_when_quiet(books: Path):
    done = run_cli("validate", books, "--jobs", "2")
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.startswith("validate: ")]
    assert [line.split()[1] for line in lines] == [f"{n}/6" for n in range(1, 7)]
    quiet = run_cli("validate", books, "-q", "--jobs", "1")
    assert quiet.stderr == "" and quiet.stdout == done.stdout


def test_a_combined_output_is_the_same_in_processes(books: Path, tmp_path: Path):
    """appraisal score with history read in one process and in two: the same results
    workbook, cell for cell, and the same manifest beside it."""
    import openpyxl

    from opsbook.api import write_output

    history = tmp_path / "history"
    history.mkdir()
    for n in range(3):
        shutil.copy(books / "a4-appraisal.xlsx", history / f"cycle{n}.xlsx")
    cells, manifests = [], []
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}" / "results.xlsx"
        out.parent.mkdir()
        done = opsbook.score_appraisal(books / "a4-appraisal.xlsx", [history],
                                       options=BatchOptions(jobs=jobs), output=out)
        assert done.computed
        write_output(out, done.sheets)
        book = openpyxl.load_workbook(out)
        cells.append({ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
                      for ws in book.worksheets})
        manifest = json.loads(out.with_name("results.manifest.json").read_text())
        assert manifest["outputs"] == [str(out)]
        manifests.append({**without_timings(manifest), "outputs": None})
    assert cells[0] == cells[1] and len(cells[0]) >= 5
    assert manifests[0] == manifests[1]
    assert [Path(i["path"]).name for i in manifests[0]["inputs"]] == \
        ["a4-appraisal.xlsx", "cycle0.xlsx", "cycle1.xlsx", "cycle2.xlsx"]
    assert manifests[0]["command"] == "appraisal score"


def test_a_combined_output_is_up_to_date_when_nothing_changed(books: Path, tmp_path: Path):
    from opsbook.api import write_output
    from opsbook.batch import UpToDate

    history = tmp_path / "cycle1.xlsx"
    shutil.copy(books / "a4-appraisal.xlsx", history)
    out = tmp_path / "results.xlsx"
    options = BatchOptions(jobs=1, skip_unchanged=True)
    main = books / "a4-appraisal.xlsx"
    write_output(out, opsbook.score_appraisal(main, [history], options=options,
                                              output=out).sheets)
    with pytest.raises(UpToDate):
        opsbook.score_appraisal(main, [history], options=options, output=out)
    assert opsbook.score_appraisal(main, [history], lang="en", options=options,
                                   output=out).computed  # a setting changed
    shutil.copy(books / "b-invalid.xlsx", history)  # an input changed
    assert opsbook.score_appraisal(main, [history], lang="en", options=options,
                                   output=out).computed
