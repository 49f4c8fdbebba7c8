"""A real SMTP server on loopback (aiosmtpd) with STARTTLS, implicit TLS and login.

The certificates are made here: a test CA, and a server certificate for 127.0.0.1 and
localhost signed by it; clients trust the CA through ``cafile``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import socket
import ssl
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Iterator

import pytest

USER, PASSWORD = "ops@example.com", "s3cret-Login-Pw"


@dataclass
class Certificates:
    ca: Path
    cert: Path
    key: Path


def make_certificates(folder: Path) -> Certificates:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "opsbook test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                       False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    paths = Certificates(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    paths.ca.write_bytes(ca.public_bytes(pem))
    paths.cert.write_bytes(cert.public_bytes(pem))
    paths.key.write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                            serialization.NoEncryption()))
    return paths


@dataclass
class Mailbox:
    """What the server received: (envelope recipients, parsed message), and the logins."""

    received: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USER
              and auth_data.password.decode() == PASSWORD)
        if ok:
            self.logins.append(auth_data.login.decode())
        return AuthResult(success=ok, handled=False)  # not handled: the server answers 535


@dataclass
class SmtpServer:
    url: str
    mailbox: Mailbox
    certificates: Certificates


def _context(certificates: Certificates) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates.cert, certificates.key)
    return context


@pytest.fixture(scope="session")
def certificates(tmp_path_factory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("certs"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(certificates: Certificates, implicit: bool):
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    # aiosmtpd does not count a TLS-wrapped connection as TLS for AUTH: that one is TLS anyway
    options = dict(authenticator=mailbox.authenticate, auth_require_tls=not implicit)
    if implicit:
        controller = Controller(mailbox, hostname="127.0.0.1", port=free_port(),
                                ssl_context=_context(certificates), **options)
    else:
        controller = Controller(mailbox, hostname="127.0.0.1", port=free_port(),
                                tls_context=_context(certificates), require_starttls=True,
                                **options)
    controller.start()
    return controller, mailbox


@pytest.fixture
def starttls_server(certificates):
    """An SMTP server on 127.0.0.1 that requires STARTTLS before login and mail."""
    controller, mailbox = _serve(certificates, implicit=False)
    try:
        yield SmtpServer(f"smtp://127.0.0.1:{controller.port}", mailbox, certificates)
    finally:
        controller.stop()


@pytest.fixture
def tls_server(certificates):
    """An SMTP server on 127.0.0.1 that speaks TLS from the first byte (smtps)."""
    controller, mailbox = _serve(certificates, implicit=True)
    try:
        yield SmtpServer(f"smtps://127.0.0.1:{controller.port}", mailbox, certificates)
    finally:
        controller.stop()


@pytest.fixture
def login_env(monkeypatch):
    monkeypatch.setenv("OPSBOOK_SMTP_USER", USER)
    monkeypatch.setenv("OPSBOOK_SMTP_PASSWORD", PASSWORD)


@contextlib.contextmanager
def serve(handler, utf8: bool = False, **options) -> Iterator[int]:
    """A real SMTP server on a free loopback port while the block runs: its port.
    ``options`` go to aiosmtpd's Controller (TLS, a login required …)."""
    from aiosmtpd.controller import Controller

    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, enable_SMTPUTF8=utf8,
                            **options)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


#: A sender and its domain: the opsbook.toml beside ``sample_with_config``.
SENDER_CONFIG = '[mail]\nsender = "运营部 <ops@example.com>"\nallowed_domains = ["example.com"]\n'


@pytest.fixture
def sample_with_config(tmp_path: Path) -> Path:
    """The Chinese appraisal sample (考核.xlsx) with SENDER_CONFIG as opsbook.toml beside it."""
    import opsbook

    path = tmp_path / "考核.xlsx"
    opsbook.new_workbook("appraisal", "zh", path, sample=True)
    (tmp_path / "opsbook.toml").write_text(SENDER_CONFIG, encoding="utf-8")
    return path


def send_plain(workbook: Path, port: int, to: list[str], config: Path | None = None):
    """``send_summary`` of ``workbook`` to ``to`` through plain SMTP on ``port`` of
    127.0.0.1, the outbox and (by default) opsbook.toml beside the workbook."""
    import opsbook

    return opsbook.send_summary(workbook, to=to, smtp=f"smtp+plain://127.0.0.1:{port}",
                                outbox=workbook.parent / "outbox",
                                config=config or workbook.parent / "opsbook.toml")
