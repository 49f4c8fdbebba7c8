"""The functions behind ``opsbook.load`` and ``opsbook.validate``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Union

from opsbook.core.book import Book, build_book, detect_kind
from opsbook.core.issues import Issue, Report
from opsbook.core.validate import validate_book
from opsbook.io.read import FileProblem, format_note, read_raw, workbook_files
from opsbook.kinds import get, kinds

PathLike = Union[str, "os.PathLike[str]"]


class NotAWorkbook(Exception):
    """Raised by :func:`load` when a file cannot be read as a standard workbook."""

    def __init__(self, issue: Issue):
        super().__init__(issue.message())
        self.issue = issue


def load(path: PathLike, kind: str | None = None) -> Book:
    """Read a standard workbook: one typed DataFrame per sheet, its settings and read issues.

    Raises :class:`NotAWorkbook` when the file cannot be read at all or is of no known kind.
    """
    path = Path(path)
    try:
        raw, fmt = read_raw(path)
    except FileProblem as problem:
        raise NotAWorkbook(problem.issue) from None
    spec = get(kind) if kind else detect_kind(raw, kinds())
    if spec is None:
        raise NotAWorkbook(Issue("unknown-kind", file=str(path)))
    book = build_book(raw, spec, file=str(path), format=fmt)
    note = format_note(path, fmt)
    if note is not None:
        book.issues.insert(0, note)
    return book


def validate(source: PathLike | Book | Iterable[PathLike], kind: str | None = None, *,
             jobs: int = 1, on_file: Callable[[Path], None] | None = None) -> Report:
    """Validate a Book, a file, a folder or several of them; one Report for all.

    A file that cannot be read comes back as a Report with one issue, not an exception.
    ``jobs`` > 1 checks files in that many processes; ``on_file`` is told of each file.
    """
    if isinstance(source, Book):
        return validate_book(source)
    paths = [Path(source)] if isinstance(source, (str, os.PathLike)) else [Path(p) for p in source]
    report = Report()
    files: list[Path] = []
    for path, skipped in workbook_files(paths):
        if skipped is not None:
            report.issues.append(skipped)
        else:
            files.append(path)
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(validate_file, files, [kind] * len(files)))
    else:
        parts = []
        for path in files:
            if on_file is not None:
                on_file(path)
            parts.append(validate_file(path, kind))
    for part in parts:
        report.merge(part)
    if not files and not report.issues:
        report.issues.append(Issue("not-a-workbook", file=str(paths[0]) if paths else None,
                                   params={"detail": "no workbook found"}))
    langs = [part.lang for part in parts if part.readable]
    # the run's own language (summaries): the most common, ties going to the earliest file
    report.lang = max(langs, key=lambda lang: (langs.count(lang), -langs.index(lang)),
                      default="en")
    return report


def validate_file(path: Path, kind: str | None = None) -> Report:
    """The Report of one file; a file that cannot be read gives a Report with one issue."""
    try:
        book = load(path, kind)
    except NotAWorkbook as error:
        return Report(issues=[error.issue], files=[str(path)])
    return validate_book(book)
