"""What every command module shares: options, one way to fail, the exit with the right code."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

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
