"""What every command module shares: options, one way to fail, the exit with the right code."""

from __future__ import annotations

import contextlib
from enum import Enum
from pathlib import Path
from typing import Any, Iterator, NoReturn

import typer

from opsbook import registry
from opsbook.batch.options import given_path as given_path  # every path the commands take
from opsbook.cli.printing import chosen_lang, speaking


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def lang_option(help: str) -> Any:
    """The ``--lang`` of a command that prints messages (default None: each workbook's own).

    The choice is made once, as the option is parsed, and holds until the command line's
    outermost context closes (after the command ran, or failed): every line printed through
    :mod:`opsbook.cli.printing` (files, issues, totals) and every :class:`CannotRun` follows
    it, so no command has to pass it on to be heard in it.
    """
    return typer.Option(None, help=help, callback=_keep_lang, case_sensitive=False)


def _keep_lang(ctx: typer.Context, value: Lang | None) -> Lang | None:
    ctx.find_root().with_resource(speaking(value.value if value is not None else None))
    return value


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def format_option() -> Any:
    """The ``--format``/``-f`` of a command that prints a report: text, json or markdown,
    in any case (``JSON``), as ``--lang`` takes ``ZH``."""
    return typer.Option(Format.text, "--format", "-f", help="Output form.",
                        case_sensitive=False)


class CannotRun(Exception):
    """A problem that stops a command: printed as one line, exit 2.

    ``zh`` says the same in Chinese. Which one is shown follows the command's ``--lang`` as
    the error is made: under ``--lang zh`` the Chinese, under ``--lang en`` the English, and
    without a choice both, the English first (a usage error comes before any workbook is
    read, so before anything says which language its reader reads).
    """

    @classmethod
    def of(cls, error: Exception) -> CannotRun:
        """The CannotRun of a request that cannot be met, with its ``zh`` when it has one."""
        return cls(str(error), getattr(error, "zh", None))

    def __init__(self, text: str, zh: str | None = None):
        super().__init__(text)
        lang = chosen_lang()
        self.en = None if zh and lang == "zh" else text
        self.zh = None if lang == "en" else zh

    def __str__(self) -> str:
        return "\n".join(text for text in (self.en, self.zh) if text)


def kind_option(value: str | None, name: str = "--kind") -> str | None:
    """Check a ``--kind`` value (or the argument ``name``) against the registry: a usage
    error naming the option, the value and the kinds, in the words of every other choice
    (so that ``--lang zh`` says it in Chinese)."""
    if value is not None and value not in registry.names():
        kinds = ", ".join(repr(n) for n in registry.names())
        raise typer.BadParameter(f"{value!r} is not one of {kinds}.", param_hint=repr(name))
    return value


def unreadable(problem: Exception) -> CannotRun:
    """A line naming the file that could not be read, and why: in the command's ``--lang``,
    else in English and then in Chinese (see :class:`CannotRun`)."""
    from opsbook.api import NotAWorkbook

    if isinstance(problem, NotAWorkbook):  # its own words: a result refused, not skipped
        return CannotRun(str(problem), problem.zh)
    issue = problem.issue  # type: ignore[attr-defined]
    en = f"{issue.file}: {issue.message('en')}" if issue.file else issue.message("en")
    zh = f"{issue.file}：{issue.message('zh')}" if issue.file else issue.message("zh")
    return CannotRun(en, zh)


def not_a_folder(path: Path, what: str) -> None:
    if path.is_dir():
        what_zh = {"workbook": "工作簿"}.get(what, what)
        raise CannotRun(f"{path} is a folder; give the name of the {what} to create",
                        f"{path} 是文件夹；请给出要创建的{what_zh}的文件名。")


@contextlib.contextmanager
def plain_failures() -> Iterator[None]:
    """A file that cannot be read, or a request that cannot be met (a ValueError), becomes
    one line and exit 2. A ValueError raised inside the data libraries (pandas, NumPy) is no
    refusal but a fault: it goes on to the command line's "could not finish", which keeps
    its traceback."""
    from opsbook.api import NotAWorkbook

    try:
        yield
    except NotAWorkbook as problem:
        raise unreadable(problem) from None
    except ValueError as error:
        if _raised_in(error, DATA_LIBRARIES):
            raise
        raise CannotRun.of(error) from None


#: Libraries whose own ValueErrors are faults of opsbook's use of them, never a refusal.
DATA_LIBRARIES = ("pandas", "numpy")


def _raised_in(error: BaseException, packages: tuple[str, ...]) -> bool:
    """Whether the innermost frame of ``error``'s traceback is code of one of ``packages``."""
    frame = error.__traceback__
    if frame is None:
        return False
    while frame.tb_next is not None:
        frame = frame.tb_next
    return frame.tb_frame.f_globals.get("__name__", "").partition(".")[0] in packages


def finish(done: Any, out: Path) -> NoReturn:
    """The end of a computing command: write ``done.sheets`` to ``out`` when it computed, say
    its headline, print its report (in the command's ``--lang``) and exit with its code."""
    from opsbook import api
    from opsbook.cli import printing

    if done.computed:
        api.write_output(out, done.sheets)
        printing.say(printing.headed(out, done.headline, done.report))
    printing.report(done.report, "text", max_issues=50, quiet_when_valid=True)
    if not done.computed:
        printing.note(printing.not_made(str(out), done.report))
    raise typer.Exit(done.exit_code)
