"""Sentences of the README that were not true of the program, now written as it behaves,
checked on workbooks written to disk."""

from __future__ import annotations

import datetime as dt
import email
import subprocess
import sys
from pathlib import Path

import openpyxl

import opsbook

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_plan_track_without_any_actual_is_as_of_today_or_the_years_end(tmp_path):
    """README › Track: the default --as-of is the last month with an actual; with none,
    today or the plan year's last day, whichever is earlier (never a month of actuals)."""
    plan = tmp_path / "plan.xlsx"
    opsbook.new_workbook("plan", "en", plan, sample=True)
    book = openpyxl.load_workbook(plan)
    actuals = book["Actuals"]
    actuals.delete_rows(4, actuals.max_row)  # the header row (3) stays, no actual under it
    book.save(plan)

    done = opsbook.track_plan(plan)

    expected = min(dt.date.today(), dt.date(2027, 12, 31))  # the sample plans 2027
    assert done.headline.startswith(f"as of {expected:%Y-%m-%d}:")
    assert "with none, today or the year's last day, whichever is earlier" in README


def test_addresses_cleared_alike_share_one_message(tmp_path, monkeypatch):
    """README › email: several addresses in one --to are each checked, and those who get the
    same copy share one message (not one message each)."""
    monkeypatch.chdir(tmp_path)
    opsbook.new_workbook("appraisal", "en", "2026Q4.xlsx", sample=True)
    Path("opsbook.toml").write_text(
        '[mail]\nsender = "Operations <ops@example.com>"\nallowed_domains = ["example.com"]\n',
        encoding="utf-8")

    sent = opsbook.send_summary("2026Q4.xlsx", to=["hr@example.com, boss@example.com"],
                                config="opsbook.toml")

    assert len(sent.outcome.written) == 1
    message = email.message_from_bytes(Path(sent.outcome.written[0]).read_bytes())
    assert message["To"] == "hr@example.com, boss@example.com"
    assert "share one message" in README
    assert "each is checked and sent on its own" not in README


def test_a_result_given_to_report_is_refused_alone_and_skipped_among_workbooks(tmp_path):
    """README › The command line: a result opsbook wrote, as the one workbook of `report`, is
    refused (exit 2); in a report of several workbooks it is skipped like any batch input."""
    def run(*args):
        return subprocess.run([sys.executable, "-m", "opsbook", *args, "--quiet"], cwd=tmp_path,
                              capture_output=True, text=True, encoding="utf-8")

    opsbook.new_workbook("attendance", "en", tmp_path / "ops.xlsx", sample=True)
    assert run("attendance", "summarize", "ops.xlsx", "-o", "summary.xlsx").returncode == 0

    alone = run("report", "summary.xlsx", "-o", "alone.html")
    assert alone.returncode == 2
    assert "summary.xlsx: this is a result opsbook wrote" in alone.stderr  # refused, not skipped
    assert "Skipped" not in alone.stderr and "已跳过" not in alone.stderr
    assert not (tmp_path / "alone.html").exists()

    among = run("report", "ops.xlsx", "summary.xlsx", "-o", "among.html")
    assert among.returncode == 0, among.stderr
    assert "[output-workbook]" in among.stdout
    assert (tmp_path / "among.html").exists()
    assert "given as the one workbook of `calculate`, `email` or `report`" in README
