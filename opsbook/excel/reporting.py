"""The Report and Email summary buttons, written once against a BookPort.

``report`` writes the summary workbook and the HTML page next to the workbook (never over
it) and says where in the status cell; ``email`` sends the summary as the mail settings say
(``opsbook.toml`` beside the workbook, else the user's), or writes it to ``outbox/`` beside
the workbook. A workbook with errors gets neither: its cells are marked as by Validate.
"""

from __future__ import annotations

from pathlib import Path

from opsbook.core.book import Book
from opsbook.core.issues import Issue, Report
from opsbook.core.output import BookPort
from opsbook.excel import handlers

TEXT = {
    "en": {"no_report": "{kind} workbooks have no report yet.",
           "written": "Report written: {paths}.",
           "not_written": "Report not written: {reason}",
           "fix": " No report: fix the cells marked red first.",
           "sent": "Summary sent to {n} recipient(s).",
           "outbox": "Summary written to the outbox: {folder} ({n} message(s)).",
           "skipped": " Already sent before: {n} message(s), not sent again.",
           "no_data": " No figures for {departments} in this report: their heads got nothing.",
           "failed": "Not sent: {reason} The message is in {folder}.",
           "refused": "Not sent: {reason}",
           "more_failed": " {n} more not sent either (also in the outbox).",
           "also_sent": " Sent to {n} other recipient(s).",
           "unsaved": "Save the workbook first: the report is written next to it.",
           "nobody": "Not sent: {config} names nobody to send to; give [mail] to, or a "
                     "[recipients] table of department heads.",
           "no_config": "Not sent: no opsbook.toml beside the workbook or in your own "
                        "settings folder says whom to send to ([mail] to, or a [recipients] "
                        "table of department heads)."},
    "zh": {"no_report": "{kind}工作簿暂无报告。",
           "written": "报告已生成：{paths}。",
           "not_written": "未生成报告：{reason}",
           "fix": "未生成报告：请先修正标红的单元格。",
           "sent": "摘要已发送给 {n} 位收件人。",
           "outbox": "摘要已写入发件箱：{folder}（{n} 封）。",
           "skipped": "此前已发送的 {n} 封未重复发送。",
           "no_data": "本报告中没有{departments}的数据，未发给其负责人。",
           "failed": "未发送：{reason}邮件保存在 {folder}。",
           "refused": "未发送：{reason}",
           "more_failed": "另有 {n} 封也未发送（同样保存在发件箱中）。",
           "also_sent": "已发送给其他 {n} 位收件人。",
           "unsaved": "请先保存工作簿：报告将生成在工作簿所在的文件夹。",
           "nobody": "未发送：{config} 中没有收件人；请填写 [mail] to，或部门负责人的 "
                     "[recipients] 表。",
           "no_config": "未发送：工作簿所在文件夹和您的设置文件夹中都没有 opsbook.toml 说明"
                        "发送给谁（[mail] to，或部门负责人的 [recipients] 表）。"},
}


def beside(port: BookPort, folder: Path | None) -> Path | None:
    """Where the files go: ``folder``, else the folder of the workbook file the port names;
    None for a workbook that was never saved."""
    if folder is not None:
        return folder
    path = Path(port.name)
    return path.parent if path.is_file() else None


def _start(port: BookPort, folder: Path | None) -> tuple[Book | None, Report, str]:
    """The Book when a report can be made from it; otherwise the port is told why."""
    book = handlers.read_book(port)
    if isinstance(book, Issue):
        return None, handlers.validate(port), handlers.guess_lang(port.sheet_names())
    lang = book.lang
    words = TEXT[lang]
    if book.kind.summary is None or book.kind.calculate is None:
        port.message(words["no_report"].format(kind=book.kind.title(lang)))
        return None, Report(lang=lang), lang
    if folder is None or not folder.is_dir():
        port.message(words["unsaved"])
        return None, Report(lang=lang), lang
    return book, Report(lang=lang), lang


def _refuse_invalid(port: BookPort, lang: str) -> Report:
    report = handlers.validate(port)
    if not report.valid:
        port.message(handlers.summary_line(report, lang) + TEXT[lang]["fix"])
    return report


def report(port: BookPort, folder: Path | None = None) -> Report:
    """The Report button: ``<workbook>.report.xlsx`` and ``<workbook>.report.html`` in
    ``folder`` (default: the workbook's own folder)."""
    from opsbook.api.report import CannotWriteReport, check_report_target, summarize
    from opsbook.api.workbook import CannotWrite
    from opsbook.reports.render import write_report

    folder = beside(port, folder)
    book, report, lang = _start(port, folder)
    if book is None or folder is None:
        return report
    stem = Path(port.name).stem
    targets = [folder / f"{stem}.report{suffix}" for suffix in (".xlsx", ".html")]
    try:  # a report open in Excel would be saved over (or cannot be replaced): as the CLI
        for target in targets:
            check_report_target(target, Path(port.name))
    except (CannotWriteReport, CannotWrite) as error:
        port.message(TEXT[lang]["not_written"].format(reason=_reason(error, lang)))
        return Report(lang=lang)
    built = summarize(book)
    if built.summary is None:
        return _refuse_invalid(port, lang)
    paths = [write_report(target, built.summary, built.calculation.sheets)
             for target in targets]
    listed = ("、" if lang == "zh" else ", ").join(str(p) for p in paths)
    port.message(TEXT[lang]["written"].format(paths=listed))
    return built.report


def email(port: BookPort, folder: Path | None = None) -> Report:
    """The Email summary button: the summary to ``[mail] to`` (or each head in
    ``[recipients]`` when no ``to`` is set), by the settings in ``folder/opsbook.toml`` or the
    user's; without a server, into ``folder/outbox``."""
    from opsbook.api.mail import send_summary
    from opsbook.mail.batch import Refused
    from opsbook.mail.compose import ComposeError
    from opsbook.mail.config import ConfigError, load_settings
    from opsbook.mail.deliver import DeliveryError
    from opsbook.reports.images import MissingFont
    from opsbook.reports.pdf import BrowserFailed, NoBrowser

    folder = beside(port, folder)
    book, report, lang = _start(port, folder)
    if book is None or folder is None:
        return report
    words = TEXT[lang]
    config = folder / "opsbook.toml"
    try:
        settings = load_settings(config if config.is_file() else None)
        if not settings.to and not settings.recipients:  # the button has no --to to ask for
            port.message(words["nobody"].format(config=settings.source) if settings.source
                         else words["no_config"])
            return Report(lang=lang)
        sent = send_summary(book, config=settings.source, per_department=not settings.to,
                            outbox=None if settings.outbox else folder / "outbox",
                            smtp=settings.smtp_url)
    except (Refused, ConfigError, ComposeError, DeliveryError, NoBrowser, BrowserFailed,
            MissingFont) as error:
        port.message(words["refused"].format(reason=_reason(error, lang)))
        return Report(lang=lang)
    if sent.outcome is None:
        return _refuse_invalid(port, lang)
    done = sent.outcome
    if done.failed:
        _to, reason, path = done.failed[0]
        said = _reason(reason, lang)
        text = words["failed"].format(reason=said if lang == "zh" else said.rstrip(".") + ".",
                                      folder=path.parent)
        if len(done.failed) > 1:  # the others not sent are said too, not only the first
            text += words["more_failed"].format(n=len(done.failed) - 1)
        if done.sent:  # and so are those who did get it
            text += words["also_sent"].format(n=sum(len(r) for r in done.sent))
    elif done.written:
        text = words["outbox"].format(folder=done.written[0].parent, n=len(done.written))
    else:
        text = words["sent"].format(n=sum(len(r) for r in done.sent))
    if done.skipped:
        text += words["skipped"].format(n=len(done.skipped))
    if done.no_data:
        names = [department for department, _heads in done.no_data]
        text += words["no_data"].format(departments="、".join(f"“{n}”" for n in names)
                                        if lang == "zh" else ", ".join(names))
    port.message(text)
    return sent.built.report


#: How a refusal's own text may begin; the status line says it once.
_NOT_SENT = ("not sent: ", "not sent:", "未发送：")


def _reason(error: object, lang: str) -> str:
    """Why, in the workbook's language (a refusal's ``zh`` in a Chinese workbook), without
    a leading "not sent" that the status line already says."""
    text = (getattr(error, "zh", None) if lang == "zh" else None) or str(error)
    for opening in _NOT_SENT:
        if text.lower().startswith(opening):
            text = text[len(opening):].lstrip()
            break
    if lang == "zh" and not text.endswith("。"):
        text += "。"
    elif lang != "zh" and not text.endswith((".", "!", "?")):
        text += "."  # a sentence in the status cell, as every other one there
    return text
