"""A mistake on the command line itself is said in the language of --lang (both without
one), after the usage line, with exit code 2 and never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from opsbook.cli.usage import asked_lang


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "opsbook.cli", *args], capture_output=True,
                          text=True, encoding="utf-8")


@pytest.mark.parametrize(("args", "english", "chinese"), [
    (["plan", "consolidate", "plans", "--bogus"], "No such option: --bogus",
     "没有 --bogus 这个选项"),
    (["validate"], "Missing argument", "缺少参数“PATH”。"),
    (["plan", "consolidate", "plans", "-o"], "requires an argument", "选项 -o 后面需要一个值。"),
    (["new", "plan", "a.xlsx", "b.xlsx"], "unexpected extra argument", "多余的参数：b.xlsx"),
    (["validate", "x.xlsx", "--jobs", "0"], "'--jobs' / '-j': must be 1 or more",
     "“--jobs” / “-j”的值无效：应不小于 1。"),
    (["validate", "x.xlsx", "--max-issues", "lots"], "'--max-issues': must be a whole number",
     "“--max-issues”的值无效：应为整数。"),
    (["validate", ""], "Invalid value for 'PATH': an empty path names no file",
     "的值无效：空路径不指向任何文件，请写文件夹或文件。"),
    (["plan", "diff", "a.xlsx", "b.xlsx", "--format", "pdf"],
     "'pdf' is not one of 'text', 'json', 'markdown'",
     "“--format” / “-f”的值无效：不是可选的值之一，应为以下之一：text、json、markdown。"),
])
def test_each_mistake_in_the_language_asked(tmp_path, args, english, chinese):
    both = run(*args)
    assert both.returncode == 2
    assert "Traceback" not in both.stderr
    assert english in both.stderr and chinese in both.stderr
    assert "Usage: " in both.stderr or args[-1] == "-o"  # a missing value: no usage line
    words = 2 if args[0] == "plan" else 1  # --lang goes after the command's own words
    zh = run(*args[:words], "--lang", "zh", *args[words:])
    assert zh.returncode == 2
    assert chinese in zh.stderr and english not in zh.stderr
    assert "查看用法" in zh.stderr or args[-1] == "-o"
    assert "Usage: " not in zh.stderr  # 用法： in Chinese
    assert "用法：" in zh.stderr or args[-1] == "-o"
    en = run(*args[:words], "--lang=en", *args[words:])
    assert en.returncode == 2
    assert english in en.stderr and chinese not in en.stderr


def test_help_and_a_group_without_a_command_keep_their_exit_codes():
    assert run("--help").returncode == 0
    group = run("plan")
    assert group.returncode == 2 and "consolidate" in group.stdout


@pytest.mark.parametrize(("args", "lang"), [
    (["--lang", "zh"], "zh"), (["--lang=en"], "en"), (["--lang"], None),
    (["--lang", "fr"], None), ([], None)])
def test_the_language_is_found_on_a_line_that_did_not_parse(args, lang):
    assert asked_lang(["plan", "consolidate", *args]) == lang


def test_a_plan_year_is_read_as_the_plan_setting_is(tmp_path):
    """``--year`` takes what the plan's year setting takes (2027年, FY2027, full-width
    digits), and refuses anything else in both languages before any file is read."""
    from opsbook.api import new_workbook

    new_workbook("plan", "zh", tmp_path / "plans" / "sales.xlsx", sample=True)
    done = run("plan", "consolidate", str(tmp_path / "plans"), "-o", str(tmp_path / "c.xlsx"),
               "--year", "2027年", "--quiet")
    assert done.returncode in (0, 1), done.stderr
    assert (tmp_path / "c.xlsx").is_file()
    wrong = run("plan", "consolidate", str(tmp_path / "plans"), "-o", str(tmp_path / "d.xlsx"),
                "--year", "abc")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "--year abc" in wrong.stderr and "计划年度" in wrong.stderr
    assert not (tmp_path / "d.xlsx").exists()
