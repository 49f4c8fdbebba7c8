"""``opsbook report``: a workbook's results as a summary workbook, an HTML page or a PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from opsbook.api.common import (
    NotAWorkbook,
    PathLike,
    Sources,
    calculate_books,
    check_lang,
    load,
    load_many,
    paths_of,
    unknown_kind,
)
from opsbook.core.book import Book
from opsbook.core.issues import Report
from opsbook.core.kind import Calculation
from opsbook.core.said import Said
from opsbook.core.summary import Summary

if TYPE_CHECKING:
    from opsbook.batch import BatchOptions


class NoReport(Said, ValueError):
    """The workbook's kind has no report yet."""


class CannotWriteReport(Said, ValueError):
    """The report cannot be written as asked (its type, or over the workbook itself)."""


@dataclass
class Built:
    """A report made from a workbook: the calculation behind it, its content, the files.

    ``summary`` is None (and nothing is written) when the workbook has errors; the
    calculation's report says which.
    """

    calculation: Calculation
    summary: Summary | None = None
    paths: list[Path] = field(default_factory=list)
    book: Book | None = None

    @property
    def report(self) -> Report:
        return self.calculation.report

    @property
    def exit_code(self) -> int:
        return self.calculation.exit_code


def summarize(source: PathLike | Book | Sources, *, lang: str | None = None,
              options: BatchOptions | None = None,
              output: PathLike | Sequence[PathLike] | None = None,
              kind: str | None = None) -> Built:
    """Validate and compute a workbook — or several of one kind (files, folders, glob
    patterns: the trackers of a portfolio, the attendance of every department) — and make
    its report content (nothing is written).

    Several workbooks are read through :func:`opsbook.batch.run_files` with ``options``
    (processes, progress, fail-fast; the manifest goes beside ``output``, the first when
    several are written, and lists them all); a workbook with
    errors gives no report, its errors in ``built.report``. Raises
    :class:`~opsbook.api.common.NotAWorkbook` when nothing could be read, and
    :class:`NoReport` when the kind has no report, when the workbooks are of several kinds,
    or when the kind reports on one workbook at a time (appraisal, plan) and several are
    given. ``kind`` skips detection (a workbook that fits two kinds equally).
    """
    check_lang(lang)
    if isinstance(source, Book):
        books, read = [source], None
    else:
        # a plan's or a tracker's report is as of today: the manifest records the day, so
        # that --skip-unchanged makes tomorrow's report again
        day = {"today": dt.date.today().isoformat()} if kind in (None, "plan", "project") \
            else {}
        books, read = load_many(source, kind, options=options, command="report",
                                settings={"lang": lang, **day}, output=output)
        if not books:
            # a result opsbook wrote is said as such (an info note in a batch of many)
            raise NotAWorkbook(next((i for i in read.issues if i.severity == "error"
                                     or i.code == "output-workbook"), None)
                               or unknown_kind(None))
    kinds = {b.kind.id: b.kind for b in books}
    if len(kinds) > 1:
        raise _several_kinds(books)
    book = books[0]
    spec = book.kind
    if spec.summary is None or spec.calculate is None:
        raise NoReport(f"{book.path}: {spec.en.lower()} workbooks have no report yet",
                       f"{book.path}：{spec.zh}工作簿暂无报告。")
    if lang is not None:
        for each in books:
            each.lang = lang
    if spec.one_book and len(books) > 1:
        raise NoReport(f"{spec.en} reports are made from one workbook at a time; "
                       f"{len(books)} were given",
                       f"{spec.zh}报告每次只能由一个工作簿生成；这里给出了 {len(books)} 个。")
    done = calculate_books(spec, books, read)
    summary = spec.summary(done.result, lang or book.lang) if done.computed else None
    return Built(done, summary, book=book)


def _several_kinds(books: list[Book]) -> NoReport:
    """The refusal of workbooks of several kinds, each kind with its files (in the order
    given), so the one that does not belong can be found."""
    files: dict[str, list[str]] = {}
    for each in books:
        files.setdefault(each.kind.id, []).append(str(each.path))
    kinds = {b.kind.id: b.kind for b in books}
    en = ", ".join(f"{kinds[k].en.lower()} ({', '.join(f)})" for k, f in files.items())
    zh = "、".join(f"{kinds[k].zh}（{'、'.join(f)}）" for k, f in files.items())
    return NoReport(f"one report is made from workbooks of one kind; these are {en}",
                    f"一份报告只能由同一类型的工作簿生成；这些工作簿分属{zh}。")


def check_report_target(target: Path, *sources: Path) -> None:
    """Refuse a target of another type, one that is one of the workbooks read, one open
    in Excel (CannotWriteReport), or a file of the user's there
    (:class:`~opsbook.api.workbook.CannotWrite`): an .xlsx as
    :func:`~opsbook.api.workbook.check_replaceable` tells it, a page or PDF that is no
    report opsbook wrote (:func:`~opsbook.reports.render.is_report_page`)."""
    from opsbook.api.workbook import CannotWrite, check_not_open, check_replaceable
    from opsbook.reports.render import FORMATS, is_report_page

    if target.is_dir():
        raise CannotWriteReport(f"{target} is a folder; give the name of the report file",
                                f"{target} 是一个文件夹；请给出报告文件的名称。")
    folder = next((p for p in target.parents if p.exists()), None)
    if folder is not None and not folder.is_dir():  # said as -o, not as the manifest beside
        raise CannotWriteReport(f"{target} cannot be written: {folder} is a file, not a folder",
                                f"{target} 无法写入：{folder} 是文件，不是文件夹。")
    if target.suffix.lower() not in (*FORMATS, ".htm"):
        raise CannotWriteReport(f"{target}: a report is written as {', '.join(FORMATS)}",
                                f"{target}：报告只能写成 {'、'.join(FORMATS)} 文件。")
    if any(target.resolve() == Path(source).resolve() for source in sources):
        raise CannotWriteReport(f"{target} is the workbook itself; write the report to "
                                "another file",
                                f"{target} 就是工作簿本身；请将报告写入另一个文件。")
    check_not_open(target, copy_option=False)
    if target.suffix.lower() == ".xlsx":  # a report workbook replaces only what opsbook wrote
        check_replaceable(target)
    elif target.is_file() and target.stat().st_size and not is_report_page(target):
        raise CannotWrite(f"{target}: this {target.suffix.lower().lstrip('.')} file is not a "
                          "report opsbook wrote, so it is not replaced: give the report "
                          "another file name",
                          f"{target}：该 {target.suffix.lower().lstrip('.')} 文件不是 opsbook "
                          "生成的报告，不会被覆盖；请为报告另指定一个文件名。")


def build_report(sources: PathLike | Sources, out: PathLike | list[PathLike], *,
                 lang: str | None = None, options: BatchOptions | None = None,
                 kind: str | None = None) -> Built:
    """Write the report of a workbook — or of several of one kind (files, folders, glob
    patterns; see :func:`summarize`) — to ``out`` (one path or several): ``.xlsx`` (a
    Summary sheet with native charts, then the detail sheets), ``.html`` (one
    self-contained page) or ``.pdf`` (that page printed by headless Chromium), in ``lang``
    (default: the workbook's language).

    Returns :class:`Built`; when a workbook has errors nothing is written and
    ``built.report`` lists them (exit code 1). Raises NotAWorkbook, NoReport,
    CannotWriteReport (also for an empty ``out``: use :func:`summarize` for the content
    alone), CannotWrite (an .xlsx of the user's at ``out``),
    :class:`opsbook.reports.pdf.NoBrowser` for a PDF without Chromium
    (before anything is read or written) and :class:`~opsbook.reports.pdf.BrowserFailed`
    when Chromium prints nothing.
    """
    from opsbook.batch.manifest import settle
    from opsbook.reports.render import write_report

    given = [Path(p) for p in (out if isinstance(out, list) else [out])]
    # one file named twice (report.html and ./report.html) is written, and said, once
    targets = [path for at, path in enumerate(given)
               if path.resolve() not in {p.resolve() for p in given[:at]}]
    if not targets:  # before anything is read: a report nobody will see is no report
        raise CannotWriteReport("no report file given; name one or more (.xlsx, .html, .pdf)",
                                "未给出报告文件；请指定一个或多个（.xlsx、.html、.pdf）。")
    files = [Path(s) for s in paths_of(sources) if Path(s).is_file()]
    for target in targets:
        check_report_target(target, *files)
    if any(t.suffix.lower() == ".pdf" for t in targets):
        from opsbook.reports.pdf import find_browser

        find_browser()  # before anything is computed or written: no report half-made
    built = summarize(sources, lang=lang, options=options, output=targets, kind=kind)
    if built.summary is not None:
        built.paths = [write_report(t, built.summary, built.calculation.sheets)
                       for t in targets]
        settle(targets[0])  # the run's manifest, beside the (first) report
    return built


def demo(folder: Path, samples: dict[str, Path], say: Callable[[str], None]) -> int:
    """The demo's report step: every kind with a report, as .xlsx, .html and .pdf (the PDF
    only where Chromium is installed); returns the worst exit code."""
    from opsbook.reports.pdf import NoBrowser, find_browser

    code = 0
    for sample in samples.values():
        book = load(sample)
        if book.kind.summary is None or book.kind.calculate is None:
            continue
        suffixes = [".xlsx", ".html"]
        try:
            find_browser()
            suffixes.append(".pdf")
        except NoBrowser as missing:
            say(f"· report: no PDF ({missing})")
        targets = [folder / f"{sample.stem}.report{suffix}" for suffix in suffixes]
        built = build_report(sample, targets)
        say(f"· report {sample.name} → {', '.join(p.name for p in built.paths)}")
        code = max(code, built.exit_code)
    return code


__all__ = ["Built", "CannotWriteReport", "NoReport", "build_report", "summarize"]
