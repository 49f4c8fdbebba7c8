"""The mail config file (where it is looked for, what it says) and the server address rules."""

from __future__ import annotations

import pytest

from opsbook.mail.config import ConfigError, MailSettings, load_settings
from opsbook.mail.deliver import DeliveryError, Server, parse_server

EXAMPLE = """
[smtp]
url = "smtps://mail.example.com"
username = "ops@example.com"
password = "from-the-file"

[mail]
sender = "Operations <ops@example.com>"
allowed_domains = ["example.com", "example.org"]
confidential = ["ceo@example.com", "@hr.example.com"]
attach = ["xlsx", "pdf"]

[recipients]
"运营部" = "wang@example.com"
"市场部" = ["li@example.com", "zhao@example.com"]
"""


def test_config_from_the_current_folder_then_the_user_folder(tmp_path, monkeypatch):
    here, home = tmp_path / "here", tmp_path / "xdg"
    here.mkdir()
    (home / "opsbook").mkdir(parents=True)
    (home / "opsbook" / "opsbook.toml").write_text('[mail]\nsender = "user@example.net"\n',
                                                   encoding="utf-8")
    monkeypatch.chdir(here)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    assert load_settings().sender == "user@example.net"
    (here / "opsbook.toml").write_text(EXAMPLE, encoding="utf-8")
    settings = load_settings()
    assert settings.source == here / "opsbook.toml"
    assert settings.recipients == {"运营部": ("wang@example.com",),
                                   "市场部": ("li@example.com", "zhao@example.com")}
    assert settings.domains() == ("example.com", "example.org")
    assert settings.attach == ("xlsx", "pdf")
    assert settings.may_see_confidential("CEO <ceo@example.com>")
    assert settings.may_see_confidential("anyone@hr.example.com")
    assert not settings.may_see_confidential("wang@example.com")
    other = tmp_path / "other.toml"
    other.write_text('[mail]\nsender = "x@example.com"\n', encoding="utf-8")
    assert load_settings(other).sender == "x@example.com"
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "missing.toml")


def test_login_from_the_environment_wins_and_is_never_shown(tmp_path, monkeypatch):
    path = tmp_path / "opsbook.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    settings = load_settings(path)
    assert settings.login({}) == ("ops@example.com", "from-the-file")
    env = {"OPSBOOK_SMTP_USER": "env@example.com", "OPSBOOK_SMTP_PASSWORD": "from-env"}
    assert settings.login(env) == ("env@example.com", "from-env")
    assert "from-the-file" not in repr(settings)


def test_a_broken_config_names_the_file_not_the_values(tmp_path):
    path = tmp_path / "opsbook.toml"
    path.write_text('[smtp]\npassword = "hunter2\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert str(path) in str(error.value) and "hunter2" not in str(error.value)


def test_default_allowed_domain_is_the_senders():
    assert MailSettings(sender="Ops <ops@Example.COM>").domains() == ("example.com",)


def test_server_addresses():
    assert parse_server("smtps://mail.example.com") == Server("mail.example.com", 465, "tls")
    assert parse_server("smtp://mail.example.com") == Server("mail.example.com", 587,
                                                             "starttls")
    assert parse_server("smtp+plain://127.0.0.1:2525") == Server("127.0.0.1", 2525, "none")
    assert parse_server("smtp+plain://[::1]:25").security == "none"
    with pytest.raises(DeliveryError, match="only to this computer"):
        parse_server("smtp+plain://mail.example.com")
    with pytest.raises(DeliveryError) as error:
        parse_server("smtps://ops:topsecret@mail.example.com")
    assert "topsecret" not in str(error.value) and "OPSBOOK_SMTP_PASSWORD" in str(error.value)
    with pytest.raises(DeliveryError, match="must look like"):
        parse_server("http://mail.example.com")


def test_a_config_that_is_no_file_is_said_for_what_it_is(tmp_path):
    """--config naming a folder or a device is told as such, not as a file not found."""
    import pytest

    from opsbook.mail.config import ConfigError, find_config

    for path, said, zh in ((tmp_path, "is a folder", "是文件夹"),
                           ("/dev/null", "is not a file", "不是普通文件"),
                           (tmp_path / "none.toml", "not found", "找不到配置文件")):
        with pytest.raises(ConfigError) as refused:
            find_config(path)
        assert said in str(refused.value) and zh in refused.value.zh
