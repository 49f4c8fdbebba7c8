"""What each button does, written once against a BookPort.

``validate`` marks bad cells and writes the Issues sheet; ``calculate`` validates the same way
and writes the kind's results sheets when the data is valid. Both read everything first,
compute with the library, then write; both replace what an earlier run wrote (marks listed on
the Issues sheet, the Issues and results sheets) instead of adding to it.
"""

from __future__ import annotations

import re
from typing import Any

from opsbook import registry
from opsbook.api.common import book_from_sheets, calculate_books, kind_for
from opsbook.core.book import Book, output_kind, written_sheet
from opsbook.core.headers import is_chinese
from opsbook.core.issues import Issue, Report
from opsbook.core.output import (
    CONF_SHEET,
    CONTROL_SHEET,
    ISSUES_SHEET,
    NOTE_PREFIX,
    BookPort,
    Mark,
    SheetOut,
)
from opsbook.core.outsheets import ISSUE_HEADERS, SEVERITY, issues_sheet
from opsbook.core.summary import LABELS
from opsbook.core.validate import validate_book
from opsbook.excel.placing import ours, place

#: Sheets the handlers or the workbook build write; never marked (never read as input
#: either: :func:`opsbook.core.book.written_sheet`).
OUTPUT_SHEETS = frozenset({
    *ISSUES_SHEET.values(), *CONTROL_SHEET.values(), CONF_SHEET,
    *registry.output_sheets(),
})
#: A report workbook's summary sheet, in either language: with results only, no input.
REPORT_SHEETS = frozenset(LABELS[lang]["summary_sheet"] for lang in LABELS)
#: The Issues sheet's severity column (as written in either language) of marked cells.
_MARKED = {"error", "warning", *(SEVERITY["zh"][s] for s in ("error", "warning"))}
_SEVERITY_COLUMN = 7
_FILL_COLUMN = 9
_A1 = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}")


def read_book(port: BookPort, kind: str | None = None) -> Book | Issue:
    """The port's workbook as a Book, or the Issue that says why it is none (a workbook of
    results only is ``output-workbook``)."""
    sheets = port.sheets()
    kinds = registry.kinds().values()
    raw = [sheet for sheet in sheets if not written_sheet(sheet.name, kinds)]
    if sheets and (all(s.name.strip() in REPORT_SHEETS for s in raw)
                   or output_kind(sheets, registry.kinds()) is not None):
        # results only (and a report's summary sheet, or the History an appraisal's results
        # carry on): a workbook opsbook wrote, said as the command line says it
        made = kind_for(sheets, port.name, None)
        if isinstance(made, Issue):
            return made
    return book_from_sheets(raw, port.name, kind)


def guess_lang(sheet_names: list[str]) -> str:
    """The language of a workbook that could not be read as a kind: its sheet names'."""
    return "zh" if any(is_chinese(name) for name in sheet_names) else "en"


def own_issues_sheets(port: BookPort) -> list[str]:
    """The Issues sheets (either language) an earlier run wrote; a sheet of the user's that
    bears such a name is not one (see :mod:`opsbook.excel.placing`)."""
    return [found for lang, name in ISSUES_SHEET.items()
            for found in ours(port, name, ISSUE_HEADERS[lang])]


def replace_issues_sheet(port: BookPort, sheet: SheetOut | None) -> None:
    """Take away the Issues sheets of earlier runs and write ``sheet`` (None: none) where
    the one of its name was, never over a sheet of the user's."""
    placed = place(port, sheet) if sheet is not None else None
    for name in own_issues_sheets(port):
        if placed is None or name != placed.name:  # that one is replaced where it is
            port.delete_sheet(name)
    if placed is not None:
        port.write_sheet(placed)


def marked_rows(port: BookPort) -> list[list[Any]]:
    """The rows of an earlier run's Issues sheet whose cells that run marked."""
    rows: list[list[Any]] = []
    for name in own_issues_sheets(port):
        for row in port.values(name)[2:]:
            if len(row) > _SEVERITY_COLUMN and row[0] not in ("", None) and (
                    _A1.fullmatch(str(row[1]))) and str(row[_SEVERITY_COLUMN]) in _MARKED:
                rows.append(list(row))
    return rows


def previous_marks(port: BookPort) -> list[tuple[str, str, str | None]]:
    """(sheet, cell, fill before) of the cells an earlier run marked, from its Issues sheet."""
    return [(str(row[0]), str(row[1]),
             str(row[_FILL_COLUMN]) if len(row) > _FILL_COLUMN and row[_FILL_COLUMN] else None)
            for row in marked_rows(port)]


def validate(port: BookPort, kind: str | None = None, lang: str | None = None) -> Report:
    """The Validate button: mark every bad cell, list every issue on the Issues sheet.

    Notes and the Issues sheet are in ``lang``, by default the workbook's own language.
    """
    previous = previous_marks(port)
    book = read_book(port, kind)
    report, found = _check(port, book)
    lang = lang or found
    _write_check(port, report, lang, previous, issues_sheet_always=True)
    port.message(summary_line(report, lang))
    return report


def calculate(port: BookPort, kind: str | None = None) -> Report:
    """The Calculate button: validate, then write the kind's results sheets if it can.

    Marks and the Issues sheet are refreshed as by Validate (the Issues sheet stays where it
    was); when results are written and nothing is left to report, a stale Issues sheet is
    removed instead. When nothing can be computed, an earlier run's results sheets stay (a
    sheet of the user's may bear such a name) and the message says they were not updated.
    """
    previous = previous_marks(port)
    book = read_book(port, kind)
    report, lang = _check(port, book)
    sheets: list[SheetOut] = []
    headline = ""
    if isinstance(book, Book) and book.kind.calculate is not None:
        done = calculate_books(book.kind, [book], report)
        report, sheets, headline = done.report, done.sheets, done.headline
    stale: list[str] = []
    if isinstance(book, Book) and not sheets:  # an earlier run's results, if any, stay: a
        present = set(port.sheet_names())   # sheet of the user's may have such a name
        stale = [name for out in book.kind.button_outputs() for name in out.names()
                 if name in OUTPUT_SHEETS and name in present]
    _write_check(port, report, lang, previous, issues_sheet_always=not sheets)
    written = []
    for sheet in sheets:
        written.append(place(port, sheet))  # never over a sheet of the user's of its name
        port.write_sheet(written[-1])
    port.message(summary_line(report, lang, calculated=[s.name for s in written], stale=stale,
                              beside=[(s.name, w.name) for s, w in zip(sheets, written)
                                      if s.name != w.name], headline=headline))
    return report


def _check(port: BookPort, book: Book | Issue) -> tuple[Report, str]:
    if isinstance(book, Issue):
        lang = guess_lang(port.sheet_names())
        return Report(issues=[book], files=[port.name], lang=lang), lang
    return validate_book(book), book.lang


def _write_check(port: BookPort, report: Report, lang: str,
                 previous: list[tuple[str, str, str | None]], *,
                 issues_sheet_always: bool) -> None:
    """Replace the marks and the Issues sheet of an earlier run by this report's.

    Earlier marks get their cells' own fills back first; the fills the new marks cover are
    kept on the Issues sheet for the next run.
    """
    names = set(port.sheet_names())
    marks = [Mark(i.sheet, i.cell, NOTE_PREFIX + i.message(lang), i.severity)
             for i in report.issues if i.sheet and i.cell and i.severity != "info"
             and i.sheet in names and i.sheet not in OUTPUT_SHEETS]
    port.clear_marks(previous)
    fills = port.mark(marks)
    keep = issues_sheet_always or bool(report.issues)
    replace_issues_sheet(port, issues_sheet(report, lang, ISSUES_SHEET[lang], fills)
                         if keep else None)


def summary_line(report: Report, lang: str, calculated: list[str] | None = None,
                 stale: list[str] | None = None,
                 beside: list[tuple[str, str]] | None = None, headline: str = "") -> str:
    """One line for the status cell or the terminal: counts, what was written with the
    computation's ``headline`` (as the command line says it: "4 projects: 1 green …"), the
    results sheets of an earlier run that this one did not update (``stale``), and the
    results written beside a sheet of the user's of their name (``beside``: (name, name
    taken))."""
    s = report.summary()
    located = any(i.cell and i.severity == "error" for i in report.issues)
    said = headline.rstrip("。.")
    if lang == "zh":
        text = f"校验完成：{s['errors']} 个错误，{s['warnings']} 个警告。"
        if calculated:
            text += f"已生成：{'、'.join(calculated)}。" + (f"{said}。" if said else "")
        elif located:
            text += "请先修正标红的单元格。"
        if stale:
            text += f"{'、'.join(stale)} 是上次计算的结果，本次未更新。"
        for name, taken in beside or []:
            text += f"“{name}”是您自己的工作表，未改动；结果写在“{taken}”。"
        return text
    text = f"Checked: {s['errors']} error(s), {s['warnings']} warning(s)."
    if calculated:
        text += f" Written: {', '.join(calculated)}." + (
            f" {said[:1].upper()}{said[1:]}." if said else "")
    elif located:
        text += " Fix the cells marked red first."
    if stale:
        text += f" {', '.join(stale)}: an earlier run's results, not updated."
    for name, taken in beside or []:
        text += f" '{name}' is a sheet of yours, left as it is: the results are in '{taken}'."
    return text
