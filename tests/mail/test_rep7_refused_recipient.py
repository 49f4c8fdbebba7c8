"""A real SMTP server (aiosmtpd, plain on loopback) that refuses one recipient at RCPT and
takes the others: the refused one is said as not sent (exit 2), the message left in the
outbox and not logged as sent, so the next run tries that recipient again and says the
others already had it."""

from __future__ import annotations

import socket
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from conftest import run_cli

import opsbook

CONFIG = """
[mail]
sender = "Operations <ops@example.com>"
allowed_domains = ["example.com"]
"""


class Picky:
    """Refuses every address starting with "gone"; keeps what it was given."""

    def __init__(self) -> None:
        self.received: list[list[str]] = []

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address.startswith("gone"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append(list(envelope.rcpt_tos))
        return "250 OK"


@pytest.fixture
def picky():
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Picky()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield f"smtp+plain://127.0.0.1:{controller.port}", handler
    finally:
        controller.stop()


@pytest.fixture
def workbook(tmp_path) -> Path:
    path = tmp_path / "plan.xlsx"
    opsbook.new_workbook("plan", "en", path, sample=True)
    (tmp_path / "opsbook.toml").write_text(CONFIG, encoding="utf-8")
    return path


def test_a_recipient_the_server_refuses_is_not_called_sent(workbook, tmp_path, picky):
    url, server = picky
    outbox = tmp_path / "outbox"
    sent = opsbook.send_summary(workbook, to=["gone@example.com", "boss@example.com"],
                                smtp=url, outbox=outbox, config=tmp_path / "opsbook.toml")
    assert server.received == [["boss@example.com"]]
    assert sent.outcome.sent == [("boss@example.com",)]
    [(who, reason, kept)] = sent.outcome.failed
    assert who == ("gone@example.com",) and "550 5.1.1 no such mailbox" in reason
    assert "拒绝了该收件人（550 5.1.1 no such mailbox）" in reason.zh
    assert kept.parent == outbox and kept.suffix == ".eml"
    assert sent.exit_code == 2
    log = (outbox / "sent-log.jsonl").read_text(encoding="utf-8")
    assert "boss@example.com" in log and "gone@example.com" not in log

    again = run_cli("email", workbook, "--to", "gone@example.com", "--to", "boss@example.com",
                    "--smtp", url, "--outbox", outbox, "--config", tmp_path / "opsbook.toml",
                    "--lang", "en")
    assert again.returncode == 2
    assert "already sent to boss@example.com; not sent again" in again.stderr
    assert "not sent to gone@example.com" in again.stderr
    assert server.received == [["boss@example.com"]]  # gone@ tried again, boss@ not resent
