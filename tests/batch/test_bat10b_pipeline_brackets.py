"""A pipeline's inputs are found as a run finds them: a folder named with brackets
(``计划 [2026]``, as a year or a quarter is often written) in a glob pattern is that folder,
not a character class. ``opsbook validate '计划 [2026]/*.xlsx'`` read the plans in it, but the
same pattern in a pipeline was refused before anything ran ("names no file"), and so was a
step reading, by a pattern, what an earlier step writes into such a folder."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

from opsbook.api import new_workbook

PIPELINE = """\
kind = "plan"
inputs = ["计划 [2026]/*.xlsx"]
outputs = "出 [2026]"

[[steps]]
step = "compute"
out = "公司.xlsx"

[[steps]]
step = "validate"
inputs = ["出 [2026]/*.xlsx"]
"""


def test_a_pattern_under_a_folder_with_brackets_runs(tmp_path: Path):
    new_workbook("plan", "en", tmp_path / "计划 [2026]" / "销售 部.xlsx", sample=True, seed=1)
    (tmp_path / "jobs").mkdir()
    spec = tmp_path / "p.toml"
    spec.write_text(PIPELINE, encoding="utf-8")
    dry = run_cli("run", spec, "--dry-run", cwd=tmp_path / "jobs")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[0] == (
        f"1. opsbook plan consolidate '{tmp_path}/计划 [2026]/*.xlsx' --out "
        f"'{tmp_path}/出 [2026]/公司.xlsx'")
    done = run_cli("run", spec, cwd=tmp_path / "jobs")  # from elsewhere
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{tmp_path}/出 [2026]/公司.xlsx: 8 items from 1 department plan, 0 conflicts " \
        "to follow up" in done.stdout
    assert f"{tmp_path}/出 [2026]/公司.xlsx: ✓ valid" in done.stdout
    assert not (tmp_path / "jobs" / "出 [2026]").exists()


def test_a_pattern_under_a_folder_with_brackets_that_names_nothing_is_refused(
        tmp_path: Path):
    (tmp_path / "计划 [2026]").mkdir()
    spec = tmp_path / "p.toml"
    spec.write_text(PIPELINE, encoding="utf-8")
    done = run_cli("run", spec, "--dry-run", cwd=tmp_path)
    assert done.returncode == 2
    assert f"{spec}:2: inputs: missing input: 计划 [2026]/*.xlsx names no file" \
        in done.stderr.splitlines()
