"""``opsbook email``: a workbook's report by email (SMTP over TLS) or into an outbox."""

from __future__ import annotations

from pathlib import Path

import typer

from opsbook.cli import printing
from opsbook.cli.common import CannotRun, Lang, given_path, lang_option, unreadable
from opsbook.cli.report import AS_OF, HISTORY, MONTH, PUNCHES


def email(report: Path = typer.Argument(..., parser=given_path,
                                        help="The workbook to report on (as for "
                                             "'opsbook report')."),
          to: list[str] = typer.Option([], "--to", help="A recipient (repeatable; default: "
                                                        "[mail] to in the config)."),
          cc: list[str] = typer.Option([], "--cc", help="A copy recipient (repeatable)."),
          subject: str | None = typer.Option(None, help="Default: the report's title."),
          smtp: str | None = typer.Option(
              None, help="smtps://host (TLS), smtp://host (STARTTLS) or smtp+plain://127.0.0.1;"
                         " default: [smtp] url in the config. The login comes from "
                         "OPSBOOK_SMTP_USER / OPSBOOK_SMTP_PASSWORD or the config."),
          outbox: Path | None = typer.Option(
              None, parser=given_path,
              help="Write .eml files here (alone: instead of sending; with --smtp: "
                   "where failed messages are left). Default: outbox/ beside REPORT."),
          config: Path | None = typer.Option(
              None, parser=given_path,
              help="The TOML settings (default: ./opsbook.toml, else the user's)."),
          per_department: bool = typer.Option(
              False, help="Send each department head in [recipients] only their department."),
          attach: list[str] = typer.Option([], help="xlsx and/or pdf (repeatable; default "
                                                    "from the config: xlsx)."),
          encrypt: bool = typer.Option(False, help="Encrypt attachments with the password in "
                                                   "OPSBOOK_ATTACHMENT_PASSWORD."),
          cafile: Path | None = typer.Option(None, parser=given_path,
                                             help="A private CA's certificates (PEM)."),
          history: list[Path] = typer.Option([], parser=given_path, help=HISTORY),
          punches: list[Path] = typer.Option([], parser=given_path, help=PUNCHES),
          month: str | None = typer.Option(None, help=MONTH),
          as_of: str | None = typer.Option(None, "--as-of", metavar="YYYY-MM-DD", help=AS_OF),
          lang: Lang | None = lang_option("Language of the report and the messages "
                                          "(default: the workbook's).")
          ) -> None:
    """Email a workbook's report: text and HTML with charts inline, the workbook attached.

    Recipients outside the allowed domains stop everything before a message is sent;
    recipients not allowed confidential fields get a copy without them. Without a server the
    messages go to an outbox as .eml files. What already went to a recipient is not sent
    again. Exit 0 all sent (or written), 1 the workbook has errors, 2 not sent.
    """
    from opsbook import api
    from opsbook.core.said import Said
    from opsbook.mail.batch import Refused
    from opsbook.mail.compose import ComposeError
    from opsbook.mail.config import ConfigError
    from opsbook.mail.deliver import DeliveryError
    from opsbook.reports.images import MissingFont
    from opsbook.reports.pdf import BrowserFailed, NoBrowser

    try:
        sent = api.send_summary(report, to=to, cc=cc, subject=subject, smtp=smtp,
                                outbox=outbox, config=config, per_department=per_department,
                                attach=attach or None, encrypt=encrypt, cafile=cafile,
                                lang=lang.value if lang else None, history=history,
                                punches=punches, month=month, as_of=as_of)
    except api.NotAWorkbook as problem:
        raise unreadable(problem) from None
    except (Refused, Said, ConfigError, ComposeError, DeliveryError, api.NoReport, NoBrowser,
            BrowserFailed, MissingFont) as error:
        raise CannotRun.of(error) from None
    done = sent.outcome
    said = printing.chosen_lang() or sent.built.report.lang  # --lang, else the workbook's

    def pick(en: str, zh: str) -> str:
        return zh if said == "zh" else en

    if done is not None:
        for recipients in done.sent:
            printing.say(pick(f"sent to {', '.join(recipients)}",
                              f"已发送给 {'、'.join(recipients)}"))
        for path in done.written:
            printing.say(pick(f"written: {path}", f"已写出：{path}"))
        for recipients in done.skipped:
            printing.note(pick(f"already sent to {', '.join(recipients)}; not sent again",
                               f"此前已发送给 {'、'.join(recipients)}，不再重发"))
        for department, heads in done.no_data:
            printing.note(pick(f"no figures for department {department!r} in this report; "
                               f"nothing sent to {', '.join(heads)}",
                               f"本报告中没有部门“{department}”的数据，未发送给 "
                               f"{'、'.join(heads)}"))
        for recipients, reason, path in done.failed:
            printing.fail(pick(f"not sent to {', '.join(recipients)}: {reason}; the message "
                               f"is in {path}",
                               f"未能发送给 {'、'.join(recipients)}："
                               f"{getattr(reason, 'zh', reason).rstrip('。')}；"
                               f"邮件保存在 {path}。"),
                          lang=said)
    printing.report(sent.built.report, "text", max_issues=50, quiet_when_valid=True)
    if done is None:
        printing.note(printing.not_made(str(report), sent.built.report,
                                        ("nothing was sent", "未发送任何邮件")))
    raise typer.Exit(sent.exit_code)
