"""An option that takes one file each time (--history of a command that reads one
workbook), given a pattern the shell expanded (``--history past/*.xlsx``), says how to
give the files — each with its own option, or the pattern quoted for opsbook to read — in
both languages, exit 2; any other extra argument is said as before."""

from __future__ import annotations

from conftest import run_cli

import opsbook


def test_history_files_expanded_by_the_shell(tmp_path):
    book = opsbook.new_workbook("appraisal", "en", tmp_path / "q4.xlsx", sample=True)
    done = run_cli("appraisal", "score", book, "-o", tmp_path / "r.xlsx",
                   "--history", tmp_path / "a.xlsx", tmp_path / "b.xlsx")
    assert done.returncode == 2
    b = tmp_path / "b.xlsx"
    assert (f"({b}). --history takes one file each time: give each with its own --history "
            f"(--history {tmp_path / 'a.xlsx'} --history {b}), or quote a pattern so that "
            "opsbook, not the shell, reads it (--history 'past/*.xlsx').") in done.stderr
    assert "--history 每次只接一个文件：请为每个文件各写一次 --history" in done.stderr
    assert not (tmp_path / "r.xlsx").exists()


def test_an_unrelated_extra_is_said_as_before(tmp_path):
    book = opsbook.new_workbook("appraisal", "en", tmp_path / "q4.xlsx", sample=True)
    other = run_cli("appraisal", "score", book, tmp_path / "x.xlsx", "-o", tmp_path / "r.xlsx")
    assert other.returncode == 2 and "one file each time" not in other.stderr
    assert "unexpected extra argument" in other.stderr
