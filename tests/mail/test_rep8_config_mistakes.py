"""Mistakes in opsbook.toml are told with their line (and column), in English and Chinese,
before anything is made or sent: a misspelt key or table (a ``URL`` would have sent nothing
and written to the outbox instead), a TOML syntax error, a file that is not UTF-8. A file
saved with the byte-order mark Notepad writes is read; paths in it are relative to its own
folder; an allowed domain written with spaces or capitals still allows its mail."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import run_cli

import opsbook
from opsbook.mail.config import ConfigError, load_settings

GOOD = '[mail]\nsender = "运营部 <ops@example.com>"\nallowed_domains = ["example.com"]\n'


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "考核.xlsx"
    opsbook.new_workbook("appraisal", "zh", path, sample=True)
    return path


def refused(tmp_path: Path, text: str | bytes) -> ConfigError:
    config = tmp_path / "opsbook.toml"
    if isinstance(text, str):
        config.write_text(text, encoding="utf-8")
    else:
        config.write_bytes(text)
    with pytest.raises(ConfigError) as error:
        load_settings(config)
    return error.value


def test_misspelt_keys_and_tables_are_told_at_their_lines(tmp_path: Path):
    said = refused(tmp_path, '[smtp]\nURL = "smtp://mail.example.com"\n\n[mail]\n'
                             'sender = "ops@example.com"\nTo = ["a@example.com"]\n'
                             '[recipient]\n"运营部" = "wang@example.com"\n')
    lines = str(said).splitlines()
    assert len(lines) == 3
    assert lines[0].endswith("opsbook.toml:2: smtp.URL: unknown; opsbook reads url, username, "
                             "password, cafile, timeout (did you mean url?)")
    assert lines[1].endswith(":6: mail.To: unknown; opsbook reads sender, subject, to, cc, "
                             "allowed_domains, confidential, attach, outbox (did you mean to?)")
    assert lines[2].endswith(":7: [recipient]: unknown; opsbook reads [smtp], [mail], "
                             "[recipients] (did you mean [recipients]?)")
    zh = said.zh.splitlines()
    assert zh[0].endswith("opsbook.toml:2：smtp.URL：无法识别；opsbook 读取 url、username、"
                          "password、cafile、timeout（是否应为 url？）。")


def test_a_key_above_every_table_is_told_where_it_belongs(tmp_path: Path):
    said = refused(tmp_path, 'url = "smtp://mail.example.com"\n[mail]\nsender = "a@b.com"\n')
    assert "opsbook.toml:1: url: unknown" in str(said)
    assert "(did you mean url under [smtp]?)" in str(said)
    assert "（是否应为 [smtp] 下的 url？）。" in said.zh


def test_a_syntax_error_has_its_line_and_column_and_no_value(tmp_path: Path):
    said = refused(tmp_path, '[mail]\nsender = "ops@example.com"\nto = [boss@example.com]\n')
    assert str(said).endswith('opsbook.toml:3:7: not valid TOML: Invalid value (text goes in '
                              'quotes, a list in ["…"])')
    assert "opsbook.toml:3:7：不是有效的 TOML：值的写法无效" in said.zh
    secret = refused(tmp_path, '[smtp]\npassword = "hunter2\n')
    assert "opsbook.toml:2:" in str(secret) and "hunter2" not in str(secret) + secret.zh


def test_a_file_saved_in_gbk_is_told_to_be_saved_as_utf8(tmp_path: Path):
    said = refused(tmp_path, '[mail]\nsender = "运营 <ops@example.com>"\n'.encode("gbk"))
    assert str(said).endswith("opsbook.toml:2:11: not UTF-8 text (byte 0xd4); save the "
                              "file as UTF-8")
    assert said.zh.endswith("请以 UTF-8 编码保存该文件。")


@pytest.mark.parametrize("mark, encoding", [(codecs.BOM_UTF8, "utf-8"),
                                            (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_a_file_with_a_byte_order_mark_is_read(tmp_path: Path, mark: bytes, encoding: str):
    config = tmp_path / "opsbook.toml"
    config.write_bytes(mark + GOOD.encode(encoding))
    settings = load_settings(config)
    assert settings.sender == "运营部 <ops@example.com>"
    assert settings.domains() == ("example.com",)


def test_paths_in_the_file_are_relative_to_its_folder(tmp_path: Path, sample: Path):
    folder = tmp_path / "settings"
    folder.mkdir()
    config = folder / "opsbook.toml"
    config.write_text(GOOD + 'outbox = "sent-mail"\n[smtp]\ncafile = "ca.pem"\n',
                      encoding="utf-8")
    settings = load_settings(config)
    assert settings.outbox == str(folder / "sent-mail")
    assert settings.cafile == str(folder / "ca.pem")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = run_cli("email", sample, "--to", "boss@example.com", "--config", config,
                   cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    assert len(list((folder / "sent-mail").glob("*.eml"))) == 1
    assert not (elsewhere / "sent-mail").exists()


def test_an_allowed_domain_with_spaces_and_capitals_allows_its_mail(tmp_path: Path,
                                                                    sample: Path):
    config = tmp_path / "opsbook.toml"
    config.write_text('[mail]\nsender = "ops@example.com"\n'
                      'allowed_domains = [" Example.COM ", "@Example.org"]\n', encoding="utf-8")
    assert load_settings(config).domains() == ("example.com", "example.org")
    sent = opsbook.send_summary(sample, to=["boss@example.com", "hr@example.org"],
                                config=config, outbox=tmp_path / "outbox")
    assert sent.exit_code == 0 and len(sent.outcome.written) == 1


def test_the_command_line_stops_before_sending_and_says_both(tmp_path: Path, sample: Path):
    config = tmp_path / "opsbook.toml"
    config.write_text('[smtp]\nURL = "smtp://mail.example.com"\n' + GOOD, encoding="utf-8")
    done = run_cli("email", sample, "--to", "boss@example.com", "--config", config,
                   "--outbox", tmp_path / "outbox")
    assert done.returncode == 2
    assert "opsbook.toml:2: smtp.URL: unknown" in done.stderr
    assert "smtp.URL：无法识别" in done.stderr
    assert not (tmp_path / "outbox").exists()


@pytest.mark.parametrize("text, said", [
    ('[smtp]\nurl = "smtps://mail.example.com"\ntimeout = "x"\n',
     "opsbook.toml:3: smtp.timeout must be a number of seconds above 0"),
    ('[mail]\nsender = "a@example.com"\n\nto = [1, 2]\n',
     "opsbook.toml:4: mail.to must be a text or a list of texts"),
    ('[recipients]\n"运营部" = 5\n', "opsbook.toml:2: recipients.运营部 must be a text or a list"),
    ("smtp = 5\n", "opsbook.toml:1: [smtp] must be a table"),
])
def test_a_value_of_the_wrong_type_is_told_at_its_line(tmp_path: Path, text: str, said: str):
    error = refused(tmp_path, text)
    assert said in str(error)
    assert said.split(": ")[0] + "：" in error.zh
