"""Command-line mistakes that Typer words itself — an unknown command, a value given to a
switch, a missing argument — are said in Chinese as well, never as English wrapped in
Chinese brackets; the pointer to --help follows the language too (exit 2)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "opsbook.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


@pytest.mark.parametrize(("args", "english", "chinese"), [
    (["valdate", "x.xlsx"], "No such command 'valdate'. Did you mean 'validate', 'calculate'?",
     "opsbook 错误：没有 valdate 这个命令（可能是：validate、calculate）。"),
    (["plan", "tally", "x.xlsx"], "No such command 'tally'.",
     "opsbook 错误：没有 tally 这个命令（可用的命令见 --help）。"),
    (["new", "plan", "a.xlsx", "--sample=yes"], "Option '--sample' does not take a value.",
     "opsbook 错误：选项 --sample 是开关，不带值：只写 --sample。"),
    (["plan", "diff", "old.xlsx"], "Missing argument 'NEW'.", "opsbook 错误：缺少参数“NEW”。"),
    (["report", "a.xlsx"], "Missing option '-o' / '--out'.", "opsbook 错误：缺少“-o” / “--out”。"),
])
def test_typers_own_words_are_said_in_chinese_too(tmp_path, args, english, chinese):
    both = run(*args)
    assert both.returncode == 2 and "Traceback" not in both.stderr
    assert english in both.stderr and chinese in both.stderr
    assert "命令行有误" not in both.stderr and "用法不对" not in both.stderr
    assert "--help' for help." in both.stderr and "--help”查看用法。" in both.stderr \
        or "--sample=yes" in args  # a switch given a value: no usage line
    zh = run(*args, "--lang", "zh")
    assert zh.returncode == 2
    assert chinese in zh.stderr and english not in zh.stderr and "for help" not in zh.stderr
    en = run(*args, "--lang=en")
    assert en.returncode == 2
    assert english in en.stderr and "错误" not in en.stderr and "查看用法" not in en.stderr


@pytest.mark.parametrize(("args", "usage"), [
    (["validate"], "opsbook validate [OPTIONS] {PATH}..."),
    (["plan", "track"], "opsbook plan track [OPTIONS] {PLAN} [ACTUALS]..."),
    (["email"], "opsbook email [OPTIONS] {REPORT}"),
])
def test_the_usage_line_names_the_arguments_as_the_readme_does(args, usage):
    """``PATH``, ``PLAN [ACTUALS...]``, ``REPORT`` as in README › The command line, not the
    parameter names (``{paths}...``)."""
    done = run(*args)
    assert done.returncode == 2
    first = done.stderr.splitlines()[0]
    assert first.startswith("Usage: ") and first.endswith(usage.split(" ", 1)[1])
    words = usage.split("[OPTIONS] ", 1)[1].replace("{", "").replace("}", "").split()
    assert f"Missing argument '{words[0].rstrip('.')}'." in done.stderr
