"""The totals line of ``validate`` is in the language its file lines are told in: a run of
only a Chinese result opsbook wrote (skipped, so no workbook of the run gave a language)
said its file in Chinese and then "1 file(s), 0 error(s)" in English."""

from __future__ import annotations

from conftest import run_cli

import opsbook
from opsbook.api import write_output


def chinese_summary(tmp_path):
    """An attendance summary opsbook wrote from a Chinese sample: only output sheets."""
    book = opsbook.new_workbook("attendance", "zh", tmp_path / "a.xlsx", sample=True)
    done = opsbook.summarize_attendance([book])
    assert done.computed
    out = tmp_path / "summary.xlsx"
    write_output(out, done.sheets)
    return out


def test_a_skipped_chinese_result_alone_is_totalled_in_chinese(tmp_path):
    out = chinese_summary(tmp_path)
    text = run_cli("validate", out, "--quiet")
    assert text.returncode == 0, text.stderr
    assert f"{out}：- 已跳过" in text.stdout
    assert text.stdout.rstrip().endswith("共 1 个文件，0 个错误，0 个警告")
    assert "file(s)" not in text.stdout
    markdown = run_cli("validate", out, "--quiet", "--format", "markdown")
    assert markdown.stdout.startswith("| 文件 | 位置 | 级别 | 代码 | 说明 |")
    assert "**通过** — 共 1 个文件，0 个错误，0 个警告" in markdown.stdout
    english = run_cli("validate", out, "--quiet", "--lang", "en")
    assert f"{out}: - skipped" in english.stdout
    assert english.stdout.rstrip().endswith("1 file(s), 0 error(s), 0 warning(s)")


def test_files_in_two_languages_keep_the_runs_language(tmp_path):
    out = chinese_summary(tmp_path)
    english = opsbook.new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True)
    done = run_cli("validate", out, english, "--quiet")
    assert f"{out}：- 已跳过" in done.stdout and f"{english}: ✓ valid" in done.stdout
    assert done.stdout.rstrip().endswith("2 file(s), 0 error(s), 0 warning(s)")


def test_a_folder_of_only_results_is_said_in_the_language_of_its_results(tmp_path):
    """The folder's own not-a-workbook line (no header gave it a language) was English
    between Chinese lines; it is now in their language, its issue then in the other too."""
    out = chinese_summary(tmp_path)
    folder = tmp_path / "results"
    folder.mkdir()
    out.rename(folder / out.name)
    done = run_cli("validate", folder, "--quiet")
    assert done.returncode == 2
    lines = done.stdout.splitlines()
    at = lines.index(f"{folder}：✗ 1 个错误")
    assert lines[at + 1] == ("  ✗ [not-a-workbook] 不是可读取的工作簿：未找到工作簿，只有 opsbook "
                             "生成的结果。")
    assert lines[at + 2] == ("    Not a workbook that can be read: no workbook found, only "
                             "results opsbook wrote.")
    assert lines[-1] == "共 1 个文件，1 个错误，0 个警告"
