"""Every refusal of the mail path says the same in Chinese (``zh``), and the command line
shows it under --lang zh."""

from __future__ import annotations

import subprocess
import sys

import pytest

from opsbook.api import new_workbook
from opsbook.mail.batch import Refused, check_recipients
from opsbook.mail.config import ConfigError, MailSettings, load_settings
from opsbook.mail.deliver import DeliveryError, parse_server


def test_a_recipient_outside_the_domains(tmp_path):
    with pytest.raises(Refused) as refused:
        check_recipients(["x@elsewhere.com"], MailSettings(allowed_domains=("example.com",)))
    assert "x@elsewhere.com" in refused.value.zh and "。" in refused.value.zh


@pytest.mark.parametrize(("url", "words"), [
    ("ftp://mail.example.com", "SMTP 地址应写作"), ("smtps://me:pw@mail.example.com", "登录信息"),
    ("smtp+plain://mail.example.com", "只能用于本机")])
def test_a_server_address_that_cannot_be_used(url, words):
    with pytest.raises(DeliveryError) as refused:
        parse_server(url)
    assert words in refused.value.zh


def test_a_config_file_that_is_not_there(tmp_path):
    with pytest.raises(ConfigError) as refused:
        load_settings(tmp_path / "nowhere.toml")
    assert "找不到配置文件" in refused.value.zh


def test_the_command_line_says_it_in_chinese(tmp_path):
    book = tmp_path / "plan.xlsx"
    new_workbook("plan", "zh", book, sample=True)
    (tmp_path / "opsbook.toml").write_text('[mail]\nallowed_domains = ["example.com"]\n',
                                           encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "opsbook.cli", "email", str(book), "--to",
                           "boss@elsewhere.com", "--config", str(tmp_path / "opsbook.toml"),
                           "--outbox", str(tmp_path / "outbox"), "--lang", "zh"],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 2
    assert "未发送：boss@elsewhere.com 不在允许的域名" in done.stderr
    assert "outside the allowed" not in done.stderr
