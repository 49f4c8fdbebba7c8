"""opsbook.project_status takes the trackers' paths; anything else — a Book already loaded,
a number, None — is refused in words in English and Chinese (a ValueError, before any file
is read), never a KeyError ("0 is not a sheet of the project tracker workbook") or a
TypeError from inside the reading. Paths given as one path, a list, a tuple or a generator
are read alike."""

from __future__ import annotations

import pytest

import opsbook
from opsbook.api.common import Refused


def test_a_book_is_refused_in_words(tmp_path):
    path = opsbook.new_workbook("project", "en", tmp_path / "t.xlsx", sample=True)
    book = opsbook.load(path)
    for given in (book, [book], [path, book]):
        with pytest.raises(Refused) as caught:
            opsbook.project_status(given)
        assert str(caught.value) == (
            "project_status takes the trackers' paths (files, folders or glob patterns), got "
            "Book: give the file (for a Book, its book.path)")
        assert caught.value.zh == (
            "project_status 需要项目跟踪表的路径（文件、文件夹或通配符），"
            "当前为 Book：请传入文件路径（已读入的 Book 请传入 book.path）。")


@pytest.mark.parametrize(("given", "what"), [(None, "NoneType"), (3, "int"), ([None], "NoneType")])
def test_no_path_is_refused_in_words(given, what):
    with pytest.raises(ValueError, match=f"got {what}: give the file"):
        opsbook.project_status(given)


def test_paths_in_any_container(tmp_path):
    path = opsbook.new_workbook("project", "en", tmp_path / "t.xlsx", sample=True)
    counts = {len(opsbook.project_status(given).result.status)
              for given in (path, str(path), [path], (str(path),), (p for p in [path]))}
    assert counts == {4}
    with pytest.raises(ValueError, match="no input"):
        opsbook.project_status([])


def test_frames_have_the_documented_columns(tmp_path):
    """The README's list of the status frame's columns, each there; the task frame's
    figures likewise; a share as a fraction, notes as codes, RAG as words or ""."""
    path = opsbook.new_workbook("project", "en", tmp_path / "t.xlsx", sample=True)
    result = opsbook.project_status([path]).result
    documented = ["project_id", "name", "owner", "phase", "bac", "pv", "ev", "ac", "sv", "cv",
                  "spi", "cpi", "eac_cpi", "eac_remaining", "eac_cpi_spi", "eac", "etc", "vac",
                  "tcpi", "rag", "percent_complete", "planned_finish", "forecast_finish",
                  "overdue_tasks", "open_risks", "top_risk_score", "deviations_covered",
                  "notes", "source", "status_date"]
    assert [c for c in documented if c not in result.status.columns] == []
    assert [c for c in documented[4:20] if c not in result.tasks.columns] == []
    assert "task_id" in result.tasks.columns and result.heat.shape == (5, 5)
    assert result.status["percent_complete"].between(0, 1).all()
    assert set(result.status["rag"]) <= {"green", "amber", "red", ""}
    assert "budget-spent" in result.status["notes"].tolist()  # P-104: TCPI blank
