"""What the command line prints: reports as text, JSON or Markdown; progress on a terminal."""

from __future__ import annotations

import contextlib
import sys
from collections import defaultdict
from contextvars import ContextVar
from typing import Callable, Iterator, TextIO

from opsbook.core.issues import Report
from opsbook.core.outsheets import SEVERITY

SEVERITY_MARK = {"error": "✗", "warning": "!", "info": "·"}
#: The ``--lang`` of the running command, None when it was given none.
_LANG: ContextVar[str | None] = ContextVar("opsbook_lang", default=None)
#: The last ``--lang`` chosen in this process: an error that ends the command is printed
#: after its context (and :data:`_LANG` with it) has closed.
_LAST: list[str | None] = [None]


@contextlib.contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """Everything printed inside is in ``lang`` (None: no choice); the choice before comes
    back after. :func:`opsbook.cli.common.lang_option` holds it for a command's run."""
    token = _LANG.set(lang)
    _LAST[0] = lang
    try:
        yield
    finally:
        _LANG.reset(token)


def chosen_lang() -> str | None:
    """The ``--lang`` given to the running command ("zh" or "en"), else None.

    Set once, as the option is parsed; everything printed here follows it, so a command
    cannot forget to pass it on.
    """
    return _LANG.get()


def pick(en: str, zh: str) -> str:
    """The text in the command's ``--lang``: ``zh`` under ``--lang zh``, else ``en``."""
    return zh if chosen_lang() == "zh" else en


def say(text: str) -> None:
    print(text)


def spoken(report: Report) -> str:
    """The language a command's closing lines are in: its ``--lang``, else the one its
    report's lines were told in (:func:`report`), "zh" or "en"."""
    return _lang(report, chosen_lang())


def headed(name: object, headline: str, report: Report) -> str:
    """``name: headline``, with the Chinese colon when the command speaks Chinese
    (:func:`spoken`)."""
    return f"{name}{'：' if spoken(report) == 'zh' else ': '}{headline}"


def not_made(names: str, report: Report, what: tuple[str, str] = ("not written",
                                                                   "未生成")) -> str:
    """The closing line of a command that wrote nothing: after a file that could not be
    read as its input (wrong kind, damaged …) "see above", else "correct the errors above
    first", in the language of :func:`spoken`."""
    zh = spoken(report) == "zh"
    if any(i.category == "file" and i.severity == "error" for i in report.issues):
        return f"{names}：{what[1]}（见上文）。" if zh else f"{names}: {what[0]} (see above)."
    return f"{names}：{what[1]}，请先修正上述错误。" if zh else \
        f"{names}: {what[0]}; correct the errors above first."


def note(text: str) -> None:
    print(text, file=sys.stderr)


def fail(text: str, lang: str | None = None) -> None:
    """``opsbook: error: TEXT`` on stderr, or ``opsbook 错误：TEXT`` for a text in Chinese
    (``lang`` "zh", by default under the command's ``--lang zh``)."""
    if (lang or chosen_lang()) == "zh":
        print(f"opsbook 错误：{text}", file=sys.stderr)
    else:
        print(f"opsbook: error: {text}", file=sys.stderr)


def notice(news: BaseException) -> None:
    """A notice that ends a command without an error (an UpToDate), on stderr: in the
    command's ``--lang``, else in the language its inputs were read in (``news.lang``),
    else in English and then in Chinese."""
    en, zh = getattr(news, "en", str(news)), getattr(news, "zh", None)
    lang = chosen_lang() or _LAST[0] or getattr(news, "lang", None)
    if zh and lang == "zh":
        note(zh)
    elif lang == "en" or not zh:
        note(en)
    else:
        note(en)
        note(zh)


def failed(error: BaseException) -> None:
    """An error that stopped a command, on stderr: its English text and its Chinese text
    (a CannotRun's, when it has one to show), each on a line of its own; only the one of
    the command's ``--lang`` when it was given one."""
    en, zh = getattr(error, "en", str(error)), getattr(error, "zh", None)
    lang = chosen_lang() or _LAST[0]
    if zh and lang == "zh":
        en = None
    elif lang == "en":
        zh = None
    if en:
        fail(en, "en")
    if zh:
        fail(zh, "zh")


@contextlib.contextmanager
def progress(label: str) -> Iterator[Callable[[object], None]]:
    """A progress callback: a bar on a terminal, nothing in a pipe."""
    if not sys.stderr.isatty():
        yield lambda _item: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True) as bar:
        task = bar.add_task(label)
        yield lambda item: bar.update(task, description=f"{label} {item}")


def report(report: Report, form: str, lang: str | None = None, max_issues: int = 0,
           quiet_when_valid: bool = False, file: TextIO | None = None) -> None:
    """Print a Report in the chosen form (on stdout, or ``file``): every line (files,
    issues, totals) in ``lang``, by default the command's ``--lang`` (:func:`chosen_lang`);
    without either, each issue in its own file's language and the totals in the report's."""
    lang = lang or chosen_lang()
    if form == "json":
        print(report.to_json(lang), file=file)
        return
    if quiet_when_valid and not report.issues:
        return
    issues = report.issues[:max_issues] if max_issues else report.issues
    if form == "markdown":
        print(_markdown(report, issues, lang), file=file)
    else:
        print(_text(report, issues, lang), file=file)


def _lang(report: Report, lang: str | None) -> str:
    """The language of a report's headline and totals: ``lang`` when asked, else the one
    every file's lines are told in when they agree (a run of only a result opsbook wrote,
    skipped, has no language of its own), else the report's."""
    told = {report.langs.get(file, report.lang) for file in report.files}
    return lang or (told.pop() if len(told) == 1 else report.lang)


def _place(issue) -> str:
    if issue.sheet and issue.cell:
        return f"{issue.sheet}!{issue.cell}"
    return issue.sheet or ""


def _told(report: Report, issue, asked: str | None, run: str) -> str:
    """The language an issue is told in: ``asked``, else its file's, else the run's (a file
    no header told the language of: first in the language of the lines around it)."""
    return asked or report.langs.get(issue.file or "", run)


def _other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


def _unknown_lang(report: Report, issue, asked: str | None) -> bool:
    """Whether an issue about a file as a whole (password-protected, damaged …) is of a file
    whose language nothing told (no header read, no --lang): said in the other language too,
    under the run's."""
    return (asked is None and issue.category == "file" and issue.file is not None
            and issue.file not in report.langs)


def _text(report: Report, issues, asked: str | None) -> str:
    run = _lang(report, asked)
    by_file = defaultdict(list)
    for issue in issues:
        by_file[issue.file or ""].append(issue)
    every = defaultdict(list)  # the counts are of every issue, however many are listed
    for issue in report.issues:
        every[issue.file or ""].append(issue)
    lines = []
    for file in dict.fromkeys([*report.files, *every]):
        lang = asked or report.langs.get(file, run)  # each file in its own language
        found = by_file.get(file, [])
        errors = sum(i.severity == "error" for i in every[file])
        warnings = sum(i.severity == "warning" for i in every[file])
        status = "✓ valid" if not errors else f"✗ {errors} error(s)"
        if lang == "zh":
            status = "✓ 通过" if not errors else f"✗ {errors} 个错误"
        codes = {i.code for i in every[file]}
        if codes and codes <= {"skipped-file", "output-workbook"}:  # nothing in it checked
            status = "- 已跳过" if lang == "zh" else "- skipped"
        elif codes and codes <= {"not-run", "unchanged-file"}:  # not read in this run
            status = "- 未检查" if lang == "zh" else "- not checked"
        extra = (f"，{warnings} 个警告" if lang == "zh" else f", {warnings} warning(s)") \
            if warnings else ""
        lines.append(f"{file or '-'}{'：' if lang == 'zh' else ': '}{status}{extra}")
        for issue in found:
            place = _place(issue)
            lines.append(f"  {SEVERITY_MARK.get(issue.severity, '?')} "
                         f"{place + '  ' if place else ''}[{issue.code}] "
                         f"{issue.message(_told(report, issue, asked, run))}")
            if _unknown_lang(report, issue, asked):
                lines.append(f"    {issue.message(_other(_told(report, issue, asked, run)))}")
    lang = run
    shown = len(issues)
    if shown < len(report.issues):
        more = len(report.issues) - shown
        lines.append(f"… 另有 {more} 个问题未列出" if lang == "zh" else f"… {more} more not listed")
    s = report.summary()
    if lang == "zh":
        lines.append(f"共 {s['files']} 个文件，{s['errors']} 个错误，{s['warnings']} 个警告")
    else:
        lines.append(f"{s['files']} file(s), {s['errors']} error(s), {s['warnings']} warning(s)")
    return "\n".join(lines)


def _markdown(report: Report, issues, asked: str | None) -> str:
    lang = _lang(report, asked)
    head = ("| 文件 | 位置 | 级别 | 代码 | 说明 |" if lang == "zh" else
            "| File | Place | Severity | Code | Message |")
    lines = [head, "| --- | --- | --- | --- | --- |"]
    for i in issues:
        message = i.message(_told(report, i, asked, lang))
        if _unknown_lang(report, i, asked):
            message += f" / {i.message(_other(_told(report, i, asked, lang)))}"
        message = message.replace("|", "\\|")
        severity = SEVERITY["zh"].get(i.severity, i.severity) if lang == "zh" else i.severity
        lines.append(f"| {i.file or ''} | {_place(i)} | {severity} | `{i.code}` | {message} |")
    if len(issues) < len(report.issues):
        more = len(report.issues) - len(issues)
        lines.append(f"| … | | | | 另有 {more} 个问题未列出 |" if lang == "zh" else
                     f"| … | | | | {more} more not listed |")
    s = report.summary()
    lines.append("")
    lines.append(f"**{'通过' if report.valid else '未通过'}** — 共 {s['files']} 个文件，"
                 f"{s['errors']} 个错误，{s['warnings']} 个警告" if lang == "zh" else
                 f"**{'valid' if report.valid else 'invalid'}** — {s['errors']} error(s), "
                 f"{s['warnings']} warning(s) in {s['files']} file(s)")
    return "\n".join(lines)
