"""``opsbook report``, ``opsbook email`` and the Report / Email summary buttons on real files."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli

import opsbook
from opsbook.excel import reporting
from opsbook.io.filebook import FileBook

CONFIG = """
[mail]
sender = "Operations <ops@example.com>"
allowed_domains = ["example.com"]
confidential = ["ceo@example.com"]
to = ["ceo@example.com"]
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "appraisal.xlsx"
    opsbook.new_workbook("appraisal", "zh", path, sample=True)
    return path


def test_report_command_writes_the_workbook_and_the_page(sample, tmp_path):
    done = run_cli("report", sample, "-o", tmp_path / "r.xlsx", "-o", tmp_path / "r.html")
    assert done.returncode == 0, done.stderr
    assert "2026Q4 绩效考核报告" in done.stdout
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames[:2] == ["摘要", "考核结果"]
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<h2>建议</h2>" in page and "data:image/svg+xml;base64," in page


def test_report_command_refuses_what_it_cannot_write(sample, tmp_path):
    own = run_cli("report", sample, "-o", sample)
    assert own.returncode == 2 and "is the workbook itself" in own.stderr
    other = run_cli("report", sample, "-o", tmp_path / "r.docx")
    assert other.returncode == 2 and ".xlsx, .html, .pdf" in other.stderr
    assert not list(tmp_path.iterdir())


def test_report_of_a_workbook_with_errors_is_not_written(sample, tmp_path):
    broken = tmp_path / "broken.xlsx"
    book = openpyxl.load_workbook(sample)
    book["评分"]["E4"] = 120  # above the 0..100 scale
    book.save(broken)
    done = run_cli("report", broken, "-o", tmp_path / "r.html")
    assert done.returncode == 1 and "E4" in done.stdout + done.stderr
    assert not (tmp_path / "r.html").exists()


def test_email_command_writes_the_outbox_beside_the_workbook(sample, tmp_path):
    workbook = tmp_path / "appraisal.xlsx"
    workbook.write_bytes(sample.read_bytes())
    (tmp_path / "opsbook.toml").write_text(CONFIG, encoding="utf-8")
    done = run_cli("email", workbook, "--to", "staff@example.com", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (eml,) = (tmp_path / "outbox").glob("*.eml")
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"] == "staff@example.com"
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == "appraisal.report.xlsx"
    refused = run_cli("email", workbook, "--to", "x@elsewhere.test", cwd=tmp_path)
    assert refused.returncode == 2 and "x@elsewhere.test" in refused.stderr
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


def test_report_button_writes_next_to_the_workbook(sample, tmp_path):
    workbook = tmp_path / "考核.xlsx"
    workbook.write_bytes(sample.read_bytes())
    port = FileBook(workbook)
    report = reporting.report(port)
    assert report.valid
    assert (tmp_path / "考核.report.xlsx").exists() and (tmp_path / "考核.report.html").exists()
    assert port.messages[-1].startswith("报告已生成：") and "考核.report.html" in port.messages[-1]
    assert workbook.read_bytes() == sample.read_bytes()


def test_email_button_uses_the_config_beside_the_workbook(sample, tmp_path):
    workbook = tmp_path / "appraisal.xlsx"
    workbook.write_bytes(sample.read_bytes())
    (tmp_path / "opsbook.toml").write_text(CONFIG, encoding="utf-8")
    port = FileBook(workbook)
    reporting.email(port)
    (eml,) = (tmp_path / "outbox").glob("*.eml")
    assert port.messages[-1].startswith("摘要已写入发件箱：")
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"] == "ceo@example.com"
    assert "绩效奖金合计" in message.get_body(("plain",)).get_content()
    reporting.email(port)
    assert "未重复发送" in port.messages[-1]
