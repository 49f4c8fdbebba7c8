"""Why a real SMTP server (aiosmtpd on loopback) did not take a message is said in both
languages: every recipient refused (with the server's own words for each), an address with
letters beyond ASCII a server without SMTPUTF8 cannot take, a login set for a server that
offers none."""

from __future__ import annotations

from pathlib import Path

import pytest

from mail.conftest import send_plain, serve


class Refusing:
    """Refuses every recipient at RCPT with the reason a mail server gives."""

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        return "550 5.1.1 mailbox unavailable"


class Taking:
    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        return "250 OK"


@pytest.fixture
def workbook(sample_with_config: Path) -> Path:
    return sample_with_config


def send(workbook: Path, port: int, to: list[str]):
    return send_plain(workbook, port, to)


def test_every_recipient_refused_is_said_with_the_servers_reason(workbook: Path):
    with serve(Refusing()) as port:
        sent = send(workbook, port, ["wang@example.com", "li@example.com"])
    [(who, reason, kept)] = sent.outcome.failed
    assert sent.exit_code == 2 and kept.suffix == ".eml"
    assert ("recipients refused: wang@example.com (550 5.1.1 mailbox unavailable), "
            "li@example.com (550 5.1.1 mailbox unavailable)") in str(reason)
    assert ("服务器拒绝了收件人：wang@example.com (550 5.1.1 mailbox unavailable)、"
            "li@example.com") in reason.zh


def test_an_address_beyond_ascii_to_a_server_without_smtputf8(workbook: Path):
    with serve(Taking()) as port:
        sent = send(workbook, port, ["王伟@example.com"])
    [(who, reason, _kept)] = sent.outcome.failed
    assert who == ("王伟@example.com",) and sent.exit_code == 2
    assert "the server takes no address with letters beyond ASCII (no SMTPUTF8)" in str(reason)
    assert "服务器不接受含非 ASCII 字符的地址（不支持 SMTPUTF8）" in reason.zh
    with serve(Taking(), utf8=True) as port:  # a server that takes them gets it
        again = send(workbook, port, ["王伟@example.com"])
    assert again.exit_code == 0 and again.outcome.sent == [("王伟@example.com",)]


def test_a_login_for_a_server_that_offers_none(workbook: Path, monkeypatch):
    monkeypatch.setenv("OPSBOOK_SMTP_USER", "ops@example.com")
    monkeypatch.setenv("OPSBOOK_SMTP_PASSWORD", "Secret-Pw-42")
    with serve(Taking()) as port:
        sent = send(workbook, port, ["wang@example.com"])
    [(_who, reason, _kept)] = sent.outcome.failed
    assert "the server offers no login (AUTH), but a login is set" in str(reason)
    assert "服务器不提供登录（AUTH），但设置了登录信息" in reason.zh
    assert "Secret-Pw-42" not in str(reason) + reason.zh


def test_a_server_that_wants_starttls_addressed_without_it(workbook: Path, certificates):
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates.cert, certificates.key)
    with serve(Taking(), tls_context=context, require_starttls=True) as port:
        sent = send(workbook, port, ["wang@example.com"])
    [(_who, reason, _kept)] = sent.outcome.failed
    assert "530 Must issue a STARTTLS command first; the server wants encryption: use " \
           "smtp:// (STARTTLS) or smtps://, not smtp+plain://" in str(reason)
    assert "服务器要求加密：请使用 smtp://（STARTTLS）或 smtps://" in reason.zh


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_server_that_wants_a_login_addressed_without_one(workbook: Path, monkeypatch):
    from aiosmtpd.smtp import AuthResult

    monkeypatch.delenv("OPSBOOK_SMTP_USER", raising=False)
    monkeypatch.delenv("OPSBOOK_SMTP_PASSWORD", raising=False)
    with serve(Taking(), auth_required=True, auth_require_tls=False,
               authenticator=lambda *args: AuthResult(success=False)) as port:
        sent = send(workbook, port, ["wang@example.com"])
    [(_who, reason, _kept)] = sent.outcome.failed
    assert str(reason).startswith("127.0.0.1:") and " 530 " in str(reason)
    assert "the server wants a login: set OPSBOOK_SMTP_USER and OPSBOOK_SMTP_PASSWORD" in \
        str(reason)
    assert "服务器要求登录：请设置 OPSBOOK_SMTP_USER 和 OPSBOOK_SMTP_PASSWORD" in reason.zh
