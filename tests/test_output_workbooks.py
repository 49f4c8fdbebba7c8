"""A result opsbook wrote (a status, a summary, a tracking or report workbook) is never read
as an input: in a folder it is skipped with a note, named alone it is refused in words, and a
workbook with its results written into it is still an input."""

from __future__ import annotations

import subprocess
import sys

import pytest

import opsbook
from opsbook.api import NotAWorkbook, load, new_workbook, write_output


@pytest.fixture
def folder(tmp_path):
    trackers = tmp_path / "trackers"
    trackers.mkdir()
    new_workbook("project", "en", trackers / "tracker.xlsx", sample=True)
    done = opsbook.project_status(trackers / "tracker.xlsx")
    write_output(trackers / "status-last-week.xlsx", done.sheets)
    return trackers


def test_a_status_workbook_is_not_a_tracker(folder):
    with pytest.raises(NotAWorkbook) as refused:
        load(folder / "status-last-week.xlsx")
    assert refused.value.issue.code == "output-workbook"
    assert "project tracker" in refused.value.issue.message("en")
    assert "结果工作簿" in refused.value.issue.message("zh")


def test_in_a_folder_it_is_skipped_with_a_note(folder, tmp_path):
    done = subprocess.run([sys.executable, "-m", "opsbook.cli", "project", "status", str(folder),
                           "-o", str(tmp_path / "status.xlsx"), "--quiet", "--lang", "en"],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode in (0, 1), done.stderr
    assert "[output-workbook]" in done.stdout and "status-last-week.xlsx" in done.stdout
    assert "[missing-sheet]" not in done.stdout and "[duplicate-project]" not in done.stdout


def test_a_workbook_with_its_results_written_in_is_still_an_input(tmp_path):
    path = tmp_path / "project.xlsx"
    new_workbook("project", "en", path, sample=True)
    opsbook.calculate(path)
    assert load(path).kind.id == "project"
