"""The mail settings: one TOML file with the server, the sender and who gets what.

Looked for as ``--config FILE``, else ``opsbook.toml`` in the current folder, else
``opsbook.toml`` in the user's config folder (``$XDG_CONFIG_HOME/opsbook``, ``~/.config/opsbook``
or ``%APPDATA%\\opsbook``). No file is fine: the defaults write an outbox. The login comes
from the environment (``OPSBOOK_SMTP_USER``, ``OPSBOOK_SMTP_PASSWORD``) or from this file,
never from the command line. A table or key opsbook does not read, a TOML mistake, a value
of the wrong type and a file that is not UTF-8 are refused at their line; paths in the file
(``outbox``, ``cafile``) are relative to its folder. See the README for a commented example.
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
            # "Example.com ", "@example.com": spaces, letter case and a leading @ aside
            return tuple(d.strip().lower().lstrip("@") for d in self.allowed_domains)
        return (domain_of(self.sender),) if domain_of(self.sender) else ()

    def may_see_confidential(self, address: str) -> bool:
        """Whether ``address`` is allowed confidential fields (by address or ``@domain``).
        Entries are read as the recipient lists are: ``Wang Wei <wang@x.com>``, or several
        in one text between commas or semicolons, name the addresses they hold."""
        address = bare(address).lower()
        for entry in split_addresses(self.confidential):
            entry = entry.strip().lower()
            if entry.startswith("@"):
                if address.endswith(entry):
                    return True
            elif bare(entry).lower() == address:
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
    list; also full-width ，；) is two; ``"Wang, Wei <wang@x.com>; Li, Na <li@x.com>"``
    (Outlook's "Last, First" names between semicolons) is two, each name kept whole. An
    entry that is no list of addresses is kept as given, for :func:`is_address` to refuse
    by its own words."""
    out: list[str] = []
    for entry in entries:
        entry = " ".join(entry.splitlines()).strip()  # a header holds no line break
        entry = _EDGES.sub("", entry) or entry  # "a@x.com; " as Outlook copies a list
        found = _listed(entry)
        if found is None and '"' not in entry and _SEMICOLONS.search(entry):
            # semicolons separate: a comma between them belongs to a name (Outlook's)
            pieces = [_listed(p.strip()) for p in _SEMICOLONS.split(entry) if p.strip()]
            found = None if any(p is None for p in pieces) else [
                a for p in pieces for a in p or ()]
        out.extend(found if found else [entry])
    return tuple(out)


def _listed(text: str) -> list[str] | None:
    """The addresses ``text`` lists (commas or semicolons between them), or the one address
    of a name with a comma in it (``Wang, Wei <wang@x.com>``); None when it is neither."""
    from email.headerregistry import Address
    from email.utils import getaddresses

    listed = text if '"' in text else _SEPARATORS.sub(",", text)  # Outlook's ; too
    pairs = getaddresses([listed])
    if len(pairs) > 1 and all(_ADDRESS.fullmatch(a) for _n, a in pairs):
        return [str(Address(display_name=n, addr_spec=a)) if n else a for n, a in pairs]
    if len(pairs) == 1 and _ADDRESS.fullmatch(pairs[0][1]) and "," not in text:
        return [text]
    named = _NAMED.fullmatch(text)
    if named and '"' not in text and _ADDRESS.fullmatch(named.group(2).strip()):
        return [str(Address(display_name=named.group(1).strip(),
                            addr_spec=named.group(2).strip()))]
    return None


_ADDRESS = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+")
#: What separates addresses in a list besides the comma.
_SEPARATORS = re.compile(r"[;；，、]")
_SEMICOLONS = re.compile(r"[;；]")
_EDGES = re.compile(r"^[\s,;；，、]+|[\s,;；，、]+$")
#: One address after a name that has a comma in it (Outlook's "Last, First <address>"); a
#: name holds no semicolon and no @: "hr@x.com; Li, Na <li@x.com>" is two recipients.
_NAMED = re.compile(r"([^<>\";；@]*,[^<>\";；@]*?)\s*<([^<>]+)>")


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
        if Path(path).is_dir():
            raise ConfigError(f"config file {path} is a folder; give the opsbook.toml file",
                              f"配置文件 {path} 是文件夹；请给出 opsbook.toml 文件。")
        if Path(path).exists() and not Path(path).is_file():
            raise ConfigError(f"config file {path} is not a file (a device or a pipe); give "
                              "the opsbook.toml file",
                              f"配置文件 {path} 不是普通文件（设备或管道）；"
                              "请给出 opsbook.toml 文件。")
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
    data, lines = _read(found)
    place = _Place(found, lines)
    smtp, mail = _table(data, "smtp", place), _table(data, "mail", place)
    recipients = {}
    for department, addresses in _table(data, "recipients", place).items():
        recipients[str(department)] = _strings(addresses, f"recipients.{department}", place)
    return MailSettings(
        smtp_url=_text(smtp, "url", "smtp", place),
        username=_text(smtp, "username", "smtp", place),
        password=_text(smtp, "password", "smtp", place),
        cafile=_beside(_text(smtp, "cafile", "smtp", place), found),
        timeout=_timeout(smtp, place),
        sender=_text(mail, "sender", "mail", place) or "opsbook@localhost",
        subject=_text(mail, "subject", "mail", place),
        to=_strings(mail.get("to", ()), "mail.to", place),
        cc=_strings(mail.get("cc", ()), "mail.cc", place),
        allowed_domains=_strings(mail.get("allowed_domains", ()), "mail.allowed_domains", place),
        confidential=_strings(mail.get("confidential", ()), "mail.confidential", place),
        recipients=recipients,
        attach=_strings(mail.get("attach", ("xlsx",)), "mail.attach", place),
        outbox=_beside(_text(mail, "outbox", "mail", place), found), source=found)


#: The tables of the file and the keys each may hold (``[recipients]`` names departments).
KEYS = {"smtp": ("url", "username", "password", "cafile", "timeout"),
        "mail": ("sender", "subject", "to", "cc", "allowed_domains", "confidential", "attach",
                 "outbox"),
        "recipients": None}


def _read(found: Path) -> tuple[dict[str, Any], dict[tuple, int]]:
    """The file's tables. UTF-8 (with or without the mark Notepad writes) or UTF-16 with its
    mark; a byte that is not text, a TOML mistake (line and column, never a value) and a
    table or key opsbook does not know (a misspelt ``URL`` would send nothing) are refused."""
    from opsbook.core.tomllines import line_of, lines_of
    from opsbook.core.tomltext import NotText, decoded, syntax

    try:
        text = decoded(found.read_bytes())
    except OSError as error:
        raise ConfigError(f"{found}: cannot be read ({type(error).__name__})",
                          f"{found}：无法读取（{type(error).__name__}）。") from None
    except NotText as bad:
        raise ConfigError(f"{found}:{bad.line}:{bad.column}: not UTF-8 text (byte "
                          f"0x{bad.byte:02x}); save the file as UTF-8",
                          f"{found}:{bad.line}:{bad.column}：不是 UTF-8 文本（字节 "
                          f"0x{bad.byte:02x}）；请以 UTF-8 编码保存该文件。") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, column, en, zh = syntax(text, error)
        where = f"{line or '?'}{f':{column}' if line and column else ''}"
        raise ConfigError(f"{found}:{where}: {en}", f"{found}:{where}：{zh}") from None
    lines = lines_of(text)
    unknown = [(where, _known_beside(where)) for where in _keys(data) if _unknown(where)]
    if unknown:
        en, zh = [], []
        for where, (known, near) in unknown:
            at = f"{found}:{line_of(lines, where) or '?'}"
            what = f"[{where[0]}]" if len(where) == 1 and isinstance(data[where[0]], dict) \
                else ".".join(where)
            en.append(f"{at}: {what}: unknown; opsbook reads {', '.join(known)}"
                      + (f" (did you mean {near[0]}?)" if near else ""))
            zh.append(f"{at}：{what}：无法识别；opsbook 读取 {'、'.join(known)}"
                      + (f"（是否应为 {near[1]}？）" if near else "") + "。")
        raise ConfigError("\n".join(en), "\n".join(zh))
    return data, lines


def _keys(data: dict[str, Any]) -> list[tuple[str, ...]]:
    """Each table of the file, and each key of the tables whose keys are fixed."""
    out: list[tuple[str, ...]] = []
    for name, value in data.items():
        out.append((name,))
        if KEYS.get(name) is not None and isinstance(value, dict):
            out += [(name, key) for key in value]
    return out


def _unknown(where: tuple[str, ...]) -> bool:
    if len(where) == 1:
        return where[0] not in KEYS
    return where[1] not in (KEYS[where[0]] or ())


def _known_beside(where: tuple[str, ...]) -> tuple[list[str], tuple[str, str] | None]:
    """What may stand where ``where`` does, and the one most likely meant (letter case aside,
    in English and in Chinese): a key of a table written above every table is told where it
    belongs."""
    import difflib

    word = where[-1]
    if len(where) == 1:
        known = [f"[{name}]" for name in KEYS]
        home = next((t for t, keys in KEYS.items() if keys and word in keys), None)
        if home:
            return known, (f"{word} under [{home}]", f"[{home}] 下的 {word}")
        choices = list(KEYS)
    else:
        choices = list(KEYS[where[0]] or ())
        known = choices
    folded = {k.casefold(): k for k in choices}
    hit = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
    if not hit:
        return known, None
    near = f"[{folded[hit[0]]}]" if len(where) == 1 else folded[hit[0]]
    return known, (near, near)


def _beside(value: str | None, config: Path) -> str | None:
    """A path the file names, relative to the file's own folder (not to wherever the command
    or Excel was started): ``outbox = "outbox"`` is the outbox beside the config file."""
    if not value:
        return value
    path = Path(value).expanduser()
    return str(path if path.is_absolute() else config.parent / path)


@dataclass(frozen=True)
class _Place:
    """The config file and where each of its keys is written, to say a mistake at its line."""

    path: Path
    lines: dict[tuple, int]

    def at(self, *key: str) -> str:
        """``FILE:LINE`` of the key path (``FILE`` when its line is not found)."""
        from opsbook.core.tomllines import line_of

        line = line_of(self.lines, key)
        return f"{self.path}:{line}" if line else str(self.path)


def _table(data: dict[str, Any], name: str, place: _Place) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        at = place.at(name)
        raise ConfigError(f"{at}: [{name}] must be a table", f"{at}：[{name}] 必须是一个表。")
    return table


def _strings(value: Any, name: str, place: _Place) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    at = place.at(*name.split(".", 1))
    raise ConfigError(f"{at}: {name} must be a text or a list of texts",
                      f"{at}：{name} 必须是文本或文本列表。")


def _text(table: dict[str, Any], key: str, name: str, place: _Place) -> str | None:
    """A text setting, or None when it is not there (its value is never repeated)."""
    value = table.get(key)
    if value is None or isinstance(value, str):
        return value
    at = place.at(name, key)
    raise ConfigError(f"{at}: {name}.{key} must be a text in quotes",
                      f"{at}：{name}.{key} 必须是加引号的文本。")


def _timeout(smtp: dict[str, Any], place: _Place) -> float:
    value = smtp.get("timeout", 30)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    at = place.at("smtp", "timeout")
    raise ConfigError(f"{at}: smtp.timeout must be a number of seconds above 0",
                      f"{at}：smtp.timeout 必须是大于 0 的秒数。")
