"""``plan diff --format json|markdown`` keeps its form when OLD or NEW is no workbook at all
— a file not found, a folder, Excel's lock file: the JSON or Markdown report that
``validate --format`` gives, the file named and why, exit 2 (before, one line of text on
stderr and nothing on stdout for a reader of the JSON). The text form still says it in one
line per language. A plan that cannot be read is said in NEW's language, as the
differences are, unless ``--lang`` says otherwise. Real files on disk, run as a user runs
them."""

from __future__ import annotations

import json

from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import diff_plans


def _plan(path, lang="zh", blank_id=False):
    rows = [item("S1", "销售部", "销售额", "万元", 1000, (250, 250, 250, 250))]
    if blank_id:
        rows.append((None, *rows[0][1:]))
    return plan_book(path, lang, rows, {"year": 2027, "department": "销售部"})


def test_a_missing_new_plan_is_said_as_json(tmp_path):
    old = _plan(tmp_path / "v1.xlsx")
    missing = tmp_path / "v2.xlsx"
    done = run_cli("plan", "diff", old, missing, "--format", "json")
    assert done.returncode == 2, done.stdout + done.stderr
    said = json.loads(done.stdout)
    assert said["readable"] is False and said["valid"] is False
    assert [(i["file"], i["code"], i["message"]) for i in said["issues"]] == [
        (str(missing), "file-not-found", "File not found.")]


def test_a_lock_file_and_a_folder_are_said_in_the_form_asked_for(tmp_path):
    old = _plan(tmp_path / "v1.xlsx")
    lock = tmp_path / "~$v1.xlsx"
    lock.write_bytes(b"\x05owner" + b" " * 50)
    done = run_cli("plan", "diff", old, lock, "--format", "json", "--lang", "zh")
    assert done.returncode == 2, done.stdout + done.stderr
    issue = json.loads(done.stdout)["issues"][0]
    assert issue["file"] == str(lock) and issue["code"] == "not-a-workbook"
    assert "锁定文件" in issue["message"]
    shown = run_cli("plan", "diff", tmp_path, old, "--format", "markdown", "--lang", "zh")
    assert shown.returncode == 2, shown.stdout + shown.stderr
    assert f"| {tmp_path} |" in shown.stdout and "`not-a-workbook`" in shown.stdout
    assert "这是一个文件夹" in shown.stdout


def test_the_text_form_is_one_line_in_each_language(tmp_path):
    old = _plan(tmp_path / "v1.xlsx")
    done = run_cli("plan", "diff", old, tmp_path / "v2.xlsx")
    assert done.returncode == 2 and done.stdout == ""
    assert "v2.xlsx: File not found." in done.stderr and "v2.xlsx：找不到文件。" in done.stderr


def test_a_plan_that_cannot_be_read_is_said_in_new_s_language(tmp_path):
    old = _plan(tmp_path / "v1.xlsx", "zh")
    new = _plan(tmp_path / "v2.xlsx", "en", blank_id=True)
    done = diff_plans(old, new)
    assert done.result is None and done.report.lang == "en"
    said = json.loads(run_cli("plan", "diff", old, new, "--format", "json").stdout)
    assert [(i["cell"], i["message"]) for i in said["issues"]] == [
        ("A5", "'Item ID' is required but empty.")]
    assert diff_plans(old, new, lang="zh").report.lang == "zh"
