"""A pipeline whose step reads what an earlier step writes: when that step ends without
writing it (exit 1, findings to follow up), the later step is not run on the file an
earlier run left there; the pipeline says which and stops, exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from batchbooks import _made, books
from conftest import run_cli

PIPELINE = """kind = "plan"
inputs = ["plans/"]
outputs = "out"

[[steps]]
step = "compute"
out = "company.xlsx"
fail_fast = true

[[steps]]
step = "report"
inputs = ["out/company.xlsx"]
out = "company.html"
"""


def test_a_step_is_not_run_on_an_output_the_step_before_did_not_write(books: Path,
                                                                       tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(books / "a1-plan.xlsx", plans / "sales.xlsx")
    pipeline = tmp_path / "yearly.toml"
    pipeline.write_text(PIPELINE, encoding="utf-8")
    first = run_cli("run", pipeline)  # last year's run: the company plan and its report
    assert first.returncode == 0, first.stdout + first.stderr
    company, page = tmp_path / "out" / "company.xlsx", tmp_path / "out" / "company.html"
    old, old_page = company.read_bytes(), page.stat().st_mtime_ns

    bad = openpyxl.load_workbook(plans / "sales.xlsx")  # no KPI: a plan that cannot be read
    bad["Plan"]["D4"] = None  # (a target typed "lots" is a conflict of the company plan)
    bad["Plan"]["B4"] = "Finance"
    bad.save(plans / "finance.xlsx")
    done = run_cli("run", pipeline)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "--fail-fast: no company plan written" in done.stdout
    assert "step 1 (compute) exited 1: findings to follow up, and it did not write " \
           "out/company.xlsx; the pipeline goes on" in done.stderr
    assert "第 1 步（compute）退出码 1：有待跟进的问题，且未写出 out/company.xlsx；流水线继续。" \
           in done.stderr
    assert "step 2 (report) is not run: it reads out/company.xlsx, which step 1 (compute) " \
           "did not write in this run; the pipeline stops here" in done.stderr
    assert "第 2 步（report）未运行：它读取的 out/company.xlsx 本次未由第 1 步（compute）写出；" \
           "流水线在此停止。" in done.stderr
    assert "2. opsbook report" not in done.stdout  # never started
    assert company.read_bytes() == old  # last year's plan left as it was, not reported again
    assert page.stat().st_mtime_ns == old_page


def test_an_output_found_up_to_date_is_read_by_the_next_step(books: Path, tmp_path: Path):
    """Exit 0 with the output as it was (up to date under skip_unchanged) is no output
    missing: the next step runs."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(books / "a1-plan.xlsx", plans / "sales.xlsx")
    pipeline = tmp_path / "yearly.toml"
    pipeline.write_text(PIPELINE.replace("fail_fast = true", "skip_unchanged = true"),
                        encoding="utf-8")
    assert run_cli("run", pipeline).returncode == 0
    again = run_cli("run", pipeline)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "is up to date" in again.stderr
    assert "2. opsbook report" in again.stdout
    assert "is not run" not in again.stderr


def test_a_step_whose_manifest_an_earlier_step_writes_gets_its_own(tmp_path: Path):
    """company.xlsx and company.html both have company.manifest.json beside them: the
    report gets report.manifest.json, so that it never replaces the consolidation's
    (which would then never be up to date); a manifest named in the step stands."""
    from opsbook.cli.run import arguments
    from opsbook.pipeline import read

    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "sales.xlsx").touch()
    path = tmp_path / "p.toml"
    path.write_text(PIPELINE + '\n[[steps]]\nstep = "report"\ninputs = ["out/company.xlsx"]'
                               '\nout = "company.pdf"\n'
                               '\n[[steps]]\nstep = "report"\ninputs = ["out/company.xlsx"]'
                               '\nout = "other.html"\nmanifest = "mine.json"\n',
                    encoding="utf-8")
    planned = {}

    def check(step, pipeline):
        words, argv, problems = arguments(step, pipeline)
        planned[step.index] = argv
        return problems

    read(path, check)
    out = tmp_path / "out"
    assert "--manifest" not in planned[0]  # beside company.xlsx
    assert [argv[argv.index("--manifest") + 1] for argv in list(planned.values())[1:]] == [
        str(out / "report.manifest.json"), str(out / "report-2.manifest.json"),
        str(out / "mine.json")]


def test_a_manifest_named_where_an_earlier_step_writes_its_own_is_refused(tmp_path: Path):
    from batchbooks import pipeline_refused, refused_once

    text = PIPELINE.replace('["plans/"]', '["plans/sales.xlsx"]') + (
        '\n[[steps]]\nstep = "validate"\nmanifest = "company.manifest.json"\n')
    refused_once(pipeline_refused(tmp_path, text),
                 f"{tmp_path / 'p.toml'}:17: steps[2].manifest",
                 "company.manifest.json is written by steps[0].out too; give the manifest a "
                 "file of its own",
                 "steps[0].out 也写入 company.manifest.json；请为清单另取文件名。")
