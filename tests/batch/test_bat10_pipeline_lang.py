"""A pipeline has no --lang: a step's own ``lang`` is that step's only. Checking the file
parses each step's command, and the last one checked with ``lang = "zh"`` made the
pipeline's refusal speak Chinese only; it is in English and then in Chinese again."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

STEPS = """
[batch]
skip_unchanged = true
quiet = true

[[steps]]
step = "validate"
lang = "zh"

[[steps]]
step = "compute"
out = "company.xlsx"
"""


def test_a_refusal_is_in_both_languages_whatever_a_step_says(tmp_path: Path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "p.toml").write_text('kind = "Plan"\ninputs = ["plans/"]\noutputs = "out"\n'
                                     + STEPS, encoding="utf-8")
    done = run_cli("run", "p.toml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "opsbook: error: p.toml cannot run:",
        "p.toml:1: kind: give one of appraisal, attendance, project, plan",
        "opsbook 错误：p.toml 无法运行：",
        "p.toml:1：kind：请写 appraisal、attendance、project、plan 之一。"]


def test_the_last_step_checked_choosing_zh_changes_nothing(tmp_path: Path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "p.toml").write_text(
        'kind = "plan"\ninputs = ["plans/"]\n\n[[steps]]\nstep = "validate"\n'
        'max_issues = -1\n\n[[steps]]\nstep = "compute"\nout = "company.xlsx"\n'
        'lang = "zh"\n', encoding="utf-8")
    done = run_cli("run", "p.toml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "opsbook: error: p.toml cannot run:",
        "p.toml:6: steps[0].max_issues: Invalid value for '--max-issues': must be 0 or more",
        "opsbook 错误：p.toml 无法运行：",
        "p.toml:6：steps[0].max_issues：“opsbook validate”不接受：“--max-issues”的值无效："
        "应不小于 0。"]
