"""``opsbook appraisal score``: one cycle scored, with earlier cycles' workbooks as history."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from opsbook import registry
from opsbook.api.common import PathLike, calculate_books, load, write_output
from opsbook.core.book import SETTINGS_NAMES, Book, read_settings
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue
from opsbook.core.kind import Calculation
from opsbook.core.table import read_table
from opsbook.io.read import FileProblem, failed_file, read_raw

KIND = "appraisal"


def read_history(paths: Iterable[PathLike]) -> tuple[pd.DataFrame, list[Issue]]:
    """History rows (employee_id, cycle, total, grade, outcome) from earlier cycles' workbooks,
    and an issue for each file that gave none or could not be read.

    Both a workbook's History sheet and its Results sheet (written by Calculate or ``appraisal
    score``, with the cycle of its Settings) are read; a Results row wins over the same
    employee and cycle in History.
    """
    kind = registry.get(KIND)
    history, results_as_history = kind.sheet("History"), kind.results_as_history
    empty = pd.DataFrame(columns=[f.id for f in history.fields])
    frames, issues = [], []
    settings_names = {normalize(n) for n in SETTINGS_NAMES}
    for path in paths:
        try:
            raw, _fmt = read_raw(Path(path))
        except FileProblem as problem:
            issues.append(problem.issue)
            continue
        except Exception as error:  # noqa: BLE001 - one file never stops a run
            issues.append(failed_file(path, error))
            continue
        by_name = {normalize(sheet.name): sheet for sheet in raw}
        parts = [empty]
        found = [by_name[n] for n in map(normalize, history.names()) if n in by_name]
        if found:
            parts.append(read_table(found[0], history, file=str(path))[0].frame)
        results = [by_name[n] for n in map(normalize, results_as_history.names())
                   if n in by_name] if results_as_history is not None else []
        settings_sheet = next((by_name[n] for n in settings_names if n in by_name), None)
        settings = read_settings(settings_sheet, kind.settings, str(path),
                                 kind.setting_prefixes)[0]
        if results and settings.cycle:
            table = read_table(results[0], results_as_history, file=str(path))[0]
            parts.append(table.frame.assign(cycle=settings.cycle))
        frame = pd.concat([p for p in parts if not p.empty] or [empty])
        frame = frame[frame["employee_id"].notna() & frame["cycle"].notna()]
        frame = frame.drop_duplicates(["employee_id", "cycle"], keep="last")
        if frame.empty:
            issues.append(Issue("no-history", "warning", file=str(path)))
        frames.append(frame)
    merged = pd.concat(frames) if frames else empty.copy()
    return merged.reindex(columns=empty.columns), issues


def score_appraisal(source: PathLike | Book, history: Iterable[PathLike] = (), *,
                    lang: str | None = None) -> Calculation:
    """Score an appraisal workbook (a path or a Book) with earlier cycles' workbooks.

    Returns a :class:`~opsbook.core.kind.Calculation`: ``report`` (the workbook's validation,
    the history files' problems and the scoring's findings), ``result`` (an AppraisalResult:
    ``results``, ``departments``, ``raters``, ``self_gap``, ``history_rows`` frames), and
    ``sheets`` for the results workbook (with History for the next cycle). When the workbook
    has errors nothing is scored: ``result`` is None and ``report`` says why. Raises
    :class:`NotAWorkbook` when the workbook cannot be read at all, ValueError when it is
    another kind of workbook.
    """
    kind = registry.get(KIND)
    book = source if isinstance(source, Book) else load(source, None)
    if book.kind.id != kind.id:
        raise ValueError(f"{book.path} is not an appraisal workbook: it looks like "
                         f"{book.kind.en} ({book.kind.zh})")
    if lang is not None:
        book.lang = lang
    past, notes = read_history(history)
    from opsbook.core.validate import validate_book

    report = validate_book(book)
    report.extend(notes)
    return calculate_books(kind, [book], report, history=past, with_history=True)


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
