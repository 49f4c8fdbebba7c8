"""The README is the front door: every command is documented and answers --help."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from opsbook.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group=None, prefix=()):
    """Every leaf command of the CLI as a tuple of words."""
    import typer.main

    group = group or typer.main.get_command(app)
    for name, command in group.commands.items():
        words = (*prefix, name)
        if hasattr(command, "commands"):
            yield from commands(command, words)
        else:
            yield words


ALL = sorted(commands())


def test_the_cli_has_the_commands_of_the_contract():
    names = {" ".join(c) for c in ALL}
    assert {"new", "validate", "calculate", "demo"} <= names


@pytest.mark.parametrize("words", ALL, ids=[" ".join(c) for c in ALL])
def test_every_command_is_in_the_readme(words):
    assert f"opsbook {' '.join(words)}" in README


def options(words):
    """The long option names of one command (``--force``, ``--max-issues`` …)."""
    import typer.main

    command = typer.main.get_command(app)
    for word in words:
        command = command.commands[word]
    return [opt for param in command.params for opt in param.opts if opt.startswith("--")]


@pytest.mark.parametrize("words", ALL, ids=[" ".join(c) for c in ALL])
def test_every_option_is_in_the_readme(words):
    """Each option appears in the README on the line of its command's usage (in the
    section "The command line"; examples elsewhere need not give every option)."""
    synopsis = README[README.index("\n## The command line"):]
    usage = [line for line in synopsis.splitlines()
             if line.startswith(f"opsbook {' '.join(words)} ")
             or line.strip() == f"opsbook {' '.join(words)}"]
    assert usage, f"no usage line for opsbook {' '.join(words)}"
    block = synopsis[synopsis.index(usage[0]):].split("\nopsbook ", 1)[0]
    missing = [opt for opt in options(words) if opt != "--help" and opt not in block]
    assert missing == []


@pytest.mark.parametrize("words", ALL, ids=[" ".join(c) for c in ALL])
def test_every_command_answers_help(words):
    done = subprocess.run([sys.executable, "-m", "opsbook.cli", *words, "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout


def test_readme_has_exactly_the_two_commands_and_ci_runs_the_second():
    blocks = re.findall(r"```(?:sh|bash)\n(.*?)```", README, re.S)
    install = [b for b in blocks if "opsbook demo" in b]
    assert install, "the README shows the command that runs the demo"
    test_lines = [line for b in blocks for line in b.splitlines() if "pytest" in line]
    assert test_lines, "the README shows the test command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_lines[0].strip() in ci


def test_the_json_fields_are_documented():
    from opsbook.core.issues import ISSUE_FIELDS

    for name in ISSUE_FIELDS:
        assert f"`{name}`" in README


def test_every_issue_code_is_in_the_readme():
    from opsbook.core import messages

    messages.category("a-code-nobody-registers")  # has every kind register its codes
    missing = [code for code in messages.CODES if f"`{code}`" not in README]
    assert not missing, f"codes the README's Codes list does not name: {missing}"
