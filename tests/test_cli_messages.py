"""What the command line says, and only that: every line in the chosen ``--lang``, usage
errors in both languages, and no Python traceback after a macro workbook was written."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
import typer.main
from conftest import run_cli
from typer.testing import CliRunner

from opsbook.api import new_workbook
from opsbook.cli import app
from opsbook.io.filebook import FileBook, close_workbook

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = ROOT / "workbooks"
#: Commands whose --lang is the language of what they make, not of what they print.
CONTENT_LANG = {"new", "addin install"}


def clean(stderr: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr


# --- macro workbooks: their zip is closed on every path ------------------------------------

@pytest.mark.parametrize(("name", "args", "code"), [
    ("attendance.xlsm", ["calculate", "{in}"], 1),             # errors: no month
    ("appraisal.xlsm", ["calculate", "{in}"], 0),              # warnings only
    ("attendance.xlsm", ["validate", "{in}", "--annotate", "{dir}/marked.xlsm"], 0),
    ("plan.xlsm", ["plan", "status", "{in}", "--set", "submitted"], 0),
], ids=["calculate-errors", "calculate-warnings", "annotate", "plan-status"])
def test_a_macro_workbook_written_with_findings_leaves_no_traceback(tmp_path, name, args, code):
    book = shutil.copy(WORKBOOKS / name, tmp_path / name)
    done = run_cli(*[a.format(**{"in": book, "dir": tmp_path}) for a in args])
    assert done.returncode == code, done.stdout + done.stderr
    clean(done.stderr)
    if name == "attendance.xlsm" and args[0] == "calculate":
        assert "[no-month]" in done.stdout


def test_filebook_closes_the_macro_parts_it_holds(tmp_path):
    path = shutil.copy(WORKBOOKS / "attendance.xlsm", tmp_path / "book.xlsm")
    with FileBook(path, tmp_path / "out.xlsm") as book:
        archive = book.book.vba_archive
        assert archive is not None and archive.fp is not None
        book.save()
    assert archive.fp is None                                # closed, not left to the GC
    saved = openpyxl.load_workbook(tmp_path / "out.xlsm", keep_vba=True)
    try:
        assert saved.vba_archive                             # the macros were kept
    finally:
        close_workbook(saved)


# --- --lang: every line in the chosen language ---------------------------------------------

@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    """Sample attendance workbooks in each language (two warnings each: approvals after the
    start) and an English appraisal with a score out of range."""
    folder = tmp_path_factory.mktemp("lang")
    made = {lang: new_workbook("attendance", lang, folder / f"attendance.{lang}.xlsx",
                               sample=True) for lang in ("en", "zh")}
    scores = folder / "appraisal.en.xlsx"
    new_workbook("appraisal", "en", scores, sample=True)
    book = openpyxl.load_workbook(scores)
    book["Scores"]["E4"] = 120
    book.save(scores)
    return {**{f"attendance.{k}": Path(v) for k, v in made.items()}, "appraisal.en": scores}


def invoke(*args: object) -> str:
    done = CliRunner().invoke(app, [str(a) for a in args])
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    return done.stdout


def issue_lines(output: str, code: str) -> list[str]:
    lines = [line for line in output.splitlines() if f"[{code}]" in line]
    assert lines, output
    return lines


def test_attendance_summarize_speaks_chinese_when_asked(books, tmp_path):
    out = invoke("attendance", "summarize", books["attendance.en"], "-o",
                 tmp_path / "summary.xlsx", "--lang", "zh", "--quiet")
    for line in issue_lines(out, "approval-after-start"):
        assert "审批日期" in line and "Approved" not in line
    assert "✓ 通过，2 个警告" in out and "共 1 个文件，0 个错误，2 个警告" in out
    assert "36 人" in out                                     # the headline too


def test_attendance_summarize_speaks_english_when_asked(books, tmp_path):
    out = invoke("attendance", "summarize", books["attendance.zh"], "-o",
                 tmp_path / "summary.xlsx", "--lang", "en", "--quiet")
    for line in issue_lines(out, "approval-after-start"):
        assert "Approved on" in line and "审批" not in line
    assert "✓ valid, 2 warning(s)" in out and "1 file(s), 0 error(s), 2 warning(s)" in out


def test_without_lang_each_issue_stays_in_its_workbooks_language(books, tmp_path):
    out = invoke("attendance", "summarize", books["attendance.en"], "-o",
                 tmp_path / "summary.xlsx", "--quiet")
    assert all("Approved on" in line for line in issue_lines(out, "approval-after-start"))


def test_appraisal_score_and_validate_speak_chinese_when_asked(books, tmp_path):
    scored = invoke("appraisal", "score", books["appraisal.en"], "-o", tmp_path / "r.xlsx",
                    "--lang", "zh", "--quiet")
    (line,) = issue_lines(scored, "out-of-range")
    assert "应在 0 到 100 之间" in line
    assert "✗ 1 个错误" in scored and "共 1 个文件，1 个错误" in scored
    checked = invoke("validate", books["attendance.en"], "--lang", "zh", "--quiet")
    assert all("审批日期" in line for line in issue_lines(checked, "approval-after-start"))


def test_plan_diff_summary_follows_lang(tmp_path):
    old, new = (new_workbook("plan", lang, tmp_path / f"plan.{lang}.xlsx", sample=True)
                for lang in ("en", "zh"))
    out = invoke("plan", "diff", old, new, "--lang", "zh")
    assert out.splitlines()[0].startswith("新增 0 项，删除 0 项，修改 ")
    # without --lang, in NEW's language (as the -o workbook it writes)
    assert invoke("plan", "diff", old, new).splitlines()[0].startswith("新增 0 项，删除 0 项")
    assert invoke("plan", "diff", new, old).splitlines()[0].startswith("0 added, 0 removed")


def _commands(group=None, prefix=()):
    group = group or typer.main.get_command(app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        else:
            yield " ".join((*prefix, name)), command


def test_every_message_lang_is_the_shared_option():
    """A --lang declared without common.lang_option (no callback) would not reach the
    printed messages."""
    plain = [name for name, command in _commands() if name not in CONTENT_LANG
             for param in command.params if "--lang" in param.opts and param.callback is None]
    assert plain == []


@pytest.mark.parametrize(("lang", "english", "chinese"), [
    (None, True, True), ("zh", False, True), ("en", True, False)])
def test_a_bad_month_is_told_in_the_chosen_language(books, tmp_path, lang, english, chinese):
    done = run_cli("attendance", "summarize", books["attendance.zh"], "-o", tmp_path / "s.xlsx",
                   "--month", "2026-13", "--quiet", *(["--lang", lang] if lang else []))
    assert done.returncode == 2 and not (tmp_path / "s.xlsx").exists()
    clean(done.stderr)
    assert ("opsbook: error: --month must be written YYYY-MM" in done.stderr) == english
    assert ("opsbook 错误：--month 应写作 YYYY-MM，例如 2026-11 或 2026年11月（当前为“2026-13”）。"
            in done.stderr) == chinese
