"""Report and email steps take the computing command's inputs (history, punches, month,
as_of) as the compute step does: the quarterly appraisal example reports and mails the
scores its compute step gives, with the earlier cycles; one given for a kind that does not
read it is refused at its line, for the step's own kind as for the pipeline's."""

from __future__ import annotations

import email
import shutil
from email import policy
from pathlib import Path

import openpyxl
from conftest import run_cli

ROOT = Path(__file__).resolve().parents[2]


def _results(path: Path) -> list[tuple]:
    sheet = openpyxl.load_workbook(path, data_only=True)["考核结果"]
    return list(sheet.iter_rows(min_row=2, values_only=True))


def _without_q3_in_the_workbook(book: Path) -> None:
    """The cycle's own History sheet loses its 2026Q3 rows: only the history folder's
    2026Q3 results say how the last cycle went."""
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["历史考核"]
    for row in range(sheet.max_row, 3, -1):
        if sheet.cell(row, 2).value == "2026Q3":
            sheet.delete_rows(row)
    workbook.save(book)


def test_the_quarterly_example_reports_and_mails_the_scores_with_history(tmp_path):
    copy = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", copy)
    _without_q3_in_the_workbook(copy / "appraisal" / "2026Q4.xlsx")
    done = run_cli("run", copy / "appraisal-quarterly.toml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "--history" in done.stdout.split("3. opsbook report")[1].splitlines()[0]
    out = copy / "out" / "appraisal"
    reported, scored = _results(out / "2026Q4-report.xlsx"), _results(out / "2026Q4-results.xlsx")
    assert reported == scored
    header = reported[0]
    by_id = {row[0]: dict(zip(header, row)) for row in reported[1:]}
    # E0019 failed 2026Q2, 2026Q3 (the history folder) and 2026Q4: three in a row
    assert (by_id["E0019"]["连续不达标次数"], by_id["E0019"]["按规定处理"]) == (3, "是")
    assert [row[0] for row in reported[1:] if dict(zip(header, row))["按规定处理"] == "是"] \
        == ["E0019"]
    # without the history folder the same report counts otherwise: history is what differs
    alone = run_cli("report", copy / "appraisal" / "2026Q4.xlsx", "-o", tmp_path / "r.xlsx")
    assert alone.returncode == 0, alone.stdout + alone.stderr
    assert _results(tmp_path / "r.xlsx") != scored
    (mail,) = (out / "outbox").glob("*.eml")
    message = email.message_from_bytes(mail.read_bytes(), policy=policy.default)
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "按规定处理人数：1" in body


def _pipeline(folder: Path, text: str) -> Path:
    shutil.copytree(ROOT / "examples", folder, dirs_exist_ok=True)
    path = folder / "步骤.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_step_of_its_own_kind_takes_that_kinds_inputs(tmp_path):
    """A project pipeline's report step of kind attendance, on its own inputs: month is an
    attendance report's, taken; history in it is refused at its line."""
    pipeline = _pipeline(tmp_path, '''kind = "project"
inputs = ["appraisal/2026Q4.xlsx"]
outputs = "out/x"

[[steps]]
step = "report"
inputs = ["attendance/sales.xlsx"]
kind = "attendance"
out = "sales.html"
month = "2026-10"
''')
    done = run_cli("run", pipeline)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "out" / "x" / "sales.html").stat().st_size > 0
    pipeline.write_text(pipeline.read_text(encoding="utf-8")
                        + 'history = ["appraisal/history/"]\n', encoding="utf-8")
    refused = run_cli("run", pipeline.name, cwd=tmp_path)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.splitlines()[1:] == [
        "步骤.toml:11: steps[0].history: is not taken by the report of attendance workbooks "
        "(--history is read by the report of appraisal workbooks)",
        "opsbook 错误：步骤.toml 无法运行：",
        "步骤.toml:11：steps[0].history：考勤工作簿的报告不接受此选项（--history 用于绩效考核"
        "工作簿的报告）。"]


def test_an_appraisal_email_step_refuses_punches_and_as_of(tmp_path):
    pipeline = _pipeline(tmp_path, '''kind = "appraisal"
inputs = ["appraisal/2026Q4.xlsx"]
outputs = "out/x"

[[steps]]
step = "email"
to = ["hr@example.com"]
config = "opsbook.toml"
outbox = "outbox"
punches = ["attendance/sales.xlsx"]
as_of = "2026-12-31"
''')
    refused = run_cli("run", pipeline.name, "--dry-run", cwd=tmp_path)
    assert refused.returncode == 2
    lines = refused.stderr.splitlines()
    assert [line.split(": is not")[0] for line in lines if ": is not taken" in line] == \
        ["步骤.toml:10: steps[0].punches", "步骤.toml:11: steps[0].as_of"]
    assert not (tmp_path / "out").exists()


def test_a_cafile_without_a_certificate_is_refused_before_anything_runs(tmp_path):
    """The email step's cafile is read as the command starts: an empty one was found only
    after the steps before it had run (exit 2 after writing their outputs)."""
    pipeline = _pipeline(tmp_path, '''kind = "attendance"
inputs = ["attendance/sales.xlsx"]
outputs = "out/x"

[[steps]]
step = "compute"
out = "summary.xlsx"

[[steps]]
step = "email"
to = ["a@example.com"]
config = "opsbook.toml"
cafile = "ca.pem"
outbox = "outbox"
''')
    (tmp_path / "ca.pem").write_text("not a certificate\n", encoding="utf-8")
    refused = run_cli("run", pipeline.name, cwd=tmp_path)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.splitlines()[1:] == [
        "步骤.toml:13: steps[1].cafile: the certificate authority file ca.pem: no "
        "certificate (PEM) could be read from it",
        "opsbook 错误：步骤.toml 无法运行：",
        "步骤.toml:13：steps[1].cafile：证书颁发机构文件 ca.pem：无法从中读取证书（PEM）。"]
    assert not (tmp_path / "out").exists()
