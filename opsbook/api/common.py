"""What every command shares: reading workbooks into Books, validating, computing, writing.

Files are read here and in ``opsbook.io`` only; a kind's computation gets Books and frames.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Collection, Iterable, Sequence, Union

from opsbook import registry
from opsbook.api.arguments import (  # noqa: F401 - the API's own names too
    batch_options,
    given,
    paths_only,
)
from opsbook.batch.run import Outcome
from opsbook.core.book import (
    Book,
    best_kinds,
    build_book,
    build_books,
    detect_kind,
    fits,
    kind_score,
    output_kind,
)
from opsbook.core.headers import is_chinese
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation, Kind
from opsbook.core.output import SheetOut
from opsbook.core.said import Refused, check_lang  # noqa: F401 - the API's own names too
from opsbook.core.table import RawSheet
from opsbook.core.validate import validate_book, validate_books
from opsbook.io.read import FileProblem, failed_file, format_note, read_book

if TYPE_CHECKING:
    from opsbook.batch import BatchOptions

PathLike = Union[str, "os.PathLike[str]"]
Sources = Union[PathLike, Iterable[PathLike]]


class NotAWorkbook(Exception):
    """Raised by :func:`load` when a file cannot be read as a standard workbook; ``issue``
    says why (its code is one of the ``file`` category). The message names the file; ``zh``
    says the same in Chinese."""

    def __init__(self, issue: Issue):
        where = f"{issue.file}: " if issue.file else ""
        en, zh = issue.message("en"), issue.message("zh")
        if issue.code == "output-workbook":  # refused here, not skipped as in a folder
            en, zh = en.removeprefix("Skipped: "), zh.removeprefix("已跳过：")
        super().__init__(where + en)
        self.zh = (f"{issue.file}：" if issue.file else "") + zh
        self.issue = issue


def not_read(main: str, issues: Iterable[Issue]) -> NotAWorkbook:
    """The NotAWorkbook of the one workbook ``main`` a command reads, when a run of its
    files did not read it, from the run's ``issues``: an error (a lock file, a damaged
    file), else the note that skipped it (a result opsbook wrote), else ``file-not-found``
    (a glob naming no file is no workbook at that path)."""
    issues = list(issues)
    return NotAWorkbook(next((i for i in issues if i.severity == "error"), next(
        (i for i in issues if i.file == main), Issue("file-not-found", file=main))))


def kind_of(kind: str | Kind | None) -> Kind | None:
    """A Kind from its id (ValueError for an unknown one), a Kind, or None for "detect"."""
    if kind is None or isinstance(kind, Kind):
        return kind
    return registry.get(kind)


def book_from_sheets(raw: list[RawSheet], name: str, kind: str | Kind | None = None, *,
                     format: str = "xlsx") -> Book | Issue:
    """Raw sheets read as a Book of ``kind`` (detected when None), or the ``unknown-kind``
    Issue when they fit no kind."""
    spec = kind_for(raw, name, kind_of(kind))
    if isinstance(spec, Issue):
        return spec
    return build_book(raw, spec, file=name, format=format)


def kind_for(raw: list[RawSheet], name: str | None, kind: Kind | None) -> Kind | Issue:
    """The kind to read raw sheets as: ``kind`` when given, else the one detected; or the
    Issue saying why they are read as none (``output-workbook``: a result opsbook wrote;
    ``wrong-kind``: another kind's workbook, which fits that kind better than ``kind``;
    ``ambiguous-kind``: they fit several kinds equally; ``unknown-kind``: they fit none)."""
    kinds = registry.kinds()
    said = "zh" if any(is_chinese(s.name) for s in raw) else "en"  # as its sheets are named
    made = output_kind(raw, kinds)
    if made is not None:
        return Issue("output-workbook", "info", file=name,
                     params={"what": made.en.lower(), "what_zh": made.zh, "lang": said})
    if kind is not None:
        if fits(raw, kind, exactly=True) and not _foreign(raw, kind, kinds):
            return kind
        other = detect_kind(raw, kinds)
        if other is None or other.id == kind.id or (
                fits(raw, kind) and kind_score(raw, other) <= kind_score(raw, kind)):
            return kind  # a workbook of the kind with faults: its missing sheets say what
        told = recognized(raw, name, kinds)
        if told is not None:
            return told
        return Issue("wrong-kind", file=name, params={
            "expected": kind.en.lower(), "expected_zh": kind.zh,
            "found": other.en.lower(), "found_zh": other.zh, "kind": other.id, "lang": said})
    best = best_kinds(raw, kinds)
    if len(best) != 1:
        told = recognized(raw, name, kinds)
        if told is not None:
            return told
    if len(best) > 1:
        return Issue("ambiguous-kind", file=name, params={
            "kinds": " or ".join(k.en.lower() for k in best),
            "kinds_zh": "或".join(k.zh for k in best),
            "ids": " / ".join(k.id for k in best), "lang": said})
    if best:
        return best[0]
    unknown = unknown_kind(name)
    unknown.params["lang"] = said
    return unknown


def recognized(raw: list[RawSheet], name: str | None, kinds: dict[str, Kind]) -> Issue | None:
    """What a kind's ``recognize`` tells of sheets that no kind reads as they are (a punch
    export given as a workbook), the first kind's that knows them; else None."""
    for kind in kinds.values():
        told = kind.recognize(raw, name) if kind.recognize is not None else None
        if told is not None:
            return told
    return None


def _foreign(raw: list[RawSheet], kind: Kind, kinds: dict[str, Kind]) -> bool:
    """Whether a sheet is named as another kind's input sheet that ``kind`` does not have
    (an appraisal workbook's Scores, given to a command that reads attendance)."""
    return any(kind.sheet_by_name(name) is None
               and any(k.sheet_by_name(name) is not None for k in kinds.values())
               for name in (s.name.strip() for s in raw))


def unknown_kind(name: str | None) -> Issue:
    """The issue of a workbook that fits no kind, naming the kinds there are."""
    kinds = registry.kinds().values()
    return Issue("unknown-kind", file=name,
                 params={"kinds": ", ".join(k.en.lower() for k in kinds),
                         "kinds_zh": "、".join(k.zh for k in kinds)})


def load(path: PathLike, kind: str | Kind | None = None) -> Book:
    """Read a standard workbook: one typed DataFrame per sheet, its settings and read issues.

    Raises :class:`NotAWorkbook` when the file cannot be read at all, is of no known kind or
    is a result opsbook wrote (``output-workbook``), and ValueError for an unknown ``kind``.
    """
    book = load_books([Path(path)], kind)[0]
    if isinstance(book, Issue):
        raise NotAWorkbook(book)
    return book


def load_books(paths: Sequence[Path], kind: str | Kind | None = None) -> list[Book | Issue]:
    """Several workbooks read together (the files of each kind typed at once, see
    :func:`opsbook.core.book.build_books`): for each path, in order, its Book or the Issue
    saying why it cannot be read (not a workbook, of no known kind). ValueError for an
    unknown ``kind``."""
    spec = kind_of(kind)
    loaded: list[Book | Issue] = []
    reads: dict[int, Any] = {}
    groups: dict[str, list[int]] = {}
    for n, path in enumerate(paths):
        try:
            read = read_book(path)
        except FileProblem as problem:
            loaded.append(problem.issue)
            continue
        found = kind_for(read.sheets, str(path), spec)
        if isinstance(found, Issue):
            loaded.append(found)
            continue
        loaded.append(None)  # type: ignore[arg-type]  # its Book, built below with its kind's
        reads[n] = read
        groups.setdefault(found.id, []).append(n)
    for kind_id, members in groups.items():
        books = build_books([(reads[n].sheets, str(paths[n]), reads[n].format) for n in members],
                            registry.get(kind_id))
        for n, book in zip(members, books):
            note = format_note(paths[n], reads[n].format)
            book.issues[:0] = [*([note] if note is not None else []), *reads[n].notes]
            loaded[n] = book
    return loaded


def paths_of(sources: Sources) -> list[Path]:
    """One path or several, as a list of Paths."""
    if isinstance(sources, (str, os.PathLike)):
        return [Path(sources)]
    return [Path(p) for p in sources]


def expand(sources: Sources, recursive: bool = False) -> tuple[list[Path], list[Issue]]:
    """The workbook files named by files, folders and glob patterns, and a note for each
    file skipped (see :func:`opsbook.batch.sources.expand`)."""
    from opsbook.batch.sources import expand as expand_sources

    return expand_sources(sources, recursive)


def read_step(path: Path, kind: str | None = None, skip: Collection[Any] = ()) -> Outcome:
    """One file of a batch read as a Book and validated: (Book or None, its Report, kind);
    the rules in ``skip`` are not run (see :func:`~opsbook.core.group.check_books`)."""
    try:
        return read_steps([path], kind, alone=True, skip=skip)[0]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - one file never stops a run (a reader's
        return Outcome(None, unreadable(path, error))  # panic is a BaseException)


def read_steps(paths: list[Path], kind: str | None = None, *,
               alone: bool = False, skip: Collection[Any] = ()) -> list[Outcome]:
    """:func:`read_step` for a group of files read and checked together; when anything
    unexpected fails, the files are read again one by one (``alone`` is that second try),
    so that it stays with its own file."""
    try:
        loaded = load_books(paths, kind)
        books = [b for b in loaded if isinstance(b, Book)]
        reports = iter(validate_books(books, skip))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: BLE001 - see read_step
        if alone:
            raise
        return [read_step(path, kind, skip) for path in paths]
    return [Outcome(None, Report(issues=[b], files=[str(p)],
                                 langs={str(p): b.params["lang"]} if "lang" in b.params else {}))
            if isinstance(b, Issue)
            else Outcome(b, next(reports), b.kind.id) for p, b in zip(paths, loaded)]


def check_steps(paths: list[Path], kind: str | None = None) -> list[Outcome]:
    """A group of files of a batch validated; their Books are not sent back."""
    return [Outcome(None, report, found) for _, report, found in read_steps(paths, kind)]


def load_many(sources: Sources, kind: str | Kind | None = None, *,
              options: BatchOptions | None = None, command: str = "load",
              settings: dict[str, Any] | None = None,
              output: PathLike | Sequence[PathLike] | None = None
              ) -> tuple[list[Book], Report]:
    """Every workbook named by files, folders and globs as a Book, and a Report of what
    could not be read (files skipped, unreadable, of another kind) plus each Book's own
    validation.

    ``options`` (the shared batch options) decide processes, progress, fail-fast and the
    manifest, written beside ``output`` with ``command`` and ``settings``; with
    ``skip_unchanged`` and nothing changed, :class:`~opsbook.batch.UpToDate` is raised.
    """
    from opsbook.batch import run_files

    spec = kind_of(kind)
    batch_options(options)
    sources = paths_only(sources, command)
    given(sources)
    run = run_files(read_steps, sources, args=(spec.id if spec else None,), options=options,
                    together=True, command=command, settings={"kind": spec.id if spec else None,
                                               **(settings or {})},
                    output=output, aggregate=True)
    books = run.values
    run.report.lang = books[0].lang if books else run.report.lang
    return books, run.report


def validate(source: PathLike | Book | Iterable[PathLike], kind: str | None = None, *,
             jobs: int = 1, on_file: Callable[[Path], None] | None = None,
             options: BatchOptions | None = None) -> Report:
    """Validate a Book, a file, a folder, a glob or several of them; one Report for all.

    A file that cannot be read comes back as a Report with one issue, not an exception.
    ``jobs`` > 1 checks files in that many processes; ``options`` (the shared batch
    options, which override ``jobs``) add Dask, progress, fail-fast, sub-folders, the
    manifest and skipping unchanged files; ``on_file`` is told of each file as it is done.
    """
    from opsbook.batch import BatchOptions, run_files, skipped_result

    if isinstance(source, Book):
        return validate_book(source)
    kind_of(kind)  # an unknown kind is misuse: ValueError before any file is read
    source = paths_only(source, "validate")  # a Book is validated alone, above
    batch_options(options)
    given(source)
    options = options or BatchOptions(jobs=jobs)
    run = run_files(check_steps, source, args=(kind,), options=options, command="validate",
                    settings={"kind": kind}, on_file=on_file, together=True)
    report = run.report
    langs = [o.report.lang if o is not None else report.langs[str(path)]  # unchanged: as
             for path, o in zip(run.files, run.outcomes)               # the last run read it
             if (o is not None and o.report.readable and not skipped_result(o))  # a result:
             or (o is None and str(path) in report.langs)]                     # no input
    # the run's own language (summaries): the most common, ties going to the earliest file
    report.lang = max(langs, key=lambda lang: (langs.count(lang), -langs.index(lang)),
                      default="en")
    return report


def validate_file(path: Path, kind: str | None = None) -> Report:
    """The Report of one file; a file that cannot be read gives a Report with one issue, and
    so does any unexpected failure while reading or checking it."""
    return read_step(path, kind).report


def unreadable(path: Path, error: BaseException) -> Report:
    """The Report of a file whose reading or checking failed unexpectedly: one
    ``file-unreadable`` issue in words a user understands (the error itself is kept in the
    issue's ``params["reason"]`` for a bug report, never shown)."""
    return Report(issues=[failed_file(path, error)], files=[str(path)])


def calculate_books(kind: Kind, books: Sequence[Book], report: Report | None = None,
                    **options: Any) -> Calculation:
    """Validate every Book, then compute with the kind's ``calculate`` only when no input has
    an error: the one place where a command decides to compute.

    ``report`` carries what reading found (files skipped or unreadable); the Calculation's
    report holds it, every Book's validation and the computation's own findings. Raises
    ValueError when the kind has no computation.
    """
    if kind.calculate is None:
        raise ValueError(f"{kind.en} workbooks have no computation")
    if report is None:
        report = Report()
        for checked in validate_books(books):
            report.merge(checked)
        if books:
            report.lang = books[0].lang
    if not report.valid or not report.readable or not books:
        return Calculation(report)
    done = kind.calculate(list(books), **options)
    seen = {(i.code, i.file, i.sheet, i.row) for i in report.issues}
    report.extend(i for i in done.report.issues  # validation already said it: once is enough
                  if (i.code, i.file, i.sheet, i.row) not in seen)
    done.report = report
    return done


def write_output(target: PathLike, sheets: list[SheetOut]) -> Path:
    """A new workbook at ``target`` (an .xlsx, replaced atomically) with one styled sheet per
    SheetOut; then the manifest of the run that made it, held until now (see
    :func:`opsbook.batch.run_files`). Raises CannotWrite for another file type or a file of
    the user's at ``target`` (see :func:`opsbook.api.workbook.check_replaceable`; sheets that
    are themselves a workbook of a kind, a company plan, replace an earlier one)."""
    from opsbook.api.workbook import check_output, output_path
    from opsbook.batch.manifest import settle
    from opsbook.io.sheets import write_sheets

    output_path(target)  # a number, an empty text: Refused in words
    names = [sheet.name for sheet in sheets]
    itself = next((k.id for k in registry.kinds().values()
                   if any(k.sheet_by_name(name) for name in names)), None)
    check_output(Path(target), replaces=itself)  # an .xlsx: a new workbook has no macros
    written = write_sheets(Path(target), sheets)
    settle(target)
    return written


def demo_write(done: Calculation, target: Path, say: Callable[[str], None], step: str) -> int:
    """A demo step's ending: write what ``done`` computed to ``target``, say ``step`` with its
    headline, and return its exit code."""
    if done.computed:
        write_output(target, done.sheets)
        say(f"· {step} → {target.name}: {done.headline}")
    return done.exit_code
