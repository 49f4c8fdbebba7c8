"""A plan's or a tracker's report is computed as of today: its manifest records the day,
so that ``--skip-unchanged`` makes the report again on a new day instead of keeping
yesterday's figures as "up to date"."""

from __future__ import annotations

import datetime as dt
import json

from conftest import run_cli

import opsbook


def test_a_new_day_makes_the_plan_report_again(tmp_path) -> None:
    book = opsbook.new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True)
    page = tmp_path / "r.html"
    first = run_cli("report", book, "-o", page, "--skip-unchanged", "--quiet")
    assert first.returncode == 0, first.stderr
    manifest_path = tmp_path / "r.manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["settings"]["today"] == dt.date.today().isoformat()
    same = run_cli("report", book, "-o", page, "--skip-unchanged")
    assert same.returncode == 0 and "up to date" in same.stdout + same.stderr
    # the run as yesterday's: the next is a new day's
    manifest["settings"]["today"] = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    again = run_cli("report", book, "-o", page, "--skip-unchanged")
    assert again.returncode == 0, again.stderr
    assert "up to date" not in again.stdout + again.stderr
    assert json.loads(manifest_path.read_text(encoding="utf-8"))["settings"]["today"] == \
        dt.date.today().isoformat()
