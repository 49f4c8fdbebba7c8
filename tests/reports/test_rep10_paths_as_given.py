"""``opsbook report`` and ``opsbook email`` name the files they wrote as the user gave them:
a relative -o or outbox is told relative to the current folder, as every other command
tells its output (before, each line held the absolute path of this machine's folder)."""

from __future__ import annotations

import os

from conftest import run_cli

import opsbook

CONFIG = """
[mail]
sender = "Operations <ops@example.com>"
allowed_domains = ["example.com"]
"""


def test_report_and_email_name_their_files_as_given(tmp_path):
    (tmp_path / "in").mkdir()
    opsbook.new_workbook("appraisal", "en", tmp_path / "in" / "a.xlsx", sample=True)
    (tmp_path / "opsbook.toml").write_text(CONFIG, encoding="utf-8")

    report = run_cli("report", os.path.join("in", "a.xlsx"), "-o", "r.html",
                     "-o", os.path.join("out", "r.xlsx"), cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    lines = report.stdout.splitlines()
    assert lines[0] == "r.html: Appraisal report 2026Q4"
    assert lines[1] == f"{os.path.join('out', 'r.xlsx')}: Appraisal report 2026Q4"
    assert str(tmp_path) not in report.stdout + report.stderr

    mail = run_cli("email", os.path.join("in", "a.xlsx"), "--to", "lead@example.com",
                   cwd=tmp_path)
    assert mail.returncode == 0, mail.stderr
    (eml,) = (tmp_path / "in" / "outbox").glob("*.eml")
    assert mail.stdout.strip() == f"written: {os.path.join('in', 'outbox', eml.name)}"

    given = run_cli("email", os.path.join("in", "a.xlsx"), "--to", "other@example.com",
                    "--outbox", "sent", "--lang", "zh", cwd=tmp_path)
    assert given.returncode == 0, given.stderr
    (eml,) = (tmp_path / "sent").glob("*.eml")
    assert given.stdout.strip() == f"已写出：{os.path.join('sent', eml.name)}"
