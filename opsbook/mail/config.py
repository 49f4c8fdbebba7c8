"""The mail settings: one TOML file with the server, the sender and who gets what.

Looked for as ``--config FILE``, else ``opsbook.toml`` in the current folder, else
``opsbook.toml`` in the user's config folder (``$XDG_CONFIG_HOME/opsbook``, ``~/.config/opsbook``
or ``%APPDATA%\\opsbook``). No file is fine: the defaults write an outbox. The login comes
from the environment (``OPSBOOK_SMTP_USER``, ``OPSBOOK_SMTP_PASSWORD``) or from this file,
never from the command line. See the README for a commented example.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from opsbook.core.said import Said

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILE_NAME = "opsbook.toml"
USER_ENV = "OPSBOOK_SMTP_USER"
PASSWORD_ENV = "OPSBOOK_SMTP_PASSWORD"
ATTACHMENT_PASSWORD_ENV = "OPSBOOK_ATTACHMENT_PASSWORD"


class ConfigError(Said, ValueError):
    """The config file is missing, unreadable or says something that cannot be used."""


@dataclass
class MailSettings:
    """What the ``[smtp]`` and ``[mail]`` tables and the ``[recipients]`` table say.

    ``to`` and ``cc`` are the default recipients (the Email summary button sends to them);
    ``recipients`` maps a department to its head's addresses; ``confidential`` lists the
    addresses (or ``@domain`` entries) allowed confidential fields; ``allowed_domains`` the
    domains mail may go to (by default the sender's).
    """

    smtp_url: str | None = None
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    cafile: str | None = None
    timeout: float = 30.0
    sender: str = "opsbook@localhost"
    subject: str | None = None
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    confidential: tuple[str, ...] = ()
    recipients: dict[str, tuple[str, ...]] = field(default_factory=dict)
    attach: tuple[str, ...] = ("xlsx",)
    outbox: str | None = None
    source: Path | None = None

    def login(self, env: dict[str, str] | None = None) -> tuple[str, str] | None:
        """(user, password) from the environment, else from the file; None when neither."""
        env = dict(os.environ) if env is None else env
        user = env.get(USER_ENV) or self.username
        password = env.get(PASSWORD_ENV) or self.password
        return (user, password) if user and password else None

    def domains(self) -> tuple[str, ...]:
        """The allowed domains, lower case; the sender's domain when none is configured."""
        if self.allowed_domains:
            return tuple(d.lower().lstrip("@") for d in self.allowed_domains)
        return (domain_of(self.sender),) if domain_of(self.sender) else ()

    def may_see_confidential(self, address: str) -> bool:
        """Whether ``address`` is allowed confidential fields (by address or ``@domain``)."""
        address = bare(address).lower()
        for entry in self.confidential:
            entry = entry.strip().lower()
            if entry == address or (entry.startswith("@") and address.endswith(entry)):
                return True
        return False


def bare(address: str) -> str:
    """The address part of ``Name <user@host>``."""
    from email.utils import parseaddr

    return parseaddr(address)[1] or address.strip()


def is_address(address: str) -> bool:
    """Whether ``address`` is one address (``user@host`` or ``Name <user@host>``)."""
    from email.utils import getaddresses

    pairs = getaddresses([address])
    return len(pairs) == 1 and _ADDRESS.fullmatch(pairs[0][1]) is not None


def split_addresses(entries: Iterable[str]) -> tuple[str, ...]:
    """Each entry as the addresses it holds: ``"a@x.com, b@y.com"`` (one ``--to`` or one
    config text listing several, separated by commas or semicolons, as Outlook writes a
    list; also full-width ，；) is two. An entry that is no list of addresses is kept as
    given, for :func:`is_address` to refuse by its own words."""
    from email.headerregistry import Address
    from email.utils import getaddresses

    out: list[str] = []
    for entry in entries:
        entry = " ".join(entry.splitlines()).strip()  # a header holds no line break
        listed = entry if '"' in entry else _SEPARATORS.sub(",", entry)  # Outlook's ; too
        pairs = getaddresses([listed])
        if len(pairs) > 1 and all(_ADDRESS.fullmatch(a) for _n, a in pairs):
            out.extend(str(Address(display_name=n, addr_spec=a)) if n else a for n, a in pairs)
        else:
            out.append(entry)
    return tuple(out)


_ADDRESS = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+")
#: What separates addresses in a list besides the comma.
_SEPARATORS = re.compile(r"[;；，、]")


def domain_of(address: str) -> str:
    """The domain of an address, lower case ("" when it has none)."""
    address = bare(address)
    return address.rsplit("@", 1)[1].lower() if "@" in address else ""


def user_config_folder() -> Path:
    """Where a user's opsbook.toml lives when the current folder has none."""
    if os.name == "nt" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "opsbook"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "opsbook"


def find_config(path: str | os.PathLike[str] | None = None) -> Path | None:
    """The config file to use: ``path``, else ./opsbook.toml, else the user's; or None."""
    if path is not None:
        if not Path(path).is_file():
            raise ConfigError(f"config file not found: {path}", f"找不到配置文件：{path}。")
        return Path(path)
    for candidate in (Path.cwd() / FILE_NAME, user_config_folder() / FILE_NAME):
        if candidate.is_file():
            return candidate
    return None


def load_settings(path: str | os.PathLike[str] | None = None) -> MailSettings:
    """Read the mail settings (see :func:`find_config`); defaults when there is no file.

    Raises :class:`ConfigError` naming the file and the problem (never a value).
    """
    found = find_config(path)
    if found is None:
        return MailSettings()
    try:
        data = tomllib.loads(found.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{found}: not a readable TOML file ({type(error).__name__})",
                          f"{found}：不是可读取的 TOML 文件（{type(error).__name__}）。") from None
    smtp, mail = _table(data, "smtp", found), _table(data, "mail", found)
    recipients = {}
    for department, addresses in _table(data, "recipients", found).items():
        recipients[str(department)] = _strings(addresses, f"recipients.{department}", found)
    return MailSettings(
        smtp_url=_text(smtp, "url", "smtp", found),
        username=_text(smtp, "username", "smtp", found),
        password=_text(smtp, "password", "smtp", found),
        cafile=_text(smtp, "cafile", "smtp", found), timeout=_timeout(smtp, found),
        sender=_text(mail, "sender", "mail", found) or "opsbook@localhost",
        subject=_text(mail, "subject", "mail", found),
        to=_strings(mail.get("to", ()), "mail.to", found),
        cc=_strings(mail.get("cc", ()), "mail.cc", found),
        allowed_domains=_strings(mail.get("allowed_domains", ()), "mail.allowed_domains", found),
        confidential=_strings(mail.get("confidential", ()), "mail.confidential", found),
        recipients=recipients,
        attach=_strings(mail.get("attach", ("xlsx",)), "mail.attach", found),
        outbox=_text(mail, "outbox", "mail", found), source=found)


def _table(data: dict[str, Any], name: str, path: Path) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [{name}] must be a table", f"{path}：[{name}] 必须是一个表。")
    return table


def _strings(value: Any, name: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{path}: {name} must be a text or a list of texts",
                      f"{path}：{name} 必须是文本或文本列表。")


def _text(table: dict[str, Any], key: str, name: str, path: Path) -> str | None:
    """A text setting, or None when it is not there (its value is never repeated)."""
    value = table.get(key)
    if value is None or isinstance(value, str):
        return value
    raise ConfigError(f"{path}: {name}.{key} must be a text in quotes",
                      f"{path}：{name}.{key} 必须是加引号的文本。")


def _timeout(smtp: dict[str, Any], path: Path) -> float:
    value = smtp.get("timeout", 30)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    raise ConfigError(f"{path}: smtp.timeout must be a number of seconds above 0",
                      f"{path}：smtp.timeout 必须是大于 0 的秒数。")
