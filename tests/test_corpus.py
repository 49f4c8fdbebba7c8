"""validate over real files other programs wrote, kept in other readers' test suites.

The corpus lives beside the checkout (``../shared/corpus``, about 160 files from the test
suites of calamine and fastexcel; never copied into this project). ``OPSBOOK_CORPUS`` names
another folder. Every file must get a report — a clean read, located issues or one file
issue in words a user understands — alone and in one folder run, and no byte may change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import sha256

import opsbook
from opsbook.batch import BatchOptions
from opsbook.io.read import UNEXPECTED, WORKBOOK_SUFFIXES, read_book

CORPUS = Path(os.environ.get("OPSBOOK_CORPUS")
              or Path(__file__).resolve().parents[2] / "shared" / "corpus")
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []
WORKBOOKS = [p for p in FILES if p.suffix.lower() in WORKBOOK_SUFFIXES]

needs_corpus = pytest.mark.skipif(not WORKBOOKS, reason=f"no corpus of real files at {CORPUS}")


def no_surprise(report: opsbook.Report) -> None:
    """Every issue tells a user something: no unexpected failure, no reader's own text."""
    for issue in report.issues:
        assert issue.params.get("detail") != UNEXPECTED[0], (issue.file, issue.params)
        message = issue.message("en")
        assert "Error:" not in message and "EOCD" not in message, message


@needs_corpus
@pytest.mark.parametrize("path", WORKBOOKS, ids=[p.name for p in WORKBOOKS])
def test_every_real_file_alone_gets_a_report_and_is_not_changed(path):
    before = sha256(path)
    report = opsbook.validate(path)
    assert report.files == [str(path)] or {i.file for i in report.issues} == {str(path)}
    no_surprise(report)
    assert sha256(path) == before


@needs_corpus
def test_the_corpus_as_one_folder_reports_every_file(tmp_path):
    before = {p: sha256(p) for p in FILES}
    report = opsbook.validate(CORPUS, options=BatchOptions(jobs=4, recursive=True))
    named = set(report.files) | {i.file for i in report.issues}
    assert {str(p) for p in FILES} <= named
    no_surprise(report)
    json_text = report.to_json()
    assert all(str(p) in json_text for p in WORKBOOKS)
    assert {p: sha256(p) for p in FILES} == before


@needs_corpus
@pytest.mark.parametrize("name, codes", [
    # a workbook part at the package root, and part names with backslashes: read
    ("tests__minimal_package.xlsx", ["unknown-kind"]),
    ("tests__issue_530.xlsx", ["unknown-kind"]),
    # write-protected .xls (Excel's default password): opened, with a note
    ("tests__issue_385.xls", ["write-protected", "unknown-kind"]),
    # a real password
    ("tests__pass_protected.xlsx", ["password-protected"]),
])
def test_known_real_files(name, codes):
    path = next((p for p in WORKBOOKS if p.name == name), None)
    if path is None:
        pytest.skip(f"{name} is not in this corpus")
    if codes[0] == "write-protected":  # said before the kind is looked for
        book_notes = read_book(path).notes
        assert [i.code for i in book_notes] == ["write-protected"]
        codes = codes[1:]
    assert [i.code for i in opsbook.validate(path).issues] == codes
