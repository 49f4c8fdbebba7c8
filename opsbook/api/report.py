"""``opsbook report``: a workbook's results as a summary workbook, an HTML page or a PDF."""

from __future__ import annotations

import datetime as dt
import os
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
    paths_only,
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
              kind: str | None = None, history: Sequence[PathLike] = (),
              punches: Sequence[PathLike] = (), month: str | dt.date | None = None,
              as_of: dt.date | str | None = None) -> Built:
    """Validate and compute a workbook — or several of one kind (files, folders, glob
    patterns: the trackers of a portfolio, the attendance of every department) — and make
    its report content (nothing is written).

    ``history`` (files, folders, glob patterns of earlier cycles' workbooks) is read as
    ``opsbook appraisal score --history`` reads it, so that an appraisal's report counts the
    failed cycles, escalations and changes the results workbook shows; it is taken with one
    appraisal workbook only (:class:`NoReport` otherwise). So are the other computing
    commands' inputs: ``punches`` (punch exports) and ``month`` (YYYY-MM) as ``attendance
    summarize`` reads them, ``as_of`` (the status date, YYYY-MM-DD) as ``project status`` and
    ``plan track`` take it; each only by its kind's report (:class:`NoReport`; a ``month``
    or ``as_of`` not written so: :class:`~opsbook.api.common.Refused`, before any reading).

    Several workbooks are read through :func:`opsbook.batch.run_files` with ``options``
    (processes, progress, fail-fast; the manifest goes beside ``output``, the first when
    several are written, and lists them all); a workbook with
    errors gives no report, its errors in ``built.report``. Raises
    :class:`~opsbook.api.common.NotAWorkbook` when nothing could be read, and
    :class:`NoReport` when the kind has no report, when the workbooks are of several kinds,
    or when the kind reports on one workbook at a time (appraisal, plan) and several are
    given. ``kind`` skips detection (a workbook that fits two kinds equally).
    """
    from opsbook.api.attendance import month_of
    from opsbook.api.project import status_day

    check_lang(lang)
    history = _listed(paths_only(history, "build_report",
                                 ("the earlier cycles' workbooks", "以往周期工作簿")))
    punches = [] if punches is None else _listed(paths_only(
        punches, "build_report", ("the punch exports", "打卡导出文件"), ("files", "文件")))
    month, as_of = month_of(month), status_day(as_of)  # refused before anything is read
    if history:
        _taken(kind or "appraisal", punches=punches, month=month, as_of=as_of)
        return _with_history(source, history, lang=lang, options=options, output=output,
                             kind=kind)
    if kind is not None:
        _taken(kind, punches=punches, month=month, as_of=as_of)
    if isinstance(source, Book):
        books, read = [source], None
    else:
        # a plan's or a tracker's report is as of today: the manifest records the day, so
        # that --skip-unchanged makes tomorrow's report again
        day = {"today": dt.date.today().isoformat()} if kind in (None, "plan", "project") \
            else {}
        books, read = load_many(source, kind, options=options, command="report",
                                settings={"lang": lang, **day,
                                          **_recorded(punches, month, as_of)},
                                output=output)
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
    _taken(spec.id, punches=punches, month=month, as_of=as_of, file=book.path)
    if punches:
        from opsbook.api.attendance import read_punches
        from opsbook.core.validate import validate_books

        if read is None:  # a Book given: validated here, as calculate_books would
            read = Report(lang=book.lang)
            for checked in validate_books(books):
                read.merge(checked)
        # the year of an export's dates written without one: month, else the first
        # workbook's month setting (as attendance summarize takes it)
        logs, notes = read_punches(punches, month or next(
            (b.settings.month for b in books if b.settings.month), None))
        read.merge(notes)
        done = calculate_books(spec, books, read, month=month, punches=logs)
    elif month is not None:
        done = calculate_books(spec, books, read, month=month)
    elif as_of is not None:
        if spec.id == "project" and read is not None:  # as project status --as-of checks
            from opsbook.api.project import against_status_date

            against_status_date(books, read, as_of,
                                strict=options is not None and options.fail_fast)
        done = calculate_books(spec, books, read, as_of=as_of)
    else:
        done = calculate_books(spec, books, read)
    summary = spec.summary(done.result, lang or book.lang) if done.computed else None
    return Built(done, summary, book=book)


def _listed(paths: Sources) -> list:
    """One path or several as a list, each as given (an empty text stays one: read as no
    file, never as the current folder)."""
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)


#: The computing commands' own inputs a report takes, and the kinds that read each.
TAKEN = {"--history": ("appraisal",), "--punches": ("attendance",),
         "--month": ("attendance",), "--as-of": ("project", "plan")}


def _taken(kind: str, *, punches: list[Path], month: str | None, as_of: dt.date | None,
           file: PathLike | None = None) -> None:
    """Refuse (:class:`NoReport`) an input of a computing command given for a report of a
    kind that does not read it (``--punches`` for a project), saying whose each is."""
    from opsbook import registry

    given = {"--punches": punches, "--month": month, "--as-of": as_of}
    wrong = [name for name, value in given.items() if value and kind not in TAKEN[name]]
    if not wrong or kind not in registry.names():  # an unknown kind: refused by the reading
        return
    spec = registry.get(kind)
    where_en, where_zh = (f"{file}: ", f"{file}：") if file else ("", "")
    raise NoReport(f"{where_en}{' and '.join(wrong)} {'is' if len(wrong) == 1 else 'are'} "
                   "not taken by the report of "
                   f"{spec.en.lower()} workbooks (--history is an appraisal's, --punches and "
                   "--month an attendance's, --as-of a project's or a plan's)",
                   f"{where_zh}{spec.zh}工作簿的报告不接受 {'、'.join(wrong)}（--history 用于"
                   "绩效考核，--punches 和 --month 用于考勤，--as-of 用于项目或年度计划）。")


def _recorded(punches: list[Path], month: str | None, as_of: dt.date | None) -> dict:
    """What the manifest's settings record of these inputs (an export with its SHA-256, so
    that an edited export makes the report again under --skip-unchanged)."""
    from opsbook.api.attendance import exported

    return {**({"punches": [exported(p) for p in punches]} if punches else {}),
            **({"month": month} if month else {}),
            **({"as_of": as_of.isoformat()} if as_of else {})}


def _with_history(source: PathLike | Book | Sources, history: list[Path], *,
                  lang: str | None, options: BatchOptions | None,
                  output: PathLike | Sequence[PathLike] | None, kind: str | None) -> Built:
    """The report of one appraisal workbook scored with earlier cycles' workbooks (see
    :func:`summarize`)."""
    from opsbook import registry
    from opsbook.api.appraisal import KIND, scored

    given = [source] if isinstance(source, Book) else paths_of(source)
    spec = registry.get(KIND)
    if kind not in (None, KIND) or len(given) != 1 or \
            (not isinstance(given[0], Book) and (given[0].is_dir() or not given[0].exists()
                                                 and any(c in str(given[0]) for c in "*?["))):
        raise NoReport("--history is read by the report of one appraisal workbook: give that "
                       "workbook alone (earlier cycles go to --history)",
                       "--history 仅用于单个绩效考核工作簿的报告：请只给出该工作簿"
                       "（以往周期的工作簿用 --history 给出）。")
    try:
        done = scored(given[0], history, lang=lang, options=options, output=output,
                      command="report", with_history=False)  # sheets as without history
    except NotAWorkbook as problem:
        if problem.issue.code != "wrong-kind":
            raise
        raise NoReport(f"{problem.issue.file}: --history is read by appraisal reports only; "
                       "this is no appraisal workbook",
                       f"{problem.issue.file}：--history 仅用于绩效考核报告；此文件不是绩效考核"
                       "工作簿。") from None
    summary = spec.summary(done.result, lang or done.report.lang) if done.computed else None
    return Built(done, summary)


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
                 kind: str | None = None, history: Sequence[PathLike] = (),
                 punches: Sequence[PathLike] = (), month: str | dt.date | None = None,
                 as_of: dt.date | str | None = None) -> Built:
    """Write the report of a workbook — or of several of one kind (files, folders, glob
    patterns; see :func:`summarize`, also for ``history``, ``punches``, ``month`` and
    ``as_of``, the computing commands' inputs) — to ``out`` (one path or several): ``.xlsx`` (a
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
    read = {Path(s).resolve(): option for option, named in (("--history", history),
                                                             ("--punches", punches))
            for s in paths_of(named or []) if Path(s).is_file()}
    for target in targets:
        if target.resolve() in read:
            option = read[target.resolve()]
            raise CannotWriteReport(f"{target} is given with {option}; write the report to "
                                    "another file",
                                    f"{target} 是用 {option} 给出的文件；请将报告写入另一个"
                                    "文件。")
        check_report_target(target, *files)
    if any(t.suffix.lower() == ".pdf" for t in targets):
        from opsbook.reports.pdf import find_browser

        find_browser()  # before anything is computed or written: no report half-made
    built = summarize(sources, lang=lang, options=options, output=targets, kind=kind,
                      history=history, punches=punches, month=month, as_of=as_of)
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
