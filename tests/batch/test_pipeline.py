"""``opsbook run``: a pipeline file is checked whole before anything runs (every mistake
with its line and key), --dry-run prints the commands, a run runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batchbooks import _made, books
from conftest import run_cli

from opsbook.cli.run import arguments, find
from opsbook.pipeline import PipelineError, read

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
name = "plans"
kind = "plan"
inputs = ["books/a*-plan.xlsx"]
outputs = "out"

[batch]
jobs = 2

[[steps]]
step = "validate"
format = "json"
"""


def check(step, pipeline):
    return arguments(step, pipeline)[2]


def problems(tmp_path: Path, text: str) -> list[tuple[int | None, str, str]]:
    (tmp_path / "books").mkdir(exist_ok=True)
    (tmp_path / "books" / "a1-plan.xlsx").touch()
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PipelineError) as refused:
        read(path, check)
    return [(p.line, p.key, p.message) for p in refused.value.problems]


def test_mistakes_are_refused_with_their_line_and_key(tmp_path: Path):
    text = GOOD.replace('"books/a*-plan.xlsx"', '"books/a*-plan.xlsx", "nowhere/"') \
        .replace("jobs = 2", "jobs = 2\nthreads = 4") \
        .replace('format = "json"', 'format = "pdf"') + '\n[[steps]]\nstep = "publish"\n'
    found = problems(tmp_path, text)
    assert [(line, key) for line, key, _ in found] == [
        (3, "inputs"), (8, "batch.threads"), (12, "steps[0].format"), (15, "steps[1].step")]
    assert "missing input: nowhere/" in found[0][2]
    assert "'pdf' is not one of 'text', 'json', 'markdown'" in found[2][2]
    assert "unknown step" in found[3][2]
    unknown = problems(tmp_path, GOOD.replace('format = "json"', "colour = true"))
    assert unknown == [(11, "steps[0].colour", "unknown option of 'opsbook validate'")]
    broken = problems(tmp_path, GOOD.replace("jobs = 2", "jobs = "))
    assert broken[0][0] == 7 and "not valid TOML" in broken[0][2]


def test_dry_run_prints_the_commands_and_runs_nothing(books: Path):
    pipeline = books.parent / "plans.toml"
    pipeline.write_text(GOOD, encoding="utf-8")
    done = run_cli("run", pipeline, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        f"1. opsbook validate '{books.parent}/books/a*-plan.xlsx' --jobs 2 --format json "
        f"--kind plan --manifest {books.parent}/out/validate.manifest.json")
    assert not (books.parent / "out").exists()
    ran = run_cli("run", pipeline)
    assert ran.returncode == 0, ran.stderr
    report = json.loads(ran.stdout.split("\n", 1)[1])
    assert report["valid"] and len(report["files"]) == 2
    manifest = json.loads((books.parent / "out" / "validate.manifest.json").read_text())
    assert [i["status"] for i in manifest["inputs"]] == ["valid", "valid"]


def test_a_refused_pipeline_exits_2_before_anything_runs(books: Path):
    pipeline = books.parent / "plans.toml"
    pipeline.write_text(GOOD.replace('step = "validate"', 'step = "validate"\nkind = "x"'),
                        encoding="utf-8")
    done = run_cli("run", pipeline)
    assert done.returncode == 2 and done.stdout == ""
    assert "plans.toml:11: steps[0].kind" in done.stderr
    assert not (books.parent / "out").exists()


@pytest.mark.parametrize("name", ["attendance-monthly.toml", "plan-yearly.toml",
                                  "appraisal-quarterly.toml"])
def test_the_examples_are_sound_up_to_commands_not_yet_here(name: str):
    """Every mistake found in an example is a step whose command this opsbook lacks."""
    try:
        pipeline = read(ROOT / "examples" / name, check)
    except PipelineError as refused:
        assert refused.problems
        for problem in refused.problems:
            assert problem.key.endswith(".step"), problem
            assert "does not have" in problem.message
        return
    assert all(find(arguments(step, pipeline)[0]) for step in pipeline.steps)


@pytest.mark.parametrize("name, written", [
    ("attendance-monthly.toml", ["attendance/attendance-summary.xlsx",
                                 "attendance/sales-attendance.xlsx",
                                 "attendance/sales-attendance.html"]),
    ("plan-yearly.toml", ["plan/annual-plan.xlsx", "plan/annual-plan-report.xlsx",
                          "plan/annual-plan.html"]),
    ("appraisal-quarterly.toml", ["appraisal/2026Q4-results.xlsx",
                                  "appraisal/2026Q4-report.xlsx",
                                  "appraisal/2026Q4-report.html"]),
])
def test_the_examples_run_as_they_are(name: str, written: list[str], tmp_path: Path):
    """Each example pipeline, run in a copy of the examples folder, runs every step to the
    end (exit 0) and writes what its steps name, the emails into the outbox."""
    import shutil

    copy = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", copy)
    done = run_cli("run", copy / name)
    assert done.returncode == 0, done.stdout + done.stderr
    for part in written:
        assert (copy / "out" / part).stat().st_size > 0, part
    outboxes = list((copy / "out").glob("*/outbox/*.eml"))
    assert bool(outboxes) == (name != "plan-yearly.toml")
