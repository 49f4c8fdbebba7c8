"""A real SMTP server (aiosmtpd on loopback) that drops the connection in the middle of the
message, or refuses a message larger than it takes: said as what happened, in both
languages — never "check the port and the scheme" of a server that had answered — and the
message kept in the outbox, sent on the next run."""

from __future__ import annotations

from pathlib import Path

import pytest

from mail.conftest import SENDER_CONFIG, send_plain, serve


class Dropping:
    """Takes the envelope, then closes the connection once the message's text has come."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        server.transport.close()


class Taking:
    def __init__(self):
        self.received = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.received += 1
        return "250 OK"


@pytest.fixture
def workbook(sample_with_config: Path) -> Path:
    return sample_with_config


def send(workbook: Path, port: int, config: Path | None = None):
    return send_plain(workbook, port, ["wang@example.com"], config)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_connection_dropped_mid_message_is_said_as_such_and_sent_next_time(workbook: Path):
    with serve(Dropping()) as port:
        sent = send(workbook, port)
    [(who, reason, kept)] = sent.outcome.failed
    assert sent.exit_code == 2 and who == ("wang@example.com",) and kept.exists()
    assert ("the connection was lost while the message was being sent, so it may not have "
            "arrived; try again later") in str(reason)
    assert "发送过程中连接中断，邮件可能未送达；请稍后重试" in reason.zh
    assert "check the port" not in str(reason) and "请检查端口" not in reason.zh
    taking = Taking()
    with serve(taking) as port:  # not logged as sent: the next run sends it
        again = send(workbook, port)
    assert again.exit_code == 0 and again.outcome.sent == [("wang@example.com",)]
    assert taking.received == 1


def test_a_message_larger_than_the_server_takes(workbook: Path):
    with serve(Taking(), data_size_limit=140_000) as port:  # the workbook attached: ~160 KB
        sent = send(workbook, port)
    [(_who, reason, kept)] = sent.outcome.failed
    size = f"{-(-kept.stat().st_size // 1000)} KB"  # as the outbox keeps it, rounded up
    assert str(reason).endswith(
        f"552 Error: message size exceeds fixed maximum message size; the message ({size}) "
        "is larger than the server takes, at most 140 KB: attach less (--attach, or "
        "attach = [] in the config file)")
    assert reason.zh.endswith(f"邮件（{size}）超过服务器允许的大小，上限 140 KB：请减少附件"
                              "（--attach，或在配置文件中设置 attach = []）。")
    config = workbook.parent / "bare.toml"  # as said: no attachment, and it goes
    config.write_text(SENDER_CONFIG + "attach = []\n", encoding="utf-8")
    taking = Taking()
    with serve(taking, data_size_limit=140_000) as port:
        again = send(workbook, port, config)
    assert again.exit_code == 0 and taking.received == 1
