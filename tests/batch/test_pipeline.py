"""``opsbook run``: a pipeline file is checked whole before anything runs (every mistake
with its line and key), --dry-run prints the commands, a run runs them."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from batchbooks import _made, books, pipeline_refused
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
    refused = pipeline_refused(tmp_path, text, "books/a1-plan.xlsx")
    return [(p.line, p.key, p.message) for p in refused.problems]


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


def test_every_mistake_of_a_step_is_told(tmp_path: Path):
    text = GOOD.replace('format = "json"', 'format = "pdf"\nbogus_opt = 3\nmax_issues = "many"')
    text += '\n[[steps]]\nstep = "compute"\nout = "c.xlsx"\nstrict = "maybe"\nyear = "twenty"\n'
    found = problems(tmp_path, text)
    assert [(line, key) for line, key, _ in found] == [
        (11, "steps[0].format"), (12, "steps[0].bogus_opt"), (13, "steps[0].max_issues"),
        (18, "steps[1].strict"), (19, "steps[1].year")]
    assert "'pdf' is not one of" in found[0][2] and "unknown option" in found[1][2]
    assert "--max-issues" in found[2][2] and "--year" in found[4][2]


@pytest.mark.parametrize("text, line, column", [
    ('name = "x"\nkind = "plan"\ninputs = ["books/"\n\n', 3, 19),  # at the end of the file
    ('name = "x"\nkind = \n', 2, 8),
])
def test_a_toml_syntax_error_is_told_with_its_line_and_column(tmp_path: Path, text: str,
                                                                line: int, column: int):
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PipelineError) as refused:
        read(path, check)
    [problem] = refused.value.problems
    assert (problem.line, problem.column) == (line, column)
    assert str(refused.value).startswith(f"{path}:{line}:{column}: not valid TOML: ")
    done = run_cli("run", path, "--dry-run")
    assert done.returncode == 2 and f"p.toml:{line}:{column}: " in done.stderr
    assert ":?:" not in done.stderr


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


def _with_a_finding(plan: Path) -> None:
    """Quarters that no longer add up to the year's target: an error of the plan, and a
    conflict of the company plan to follow up."""
    import openpyxl

    book = openpyxl.load_workbook(plan)
    sheet = book["计划"]
    sheet["H4"] = sheet["H4"].value + 100
    book.save(plan)


def test_a_finding_does_not_stop_the_yearly_plan(tmp_path: Path):
    """A department plan with a finding: validate exits 1, and the company plan is made all
    the same (its conflicts listed to follow up); the pipeline exits 1."""
    import shutil

    copy = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", copy)
    _with_a_finding(copy / "plans" / "sales.xlsx")
    done = run_cli("run", copy / "plan-yearly.toml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert (copy / "out" / "plan" / "annual-plan.xlsx").stat().st_size > 0
    assert "step 1 (validate) exited 1: done, with findings to follow up; the pipeline goes " \
           "on" in done.stderr
    assert "step 2 (compute) exited 1" in done.stderr
    assert "stops here" not in done.stderr


def test_a_step_that_cannot_run_stops_the_pipeline_with_the_highest_code(books: Path):
    """Exit 1 goes on, exit 2 stops: the steps after it do not run; the pipeline's code is
    the highest of its steps'."""
    pipeline = books.parent / "steps.toml"
    (books.parent / "cut-short.xlsx").write_bytes(b"PK\x03\x04 cut short")  # not readable
    plan = openpyxl.load_workbook(books / "a2-plan.xlsx")  # an item ID twice: an error
    sheet = plan["Plan"] if "Plan" in plan.sheetnames else plan["计划"]
    sheet["A5"] = sheet["A4"].value
    plan.save(books / "a2-plan.xlsx")
    pipeline.write_text(GOOD
                        + '\n[[steps]]\nstep = "report"\ninputs = ["cut-short.xlsx"]\n'
                          'out = "nowhere.html"\n'
                          '\n[[steps]]\nstep = "validate"\nformat = "json"\n'
                          'manifest = "again.manifest.json"\n', encoding="utf-8")
    done = run_cli("run", pipeline)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "step 1 (validate) exited 1: done, with findings to follow up" in done.stderr
    assert "step 2 (report) exited 2: it could not run, or an input could not be read at " \
        "all; the pipeline stops here" in done.stderr
    out = books.parent / "out"
    assert (out / "validate.manifest.json").exists()
    assert not (out / "again.manifest.json").exists()  # step 3 never ran
    assert "1. opsbook validate" in done.stdout and "2. opsbook report" in done.stdout
    assert "3. opsbook" not in done.stdout  # each step is told just before it runs


def test_an_empty_step_input_names_no_file(tmp_path: Path):
    said = problems(tmp_path, GOOD + '\n[[steps]]\nstep = "validate"\ninputs = [""]\n')
    assert any(key.endswith("inputs") and "an empty path names no file" in message
               for _, key, message in said), said
