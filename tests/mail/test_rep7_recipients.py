"""Recipients. ``--per-department`` with a company-wide ``[recipients]`` table: the heads of the
report's departments get their part over real SMTP (STARTTLS, login); a department the
report has no figures for is said, not a reason to send nobody anything; names match
whatever their case, width and spaces; a table naming none of them is refused. One mailbox
named twice (in --to, again in another case, in --cc) gets one message."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

import opsbook
from opsbook.mail.batch import Refused

CONFIG = """
[mail]
sender = "Operations <ops@example.com>"
allowed_domains = ["example.com"]
[recipients]
{table}
"""


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dept") / "考核.xlsx"
    opsbook.new_workbook("appraisal", "zh", path, sample=True)
    return path


def _config(folder: Path, table: str) -> Path:
    path = folder / "opsbook.toml"
    path.write_text(CONFIG.format(table=table), encoding="utf-8")
    return path


def test_a_department_without_figures_is_said_and_the_others_are_sent(
        workbook, tmp_path, starttls_server, login_env):
    config = _config(tmp_path, '"运营部" = "wang@example.com"\n'
                               '" 市场部 " = "li@example.com"\n'    # spaces around
                               '"Warehouse" = "store@example.com"\n')  # not in this report
    sent = opsbook.send_summary(workbook, per_department=True, config=config,
                                smtp=starttls_server.url, outbox=tmp_path / "outbox",
                                cafile=starttls_server.certificates.ca)
    assert sent.exit_code == 0
    assert sorted(to for to, _m in starttls_server.mailbox.received) == [
        ["li@example.com"], ["wang@example.com"]]
    subjects = {to[0]: m["Subject"] for to, m in starttls_server.mailbox.received}
    assert "运营部" in subjects["wang@example.com"] and "市场部" in subjects["li@example.com"]
    assert sent.outcome.no_data == [("Warehouse", ("store@example.com",))]


def test_the_command_line_says_which_heads_got_nothing(workbook, tmp_path):
    config = _config(tmp_path, '"运营部" = "wang@example.com"\n"Warehouse" = "store@example.com"')
    done = run_cli("email", workbook, "--per-department", "--config", config,
                   "--outbox", tmp_path / "outbox")
    assert done.returncode == 0, done.stderr
    assert "本报告中没有部门“Warehouse”的数据，未发送给 store@example.com" in done.stderr
    english = run_cli("email", workbook, "--per-department", "--config", config,
                      "--outbox", tmp_path / "outbox2", "--lang", "en")
    assert ("no figures for department 'Warehouse' in this report; nothing sent to "
            "store@example.com") in english.stderr


def test_a_table_naming_none_of_the_departments_is_refused(workbook, tmp_path):
    config = _config(tmp_path, '"Warehouse" = "store@example.com"')
    with pytest.raises(Refused) as refused:
        opsbook.send_summary(workbook, per_department=True, config=config,
                             outbox=tmp_path / "outbox")
    assert "names no department of this report" in str(refused.value)
    assert "配置文件的 [recipients] 中没有本报告的部门（“Warehouse”）" in refused.value.zh
    assert not (tmp_path / "outbox").exists() or not list((tmp_path / "outbox").iterdir())


def test_one_mailbox_named_twice_gets_one_message(workbook, tmp_path, tls_server, login_env):
    config = _config(tmp_path, "")
    sent = opsbook.send_summary(
        workbook, to=["boss@example.com", "Big Boss <Boss@Example.com>"],
        cc=["boss@example.com; deputy@example.com"], config=config, smtp=tls_server.url,
        outbox=tmp_path / "outbox", cafile=tls_server.certificates.ca)
    assert sent.exit_code == 0 and sent.outcome.sent == [("boss@example.com",
                                                          "deputy@example.com")]
    [(envelope, message)] = tls_server.mailbox.received
    assert envelope == ["boss@example.com", "deputy@example.com"]
    assert message["To"] == "boss@example.com" and message["Cc"] == "deputy@example.com"
