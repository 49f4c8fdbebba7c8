"""A glob pattern through a folder whose name holds brackets (``2026[Q1]``): the brackets
are taken as written when the pattern as a pattern matches nothing."""

from __future__ import annotations

from pathlib import Path

import opsbook
from opsbook.api import new_workbook
from opsbook.batch import BatchOptions, expand


def test_a_folder_named_with_brackets_is_read_through_a_pattern(tmp_path: Path):
    folder = tmp_path / "2026[Q1]"
    book = new_workbook("plan", "zh", folder / "sales.xlsx", sample=True, seed=1)
    (folder / "notes.txt").write_text("minutes", encoding="utf-8")
    files, notes = expand(str(folder / "*.xlsx"))
    assert files == [book] and notes == []
    report = opsbook.validate(str(folder / "*"), options=BatchOptions(jobs=1))
    assert report.files == [str(book)] and report.valid
    assert [i.code for i in report.issues] == ["skipped-file"]


def test_brackets_that_match_stay_a_pattern(tmp_path: Path):
    for name in ("a1.xlsx", "b1.xlsx", "c1.xlsx"):
        new_workbook("plan", "en", tmp_path / name, sample=True, seed=1)
    files, _ = expand(str(tmp_path / "[ab]1.xlsx"))
    assert [f.name for f in files] == ["a1.xlsx", "b1.xlsx"]
    files, notes = expand(str(tmp_path / "[xy]1.xlsx"))
    assert files == [] and [n.code for n in notes] == ["file-not-found"]


def test_an_empty_path_is_no_file_not_the_current_folder(tmp_path: Path, monkeypatch):
    new_workbook("plan", "en", tmp_path / "here.xlsx", sample=True, seed=1)
    monkeypatch.chdir(tmp_path)
    files, notes = expand(["", "here.xlsx"])
    assert files == [Path("here.xlsx")] and [n.code for n in notes] == ["file-not-found"]
    report = opsbook.validate("", options=BatchOptions(jobs=1))
    assert report.exit_code == 2 and report.files == []


def test_a_pipeline_input_that_is_an_empty_path_is_refused(tmp_path: Path):
    from batchbooks import pipeline_refused

    error = pipeline_refused(tmp_path, 'kind = "plan"\ninputs = ["plans/", ""]\n'
                                       '[[steps]]\nstep = "validate"\n')
    assert [(p.line, p.key) for p in error.problems] == [(2, "inputs")]
    assert "empty path" in str(error) and "空路径" in error.zh


def test_a_source_naming_nothing_says_why(tmp_path: Path, monkeypatch):
    """A pattern matching no file and an empty path are each told for what they are, in
    both languages (a missing file is just not found, when it is read)."""
    monkeypatch.chdir(tmp_path)
    _, notes = expand(["nomatch/*.xlsx", ""])
    said = {n.file: (n.message("en"), n.message("zh")) for n in notes}
    assert said["nomatch/*.xlsx"] == ("File not found: no file matches the pattern.",
                                      "找不到文件：没有与该模式匹配的文件。")
    assert said['""'] == ("File not found: an empty path names no file.",
                          "找不到文件：空路径不指向任何文件。")
