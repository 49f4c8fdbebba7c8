"""A report shows the figures of the computing command it stands for: an attendance whose
clock data is a punch export (`attendance summarize --punches`) had no report at all
("no clock data", exit 1), and a project's or a plan's report could not be made as of the
status date `project status --as-of` / `plan track --as-of` used. `report` and `email` now
take --punches, --month and --as-of (and --history, tests/appraisal), each refused, in both
languages, for a kind that does not read it — in a pipeline before anything runs."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from pathlib import Path

import openpyxl
import pandas as pd
from conftest import run_cli

import opsbook
from opsbook.api import new_workbook


def attendance(folder: Path) -> tuple[Path, Path]:
    """One employee E1 in November 2026 (21 work days, Mon–Fri, shift 09:00–18:00) with
    no Clock rows, and an export punching E1 in at 09:20 and out at 18:05 on Monday 2
    November only: 1 late arrival, 20 days absent."""
    book = new_workbook("attendance", "en", folder / "att.xlsx", frames={
        "Employees": pd.DataFrame({"employee_id": ["E1"], "name": ["王伟"],
                                   "department": ["运营部"]}),
        "Settings": pd.DataFrame({"key": ["month"], "value": ["2026-11"]}, dtype=object)})
    export = openpyxl.Workbook()
    sheet = export.active
    sheet.append(["Employee ID", "Punch Time"])
    sheet.append(["E1", dt.datetime(2026, 11, 2, 9, 20)])
    sheet.append(["E1", dt.datetime(2026, 11, 2, 18, 5)])
    export.save(folder / "punches.xlsx")
    return book, folder / "punches.xlsx"


def figures(report: Path) -> dict[str, object]:
    sheet = openpyxl.load_workbook(report).worksheets[0]
    return {row[0]: row[1] for row in sheet.iter_rows(values_only=True)
            if row[0] is not None and row[1] is not None}


def test_attendance_report_reads_the_punch_export(tmp_path: Path) -> None:
    book, punches = attendance(tmp_path)
    before = run_cli("report", book, "-o", tmp_path / "none.xlsx", "-q")
    assert before.returncode == 1 and "[no-clock-data]" in before.stdout
    done = run_cli("report", book, "-o", tmp_path / "r.xlsx", "--punches", punches,
                   "--month", "2026-11", "-q")
    assert done.returncode == 0, done.stderr
    shown = figures(tmp_path / "r.xlsx")
    assert (shown["Employees"], shown["Late arrivals"], shown["Absent days"]) == (1, 1, 20)
    sent = opsbook.send_summary(book, to=["lead@localhost"], outbox=tmp_path / "outbox",
                                punches=[punches])
    assert sent.exit_code == 0
    (message,) = (tmp_path / "outbox").glob("*.eml")
    text = email.message_from_bytes(message.read_bytes(), policy=email.policy.default) \
        .get_body(("plain",)).get_content()
    assert "- Late arrivals: 1\n- Late minutes: 20\n- Absent days: 20.0\n" in text  # 09:20


def test_project_and_plan_reports_as_of(tmp_path: Path) -> None:
    tracker = new_workbook("project", "en", tmp_path / "p.xlsx", sample=True)
    done = run_cli("report", tracker, "-o", tmp_path / "p.html", "--as-of", "2026-12-31",
                   "-q")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "Project status report 2026-12-31" in page
    assert "earned value as of 2026-12-31" in page
    plan = new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True)
    built = opsbook.build_report(plan, tmp_path / "plan.html", as_of="2027-01-31")
    assert built.exit_code == 0
    assert "actuals reported by month up to 2027-01-31" in \
        (tmp_path / "plan.html").read_text(encoding="utf-8")


def test_inputs_of_another_kind_refused(tmp_path: Path) -> None:
    book, punches = attendance(tmp_path)
    tracker = new_workbook("project", "en", tmp_path / "p.xlsx", sample=True)
    wrong = run_cli("report", tracker, "-o", tmp_path / "p.html", "--punches", punches, "-q")
    assert wrong.returncode == 2 and not (tmp_path / "p.html").exists()
    assert f"{tracker}: --punches is not taken by the report of project tracker workbooks " \
           "(--history is an appraisal's, --punches and --month an attendance's, --as-of a " \
           "project's or a plan's)" in wrong.stderr
    assert f"{tracker}：项目管理工作簿的报告不接受 --punches（--history 用于绩效考核，" \
           "--punches 和 --month 用于考勤，--as-of 用于项目或年度计划）。" in wrong.stderr
    month = run_cli("email", book, "--to", "a@localhost", "--outbox", tmp_path / "o",
                    "--punches", punches, "--month", "2026-11-05")
    assert month.returncode == 2 and not (tmp_path / "o").exists()
    assert "--month must be written YYYY-MM, e.g. 2026-11 (got '2026-11-05')" in month.stderr
    over = run_cli("report", book, "-o", punches, "--punches", punches, "-q")
    assert over.returncode == 2
    assert f"{punches} is given with --punches; write the report to another file" \
        in over.stderr


def test_pipeline_refuses_them_before_anything_runs(tmp_path: Path) -> None:
    attendance(tmp_path)
    (tmp_path / "p.toml").write_text(
        'kind = "attendance"\ninputs = ["att.xlsx"]\noutputs = "out"\n\n'
        '[[steps]]\nstep = "report"\nout = "r.html"\npunches = ["punches.xlsx"]\n'
        'as_of = "2026-11-30"\n\n'
        '[[steps]]\nstep = "email"\nto = ["a@localhost"]\noutbox = "box"\n'
        'history = ["punches.xlsx"]\n', encoding="utf-8")
    done = run_cli("run", tmp_path / "p.toml")
    assert done.returncode == 2 and not (tmp_path / "out").exists()
    assert "p.toml:9: steps[0].as_of: is not taken by the report of attendance workbooks " \
           "(--as-of is read by the report of project or plan workbooks)" in done.stderr
    assert "p.toml:15：steps[1].history：考勤工作簿的报告不接受此选项（--history 用于" \
           "绩效考核工作簿的报告）。" in done.stderr
