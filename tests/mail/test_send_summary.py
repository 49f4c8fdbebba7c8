"""Summaries by email over a real SMTP server on loopback: TLS, login, what arrived."""

from __future__ import annotations

import io
import re

import msoffcrypto
import openpyxl
import pytest
from reports.smallcycle import made

from mail.conftest import PASSWORD, USER
from opsbook.mail.batch import Batch, Refused, send_summary_mail
from opsbook.mail.config import MailSettings

BOSS, STAFF = "boss@example.com", "staff@example.com"


def settings() -> MailSettings:
    return MailSettings(sender="运营部 <ops@example.com>", allowed_domains=("example.com",),
                        confidential=(BOSS,),
                        recipients={"运营部": ("yun@example.com",), "市场部": ("shi@example.com",)})


@pytest.fixture(scope="module")
def report():
    return made("zh")


def body(message):
    return (message.get_body(("plain",)).get_content(),
            message.get_body(("html",)).get_content())


def workbook_of(message):
    (attachment,) = [p for p in message.iter_attachments() if p.get_filename()]
    assert attachment.get_filename() == "report.xlsx"
    return openpyxl.load_workbook(io.BytesIO(attachment.get_content()))


def cells(book):
    return [c for ws in book.worksheets for row in ws.iter_rows(values_only=True)
            for c in row if c is not None]


def by_recipient(mailbox):
    return {tuple(to): message for to, message in mailbox.received}


def test_starttls_login_and_what_arrived(starttls_server, login_env, report, tmp_path):
    summary, sheets = report
    outbox = tmp_path / "outbox"
    outcome = send_summary_mail(summary, sheets, settings(), Batch(
        to=(BOSS, STAFF), smtp=starttls_server.url, outbox=outbox,
        cafile=str(starttls_server.certificates.ca)))
    assert outcome.ok and outcome.sent == [(BOSS,), (STAFF,)]
    assert starttls_server.mailbox.logins == [USER, USER]
    received = by_recipient(starttls_server.mailbox)
    full, restricted = received[(BOSS,)], received[(STAFF,)]

    assert full["Subject"] == "2026Q4 绩效考核报告" and full["To"] == BOSS
    assert full["From"].addresses[0].addr_spec == "ops@example.com"
    text, html = body(full)
    assert "平均总分：77.50（变化 +7.50，上期 70.00）" in text and "绩效奖金合计：49,000" in text
    assert "<h2>建议</h2>" in html and "表彰王伟" in html
    cids = re.findall(r'src="cid:([^"]+)"', html)
    images = {p["Content-ID"].strip("<>"): p for p in full.walk()
              if p.get_content_maintype() == "image"}
    assert len(cids) == 2 and set(cids) == set(images)
    assert all(p.get_content().startswith(b"\x89PNG") for p in images.values())
    book = workbook_of(full)
    assert book.sheetnames == ["摘要", "考核结果", "部门统计", "评分人统计", "自评偏差", "考核提示"]
    assert "绩效奖金" in cells(book) and 49000 in cells(book)

    text, html = body(restricted)
    assert "本副本不含保密数据" in text
    for secret in ("49,000", "49000", "24,000", "15,000", "绩效奖金合计"):
        assert secret not in text and secret not in html
    book = workbook_of(restricted)
    assert "考核提示" not in book.sheetnames  # its messages may quote the bonus budget
    values = cells(book)
    assert "绩效奖金" not in values and "奖金系数" not in values and "绩效奖金合计" not in values
    assert 49000 not in values and 15000 not in values and 24000 not in values
    assert not list(outbox.glob("*.eml"))
    log = (outbox / "sent-log.jsonl").read_text(encoding="utf-8")
    assert BOSS in log and PASSWORD not in log


def test_implicit_tls(tls_server, login_env, report, tmp_path):
    outcome = send_summary_mail(*report, settings(), Batch(
        to=(BOSS,), smtp=tls_server.url, outbox=tmp_path, cafile=str(tls_server.certificates.ca),
        attach=()))
    assert outcome.sent == [(BOSS,)] and tls_server.mailbox.logins == [USER]
    (to, message), = tls_server.mailbox.received
    assert to == [BOSS] and not list(message.iter_attachments())


def test_the_same_batch_twice_goes_out_once(starttls_server, login_env, report, tmp_path):
    batch = Batch(to=(BOSS,), cc=(STAFF,), smtp=starttls_server.url, outbox=tmp_path,
                  cafile=str(starttls_server.certificates.ca))
    first = send_summary_mail(*report, settings(), batch)
    again = send_summary_mail(*report, settings(), batch)
    assert first.sent == [(BOSS,), (STAFF,)] and again.sent == []
    assert again.skipped == [(BOSS,), (STAFF,)]
    assert len(starttls_server.mailbox.received) == 2


def test_untrusted_certificate_leaves_the_message_in_the_outbox(starttls_server, login_env,
                                                                report, tmp_path, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    outcome = send_summary_mail(*report, settings(), Batch(
        to=(BOSS,), smtp=starttls_server.url, outbox=tmp_path / "outbox"))
    (recipients, reason, path), = outcome.failed
    assert recipients == (BOSS,) and "not trusted" in reason and PASSWORD not in reason
    assert path.parent == tmp_path / "outbox" and path.suffix == ".eml"
    assert b"Subject:" in path.read_bytes() and PASSWORD.encode() not in path.read_bytes()
    assert not starttls_server.mailbox.received


def test_wrong_login_says_so_without_the_password(starttls_server, report, tmp_path,
                                                   monkeypatch):
    monkeypatch.setenv("OPSBOOK_SMTP_USER", USER)
    monkeypatch.setenv("OPSBOOK_SMTP_PASSWORD", "wrong-Pw-123")
    outcome = send_summary_mail(*report, settings(), Batch(
        to=(BOSS,), smtp=starttls_server.url, outbox=tmp_path,
        cafile=str(starttls_server.certificates.ca)))
    (_to, reason, _path), = outcome.failed
    assert "login refused" in reason and "wrong-Pw-123" not in reason


def test_recipient_outside_the_allowed_domains_stops_everything(starttls_server, login_env,
                                                               report, tmp_path):
    with pytest.raises(Refused, match=r"x@elsewhere\.test outside the allowed domains"):
        send_summary_mail(*report, settings(), Batch(
            to=(BOSS, "x@elsewhere.test"), smtp=starttls_server.url, outbox=tmp_path,
            cafile=str(starttls_server.certificates.ca)))
    assert not starttls_server.mailbox.received and not list(tmp_path.iterdir())


def test_each_head_gets_only_their_department(starttls_server, login_env, report, tmp_path):
    outcome = send_summary_mail(*report, settings(), Batch(
        per_department=True, smtp=starttls_server.url, outbox=tmp_path,
        cafile=str(starttls_server.certificates.ca)))
    assert outcome.sent == [("yun@example.com",), ("shi@example.com",)]
    received = by_recipient(starttls_server.mailbox)
    ops = received[("yun@example.com",)]
    assert ops["Subject"] == "2026Q4 绩效考核报告：运营部"
    text, html = body(ops)
    assert "王伟" in text and "张强" not in text + html and "市场部" not in text + html
    assert "平均总分：85.00（变化 +10.00，上期 75.00）" in text
    assert "15,000" not in text + html  # heads are not allowed the bonus
    book = workbook_of(ops)
    assert book.sheetnames == ["摘要"]
    assert "张强" not in cells(book) and "赵敏" not in cells(book)
    text = body(received[("shi@example.com",)])[0]
    assert "张强" in text and "王伟" not in text


def test_encrypted_attachment_opens_only_with_the_password(report, tmp_path):
    key = "Attach-Pw-9"
    outcome = send_summary_mail(*report, settings(), Batch(to=(BOSS,), outbox=tmp_path,
                                                           password=key))
    (path,) = outcome.written
    raw = path.read_bytes()
    assert key.encode() not in raw and key not in path.name
    from email import message_from_bytes, policy

    message = message_from_bytes(raw, policy=policy.default)
    (attachment,) = list(message.iter_attachments())
    data = attachment.get_content()
    with pytest.raises(Exception):  # noqa: B017 - any failure to open is the point
        openpyxl.load_workbook(io.BytesIO(data))
    locked = msoffcrypto.OfficeFile(io.BytesIO(data))
    locked.load_key(password="not-it")
    with pytest.raises(msoffcrypto.exceptions.InvalidKeyError):
        locked.decrypt(io.BytesIO())
    opened = io.BytesIO()
    locked = msoffcrypto.OfficeFile(io.BytesIO(data))
    locked.load_key(password=key)
    locked.decrypt(opened)
    assert openpyxl.load_workbook(opened).sheetnames[0] == "摘要"


def test_outbox_by_default(report, tmp_path):
    outcome = send_summary_mail(*report, settings(), Batch(to=(BOSS, STAFF),
                                                           outbox=tmp_path / "out"))
    assert len(outcome.written) == 2
    for path in outcome.written:
        assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{12}(-\d+)?\.eml", path.name)
    again = send_summary_mail(*report, settings(), Batch(to=(BOSS, STAFF),
                                                         outbox=tmp_path / "out"))
    assert not again.written and len(again.skipped) == 2
