"""plan track --skip-unchanged computes again for another --lang, and, without --as-of, on
another day: the manifest's settings record both."""

from __future__ import annotations

import datetime as dt
import json

from conftest import run_cli

import opsbook


def test_the_manifest_says_the_language_and_today(tmp_path):
    plan = opsbook.new_workbook("plan", "zh", tmp_path / "plan.xlsx", sample=True)
    out = tmp_path / "tracking.xlsx"
    done = run_cli("plan", "track", plan, "-o", out, "--skip-unchanged", "--quiet")
    assert done.returncode in (0, 1), done.stderr
    settings = json.loads((tmp_path / "tracking.manifest.json").read_text("utf-8"))["settings"]
    assert settings["today"] == dt.date.today().isoformat() and settings["lang"] is None
    again = run_cli("plan", "track", plan, "-o", out, "--skip-unchanged", "--quiet")
    assert "已是最新" in again.stderr  # said in the language of the plan, a Chinese one
    english = run_cli("plan", "track", plan, "-o", out, "--skip-unchanged", "--quiet",
                      "--lang", "en")
    assert "up to date" not in english.stderr
    dated = run_cli("plan", "track", plan, "-o", out, "--as-of", "2027-06-30", "--quiet")
    assert dated.returncode in (0, 1)
    settings = json.loads((tmp_path / "tracking.manifest.json").read_text("utf-8"))["settings"]
    assert "today" not in settings and settings["as_of"] == "2027-06-30"
