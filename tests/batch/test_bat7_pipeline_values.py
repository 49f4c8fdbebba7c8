"""A pipeline's step options that the command checks only as it starts (a month, a status
date, a plan year, the type of a file written, an address, the SMTP address) are checked
with the pipeline, with their line and key, in both languages: a mistake in a later step is
told before an earlier one runs."""

from __future__ import annotations

from batchbooks import pipeline_refused
from conftest import run_cli

from opsbook.api import new_workbook


def _said(error) -> dict[str, tuple[str, str]]:
    """Each key path refused → (its English line, its Chinese line)."""
    english = str(error).splitlines()
    chinese = error.zh.splitlines()
    return {p.key: (en, zh) for p, en, zh in zip(error.problems, english, chinese)}


def test_values_the_commands_check_as_they_start(tmp_path):
    error = pipeline_refused(tmp_path, """\
kind = "attendance"
inputs = ["plans/"]
outputs = "out"

[[steps]]
step = "compute"
out = "summary.csv"
month = "2026-13"

[[steps]]
step = "report"
inputs = ["plans/sales.xlsx"]
out = ["r.html", "r.docx"]

[[steps]]
step = "email"
inputs = ["plans/sales.xlsx"]
to = ["head@example.com", "nobody"]
cc = "a@example.com; b@"
smtp = "http://mail.example.com"
outbox = "outbox"

[[steps]]
step = "validate"
annotate = "annotated.xlsx"
""")
    said = _said(error)
    assert [(p.line, p.key) for p in error.problems] == [
        (7, "steps[0].out"), (8, "steps[0].month"), (13, "steps[1].out"), (18, "steps[2].to"),
        (19, "steps[2].cc"), (20, "steps[2].smtp"), (25, "steps[3].annotate")]
    assert "results are written as .xlsx" in said["steps[0].out"][0]
    assert "结果只能写入 .xlsx" in said["steps[0].out"][1]
    assert "YYYY-MM" in said["steps[0].month"][0] and "'2026-13'" in said["steps[0].month"][0]
    assert "“2026-13”" in said["steps[0].month"][1]
    assert "r.docx: a report is written as" in said["steps[1].out"][0]
    assert "r.html" not in said["steps[1].out"][0]  # each value judged: only the bad one
    assert "'nobody' is no email address" in said["steps[2].to"][0]
    assert "head@example.com" not in said["steps[2].to"][0]
    # a list not all addresses is told as it was typed, as the command tells it
    assert "'a@example.com; b@' is no email address" in said["steps[2].cc"][0]
    assert "“a@example.com; b@” 不是电子邮件地址" in said["steps[2].cc"][1]
    assert "smtps://host" in said["steps[2].smtp"][0] and "SMTP 地址" in said["steps[2].smtp"][1]
    assert "--annotate takes exactly one workbook" in said["steps[3].annotate"][0]
    assert "只能用于一个工作簿" in said["steps[3].annotate"][1]


def test_a_status_date_and_a_plan_year(tmp_path):
    project = pipeline_refused(tmp_path, """\
kind = "project"
inputs = ["plans/"]
[[steps]]
step = "compute"
out = "status.xlsx"
as_of = "2026-02-30"
""")
    assert [(p.line, p.key) for p in project.problems] == [(6, "steps[0].as_of")]
    assert "'2026-02-30'" in str(project) and "YYYY-MM-DD" in str(project)
    plan = pipeline_refused(tmp_path, """\
kind = "plan"
inputs = ["plans/"]
[[steps]]
step = "compute"
out = "company.xlsx"
year = 1800
""")
    assert [(p.line, p.key) for p in plan.problems] == [(6, "steps[0].year")]
    assert "from 1900 to 2200" in str(plan) and "计划年度应在 1900 到 2200 之间" in plan.zh


def test_good_values_pass(tmp_path):
    """What the commands take is taken: a plan year, one workbook
    annotated, addresses listed as Outlook writes them, a report in two types."""
    (tmp_path / "plans").mkdir()
    new_workbook("plan", "en", tmp_path / "plans" / "sales.xlsx", sample=True)
    (tmp_path / "p.toml").write_text("""\
kind = "plan"
inputs = ["plans/"]
outputs = "out"
[[steps]]
step = "validate"
inputs = ["plans/sales.xlsx"]
annotate = "sales.annotated.xlsx"
[[steps]]
step = "compute"
out = "company.xlsx"
year = 2027
[[steps]]
step = "report"
inputs = ["out/company.xlsx"]
out = ["company.xlsx.html", "company.pdf"]
[[steps]]
step = "email"
inputs = ["plans/sales.xlsx"]
to = ["Head <head@example.com>; deputy@example.com"]
smtp = "smtps://mail.example.com:465"
outbox = "outbox"
""", encoding="utf-8")
    done = run_cli("run", tmp_path / "p.toml", "--dry-run")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "--year 2027" in done.stdout


def test_nothing_runs_before_a_later_step_is_refused(tmp_path):
    (tmp_path / "att").mkdir()
    new_workbook("attendance", "zh", tmp_path / "att" / "sales.xlsx", sample=True)
    (tmp_path / "p.toml").write_text("""\
kind = "attendance"
inputs = ["att/"]
outputs = "out"
[[steps]]
step = "validate"
[[steps]]
step = "compute"
out = "summary.xlsx"
month = "2026-13"
""", encoding="utf-8")
    done = run_cli("run", tmp_path / "p.toml")
    assert done.returncode == 2
    assert "p.toml:9: steps[1].month: --month must be written YYYY-MM" in done.stderr
    assert "p.toml:9：steps[1].month：--month 应写作 YYYY-MM" in done.stderr
    assert "1. opsbook validate" not in done.stdout
    assert not (tmp_path / "out").exists()


def test_two_steps_writing_one_file(tmp_path):
    """A file two steps write (or one step names twice) is refused: the later would replace
    the earlier, a report over the summary it was made from."""
    error = pipeline_refused(tmp_path, """\
kind = "attendance"
inputs = ["plans/"]
outputs = "out"
[[steps]]
step = "compute"
out = "same.xlsx"
[[steps]]
step = "report"
inputs = ["out/same.xlsx"]
out = ["./same.xlsx", "r.html", "r.html"]
[[steps]]
step = "validate"
inputs = ["plans/sales.xlsx"]
annotate = "annotated.xlsx"
""")
    assert [(p.line, p.key) for p in error.problems] == [(10, "steps[1].out"),
                                                        (10, "steps[1].out")]
    lines = str(error).splitlines()
    assert lines[0].endswith("steps[1].out: ./same.xlsx is written by steps[0].out too; "
                             "give each output a file of its own")
    assert lines[1].endswith("steps[1].out: r.html is written by steps[1].out too; give "
                             "each output a file of its own")
    assert "steps[0].out 也写入 ./same.xlsx；请为每个输出另取文件名。" in error.zh
