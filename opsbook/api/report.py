"""``opsbook report``: a workbook's results as a summary workbook, an HTML page or a PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from opsbook.api.common import PathLike, calculate_books, check_lang, load
from opsbook.core.book import Book
from opsbook.core.issues import Report
from opsbook.core.kind import Calculation
from opsbook.core.said import Said
from opsbook.core.summary import Summary


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


def summarize(source: PathLike | Book, *, lang: str | None = None) -> Built:
    """Validate and compute a workbook, and make its report content (nothing is written).

    Raises :class:`~opsbook.api.common.NotAWorkbook` when it cannot be read and
    :class:`NoReport` when its kind has no report.
    """
    check_lang(lang)
    book = source if isinstance(source, Book) else load(source)
    kind = book.kind
    if kind.summary is None or kind.calculate is None:
        raise NoReport(f"{book.path}: {kind.en.lower()} workbooks have no report yet",
                       f"{book.path}：{kind.zh}工作簿暂无报告。")
    if lang is not None:
        book.lang = lang
    done = calculate_books(kind, [book])
    summary = kind.summary(done.result, book.lang) if done.computed else None
    return Built(done, summary, book=book)


def check_report_target(target: Path, source: Path) -> None:
    """Refuse a target of another type, or one that is the workbook itself."""
    from opsbook.reports.render import FORMATS

    if target.is_dir():
        raise CannotWriteReport(f"{target} is a folder; give the name of the report file",
                                f"{target} 是一个文件夹；请给出报告文件的名称。")
    if target.suffix.lower() not in (*FORMATS, ".htm"):
        raise CannotWriteReport(f"{target}: a report is written as {', '.join(FORMATS)}",
                                f"{target}：报告只能写成 {'、'.join(FORMATS)} 文件。")
    if target.resolve() == Path(source).resolve():
        raise CannotWriteReport(f"{target} is the workbook itself; write the report to "
                                "another file",
                                f"{target} 就是工作簿本身；请将报告写入另一个文件。")


def build_report(source: PathLike, out: PathLike | list[PathLike], *,
                 lang: str | None = None) -> Built:
    """Write the report of a workbook to ``out`` (one path or several): ``.xlsx`` (a Summary
    sheet with native charts, then the detail sheets), ``.html`` (one self-contained page)
    or ``.pdf`` (that page printed by headless Chromium), in ``lang`` (default: the
    workbook's language).

    Returns :class:`Built`; when the workbook has errors nothing is written and
    ``built.report`` lists them (exit code 1). Raises NotAWorkbook, NoReport,
    CannotWriteReport, and :class:`opsbook.reports.pdf.NoBrowser` for a PDF without Chromium.
    """
    from opsbook.reports.render import write_report

    targets = [Path(p) for p in (out if isinstance(out, list) else [out])]
    for target in targets:
        check_report_target(target, Path(source))
    built = summarize(source, lang=lang)
    if built.summary is not None:
        built.paths = [write_report(t, built.summary, built.calculation.sheets)
                       for t in targets]
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
