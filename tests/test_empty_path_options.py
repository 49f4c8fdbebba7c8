"""Every path the command line takes, argument or option, refuses an empty value (an unset
variable: ``-o "$OUT"``) as "an empty path", where the command line would otherwise make it
the current folder: found by walking every command, so that a new option cannot miss it."""

from __future__ import annotations

import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from opsbook.cli import app
from opsbook.cli.common import given_path
from opsbook.cli.usage import click_errors


def commands(group, words=()) -> Iterator[tuple[tuple[str, ...], object]]:
    for name, command in getattr(group, "commands", {}).items():
        yield from commands(command, (*words, name))
    if not hasattr(group, "commands"):
        yield words, group


def is_path(param) -> bool:
    annotation = param.type_descriptor.annotation
    return Path in (annotation, *typing.get_args(annotation))


def parser(param):
    return param.type_descriptor.parameter_info.parser


def path_params() -> list[tuple[tuple[str, ...], object, object]]:
    root = typer.main.get_command(app)
    return [(words, command, param) for words, command in commands(root)
            for param in command.params if is_path(param)]


def filled(command, param) -> list[str]:
    """The command's required arguments and options with harmless values, and ``param``
    given as the empty string."""
    args: list[str] = []
    for other in command.params:
        value = "" if other is param else "some.xlsx"
        if other.param_type_name == "argument":
            if other is param or other.required:
                args.append(value)
        elif other is param or other.required:
            args += [other.opts[0], value]
    return args


PARAMS = path_params()


def test_every_path_goes_through_the_same_parser():
    assert len(PARAMS) >= 25  # every kind's inputs and outputs, the batch options' manifest
    bare = [(" ".join(words), param.name) for words, _, param in PARAMS
            if parser(param) is not given_path]
    assert bare == []


@pytest.mark.parametrize(("words", "command", "param"), PARAMS,
                         ids=[f"{' '.join(w)}:{p.name}" for w, _, p in PARAMS])
def test_an_empty_path_is_refused_before_anything_runs(tmp_path, monkeypatch, words, command,
                                                       param):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(click_errors.BadParameter, match="an empty path names no file"):
        app([*words, *filled(command, param)], standalone_mode=False)
    assert list(tmp_path.iterdir()) == []  # nothing was written


def test_said_in_both_languages_with_exit_code_2(tmp_path):
    done = subprocess.run([sys.executable, "-m", "opsbook.cli", "project", "status",
                           "t.xlsx", "-o", ""], capture_output=True, text=True,
                          encoding="utf-8", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "'-o' / '--out': an empty path names no file" in done.stderr
    assert "“-o” / “--out”的值无效：空路径不指向任何文件" in done.stderr
