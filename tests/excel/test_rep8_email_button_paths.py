"""The Email summary button, run on a workbook file as Excel would run it from any working
folder: an ``outbox`` in the opsbook.toml beside the workbook is that folder's, never one
in Excel's working folder; a misspelt key in that file is said in the status cell with its
line, in the workbook's language, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

import opsbook
from opsbook.excel import reporting
from opsbook.io.filebook import FileBook


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch) -> Path:
    """Excel's working folder: not the workbook's."""
    folder = tmp_path / "excel-home"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("lang, said", [("zh", "摘要已写入发件箱："),
                                        ("en", "Summary written to the outbox: ")])
def test_a_relative_outbox_is_beside_the_settings(tmp_path: Path, elsewhere: Path, lang, said):
    folder = tmp_path / "books"
    folder.mkdir()
    path = folder / "考核.xlsx"
    opsbook.new_workbook("appraisal", lang, path, sample=True)
    (folder / "opsbook.toml").write_text(
        '[mail]\nsender = "ops@example.com"\nto = ["boss@example.com"]\n'
        'outbox = "mail-out"\n', encoding="utf-8")
    port = FileBook(path)
    reporting.email(port)
    assert port.messages[-1].startswith(said + str(folder / "mail-out")), port.messages
    assert len(list((folder / "mail-out").glob("*.eml"))) == 1
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("lang, said", [
    ("zh", "未发送：{config}:3：mail.To：无法识别；opsbook 读取 sender、subject、to、cc、"
           "allowed_domains、confidential、attach、outbox（是否应为 to？）。"),
    ("en", "Not sent: {config}:3: mail.To: unknown; opsbook reads sender, subject, to, cc, "
           "allowed_domains, confidential, attach, outbox (did you mean to?)."),
])
def test_a_misspelt_key_is_said_in_the_status_cell(tmp_path: Path, elsewhere: Path, lang, said):
    path = tmp_path / "考核.xlsx"
    opsbook.new_workbook("appraisal", lang, path, sample=True)
    config = tmp_path / "opsbook.toml"
    config.write_text('[mail]\nsender = "ops@example.com"\nTo = ["boss@example.com"]\n',
                      encoding="utf-8")
    port = FileBook(path)
    reporting.email(port)
    assert port.messages[-1] == said.format(config=config)
    assert not (tmp_path / "outbox").exists() and list(elsewhere.iterdir()) == []


class Picky:
    """An SMTP server's handler that refuses every address starting with "gone"."""

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address.startswith("gone"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        return "250 OK"


@pytest.mark.parametrize("lang, said", [
    ("zh", "已发送给其他 1 位收件人。"),
    ("en", " Sent to 1 other recipient(s)."),
])
def test_a_head_refused_is_said_beside_the_heads_who_got_it(tmp_path: Path, elsewhere: Path,
                                                            lang, said):
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Picky(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        path = tmp_path / "考核.xlsx"
        opsbook.new_workbook("appraisal", lang, path, sample=True)
        first, second = list(opsbook.api.summarize(path).summary.parts)[:2]
        (tmp_path / "opsbook.toml").write_text(
            f'[smtp]\nurl = "smtp+plain://127.0.0.1:{port}"\n'
            '[mail]\nsender = "ops@example.com"\n'
            f'[recipients]\n"{first}" = "gone@example.com"\n"{second}" = "head@example.com"\n',
            encoding="utf-8")
        port_book = FileBook(path)
        reporting.email(port_book)
    finally:
        controller.stop()
    message = port_book.messages[-1]
    assert message.startswith("未发送：" if lang == "zh" else "Not sent: ")
    assert "550 5.1.1 no such mailbox" in message and message.endswith(said), message
