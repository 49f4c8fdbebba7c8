"""Sending one summary to its readers: who gets which copy, checked before anything goes.

Every recipient's domain is checked first; one outside the allowed domains stops the whole
batch before a message is made. Recipients allowed confidential fields get the full copy,
the others a copy without them. ``per_department`` sends each head in the config's
``[recipients]`` table the summary of their own department only. Each message is sent over
SMTP when a server is given, else written to the outbox; a failed send leaves the message in
the outbox and says why; the sent log skips what already went to a recipient.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from opsbook.core.output import SheetOut
from opsbook.core.said import Said
from opsbook.core.summary import Summary
from opsbook.mail.compose import Draft, compose, restricted
from opsbook.mail.config import (
    MailSettings,
    bare,
    domain_of,
    is_address,
    split_addresses,
)
from opsbook.mail.deliver import (
    DeliveryError,
    SentLog,
    left_copies,
    parse_server,
    send,
    tls_context,
    write_eml,
)

log = logging.getLogger("opsbook.mail")
# A library's log is the application's to show: without this, Python's last-resort handler
# printed each warning on stderr in English beside the command line's own line.
log.addHandler(logging.NullHandler())


class Refused(Said, ValueError):
    """The batch was refused before anything was sent (recipients, options)."""


class Reason(str):
    """Why a message was not sent, in English; ``zh`` the same in Chinese."""

    zh: str

    def __new__(cls, text: str, zh: str | None = None) -> Reason:
        reason = super().__new__(cls, text)
        reason.zh = zh or text
        return reason


@dataclass
class Outcome:
    """What happened to each message: sent, written to the outbox, skipped, failed."""

    sent: list[tuple[str, ...]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, ...]] = field(default_factory=list)
    failed: list[tuple[tuple[str, ...], str, Path]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: ``--per-department``: (department, its heads) of the config that this report has no
    #: figures for; nothing was sent to them.
    no_data: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class Batch:
    """What to send: to whom, how, and with which attachments."""

    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    subject: str | None = None
    per_department: bool = False
    attach: tuple[str, ...] | None = None
    password: str | None = field(default=None, repr=False)
    smtp: str | None = None
    outbox: Path = Path("outbox")
    cafile: str | None = None
    file_stem: str = "report"


def check_recipients(addresses: list[str], settings: MailSettings) -> None:
    """Raise Refused naming every address outside the allowed domains (or malformed)."""
    domains = settings.domains()
    malformed = [a for a in addresses if not is_address(a)]
    if malformed:
        raise Refused(f"not sent: {', '.join(repr(a) for a in malformed)} is no email address "
                      "(name@domain); nothing was sent",
                      f"未发送：{'、'.join(f'“{a}”' for a in malformed)} 不是电子邮件地址"
                      "（应为 名称@域名）；没有发送任何邮件。")
    bad = [a for a in addresses if domain_of(a) not in domains]
    if bad:
        allowed = ", ".join(domains) or "none configured"
        raise Refused(f"not sent: {', '.join(bare(a) for a in bad)} outside the allowed "
                      f"domains ({allowed}); nothing was sent",
                      f"未发送：{'、'.join(bare(a) for a in bad)} 不在允许的域名"
                      f"（{'、'.join(domains) or '未配置'}）内；没有发送任何邮件。")


def send_summary_mail(summary: Summary, sheets: list[SheetOut], settings: MailSettings,
                      batch: Batch) -> Outcome:
    """Send (or write to the outbox) the summary as ``batch`` says; see the module doc.

    Raises Refused before anything is sent when a recipient is outside the allowed domains,
    nobody is addressed, or ``[recipients]`` names none of the report's departments (those
    it names that the report lacks are in ``outcome.no_data``; their heads get nothing).
    """
    plan, no_data = _plan(summary, settings, batch)
    check_recipients([a for _s, to, cc in plan for a in (*to, *cc)], settings)
    server = parse_server(batch.smtp) if batch.smtp else None
    if server is not None and server.security != "none":
        tls_context(batch.cafile or settings.cafile)  # a CA file that is none: before sending
    attach = batch.attach if batch.attach is not None else settings.attach
    outcome = Outcome(no_data=no_data)
    sent_log = SentLog(batch.outbox)
    via = "smtp" if server else "outbox"
    for part, to, cc in plan:
        for allowed, group_to, group_cc in _by_clearance(to, cc, settings):
            body, detail = (part, sheets) if allowed else restricted(part, sheets)
            if part.department is not None:
                detail = []  # the detail sheets hold every department's rows
            draft = compose(body, detail, sender=settings.sender, to=group_to, cc=group_cc,
                            subject=_subject(batch, settings, body), attach=attach,
                            password=batch.password, file_stem=batch.file_stem)
            _deliver(draft, via, server, settings, batch, sent_log, outcome)
    return outcome


def _plan(summary: Summary, settings: MailSettings, batch: Batch
          ) -> tuple[list[tuple[Summary, tuple[str, ...], tuple[str, ...]]],
                     list[tuple[str, tuple[str, ...]]]]:
    """The messages to make (part, to, cc), and the departments of ``[recipients]`` this
    report has no figures for (with their heads): a company-wide table serves a report of
    some departments; one that names none of the report's is refused."""
    if not batch.per_department:
        if not batch.to:
            raise Refused("give at least one --to address (or --per-department)",
                          "请至少给出一个 --to 收件地址（或使用 --per-department）。")
        to, cc = _distinct(split_addresses(batch.to), split_addresses(batch.cc))
        return [(summary, to, cc)], []
    if not settings.recipients:
        raise Refused("--per-department needs a [recipients] table (department = address) in "
                      "the config file",
                      "--per-department 需要配置文件中的 [recipients] 表（部门 = 地址）。")
    if not summary.parts:  # a kind without departments (a project), or no rows yet
        raise Refused(f"--per-department: the report '{summary.title}' has no figures by "
                      "department to send each head; send it with --to",
                      f"--per-department：报告“{summary.title}”没有可分送各部门的部门数据；"
                      "请用 --to 发送。")
    plan, no_data = [], []
    parts = {_department_key(name): part for name, part in summary.parts.items()}
    for department, heads in settings.recipients.items():
        part = parts.get(_department_key(department))
        if part is None:
            no_data.append((department, split_addresses(heads)))
            continue
        plan.append((part, *_distinct(split_addresses(heads), split_addresses(batch.cc))))
    if not plan:
        named = ", ".join(repr(d) for d in settings.recipients)
        raise Refused(f"the config's [recipients] names no department of this report "
                      f"({named}); departments: {', '.join(summary.parts) or 'none'}",
                      f"配置文件的 [recipients] 中没有本报告的部门"
                      f"（{'、'.join(f'“{d}”' for d in settings.recipients)}）；本报告的部门："
                      f"{'、'.join(summary.parts) or '无'}。")
    return plan, no_data


def _distinct(to: tuple[str, ...], cc: tuple[str, ...]
              ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``to`` and ``cc`` with each address once (letter case aside; the first spelling
    kept), a copy recipient who is also a recipient only among the recipients: one
    mailbox gets one message."""
    seen: set[str] = set()
    lists: list[tuple[str, ...]] = []
    for addresses in (to, cc):
        kept = []
        for address in addresses:
            key = bare(address).casefold()
            if key not in seen:
                seen.add(key)
                kept.append(address)
        lists.append(tuple(kept))
    return lists[0], lists[1]


def _department_key(name: object) -> str:
    """A department's name as the config and the workbook are matched: width, case and
    spaces aside (``运营部 `` is ``运营部``, ``sales`` is ``Sales``)."""
    from opsbook.core.parse import folded

    return folded(name)


def _by_clearance(to: tuple[str, ...], cc: tuple[str, ...], settings: MailSettings
                  ) -> list[tuple[bool, tuple[str, ...], tuple[str, ...]]]:
    """The recipients split into those allowed confidential fields and the others."""
    groups = []
    for allowed in (True, False):
        mine_to = tuple(a for a in to if settings.may_see_confidential(a) == allowed)
        mine_cc = tuple(a for a in cc if settings.may_see_confidential(a) == allowed)
        if mine_to or mine_cc:
            groups.append((allowed, mine_to or mine_cc, mine_cc if mine_to else ()))
    return groups


def _subject(batch: Batch, settings: MailSettings, summary: Summary) -> str:
    # a subject of only spaces (an empty variable in a script) is none: the report's title
    return (batch.subject or "").strip() or (settings.subject or "").strip() or summary.title


def _deliver(draft: Draft, via: str, server: object, settings: MailSettings, batch: Batch,
             sent_log: SentLog, outcome: Outcome) -> None:
    todo = tuple(a for a in draft.recipients if not sent_log.done(draft.key, bare(a), via))
    before = tuple(a for a in draft.recipients if a not in todo)
    if before:  # each recipient who had it already is said, also beside others sent now
        outcome.skipped.append(before)
        log.info("already %s, skipped: %d recipient(s)", via, len(before))
    if not todo:
        return
    if server is None:
        outcome.written.append(write_eml(batch.outbox, draft.message, draft.key))
        sent_log.record(draft.key, tuple(bare(a) for a in todo), via)
        return
    try:
        refused = send(draft.message, tuple(bare(a) for a in todo),
                       server,  # type: ignore[arg-type]
                       settings.login(), cafile=batch.cafile or settings.cafile,
                       timeout=settings.timeout)
    except DeliveryError as error:
        path = write_eml(batch.outbox, draft.message, draft.key)
        outcome.failed.append((todo, Reason(str(error), error.zh), path))
        log.warning("not sent, left in the outbox as %s: %s", path.name, error)
        return
    # a recipient the server refused while it took the others did not get it: said, kept
    # in the outbox and not logged as sent, so the next run tries it again
    lost = tuple(a for a in todo if bare(a) in refused)
    if lost:
        path = write_eml(batch.outbox, draft.message, draft.key)
        for address in lost:
            en, zh = refused[bare(address)]
            outcome.failed.append(((address,), Reason(en, zh), path))
        log.warning("%d recipient(s) refused, left in the outbox as %s", len(lost), path.name)
    got = tuple(a for a in todo if a not in lost)
    if got:
        sent_log.record(draft.key, tuple(bare(a) for a in got), via)
        outcome.sent.append(got)
    if not lost:  # sent at last: the copy an earlier failure left is no longer to send
        for path in left_copies(batch.outbox, draft.message, draft.key):
            path.unlink(missing_ok=True)
