"""A server that refuses the sender (553 at MAIL FROM, as a provider does for an address
the login may not send as) is said as the sender's fault, naming the setting to change."""

from __future__ import annotations

from pathlib import Path

from mail.conftest import send_plain, serve


class _NotYourAddress:
    async def handle_MAIL(self, server, session, envelope, address, options):  # noqa: N802
        return "553 5.7.1 Sender address rejected: not owned by user"


def test_a_refused_sender_names_the_setting(sample_with_config: Path) -> None:
    with serve(_NotYourAddress()) as port:
        sent = send_plain(sample_with_config, port, ["lead@example.com"])
    assert sent.exit_code == 2
    (recipients, reason, path), = sent.outcome.failed
    assert recipients == ("lead@example.com",)
    assert str(reason) == (f"127.0.0.1:{port}: 553 5.7.1 Sender address rejected: not owned "
                           "by user; the server takes no mail from ops@example.com: check "
                           "[mail] sender in the config file (an address the login may send "
                           "as)")
    assert reason.zh == (f"无法使用 127.0.0.1:{port}：服务器答复 553 5.7.1 Sender address "
                         "rejected: not owned by user；服务器不接受发件人 ops@example.com：请检查"
                         "配置文件中的 [mail] sender（应为该登录账号可使用的发件地址）。")
    assert path.is_file()
