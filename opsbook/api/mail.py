"""``opsbook email``: a workbook's report sent by email, or written to an outbox."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from opsbook.api.common import PathLike, check_lang, load
from opsbook.api.report import Built, summarize
from opsbook.core.book import Book
from opsbook.mail.batch import Batch, Outcome, Refused, send_summary_mail
from opsbook.mail.config import ATTACHMENT_PASSWORD_ENV, load_settings


@dataclass
class Sent:
    """What ``send_summary`` did: the report behind it and each message's fate."""

    built: Built
    outcome: Outcome | None = None

    @property
    def exit_code(self) -> int:
        """0 every message sent or written; 1 the workbook has errors (nothing sent); 2 a
        message could not be sent (it is in the outbox)."""
        if self.outcome is None:
            return self.built.exit_code or 1
        return 2 if self.outcome.failed else self.built.exit_code


def send_summary(source: PathLike | Book, *, to: Iterable[str] = (), cc: Iterable[str] = (),
                 subject: str | None = None, smtp: str | None = None,
                 outbox: PathLike | None = None, config: PathLike | None = None,
                 per_department: bool = False, attach: Iterable[str] | None = None,
                 encrypt: bool = False, cafile: PathLike | None = None,
                 lang: str | None = None, history: Iterable[PathLike] = (),
                 punches: Iterable[PathLike] = (), month: str | None = None,
                 as_of: str | None = None) -> Sent:
    """Email the report of a workbook (a path or a read Book), as the config file and these
    options say.

    Without ``smtp`` (and without ``[smtp] url`` in the config, or when ``outbox`` is given
    alone) the messages are written as .eml files to ``outbox`` (default: ``outbox/`` beside
    the workbook). ``attach`` is ``xlsx`` and/or ``pdf`` (default from the config: xlsx);
    ``encrypt`` protects the attachments with the password in OPSBOOK_ATTACHMENT_PASSWORD.
    Nothing is sent when the workbook has errors (``exit_code`` 1). ``history``,
    ``punches``, ``month`` and ``as_of``: the computing commands' inputs, as
    :func:`~opsbook.api.report.summarize` takes them.

    Raises :class:`~opsbook.mail.batch.Refused` before anything is sent (``to`` with
    ``per_department``, a folder or a pattern instead of one workbook, a recipient outside
    the allowed domains, no recipient, no password for ``encrypt``, an outbox that is a
    file),
    :class:`~opsbook.mail.config.ConfigError`, NotAWorkbook and NoReport.
    """
    check_lang(lang)
    to, cc = tuple(to), tuple(cc)  # read once (an iterator is read up)
    if per_department and to:  # never dropped without a word
        raise Refused("--to is not taken with --per-department: each head in [recipients] "
                      "gets their department; send the whole report with a second command "
                      "without --per-department",
                      "--per-department 不与 --to 同用：[recipients] 中的各部门负责人只收到"
                      "本部门的部分；如需发送完整报告，请另行运行一次不带 --per-department "
                      "的命令。")
    if not isinstance(source, Book):
        one_workbook(Path(source))
    settings = load_settings(config)
    password = None
    if encrypt:
        password = os.environ.get(ATTACHMENT_PASSWORD_ENV)
        if not password:
            raise Refused(f"--encrypt takes the password from {ATTACHMENT_PASSWORD_ENV}; "
                          "set it first",
                          f"--encrypt 的密码取自环境变量 {ATTACHMENT_PASSWORD_ENV}；请先设置。")
    path = Path(source.path or "workbook") if isinstance(source, Book) else Path(source)
    folder = Path(outbox) if outbox else (Path(settings.outbox) if settings.outbox
                                          else path.parent / "outbox")
    if folder.exists() and not folder.is_dir():  # before anything is made or sent
        raise Refused(f"the outbox {folder} is a file; give a folder for the .eml files and "
                      "the sent log (--outbox, or [mail] outbox in the config)",
                      f"发件箱 {folder} 是一个文件；请给出存放 .eml 文件和发送记录的文件夹"
                      "（--outbox，或配置文件中的 [mail] outbox）。")
    server = smtp or (None if outbox else settings.smtp_url)
    built = summarize(source, lang=lang, history=list(history), punches=list(punches),
                      month=month, as_of=as_of)
    if built.summary is None:
        return Sent(built)
    batch = Batch(to=tuple(to) or settings.to, cc=tuple(cc) or settings.cc, subject=subject,
                  per_department=per_department,
                  attach=tuple(attach) if attach is not None else None, password=password,
                  smtp=server, outbox=folder, cafile=str(cafile) if cafile else None,
                  file_stem=f"{path.stem}.report")
    return Sent(built, send_summary_mail(built.summary, built.calculation.sheets, settings,
                                         batch))


def one_workbook(path: Path) -> None:
    """Refuse a folder or a glob pattern: a summary is emailed from one workbook (``opsbook
    report`` makes one report of several)."""
    if path.is_dir() or (not path.exists() and any(c in str(path) for c in "*?[")):
        raise Refused(f"{path}: email sends the report of one workbook; give a workbook file, "
                      "not a folder or a pattern (opsbook report makes one report of several)",
                      f"{path}：email 只发送一个工作簿的报告；请给出工作簿文件，而不是文件夹或"
                      "通配符（opsbook report 可由多个工作簿生成一份报告）。")


DEMO_CONFIG = """\
# opsbook.toml of the demo: no [smtp] url, so messages go to the outbox as .eml files.
[mail]
sender = "运营部 <ops@example.com>"
allowed_domains = ["example.com"]
confidential = ["ceo@example.com"]
to = ["ceo@example.com", "ops-team@example.com"]

[recipients]
{recipients}
"""


def demo(folder: Path, samples: dict[str, Path], say: Callable[[str], None]) -> int:
    """The demo's email step: each kind's summary into ``folder/outbox`` — the full copy to
    the one allowed confidential figures, a copy without them to the team, and each
    department head their own department; returns the worst exit code."""
    code = 0
    config = folder / "opsbook.toml"
    for sample in samples.values():
        book = load(sample)
        if book.kind.summary is None or book.kind.calculate is None:
            continue
        built = summarize(book)
        if built.summary is None:
            code = max(code, built.exit_code)
            continue
        heads = "\n".join(f'"{d}" = "head{n}@example.com"'
                          for n, d in enumerate(built.summary.parts, start=1))
        config.write_text(DEMO_CONFIG.format(recipients=heads), encoding="utf-8")
        outbox = folder / "outbox"
        written = kept = 0  # this sample's messages, not the whole outbox
        for per_department in (False, True) if built.summary.parts else (False,):
            sent = send_summary(sample, config=config, outbox=outbox,
                                per_department=per_department)
            code = max(code, sent.exit_code)
            if sent.outcome is not None:
                written += len(sent.outcome.written)
                kept += len(sent.outcome.skipped)  # written by an earlier demo: not again
        there = f", {kept} already there" if kept else ""
        say(f"· email {sample.name} → {outbox.name}/: "
            f"{written} message{'s' * (written != 1)} (.eml){there}, see {config.name}")
    return code


__all__ = ["Sent", "send_summary"]
