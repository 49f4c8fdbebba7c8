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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_listed_as_skipped_in_its_own_language_and_not_counted_for_the_run(tmp_path, lang):
    """A result is listed "skipped", never "valid" (nothing in it was checked), in the
    language of its sheets; it does not decide the run's language either."""
    other = "zh" if lang == "en" else "en"
    new_workbook("project", other, tmp_path / "tracker.xlsx", sample=True)
    done = opsbook.project_status(tmp_path / "tracker.xlsx")
    for result in ("a-status.xlsx", "a2-status.xlsx", "a3-status.xlsx"):
        write_output(tmp_path / result, done.sheets)  # statuses in the tracker's language
    new_workbook("project", lang, tmp_path / "b.xlsx", sample=True)
    new_workbook("project", lang, tmp_path / "c.xlsx", sample=True)
    made = opsbook.project_status(tmp_path / "b.xlsx")
    write_output(tmp_path / "d-status.xlsx", made.sheets)
    shown = subprocess.run([sys.executable, "-m", "opsbook.cli", "validate", str(tmp_path),
                            "--quiet"], capture_output=True, text=True, encoding="utf-8")
    lines = shown.stdout.splitlines()
    skipped = {"en": ": - skipped", "zh": "：- 已跳过"}
    assert any(line.endswith(f"a-status.xlsx{skipped[other]}") for line in lines), lines
    assert any(line.endswith(f"d-status.xlsx{skipped[lang]}") for line in lines), lines
    assert not any(("status.xlsx: ✓" in line or "status.xlsx：✓" in line) for line in lines)
    # two inputs in ``lang``, one input and three results in the other: the totals in ``lang``
    assert lines[-1].startswith("共 7 个文件" if lang == "zh" else "7 file(s)")
