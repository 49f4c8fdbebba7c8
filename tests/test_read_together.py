"""Workbooks read together (each field typed over every file at once) read exactly as each
read alone: the same Books, frames and issues, whatever else is in the group."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import quirkbooks

from opsbook.api.common import load_books, read_steps
from opsbook.core.book import Book
from opsbook.core.issues import Issue


def _same(together: Book | Issue, alone: Book | Issue) -> None:
    assert type(together) is type(alone)
    if isinstance(alone, Issue):
        assert together == alone
        return
    assert together.kind.id == alone.kind.id and together.lang == alone.lang
    assert together.issues == alone.issues
    assert together.settings == alone.settings
    assert list(together.tables) == list(alone.tables)
    for sheet_id, table in alone.tables.items():
        other = together.tables[sheet_id]
        assert (other.header_row, other.columns, other.extras) == \
            (table.header_row, table.columns, table.extras)
        pd.testing.assert_frame_equal(other.frame, table.frame)


def test_every_quirk_reads_the_same_together_as_alone(tmp_path: Path):
    paths = [quirkbooks.build(name, tmp_path / f"{name}.xlsx") for name in quirkbooks.QUIRKS]
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(b"PK\x03\x04 not really a workbook")
    paths.insert(len(paths) // 2, corrupt)
    together = load_books(paths)
    assert len(together) == len(paths)
    for path, book in zip(paths, together):
        _same(book, load_books([path])[0])
    assert isinstance(together[len(paths) // 2], Issue)
    kinds = {b.kind.id for b in together if isinstance(b, Book)}
    assert kinds == {"appraisal", "attendance", "project", "plan"}


def test_one_kind_together_keeps_each_file_its_own_findings(tmp_path: Path):
    """Plans with repeated item ids, a missing column and extra columns, read as a group:
    a repeat is only a repeat within its own file, and each finding names its own file."""
    names = ["valid-plan", "quarters-mismatch", "missing-column", "extra-columns"]
    paths = []
    for name in names:
        if name in quirkbooks.QUIRKS:
            paths.append(quirkbooks.build(name, tmp_path / f"{name}.xlsx"))
    twin = tmp_path / "valid-plan-copy.xlsx"
    shutil.copy(paths[0], twin)
    paths.append(twin)
    outcomes = read_steps(paths, "plan")
    assert [o.report.files for o in outcomes] == [[str(p)] for p in paths]
    for path, outcome in zip(paths, outcomes):
        assert all(i.file == str(path) for i in outcome.report.issues)
        alone = read_steps([path], "plan")[0]
        assert outcome.report.issues == alone.report.issues
    # the same item ids in two files are no duplicate: each file alone is valid
    assert outcomes[0].report.valid and outcomes[-1].report.valid
    assert not any(i.code == "duplicate-key" for o in outcomes for i in o.report.issues)


def test_books_checked_together_keep_their_own_settings(tmp_path: Path):
    """Three plans checked as one group: each rule applies each book's own settings (its
    year, its additive units) and its own references, as when checked alone."""
    from opsbook.core.validate import validate_book, validate_books

    plans = {"base": quirkbooks.base("plan")}
    plans["last-year"] = quirkbooks.base("plan")
    plans["last-year"]["Settings"][1] = ["year", 2026]
    plans["percent"] = quirkbooks.base("plan")
    plans["percent"]["Settings"].append(["additive_units", "%, 万元"])
    paths = [quirkbooks.write(tmp_path / f"{name}.xlsx", sheets) for name, sheets in plans.items()]
    books = load_books(paths, "plan")
    together = validate_books(books)
    assert [r.issues for r in together] == [validate_book(b).issues for b in books]
    codes = [sorted(i.code for i in r.issues if i.severity == "error") for r in together]
    assert codes[0] == []
    assert codes[1] == ["outside-year"] * 4  # start and end of both items, only there
    assert codes[2] == ["quarters-mismatch"]  # 90 % four times is not 90 % a year
    assert together[2].issues[0].row == 3 and together[2].issues[0].file == str(paths[2])


def test_a_sheet_without_a_column_and_with_an_extra_one(tmp_path: Path):
    """A plan without its Budget column and with a column of its own: the missing field reads
    as blanks, the extra column is kept under its header, each in the sheet's own rows."""
    sheets = quirkbooks.base("plan")
    header = sheets["Plan"][0]
    at = header.index("Budget")
    for row in sheets["Plan"]:
        del row[at]
    header.append("budget_id")
    for row in sheets["Plan"][1:]:
        row.append("见附件")
    path = quirkbooks.write(tmp_path / "odd-extra.xlsx", sheets)
    (book,) = load_books([path], "plan")
    assert isinstance(book, Book)
    frame = book["Plan"]
    assert frame["budget"].isna().all()
    assert frame["budget_id"].tolist() == ["见附件", "见附件"]


def test_a_task_repeated_within_its_project_only(tmp_path: Path):
    """The WBS code is unique within a project (a composite key) and within its own file:
    the repeat in the same project is found, naming the row of the first; the same code in
    another project (the sample's P-2 has a 1.1 too) or in another file is no repeat; read
    together as alone."""
    sheets = quirkbooks.base("project")
    tasks = sheets["Tasks"]
    first = tasks[1]
    assert [row[:2] for row in tasks[1:]].count(["P-2", first[1]]) == 1
    tasks.append([first[0], first[1], "重复的任务", *first[3:]])  # same project, same WBS
    repeated = quirkbooks.write(tmp_path / "repeated.xlsx", sheets)
    clean = quirkbooks.write(tmp_path / "clean.xlsx", quirkbooks.base("project"))
    outcomes = read_steps([repeated, clean], "project")
    found = [i for i in outcomes[0].report.issues if i.code == "duplicate-key"]
    assert [(i.row, i.cell, i.value, i.params["other"]) for i in found] == [
        (len(tasks), f"B{len(tasks)}", first[1], 2)]
    assert not any(i.code == "duplicate-key" for i in outcomes[1].report.issues)
    assert outcomes[0].report.issues == read_steps([repeated], "project")[0].report.issues
