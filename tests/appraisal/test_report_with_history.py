"""An appraisal's earlier cycles given with --history reached `appraisal score` only: the
report and the emailed summary of the same cycle read the workbook's own History sheet, so
an employee failing a second cycle in a row was escalated in the results workbook and not in
the report ("Escalations 0", "No earlier cycle on record", no recommendation to escalate).
`report`, `email`, build_report and send_summary now take the same history."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import openpyxl
from appraisalbooks import appraisal_book
from conftest import run_cli

import opsbook

# 王伟 E1 95 (S), 李娜 E2 72 (B), 张强 E3 50 (D, improve) in both cycles, one superior each
SCORES = [("E1", "E2", "superior", "K1", 95), ("E2", "E1", "superior", "K1", 72),
          ("E3", "E1", "superior", "K1", 50)]


def cycles(folder: Path) -> tuple[Path, Path]:
    """This cycle's workbook (2026Q4, no History sheet) and last cycle's results workbook."""
    last = appraisal_book(folder / "2026Q3.xlsx", SCORES, {"cycle": "2026Q3"})
    done = run_cli("appraisal", "score", last, "-o", folder / "2026Q3-results.xlsx", "-q")
    assert done.returncode == 0, done.stderr
    this = appraisal_book(folder / "2026Q4.xlsx", SCORES,
                          {"cycle": "2026Q4", "consecutive_failure_limit": 2})
    return this, folder / "2026Q3-results.xlsx"


def figures(report: Path) -> dict[str, tuple]:
    """The Summary sheet's figures: name → (value, previous, change)."""
    sheet = openpyxl.load_workbook(report).worksheets[0]
    return {row[0]: row[1:4] for row in sheet.iter_rows(values_only=True)
            if row[0] is not None and row[1] is not None}


def test_report_counts_the_history_given(tmp_path: Path) -> None:
    this, last = cycles(tmp_path)
    done = run_cli("report", this, "-o", tmp_path / "with.xlsx", "-o", tmp_path / "with.html",
                   "--history", last, "-q")
    assert done.returncode == 0, done.stderr
    shown = figures(tmp_path / "with.xlsx")
    assert shown["Escalations"][0] == 1  # 张强: D in 2026Q3 and 2026Q4, limit 2
    assert shown["Employees scored"] == (3, 3, 0)
    assert shown["Mean total"][:2] == (72.33, 72.33)  # (95 + 72 + 50) / 3 both cycles
    page = (tmp_path / "with.html").read_text(encoding="utf-8")
    assert "Compared with 2026Q3." in page and "Escalate 张强 as the rules require" in page
    alone = run_cli("report", this, "-o", tmp_path / "alone.xlsx", "-q")  # as before
    assert alone.returncode == 0, alone.stderr
    assert figures(tmp_path / "alone.xlsx")["Escalations"][0] == 0
    # the same sheets either way: no History sheet, which a later --history would read
    assert openpyxl.load_workbook(tmp_path / "with.xlsx").sheetnames == \
        openpyxl.load_workbook(tmp_path / "alone.xlsx").sheetnames == \
        ["Summary", "Results", "Departments", "Raters", "Self-rating Gap", "Checks"]


def test_email_and_python_take_the_history(tmp_path: Path) -> None:
    this, last = cycles(tmp_path)
    built = opsbook.build_report(this, tmp_path / "r.xlsx", history=[last])
    assert figures(tmp_path / "r.xlsx")["Escalations"][0] == 1 and built.exit_code == 0
    sent = opsbook.send_summary(this, to=["lead@localhost"], outbox=tmp_path / "outbox",
                                history=[last])
    assert sent.exit_code == 0
    (message,) = (tmp_path / "outbox").glob("*.eml")
    text = email.message_from_bytes(message.read_bytes(), policy=email.policy.default) \
        .get_body(("plain",)).get_content()
    assert "- Escalations: 1\n" in text and "Escalate 张强 as the rules require" in text
    done = run_cli("email", this, "--to", "lead@localhost", "--outbox", tmp_path / "cli",
                   "--history", last)
    assert done.returncode == 0, done.stderr
    (message,) = (tmp_path / "cli").glob("*.eml")
    assert "- Escalations: 1\n" in email.message_from_bytes(
        message.read_bytes(), policy=email.policy.default).get_body(("plain",)).get_content()


def test_history_refusals_said_in_both_languages(tmp_path: Path) -> None:
    this, last = cycles(tmp_path)
    before = last.read_bytes()
    over = run_cli("report", this, "-o", last, "--history", last, "-q")
    assert over.returncode == 2
    assert f"{last} is given with --history; write the report to another file" in over.stderr
    assert f"{last} 是用 --history 给出的文件；请将报告写入另一个文件。" in over.stderr
    assert last.read_bytes() == before
    two = run_cli("report", this, tmp_path / "2026Q3.xlsx", "-o", tmp_path / "two.html",
                  "--history", last, "-q")
    assert two.returncode == 2 and not (tmp_path / "two.html").exists()
    assert "--history is read by the report of one appraisal workbook" in two.stderr
    assert "--history 仅用于单个绩效考核工作簿的报告" in two.stderr
    other = opsbook.new_workbook("attendance", "zh", tmp_path / "考勤.xlsx", sample=True)
    wrong = run_cli("report", other, "-o", tmp_path / "att.html", "--history", last, "-q")
    assert wrong.returncode == 2 and not (tmp_path / "att.html").exists()
    assert f"{other}: --history is read by appraisal reports only; this is no appraisal " \
           "workbook" in wrong.stderr
    assert f"{other}：--history 仅用于绩效考核报告；此文件不是绩效考核工作簿。" in wrong.stderr
