"""A glob pattern that matches folders reads them as the folders named would (as the shell
gives them when the pattern is not quoted): a month's folders by '2026-*', not "file not
found"; a pattern matching only empty folders has no workbook; a file a folder and a pattern
both find is read, or noted, once."""

from __future__ import annotations

import shutil
from pathlib import Path

from batchbooks import _made, books  # noqa: F401 - fixtures

import opsbook
from opsbook.batch import expand


def test_a_pattern_matching_folders_reads_their_workbooks(books: Path, tmp_path: Path):  # noqa: F811
    months = tmp_path / "months"
    for month, name in (("2026-10", "a1-plan.xlsx"), ("2026-11", "a2-plan.xlsx")):
        (months / month / "old").mkdir(parents=True)
        shutil.copy(books / name, months / month / name)
        shutil.copy(books / name, months / month / "old" / name)
        (months / month / "~$lock.xlsx").write_bytes(b"owner")
    pattern = str(months / "2026-*")
    files, notes = expand(pattern)
    assert [f.relative_to(months).as_posix() for f in files] == [
        "2026-10/a1-plan.xlsx", "2026-11/a2-plan.xlsx"]  # sub-folders only with recursive
    assert [(n.code, Path(n.file).parent.name) for n in notes] == [
        ("skipped-file", "2026-10"), ("skipped-file", "2026-11")]
    deep, _ = expand(pattern, recursive=True)
    assert len(deep) == 4
    report = opsbook.validate(pattern, kind="plan")
    assert report.exit_code == 0 and sorted(report.files) == sorted(map(str, files))


def test_a_pattern_matching_only_empty_folders_has_no_workbook(tmp_path: Path):
    (tmp_path / "2026-12").mkdir()
    files, notes = expand(str(tmp_path / "2026-*"))
    assert files == [] and [(n.code, n.severity) for n in notes] == [("not-a-workbook", "error")]
    missing, notes = expand(str(tmp_path / "2027-*"))
    assert [n.code for n in notes] == ["file-not-found"]


def test_a_file_found_by_a_folder_and_a_pattern_is_noted_once(books: Path):  # noqa: F811
    (books / "~$a1-plan.xlsx").write_bytes(b"owner")
    files, notes = expand([books, str(books / "*")])
    assert len(files) == len(set(files)) == 6
    assert [Path(n.file).name for n in notes] == ["~$a1-plan.xlsx"]
