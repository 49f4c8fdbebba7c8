"""Delivering messages: SMTP over TLS, the outbox of .eml files, and the sent log.

SMTP addresses: ``smtps://host[:465]`` (implicit TLS), ``smtp://host[:587]`` (STARTTLS,
required) and ``smtp+plain://host[:25]`` (no TLS; refused unless the host is a loopback
address). Certificates are checked against the system's trust store, or ``cafile`` /
``SSL_CERT_FILE``. A URL with a password in it is refused: the login comes from the
environment or the config file. Error messages never contain the password.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser
from pathlib import Path
from urllib.parse import urlsplit

from opsbook.core.said import Said
from opsbook.io.atomic import replace_atomically

SCHEMES = {"smtps": ("tls", 465), "smtp": ("starttls", 587), "smtp+plain": ("none", 25)}
SENT_LOG = "sent-log.jsonl"


class DeliveryError(Said, RuntimeError):
    """The server could not be used (address, TLS, login, refusal); the message says why."""


@dataclass(frozen=True)
class Server:
    """Where and how to connect: host, port and ``tls`` / ``starttls`` / ``none``."""

    host: str
    port: int
    security: str


def parse_server(url: str) -> Server:
    """The server of an ``smtps://``, ``smtp://`` or ``smtp+plain://`` URL.

    Raises DeliveryError for another scheme, a login in the URL, or plain SMTP to a host
    that is not a loopback address.
    """
    parts = urlsplit(url)
    if "://" not in url:  # host:port without a scheme ("smtp.example.com:587")
        raise DeliveryError(f"the SMTP address {url!r} has no scheme: write it as "
                            f"smtp://{url} (STARTTLS) or smtps://{url} (TLS)",
                            f"SMTP 地址“{url}”缺少协议前缀：请写作 smtp://{url}（STARTTLS）"
                            f"或 smtps://{url}（TLS）。")
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise DeliveryError(f"the SMTP address must look like smtps://host, smtp://host "
                            f"(STARTTLS) or smtp+plain://127.0.0.1; not {parts.scheme}://…",
                            "SMTP 地址应写作 smtps://主机、smtp://主机（STARTTLS）或 "
                            f"smtp+plain://127.0.0.1，不能是 {parts.scheme}://…。")
    if parts.username or parts.password:
        raise DeliveryError("put no login in the SMTP address; set OPSBOOK_SMTP_USER and "
                            "OPSBOOK_SMTP_PASSWORD, or the [smtp] table of the config file",
                            "SMTP 地址中不要写登录信息；请设置 OPSBOOK_SMTP_USER 和 "
                            "OPSBOOK_SMTP_PASSWORD，或配置文件的 [smtp] 表。")
    security, default_port = SCHEMES[parts.scheme]
    try:
        port = default_port if parts.port is None else parts.port
        if not port:
            raise ValueError("port 0")
    except ValueError:  # not a number, 0 or beyond 65535
        raise DeliveryError(f"the port of the SMTP address must be a number from 1 to 65535 "
                            f"(smtps:// 465, smtp:// 587); not {url.rpartition(':')[2]!r}",
                            "SMTP 地址中的端口应为 1 到 65535 之间的数字（smtps:// 用 465，"
                            f"smtp:// 用 587），不能是“{url.rpartition(':')[2]}”。") from None
    if security == "none" and not is_loopback(parts.hostname):
        raise DeliveryError(f"SMTP without TLS only to this computer (127.0.0.1, ::1); "
                            f"use smtps:// or smtp:// for {parts.hostname}",
                            "不加密的 SMTP 只能用于本机（127.0.0.1、::1）；"
                            f"{parts.hostname} 请使用 smtps:// 或 smtp://。")
    return Server(parts.hostname, port, security)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this computer (localhost or a loopback address)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def tls_context(cafile: str | None = None) -> ssl.SSLContext:
    """Certificates checked (host name included) against ``cafile``, else SSL_CERT_FILE,
    else the system's trust store. Raises DeliveryError for a file that is not there or
    holds no certificate."""
    cafile = cafile or os.environ.get("SSL_CERT_FILE") or None
    try:
        return ssl.create_default_context(cafile=cafile)
    except (OSError, ssl.SSLError) as error:  # no such file, or no certificate in it
        reason = "not found" if isinstance(error, FileNotFoundError) else (
            "no certificate (PEM) could be read from it")
        reason_zh = "找不到该文件" if isinstance(error, FileNotFoundError) else (
            "无法从中读取证书（PEM）")
        raise DeliveryError(f"the certificate authority file {cafile}: {reason}",
                            f"证书颁发机构文件 {cafile}：{reason_zh}。") from None


def send(message: EmailMessage, recipients: tuple[str, ...], server: Server,
         login: tuple[str, str] | None, *, cafile: str | None = None,
         timeout: float = 30.0) -> dict[str, tuple[str, str]]:
    """Send one message to ``recipients`` (envelope). Raises DeliveryError saying why (every
    recipient refused among them); returns those the server refused while it took the
    others, each with why in English and in Chinese."""
    secret = login[1] if login else None
    client: smtplib.SMTP | None = None
    sending = False  # the server had answered and the message was under way
    try:
        context = tls_context(cafile) if server.security != "none" else None
        if server.security == "tls":
            client = smtplib.SMTP_SSL(server.host, server.port, timeout=timeout,
                                      context=context)
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=timeout)
        with client:
            client.ehlo()
            if server.security == "starttls":
                if not client.has_extn("starttls"):
                    raise DeliveryError(f"{server.host} does not offer STARTTLS; not sending "
                                        "without encryption",
                                        f"{server.host} 不支持 STARTTLS；不会不加密发送。")
                client.starttls(context=context)
                client.ehlo()
            if login:
                client.login(*login)
            sending = True
            refused = client.send_message(message, to_addrs=list(recipients))
    except DeliveryError:
        raise
    except smtplib.SMTPAuthenticationError as error:  # with the server's own words (an
        # app password wanted, an account locked), the password never among them
        said = _scrub(_said((error.smtp_code, error.smtp_error)), secret)
        raise DeliveryError(f"login refused by {server.host} ({said}); check "
                            "OPSBOOK_SMTP_USER and OPSBOOK_SMTP_PASSWORD (or [smtp] username "
                            "and password)",
                            f"{server.host} 拒绝登录（{said}）；请检查 OPSBOOK_SMTP_USER 和 "
                            "OPSBOOK_SMTP_PASSWORD（或 [smtp] 的 username 和 password）。"
                            ) from None
    except ssl.SSLCertVerificationError as error:
        raise DeliveryError(f"the certificate of {server.host} is not trusted "
                            f"({error.verify_message}); give --cafile or SSL_CERT_FILE "
                            "for a private CA",
                            f"{server.host} 的证书不受信任（{error.verify_message}）；私有 CA "
                            "请用 --cafile 或 SSL_CERT_FILE 指定。") from None
    except (smtplib.SMTPException, OSError) as error:
        en, zh = _reason(error)
        if sending:
            en, zh = _while_sending(error, message, client, en, zh)
        raise DeliveryError(_scrub(f"{server.host}:{server.port}: {en}", secret),
                            _scrub(f"无法使用 {server.host}:{server.port}：{zh}。",
                                   secret)) from None
    return {address: _refusal(server, code, text) for address, (code, text) in refused.items()}


def _while_sending(error: BaseException, message: EmailMessage, client: smtplib.SMTP | None,
                   en: str, zh: str) -> tuple[str, str]:
    """Why a message the server had begun to take did not go, in English and in Chinese:
    the connection closed under way (the port and scheme were right: the server had
    answered), or the message larger than the server takes (SMTP 552, or its SIZE)."""
    said = f"{type(error).__name__}: {error}"
    if isinstance(error, (smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError)):
        return (f"the connection was lost while the message was being sent, so it may not "
                f"have arrived; try again later ({said})",
                f"发送过程中连接中断，邮件可能未送达；请稍后重试（{said}）")
    code = getattr(error, "smtp_code", None)
    features = getattr(client, "esmtp_features", None) or {}
    limit = features.get("size", "")
    if code == 552 or (code is not None and "size" in str(error).lower()):
        size = len(message.as_bytes())
        most = f", at most {_size(int(limit))}" if limit.isdigit() and int(limit) else ""
        most_zh = f"，上限 {_size(int(limit))}" if most else ""
        return (f"{en}; the message ({_size(size)}) is larger than the server takes"
                f"{most}: attach less (--attach, or attach = [] in the config file)",
                f"{zh}；邮件（{_size(size)}）超过服务器允许的大小{most_zh}："
                "请减少附件（--attach，或在配置文件中设置 attach = []）")
    return en, zh


def _size(size: int) -> str:
    """A size in bytes as people read it: ``2.4 MB``, ``850 KB`` (rounded up: never 0)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{-(-size // 1000)} KB"


def _said(answer: object) -> str:
    """A server's answer ``(code, text)`` as ``550 text``."""
    if isinstance(answer, tuple) and len(answer) == 2:
        code, text = answer
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{code} {text}"
    return str(answer)


def _refusal(server: Server, code: int, text: bytes | str) -> tuple[str, str]:
    """Why the server refused one recipient, in English and in Chinese."""
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return (f"{server.host}:{server.port} refused this recipient ({code} {said})",
            f"{server.host}:{server.port} 拒绝了该收件人（{code} {said}）。")


def _reason(error: BaseException) -> tuple[str, str]:
    """Why the server could not be used, in English and in Chinese."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):  # each with the server's own words
        names = [f"{name} ({_said(answer)})" for name, answer in error.recipients.items()]
        return (f"recipients refused: {', '.join(names)}",
                f"服务器拒绝了收件人：{'、'.join(names)}")
    if isinstance(error, smtplib.SMTPNotSupportedError):
        said = f"{type(error).__name__}: {error}"
        if "SMTPUTF8" in str(error):
            return (f"the server takes no address with letters beyond ASCII (no SMTPUTF8); "
                    f"give an ASCII address ({said})",
                    f"服务器不接受含非 ASCII 字符的地址（不支持 SMTPUTF8）；请使用仅含 ASCII "
                    f"字符的地址（{said}）")
        if "AUTH" in str(error):
            return (f"the server offers no login (AUTH), but a login is set; unset "
                    f"OPSBOOK_SMTP_USER / OPSBOOK_SMTP_PASSWORD or check the server ({said})",
                    f"服务器不提供登录（AUTH），但设置了登录信息；请取消 OPSBOOK_SMTP_USER / "
                    f"OPSBOOK_SMTP_PASSWORD，或检查服务器（{said}）")
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode("utf-8", "replace") if isinstance(
            error.smtp_error, bytes) else str(error.smtp_error)
        en, zh = f"{error.smtp_code} {text}", f"服务器答复 {error.smtp_code} {text}"
        if "STARTTLS" in text.upper():  # a server that wants encryption, asked without it
            return (f"{en}; the server wants encryption: use smtp:// (STARTTLS) or smtps://, "
                    "not smtp+plain://",
                    f"{zh}；服务器要求加密：请使用 smtp://（STARTTLS）或 smtps://，"
                    "不要用 smtp+plain://")
        if error.smtp_code == 530 or "AUTHENTICATION" in text.upper():  # a login is wanted
            return (f"{en}; the server wants a login: set OPSBOOK_SMTP_USER and "
                    "OPSBOOK_SMTP_PASSWORD (or [smtp] username and password)",
                    f"{zh}；服务器要求登录：请设置 OPSBOOK_SMTP_USER 和 OPSBOOK_SMTP_PASSWORD"
                    "（或 [smtp] 的 username 和 password）")
        # MAIL FROM refused for the address itself (not for a size, a login or TLS wanted)
        if (isinstance(error, smtplib.SMTPSenderRefused) and error.smtp_code in SENDER_CODES
                and "size" not in text.lower()):
            sender = error.sender.decode() if isinstance(error.sender, bytes) else error.sender
            return (f"{en}; the server takes no mail from {sender}: check [mail] sender in "
                    "the config file (an address the login may send as)",
                    f"{zh}；服务器不接受发件人 {sender}：请检查配置文件中的 [mail] sender"
                    "（应为该登录账号可使用的发件地址）")
        return en, zh
    said = f"{type(error).__name__}: {error}"
    for kind, en, zh in _PLAIN_REASONS:
        if isinstance(error, kind):
            return f"{en} ({said})", f"{zh}（{said}）"
    return said, said


#: A server's answers to MAIL FROM that refuse the address (no mailbox, not the login's).
SENDER_CODES = (550, 551, 553, 554)

#: Common network failures said in words (the system's own text follows in brackets).
_PLAIN_REASONS = (
    (ConnectionRefusedError, "nothing answers at this port; check the port and the scheme "
     "(smtps:// 465, smtp:// 587)",
     "该端口无服务应答；请检查端口和协议，smtps:// 用 465，smtp:// 用 587"),
    (socket.gaierror, "no such host", "找不到该主机"),
    (TimeoutError, "no answer in time", "连接超时，服务器无应答"),
    (smtplib.SMTPServerDisconnected, "the server closed the connection; check the port and "
     "the scheme (smtps:// 465, smtp:// 587)",
     "服务器断开了连接；请检查端口和协议，smtps:// 用 465，smtp:// 用 587"),
    (ssl.SSLError, "the TLS handshake failed; check the port and the scheme (smtps:// 465, "
     "smtp:// 587)", "TLS 握手失败；请检查端口和协议，smtps:// 用 465，smtp:// 用 587"),
)


def _scrub(text: str, secret: str | None) -> str:
    """``text`` with the password written as ``***`` wherever it stands alone: a password
    found inside a longer word (``y`` in "supported by") leaves the words as they are."""
    if not secret:
        return text
    word = "[A-Za-z0-9]"
    before = f"(?<!{word})" if re.fullmatch(word, secret[0]) else ""
    after = f"(?!{word})" if re.fullmatch(word, secret[-1]) else ""
    return re.sub(before + re.escape(secret) + after, "***", text)


def write_eml(outbox: Path, message: EmailMessage, key: str) -> Path:
    """Write ``message`` to ``outbox`` as ``<UTC time>-<key prefix>.eml`` (no names, no
    addresses, no values in the file name); returns its path under ``outbox`` as given.
    The copy an earlier run left there of the same message (a send that failed then, and
    again now) is replaced by this one, never kept beside it."""
    outbox.mkdir(parents=True, exist_ok=True)
    earlier = left_copies(outbox, message, key)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = outbox / f"{stamp}-{key[:12]}.eml"
    n = 1
    while path.exists() and path not in earlier:
        n += 1
        path = outbox / f"{stamp}-{key[:12]}-{n}.eml"
    data = message.as_bytes()
    replace_atomically(path, lambda temp: temp.write_bytes(data))
    for old in earlier:
        if old != path:
            old.unlink(missing_ok=True)
    return path  # as the outbox was given: a relative outbox is told relative


def left_copies(outbox: Path, message: EmailMessage, key: str) -> list[Path]:
    """The .eml files in ``outbox`` of ``message`` (``key`` its content's, as
    :func:`write_eml` names them) to the same recipients: what a failed send left there.
    The same content to other recipients is another message, never one of these."""
    if not outbox.is_dir():
        return []
    found = sorted({*outbox.glob(f"*-{key[:12]}.eml"), *outbox.glob(f"*-{key[:12]}-*.eml")})
    return [path for path in found if _addressed(path) == _recipients(message)]


def _recipients(message: EmailMessage | Message) -> tuple[str, str]:
    return str(message.get("To", "")), str(message.get("Cc", ""))


def _addressed(path: Path) -> tuple[str, str] | None:
    """The To and Cc of the .eml at ``path`` as written (None when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return _recipients(BytesHeaderParser(policy=policy.default).parse(handle))
    except (OSError, ValueError):
        return None


class SentLog:
    """Which content went to which recipient, by which way (``smtp`` or ``outbox``).

    One JSON line per (key, recipient, way) in ``folder / sent-log.jsonl``; only hashes,
    addresses and times are written.
    """

    def __init__(self, folder: Path):
        self.path = Path(folder) / SENT_LOG
        self._done: set[tuple[str, str, str]] = set()
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                    self._done.add((entry["key"], entry["to"].lower(), entry["via"]))
                except (ValueError, KeyError, AttributeError):
                    continue

    def done(self, key: str, recipient: str, via: str) -> bool:
        return (key, recipient.lower(), via) in self._done

    def record(self, key: str, recipients: tuple[str, ...], via: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self.path.open("a", encoding="utf-8") as log:
            for to in recipients:
                log.write(json.dumps({"key": key, "to": to, "via": via, "at": now}) + "\n")
                self._done.add((key, to.lower(), via))
