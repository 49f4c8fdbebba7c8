"""A login's password is hidden in a failure's words only where it stands alone: a
one-letter password no longer turns the server's "supported by server" into "b***"."""

from __future__ import annotations

from pathlib import Path

from mail.conftest import send_plain, serve


class _Open:
    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        return "250 OK"


def test_a_short_password_leaves_the_reason_readable(sample_with_config: Path,
                                                     monkeypatch) -> None:
    monkeypatch.setenv("OPSBOOK_SMTP_USER", "ops@example.com")
    monkeypatch.setenv("OPSBOOK_SMTP_PASSWORD", "y")
    with serve(_Open()) as port:  # a server that offers no login
        sent = send_plain(sample_with_config, port, ["lead@example.com"])
    assert sent.exit_code == 2
    (recipients, reason, path), = sent.outcome.failed
    assert recipients == ("lead@example.com",)
    assert "SMTP AUTH extension not supported by server." in str(reason)
    assert "b***" not in str(reason) and "b***" not in reason.zh
    assert "服务器不提供登录（AUTH）" in reason.zh
    assert path.is_file()


def _accept(server, session, envelope, mechanism, auth_data):
    from aiosmtpd.smtp import AuthResult

    return AuthResult(success=True)


def test_a_password_in_the_servers_words_is_hidden(sample_with_config: Path,
                                                   monkeypatch) -> None:
    secret = "Pw-2026!x"

    class _Echo:  # a server that says the password back when it refuses the recipient
        async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
            return f"451 try later ({secret})"

    monkeypatch.setenv("OPSBOOK_SMTP_USER", "ops@example.com")
    monkeypatch.setenv("OPSBOOK_SMTP_PASSWORD", secret)
    with serve(_Echo(), authenticator=_accept, auth_require_tls=False) as port:
        sent = send_plain(sample_with_config, port, ["lead@example.com"])
    (_recipients, reason, _path), = sent.outcome.failed
    assert secret not in str(reason) and secret not in reason.zh
    assert "lead@example.com (451 try later (***))" in str(reason)
