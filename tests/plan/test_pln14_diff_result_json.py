"""``plan diff --format json`` of a result opsbook wrote (a tracking workbook given as NEW):
the report says the file was not read (``"readable": false``, ``not-a-workbook`` saying it
is a result opsbook wrote and to give the plan it was made from), as the exit code 2 does.
Before, the JSON said ``"readable": true`` with an info note ("Skipped: …") while the
command exited 2. Real files on disk, run as a user runs them."""

from __future__ import annotations

import json

from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book


def _plan(path):
    rows = [item("S1", "销售部", "销售额", "万元", 1000, (250, 250, 250, 250))]
    return plan_book(path, "zh", rows, {"year": 2027, "department": "销售部"})


def test_a_result_workbook_is_said_unread_in_json_and_markdown(tmp_path):
    plan = _plan(tmp_path / "plan.xlsx")
    tracking = tmp_path / "tracking.xlsx"
    made = run_cli("plan", "track", plan, "--as-of", "2027-06-30", "-o", tracking)
    assert made.returncode in (0, 1), made.stdout + made.stderr
    done = run_cli("plan", "diff", plan, tracking, "--format", "json")
    assert done.returncode == 2, done.stdout + done.stderr
    said = json.loads(done.stdout)
    assert said["readable"] is False and said["valid"] is False
    [issue] = said["issues"]
    assert (issue["file"], issue["code"], issue["severity"]) == (
        str(tracking), "not-a-workbook", "error")
    assert "result opsbook wrote" in issue["message"] and "Skipped" not in issue["message"]
    zh = run_cli("plan", "diff", plan, tracking, "--format", "markdown", "--lang", "zh")
    assert zh.returncode == 2, zh.stdout + zh.stderr
    assert "`not-a-workbook`" in zh.stdout and "opsbook 生成的结果工作簿" in zh.stdout
    assert "已跳过" not in zh.stdout
