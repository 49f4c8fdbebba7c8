"""``plan diff --format json|markdown`` keeps its form when a plan cannot be read: the
findings that keep it from being compared (two item IDs left blank) are the JSON or Markdown
report that ``validate --format`` gives, on stdout, exit 2 — not text that breaks a reader of
the JSON. Real workbooks on disk, run as a user runs them."""

from __future__ import annotations

import json

from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book


def _plans(tmp_path):
    good, bad = tmp_path / "v1.xlsx", tmp_path / "v2.xlsx"
    rows = [item("S1", "销售部", "销售额", "万元", 1000, (250, 250, 250, 250)),
            item("S2", "销售部", "新签客户数", "个", 40, (10, 10, 10, 10))]
    plan_book(good, "zh", rows, {"year": 2027, "department": "销售部"})
    plan_book(bad, "zh", [(None, *rows[0][1:]), rows[1]], {"year": 2027, "department": "销售部"})
    return good, bad


def test_a_plan_that_cannot_be_read_is_said_as_json(tmp_path):
    good, bad = _plans(tmp_path)
    done = run_cli("plan", "diff", good, bad, "--format", "json", "--lang", "en")
    assert done.returncode == 2, done.stdout + done.stderr
    said = json.loads(done.stdout)
    assert said["valid"] is False
    assert [(i["file"], i["sheet"], i["cell"], i["code"]) for i in said["issues"]] == [
        (str(bad), "计划", "A4", "missing-value")]
    assert said["issues"][0]["message"] == "'编号' is required but empty."


def test_a_plan_that_cannot_be_read_is_said_as_markdown(tmp_path):
    good, bad = _plans(tmp_path)
    done = run_cli("plan", "diff", bad, good, "--format", "markdown", "--lang", "zh")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "| --- |" in done.stdout and "`missing-value`" in done.stdout
    assert "计划!A4" in done.stdout
