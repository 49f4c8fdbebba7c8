"""``plan diff --format`` takes its value in any case, as ``validate --format`` does."""

from __future__ import annotations

import json

import planbooks
from conftest import run_cli

from opsbook import consolidate_plans
from opsbook.api import write_output


def test_plan_diff_format_in_capitals(tmp_path):
    planbooks.write(tmp_path / "plans")
    company = tmp_path / "company.xlsx"
    write_output(company, consolidate_plans(tmp_path / "plans", output=company).sheets)
    for typed in ("JSON", "Json"):
        done = run_cli("plan", "diff", company, company, "--format", typed)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["equal"] is True
    done = run_cli("plan", "diff", company, company, "-f", "MARKDOWN")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "**新增 0 项，删除 0 项，修改 0 项（0 个字段）**\n"
