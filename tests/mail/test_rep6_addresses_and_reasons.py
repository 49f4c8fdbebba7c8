"""Mail: addresses that are none, several in one --to, a server that cannot be used said in
the command's language, a PDF attachment without a browser, and no stray log lines."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import pytest
from conftest import run_cli

import opsbook
from opsbook.mail.batch import Refused
from opsbook.mail.deliver import DeliveryError

CONFIG = """
[mail]
sender = "运营部 <ops@example.com>"
allowed_domains = ["example.com"]
confidential = ["ceo@example.com"]
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    path = folder / "计划.xlsx"
    opsbook.new_workbook("plan", "zh", path, sample=True)
    (folder / "opsbook.toml").write_text(CONFIG, encoding="utf-8")
    return path


@pytest.mark.parametrize("address", ["not an address", "a@b@c", "@example.com", "ops@"])
def test_an_address_that_is_none_is_refused_as_such(sample, tmp_path, address):
    with pytest.raises(Refused) as refused:
        opsbook.send_summary(sample, to=[address], outbox=tmp_path,
                             config=sample.parent / "opsbook.toml")
    assert "is no email address" in str(refused.value)
    assert f"“{address}” 不是电子邮件地址" in refused.value.zh
    assert "outside the allowed domains" not in str(refused.value)
    assert not list(tmp_path.iterdir())


def test_several_addresses_in_one_to_are_each_checked_and_sent(sample, tmp_path):
    config = sample.parent / "opsbook.toml"
    with pytest.raises(Refused) as refused:
        opsbook.send_summary(sample, to=["ceo@example.com, x@elsewhere.test"], outbox=tmp_path,
                             config=config)
    assert "x@elsewhere.test" in str(refused.value) and not list(tmp_path.iterdir())
    sent = opsbook.send_summary(sample, to=["ceo@example.com, 王芳 <wang@example.com>"],
                                outbox=tmp_path, config=config)
    assert sent.exit_code == 0 and len(sent.outcome.written) == 2  # full copy, redacted copy
    readers = sorted(message_from_bytes(p.read_bytes(), policy=policy.default)["To"]
                     for p in sent.outcome.written)
    assert readers == ["ceo@example.com", "王芳 <wang@example.com>"]


def test_an_unreachable_port_is_said_in_the_commands_language(sample, tmp_path):
    done = run_cli("email", sample, "--to", "ceo@example.com", "--smtp",
                   "smtp+plain://127.0.0.1:1", "--outbox", tmp_path, "--config",
                   sample.parent / "opsbook.toml", "--lang", "zh")
    assert done.returncode == 2
    (line,) = [x for x in done.stderr.splitlines() if x.strip()]
    assert line.startswith("opsbook 错误：未能发送给 ceo@example.com：无法使用 127.0.0.1:1：")
    assert "该端口无服务应答" in line and "nothing answers" not in line
    assert "not sent, left in the outbox" not in done.stderr  # no stray English log line
    assert len(list(tmp_path.glob("*.eml"))) == 1
    en = opsbook.send_summary(sample, to=["ceo@example.com"], outbox=tmp_path / "en",
                              smtp="smtp+plain://127.0.0.1:1",
                              config=sample.parent / "opsbook.toml")
    ((_to, reason, _path),) = en.outcome.failed
    assert "nothing answers at this port" in reason and "该端口无服务应答" in reason.zh


def test_a_pdf_attachment_without_a_browser_is_refused_in_words(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("OPSBOOK_BROWSER", "no-such-browser-here")
    done = run_cli("email", sample, "--to", "ceo@example.com", "--attach", "pdf", "--outbox",
                   tmp_path, "--config", sample.parent / "opsbook.toml")
    assert done.returncode == 2
    assert "could not finish" not in done.stderr
    assert "PDF needs Chromium" in done.stderr and "生成 PDF 需要 Chromium" in done.stderr
    assert not list(tmp_path.glob("*.eml"))


@pytest.mark.parametrize("port", ["99999", "abc", "0"])
def test_a_port_that_is_no_port_is_refused_in_words(sample, tmp_path, port):
    done = run_cli("email", sample, "--to", "ceo@example.com", "--smtp",
                   f"smtps://127.0.0.1:{port}", "--outbox", tmp_path, "--config",
                   sample.parent / "opsbook.toml")
    assert done.returncode == 2 and "could not finish" not in done.stderr
    assert f"must be a number from 1 to 65535 (smtps:// 465, smtp:// 587); not '{port}'" in (
        done.stderr)
    assert f"不能是“{port}”" in done.stderr
    assert not list(tmp_path.glob("*.eml"))


@pytest.mark.parametrize(("setting", "said"), [
    ('[smtp]\ntimeout = "x"', "smtp.timeout must be a number of seconds above 0"),
    ("[smtp]\ntimeout = 0", "smtp.timeout must be a number of seconds above 0"),
    ("[mail]\nsender = 5", "mail.sender must be a text in quotes"),
    ("[smtp]\npassword = 31415926", "smtp.password must be a text in quotes"),
])
def test_a_setting_of_the_wrong_type_is_refused_without_its_value(sample, tmp_path, setting,
                                                                    said):
    config = tmp_path / "opsbook.toml"
    config.write_text(setting + "\n", encoding="utf-8")
    done = run_cli("email", sample, "--to", "ceo@example.com", "--outbox", tmp_path / "out",
                   "--config", config)
    assert done.returncode == 2 and "could not finish" not in done.stderr
    assert said in done.stderr and "必须是" in done.stderr
    assert "31415926" not in done.stdout + done.stderr


def test_a_line_break_in_the_subject_or_an_address_makes_no_header_line(sample, tmp_path):
    config = sample.parent / "opsbook.toml"
    sent = opsbook.send_summary(sample, to=["王芳\n <wang@example.com>"], outbox=tmp_path,
                                subject="十一月报告\nBcc: x@elsewhere.test", config=config)
    (path,) = sent.outcome.written
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["Subject"] == "十一月报告 Bcc: x@elsewhere.test"
    assert message["To"] == "王芳 <wang@example.com>" and message["Bcc"] is None


def test_a_folder_or_a_pattern_is_no_workbook_to_email(sample, tmp_path):
    folder = tmp_path / "trackers"
    folder.mkdir()
    opsbook.new_workbook("project", "en", folder / "a.xlsx", sample=True)
    for source in (folder, folder / "*.xlsx"):
        with pytest.raises(Refused) as refused:
            opsbook.send_summary(source, to=["ceo@example.com"], outbox=tmp_path / "outbox",
                                 config=sample.parent / "opsbook.toml")
        assert "email sends the report of one workbook" in str(refused.value)
        assert "只发送一个工作簿的报告" in refused.value.zh
    assert not (tmp_path / "outbox").exists()
    done = run_cli("email", folder, "--to", "ceo@example.com", "--outbox", tmp_path / "outbox",
                   "--config", sample.parent / "opsbook.toml")
    assert done.returncode == 2 and "not a folder or a pattern" in done.stderr
    assert not (tmp_path / "outbox").exists()


def test_without_lang_the_lines_are_in_the_workbooks_language(sample, tmp_path):
    config = sample.parent / "opsbook.toml"
    first = run_cli("email", sample, "--to", "ceo@example.com", "--outbox", tmp_path,
                    "--config", config)
    assert first.returncode == 0 and first.stdout.startswith("已写出：")
    again = run_cli("email", sample, "--to", "ceo@example.com", "--outbox", tmp_path,
                    "--config", config)
    assert again.returncode == 0 and "此前已发送给 ceo@example.com，不再重发" in again.stderr
    english = run_cli("email", sample, "--to", "ceo@example.com", "--outbox", tmp_path / "en",
                      "--config", config, "--lang", "en")
    assert english.stdout.startswith("written: ")


@pytest.mark.parametrize(("content", "said"), [(None, "not found"),
                                               ("no certificate here\n", "no certificate")])
def test_a_ca_file_that_is_none_is_refused_before_sending(sample, tmp_path, content, said):
    cafile = tmp_path / "company-ca.pem"
    if content is not None:
        cafile.write_text(content, encoding="utf-8")
    with pytest.raises(DeliveryError) as refused:
        opsbook.send_summary(sample, to=["ceo@example.com"], smtp="smtps://127.0.0.1:1",
                             cafile=cafile, outbox=tmp_path / "outbox",
                             config=sample.parent / "opsbook.toml")
    assert said in str(refused.value) and "证书颁发机构文件" in refused.value.zh
    assert not (tmp_path / "outbox").exists(), "nothing left in the outbox: nothing was tried"
