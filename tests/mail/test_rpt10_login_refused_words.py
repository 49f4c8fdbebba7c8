"""A refused login is said with the server's own words (they say why: an app password
wanted, an account locked) and where the login comes from, never with the password."""

from __future__ import annotations

from pathlib import Path

from mail.conftest import USER, send_plain, serve


class _Refusing:
    """A server that refuses every login with a reason of its own that quotes the password."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        return "250 OK"


def _refuse(server, session, envelope, mechanism, auth_data):
    from aiosmtpd.smtp import AuthResult

    password = auth_data.password.decode()
    return AuthResult(success=False, handled=False,
                      message=f"535 5.7.9 Application-specific password required, not {password}")


def test_a_refused_login_says_the_servers_reason(sample_with_config: Path,
                                                 monkeypatch) -> None:
    monkeypatch.setenv("OPSBOOK_SMTP_USER", USER)
    monkeypatch.setenv("OPSBOOK_SMTP_PASSWORD", "wrong-Pw-123")
    with serve(_Refusing(), authenticator=_refuse, auth_require_tls=False) as port:
        sent = send_plain(sample_with_config, port, ["lead@example.com"])
    assert sent.exit_code == 2
    (_to, reason, path), = sent.outcome.failed
    assert str(reason) == ("login refused by 127.0.0.1 (535 5.7.9 Application-specific "
                           "password required, not ***); check OPSBOOK_SMTP_USER and "
                           "OPSBOOK_SMTP_PASSWORD (or [smtp] username and password)")
    assert reason.zh == ("127.0.0.1 拒绝登录（535 5.7.9 Application-specific password "
                         "required, not ***）；请检查 OPSBOOK_SMTP_USER 和 OPSBOOK_SMTP_PASSWORD"
                         "（或 [smtp] 的 username 和 password）。")
    assert b"wrong-Pw-123" not in path.read_bytes()
