"""A report written to several files records them all in its manifest, so that
``--skip-unchanged`` writes again a report file that was removed or newly asked for."""

from __future__ import annotations

import json

from conftest import run_cli

import opsbook


def test_every_report_file_is_recorded_and_rewritten(tmp_path) -> None:
    book = opsbook.new_workbook("project", "en", tmp_path / "t.xlsx", sample=True)
    xlsx, html, more_xlsx = tmp_path / "r.xlsx", tmp_path / "r.html", tmp_path / "s.xlsx"
    first = run_cli("report", book, "-o", xlsx, "-o", html, "--skip-unchanged", "--quiet")
    assert first.returncode == 0, first.stderr
    manifest = json.loads((tmp_path / "r.manifest.json").read_text(encoding="utf-8"))
    assert json.dumps(manifest).count("r.html") >= 1 and json.dumps(manifest).count("r.xlsx")
    html.unlink()
    again = run_cli("report", book, "-o", xlsx, "-o", html, "--skip-unchanged", "--quiet")
    assert again.returncode == 0, again.stderr
    assert html.exists() and "up to date" not in again.stdout + again.stderr
    same = run_cli("report", book, "-o", xlsx, "-o", html, "--skip-unchanged", "--quiet")
    assert same.returncode == 0 and "up to date" in same.stdout + same.stderr
    more = run_cli("report", book, "-o", xlsx, "-o", html, "-o", more_xlsx, "--skip-unchanged")
    assert more.returncode == 0, more.stderr
    assert more_xlsx.exists()
