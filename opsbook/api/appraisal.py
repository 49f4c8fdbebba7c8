"""``opsbook appraisal score``: one cycle scored, with earlier cycles' workbooks as history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from opsbook import registry
from opsbook.api.common import (
    NotAWorkbook,
    PathLike,
    calculate_books,
    check_lang,
    not_read,
    read_step,
    write_output,
)
from opsbook.appraisal.history import (
    PLACE_COLUMNS,
    cycle_keys,
    cycles_as_dates,
    repeated_cycles,
)
from opsbook.batch.run import Outcome
from opsbook.core.book import SETTINGS_NAMES, Book, read_settings
from opsbook.core.headers import is_chinese, normalize
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation
from opsbook.core.table import Table, read_table
from opsbook.io.read import FileProblem, failed_file, read_raw

if TYPE_CHECKING:
    from opsbook.batch import BatchOptions

KIND = "appraisal"


def history_of(path: PathLike) -> tuple[pd.DataFrame, list[Issue]]:
    """History rows (employee_id, cycle, total, grade, outcome) of one earlier cycle's
    workbook, and its issues: each bad cell of the sheets read (a total that is no number, a
    row without its cycle), located as in the workbook being scored, and one issue when it
    gave no rows or could not be read.

    Both a workbook's History sheet and its Results sheet (written by Calculate or ``appraisal
    score``, with the cycle of its Settings) are read; a Results row wins over the same
    employee and cycle in History; across files (:func:`read_history`), the rows a file
    gives for its own cycle win over copies of them in another file's History.

    The frame also tells where each row was (``history.PLACE_COLUMNS``). Its
    ``attrs["lang"]`` is the language of the workbook read (that of most of its
    sheet names; absent when it could not be read), in which its issues are told.
    """
    kind = registry.get(KIND)
    history, results_as_history = kind.sheet("History"), kind.results_as_history
    empty = pd.DataFrame(columns=[f.id for f in history.fields])
    try:
        raw, _fmt = read_raw(Path(path))
    except FileProblem as problem:
        return empty, [problem.issue]
    except Exception as error:  # noqa: BLE001 - one file never stops a run
        return empty, [failed_file(path, error)]
    chinese = sum(is_chinese(sheet.name) for sheet in raw)
    lang = "zh" if 2 * chinese > len(raw) else "en" if raw else None
    by_name = {normalize(sheet.name): sheet for sheet in raw}
    parts = [empty]
    issues: list[Issue] = []  # bad cells of the sheets read: told, as the workbook's own are
    found = [by_name[n] for n in map(normalize, history.names()) if n in by_name]
    if found:
        table, problems = read_table(found[0], history, file=str(path))
        parts.append(_placed(table, path))
        issues += problems  # and the History rules of the workbook's own History sheet

        def place(row: int) -> dict:
            return {**table.where("cycle", row), "file": str(path)}

        issues += [*cycles_as_dates(table.frame, place), *repeated_cycles(table.frame, place)]
    results = [by_name[n] for n in map(normalize, results_as_history.names())
               if n in by_name] if results_as_history is not None else []
    settings_names = {normalize(n) for n in SETTINGS_NAMES}
    settings_sheet = next((by_name[n] for n in settings_names if n in by_name), None)
    settings, _cells, told = read_settings(settings_sheet, kind.settings, str(path),
                                           kind.setting_prefixes)
    if results and settings.cycle:
        table, problems = read_table(results[0], results_as_history, file=str(path))
        parts.append(_placed(table, path).assign(cycle=settings.cycle, **{_OWN: 2}))
        issues += problems
    elif results:  # why its Results are not read: a cycle setting refused (a date) is said
        issues += [i for i in told if i.field == "cycle" and i.severity == "error"]
    frame = pd.concat([p for p in parts if not p.empty] or [empty])
    frame = frame[frame["employee_id"].notna() & frame["cycle"].notna()]
    frame = frame.drop_duplicates(["employee_id", "cycle"], keep="last")
    if frame.empty:
        issues.append(Issue("no-history", "warning", file=str(path)))
    frame = frame.reindex(columns=[*empty.columns, *PLACE_COLUMNS]).assign(
        **{_OWN: _standing(frame)})
    frame.attrs["lang"] = lang
    return frame, issues


def _placed(table: Table, path: PathLike) -> pd.DataFrame:
    """A history table's rows with where each employee ID was (``PLACE_COLUMNS``), for
    what is said of it when scoring (``history.ids_as_employees``)."""
    place = table.where("employee_id")
    return table.frame.assign(_file=str(path), _sheet=place["sheet"], _column=place["column"],
                              _cell=[table.cell("employee_id", int(r)) for r in table.frame.index])


#: How sure a history row is of its cycle: 2 from the file's own Results (its cycle, as
#: scored there), 1 in History for the latest cycle there (a results workbook's History ends
#: with the cycle it scored), 0 an earlier cycle copied into History.
_OWN = "_standing"


def _standing(frame: pd.DataFrame) -> np.ndarray:
    own = (pd.to_numeric(frame[_OWN], errors="coerce").fillna(0).to_numpy(dtype=float)
           if _OWN in frame else np.zeros(len(frame)))
    keys = cycle_keys(frame["cycle"]) if len(frame) else frame["cycle"]
    latest = (keys == keys.dropna().max()).to_numpy(dtype=bool) if keys.notna().any() \
        else np.zeros(len(frame), dtype=bool)
    return np.maximum(own, latest.astype(float))


def _merged(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """History rows of several files, the surest of each employee and cycle last (see
    ``_standing``: a file's own Results, then the latest cycle of a History sheet), so that
    they win over a copy in another file's History whatever order the files came in."""
    columns = [f.id for f in registry.get(KIND).sheet("History").fields]
    frames = [frame for frame in frames if frame is not None]  # a file that gave none
    if not frames:
        return pd.DataFrame(columns=[*columns, *PLACE_COLUMNS])
    rows = pd.concat(frames)
    if _OWN in rows:  # the surest last: a later row wins (calculate.score_book)
        rows = rows.iloc[np.argsort(rows[_OWN].fillna(0).to_numpy(dtype=float),
                                    kind="stable")]
    return rows.reindex(columns=[*columns, *PLACE_COLUMNS])


def read_history(paths: Iterable[PathLike]) -> tuple[pd.DataFrame, list[Issue]]:
    """History rows from earlier cycles' workbooks (see :func:`history_of`), and an issue
    for each file that gave none or could not be read."""
    read = [history_of(path) for path in paths]
    rows = _merged([frame for frame, _ in read]).drop(columns=list(PLACE_COLUMNS))
    return rows, [i for _, issues in read for i in issues]


def score_input(path: Path, main: str) -> Outcome:
    """One input of ``appraisal score`` in a batch: the workbook to score (``main``) as a
    validated Book, any other as history rows."""
    if str(path) == main:
        return read_step(path, KIND)  # as every kind command reads its own kind
    frame, issues = history_of(path)
    lang = frame.attrs.get("lang")  # its issues told in its own language
    return Outcome(frame, Report(issues=issues, files=[str(path)],
                                 langs={str(path): lang} if lang else {}),
                   KIND if not issues else None)


def score_appraisal(source: PathLike | Book, history: Iterable[PathLike] = (), *,
                    lang: str | None = None, options: BatchOptions | None = None,
                    output: PathLike | None = None) -> Calculation:
    """Score an appraisal workbook (a path or a Book) with earlier cycles' workbooks (files,
    folders or glob patterns).

    Returns a :class:`~opsbook.core.kind.Calculation`: ``report`` (the workbook's validation,
    the history files' problems and the scoring's findings), ``result`` (an AppraisalResult:
    ``results``, ``departments``, ``raters``, ``self_gap``, ``history_rows`` frames), and
    ``sheets`` for the results workbook (with History for the next cycle). When the workbook
    has errors nothing is scored: ``result`` is None and ``report`` says why. Raises
    :class:`NotAWorkbook` when the workbook cannot be read at all, ValueError when it is
    another kind of workbook, CannotWrite when ``output`` holds a file of the user's
    (:func:`~opsbook.api.workbook.check_replaceable`), before any file is read. The
    inputs are read through :func:`opsbook.batch.run_files` with ``options``; its manifest
    goes beside ``output`` when that is given.
    """
    from opsbook.api.workbook import check_replaceable

    check_lang(lang)
    check_replaceable(output)  # a file of the user's there: CannotWrite, before any reading
    return scored(source, history, lang=lang, options=options, output=output)


def scored(source: PathLike | Book, history: Iterable[PathLike] = (), *,
           lang: str | None = None, options: BatchOptions | None = None,
           output: PathLike | Sequence[PathLike] | None = None,
           command: str = "appraisal score", with_history: bool = True) -> Calculation:
    """:func:`score_appraisal` without its check of ``output``, for a command that checks
    its own outputs (``opsbook report --history``: a report's ``.xlsx``, ``.html``,
    ``.pdf``, whose sheets have no History sheet: ``with_history`` False); the run's
    manifest records ``command`` and goes beside ``output`` (the first when several are
    written). Raises as :func:`score_appraisal` does."""
    from opsbook.batch import run_files

    kind = registry.get(KIND)
    main = None if isinstance(source, Book) else str(Path(source))
    sources = [*([main] if main else []), *history]
    run = run_files(score_input, sources, args=(main,), options=options,
                    command=command, settings={"lang": lang}, output=output,
                    aggregate=True)
    parts = dict(zip(map(str, run.files), run.outcomes))
    if main is not None:
        first = parts.pop(main, None)
        if first is None or first.value is None:
            raise not_read(main, first.report.issues if first else run.report.issues)
        book, report = first.value, first.report
    else:
        book = source
        from opsbook.core.validate import validate_book

        report = validate_book(book)
    if book.kind.id != kind.id:  # the answer every command gives another kind's workbook
        raise NotAWorkbook(Issue("wrong-kind", file=str(book.path), params={
            "expected": kind.en.lower(), "expected_zh": kind.zh, "found": book.kind.en.lower(),
            "found_zh": book.kind.zh, "kind": book.kind.id}))
    if lang is not None:
        book.lang = lang
    past = _merged([o.value for o in parts.values() if o is not None])
    for outcome in parts.values():  # each history file's own issues, once, with its name
        if outcome is not None:
            report.merge(outcome.report)
    told = {id(i) for o in parts.values() if o is not None for i in o.report.issues}
    report.extend(i for i in run.report.issues if id(i) not in told
                  and i.code in ("skipped-file", "file-not-found", "not-a-workbook"))
    return calculate_books(kind, [book], report, history=past, with_history=with_history)


def demo(folder: Path, samples: dict[str, Path], say: Callable[[str], None]) -> int:
    """The demo's appraisal steps: mistakes typed into a copy and marked by ``validate
    --annotate``; ``appraisal score`` of the sample; returns the worst exit code."""
    from opsbook.api.workbook import annotate

    sample = samples[KIND]
    broken = folder / f"{KIND}.broken.xlsx"
    annotated = folder / f"{KIND}.broken.annotated.xlsx"
    _break(sample, broken)
    bad = annotate(broken, annotated)
    say(f"· validate --annotate: {len(bad.errors)} errors typed into {broken.name} are marked "
        f"red in {annotated.name} and listed on its Issues sheet")
    done = score_appraisal(sample)
    if done.computed:
        scored = folder / f"{KIND}.results.xlsx"
        write_output(scored, done.sheets)
        say(f"· appraisal score {sample.name} → {scored.name}: {done.headline}")
    return done.exit_code


def _break(source: Path, target: Path) -> None:
    """A copy of a sample appraisal with typical mistakes typed in: a score out of range, a
    score in words, an employee who does not exist."""
    import openpyxl

    book = openpyxl.load_workbook(source)
    scores = book["评分"]
    scores["E4"] = 120
    scores["E5"] = "八十"
    scores["A6"] = "E9999"
    book.save(target)
