"""What every command module shares: options, one way to fail, the exit with the right code."""

from __future__ import annotations

import contextlib
from enum import Enum
from pathlib import Path
from typing import Any, Iterator, NoReturn

import typer

from opsbook import registry


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class CannotRun(Exception):
    """A problem that stops a command: printed as one line, exit 2."""


def kind_option(value: str | None) -> str | None:
    """Check a ``--kind`` value against the registry."""
    if value is not None and value not in registry.names():
        raise typer.BadParameter(f"choose one of {', '.join(registry.names())}")
    return value


def unreadable(problem: Exception) -> CannotRun:
    """One line naming the file that could not be read, and why."""
    issue = problem.issue  # type: ignore[attr-defined]
    return CannotRun(f"{issue.file}: {issue.message()}" if issue.file else issue.message())


def not_a_folder(path: Path, what: str) -> None:
    if path.is_dir():
        raise CannotRun(f"{path} is a folder; give the name of the {what} to create")


@contextlib.contextmanager
def plain_failures() -> Iterator[None]:
    """A file that cannot be read, or a request that cannot be met (ValueError), becomes one
    line and exit 2."""
    from opsbook.api import NotAWorkbook

    try:
        yield
    except NotAWorkbook as problem:
        raise unreadable(problem) from None
    except ValueError as error:
        raise CannotRun(str(error)) from None


def finish(done: Any, out: Path) -> NoReturn:
    """The end of a computing command: write ``done.sheets`` to ``out`` when it computed, say
    its headline, print its report and exit with its code."""
    from opsbook import api
    from opsbook.cli import printing

    if done.computed:
        api.write_output(out, done.sheets)
        printing.say(f"{out}: {done.headline}")
    printing.report(done.report, "text", None, 50, quiet_when_valid=True)
    raise typer.Exit(done.exit_code)
