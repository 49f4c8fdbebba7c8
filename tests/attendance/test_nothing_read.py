"""attendance summarize given only a summary opsbook wrote has nothing to compute: a
no-attendance-read error in both languages, exit 2, nothing written — as project status,
appraisal score and plan consolidate say it — not "0 error(s)" and exit 1."""

from __future__ import annotations

from conftest import run_cli

import opsbook


def test_only_a_summary_opsbook_wrote(tmp_path):
    book = opsbook.new_workbook("attendance", "en", tmp_path / "a.xlsx", sample=True)
    summary = tmp_path / "summary.xlsx"
    assert run_cli("attendance", "summarize", book, "-o", summary).returncode in (0, 1)
    for lang, said in (("en", "[no-attendance-read] No attendance workbook could be read: "
                              "every file given was skipped (see above)"),
                       ("zh", "[no-attendance-read] 没有可读取的考勤工作簿：所给文件均已跳过")):
        out = tmp_path / f"again.{lang}.xlsx"
        done = run_cli("attendance", "summarize", summary, "-o", out, "--lang", lang)
        assert done.returncode == 2, done.stdout + done.stderr
        assert said in done.stdout
        assert not out.exists()
    again = opsbook.summarize_attendance([summary])
    assert again.result is None and again.report.exit_code == 2
    assert [i.code for i in again.report.issues] == ["output-workbook", "no-attendance-read"]
