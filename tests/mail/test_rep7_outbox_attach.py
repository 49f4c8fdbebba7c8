"""An outbox that is a file is refused in words before anything is made or sent; a blank
subject is the report's title; an attachment asked as XLSX or .xlsx is the xlsx one."""

from __future__ import annotations

import io
from email import message_from_bytes, policy
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli

import opsbook
from opsbook.mail.batch import Refused

CONFIG = """
[mail]
sender = "Operations <ops@example.com>"
allowed_domains = ["example.com"]
"""


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("outbox")
    path = folder / "plan.xlsx"
    opsbook.new_workbook("plan", "en", path, sample=True)
    (folder / "opsbook.toml").write_text(CONFIG, encoding="utf-8")
    return path


def test_an_outbox_that_is_a_file_is_refused(workbook, tmp_path):
    taken = tmp_path / "outbox"
    taken.write_text("not a folder", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        opsbook.send_summary(workbook, to=["boss@example.com"], outbox=taken,
                             config=workbook.parent / "opsbook.toml")
    assert f"the outbox {taken} is a file" in str(refused.value)
    assert f"发件箱 {taken} 是一个文件" in refused.value.zh
    done = run_cli("email", workbook, "--to", "boss@example.com", "--outbox", taken,
                   "--config", workbook.parent / "opsbook.toml", "--lang", "zh")
    assert done.returncode == 2 and "could not finish" not in done.stderr
    assert done.stderr.startswith(f"opsbook 错误：发件箱 {taken} 是一个文件")
    assert taken.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("asked", ["XLSX", ".xlsx", " Xlsx "])
def test_an_attachment_asked_in_capitals_or_with_a_dot(workbook, tmp_path, asked):
    sent = opsbook.send_summary(workbook, to=["boss@example.com"], outbox=tmp_path,
                                config=workbook.parent / "opsbook.toml", attach=[asked])
    [path] = sent.outcome.written
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "plan.report.xlsx"
    assert openpyxl.load_workbook(io.BytesIO(attachment.get_content())).sheetnames


@pytest.mark.parametrize("subject", ["", "   ", "\n"])
def test_a_blank_subject_is_the_reports_title(workbook, tmp_path, subject):
    sent = opsbook.send_summary(workbook, to=["boss@example.com"], outbox=tmp_path,
                                config=workbook.parent / "opsbook.toml", subject=subject)
    [path] = sent.outcome.written
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["Subject"] == sent.built.summary.title == "Plan tracking report 2027"
