"""The command line: parse, call one library function, print, exit with the documented code.

Exit codes: 0 done and valid; 1 ran, but the input has errors; 2 could not run.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from opsbook import output
from opsbook.core.issues import Report
from opsbook.kinds import NAMES

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode="markdown",
                  help="Standard operations workbooks: make, validate, calculate.")
appraisal_app = typer.Typer(no_args_is_help=True, help="Appraisal scoring.")
workbooks_app = typer.Typer(no_args_is_help=True, help="The macro-enabled workbooks.")
app.add_typer(appraisal_app, name="appraisal")
app.add_typer(workbooks_app, name="workbooks")


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class CannotRun(Exception):
    """A problem that stops a command: printed as one line, exit 2."""


WRITABLE = (".xlsx", ".xlsm")


def _output(target: Path, *inputs: Path, like: Path | None = None) -> None:
    """Refuse an output that is no workbook, that is one of the inputs, or that changes the
    file type of ``like`` (a macro workbook written as .xlsx would not open in Excel)."""
    if target.suffix.lower() not in WRITABLE:
        raise CannotRun(f"{target}: results are written as .xlsx or .xlsm files")
    for source in inputs:
        if target.resolve() == source.resolve():
            raise CannotRun(f"{target} is also an input; write the results to another file")
    if like is not None and (like.suffix.lower() == ".xlsm") != (target.suffix.lower() == ".xlsm"):
        raise CannotRun(f"{target}: keep the file type of {like.name} ({like.suffix})")


def _unreadable(problem: Exception) -> CannotRun:
    """One line naming the file that could not be read, and why."""
    issue = problem.issue  # type: ignore[attr-defined]
    return CannotRun(f"{issue.file}: {issue.message()}" if issue.file else issue.message())


def _kind(value: str | None) -> str | None:
    if value is not None and value not in NAMES:
        raise typer.BadParameter(f"choose one of {', '.join(NAMES)}")
    return value


@app.command()
def new(kind: str = typer.Argument(..., help=f"One of: {', '.join(NAMES)}."),
        file: Path = typer.Argument(..., help="The workbook to create (.xlsx)."),
        lang: Lang = typer.Option(Lang.zh, help="Language of sheets, headers and lists."),
        sample: bool = typer.Option(False, help="Fill it with seeded sample data."),
        force: bool = typer.Option(False, help="Replace FILE if it exists.")) -> None:
    """Make a blank (or sample) standard workbook, styled, with drop-down lists."""
    from opsbook.io.template import write_template

    _kind(kind)
    if file.is_dir():
        raise CannotRun(f"{file} is a folder; give the name of the workbook to create")
    if file.exists() and not force:
        raise CannotRun(f"{file} exists; use --force to replace it")
    if file.suffix.lower() == ".xlsm":
        raise CannotRun("the macro workbooks come from 'opsbook workbooks build'; "
                        "'opsbook new' makes .xlsx templates")
    if file.suffix.lower() != ".xlsx":
        raise CannotRun(f"{file}: templates are .xlsx files")
    write_template(kind, lang.value, file, sample=sample)
    output.say(f"{file}: {kind} template ({lang.value}){' with sample data' if sample else ''}")


@app.command()
def validate(paths: list[Path] = typer.Argument(..., help="Workbooks or folders of them."),
             format: Format = typer.Option(Format.text, "--format", "-f", help="Output form."),
             annotate: Path | None = typer.Option(
                 None, help="Write a copy of the (single) workbook with bad cells marked red, "
                            "a note on each, and an Issues sheet."),
             kind: str | None = typer.Option(None, help="Skip detection: the kind of all."),
             lang: Lang | None = typer.Option(None, help="Message language "
                                                 "(default: the workbook's header language)."),
             max_issues: int = typer.Option(0, min=0,
                                            help="List at most this many issues (0: all)."),
             jobs: int = typer.Option(1, min=1, help="Processes to use over many files.")
             ) -> None:
    """Check workbooks against the standard: every problem located to its cell."""
    from opsbook.api import validate as run

    _kind(kind)
    if annotate is not None:
        report = _annotate(paths, annotate, kind, lang.value if lang else None)
    else:
        with output.progress("validate") as tick:
            report = run(paths, kind=kind, jobs=jobs, on_file=tick)
    output.report(report, format.value, lang.value if lang else None, max_issues)
    raise typer.Exit(report.exit_code)


def _annotate(paths: list[Path], target: Path, kind: str | None, lang: str | None):
    from opsbook.excel import handlers
    from opsbook.io.filebook import FileBook
    from opsbook.io.read import FileProblem

    if len(paths) != 1 or paths[0].is_dir():
        raise CannotRun("--annotate takes exactly one workbook")
    source = paths[0]
    if source.suffix.lower() not in WRITABLE:
        raise CannotRun(f"{source}: annotating needs an .xlsx or .xlsm workbook (other formats "
                        "are read for checking only)")
    _output(target, source, like=source)
    try:
        book = FileBook(source, target)
    except FileProblem as problem:
        from opsbook.core.issues import Report

        return Report(issues=[problem.issue], files=[str(source)])
    report = handlers.validate(book, kind, lang)
    if report.readable:
        book.save()
        output.note(f"annotated copy: {target}")
    return report


@app.command()
def calculate(file: Path = typer.Argument(..., help="A standard workbook (.xlsx or .xlsm)."),
              out: Path | None = typer.Option(None, "-o", "--out",
                                                 help="Write to this file instead of FILE."),
              kind: str | None = typer.Option(None, help="Skip detection.")) -> None:
    """Do what the Calculate button does: validate, then write the results sheets.

    Without -o the workbook itself gets the results sheets (through a temporary file and a
    rename, so a failed run leaves it as it was).
    """
    from opsbook import calculations
    from opsbook.core.book import Book
    from opsbook.excel import handlers
    from opsbook.io.filebook import FileBook
    from opsbook.io.read import FileProblem

    _kind(kind)
    if file.suffix.lower() not in WRITABLE:
        raise CannotRun(f"{file}: calculate writes into the workbook, so it needs .xlsx or .xlsm")
    if out is not None:
        _output(out, file, like=file)
    try:
        book = FileBook(file, out or file)
    except FileProblem as problem:
        raise _unreadable(problem) from None
    found = handlers.read_book(book, kind)
    if isinstance(found, Book) and calculations.step(found.kind.id) is None:
        raise CannotRun(f"{file}: {found.kind.en.lower()} workbooks have no Calculate step yet; "
                        "'opsbook validate' checks them")
    report = handlers.calculate(book, kind)
    if report.readable:
        book.save()
    for line in book.messages:
        output.say(line)
    output.report(report, "text", report.lang, 50, quiet_when_valid=True)
    raise typer.Exit(report.exit_code)


@appraisal_app.command("score")
def appraisal_score(file: Path = typer.Argument(..., help="An appraisal workbook."),
                    out: Path = typer.Option(..., "-o", "--out", help="The results workbook."),
                    history: list[Path] = typer.Option(
                        [], help="Earlier cycles' result or appraisal workbooks (repeatable)."),
                    lang: Lang | None = typer.Option(None, help="Language of the results "
                                                        "(default: the workbook's).")) -> None:
    """Score an appraisal: weighted totals, grades, bonus, outcomes, escalation.

    The results workbook has Results, Departments, Raters, Self-rating Gap, Checks and a
    History sheet with earlier cycles plus this one, for the next cycle's --history.
    """
    from opsbook.api import NotAWorkbook, load
    from opsbook.appraisal.report import grade_counts, read_history, score_book, workbook_sheets
    from opsbook.core.validate import validate_book
    from opsbook.io.read import FileProblem
    from opsbook.io.sheets import write_sheets

    _output(out, file, *history)
    try:
        book = load(file)
        past, history_notes = read_history(history)
    except (NotAWorkbook, FileProblem) as problem:
        raise _unreadable(problem) from None
    if book.kind.id != "appraisal":
        raise CannotRun(f"{file} is not an appraisal workbook: it looks like "
                        f"{book.kind.en} ({book.kind.zh})")
    if lang is not None:
        book.lang = lang.value
    report = validate_book(book)
    if not report.valid:
        output.report(report, "text", book.lang)
        raise typer.Exit(1)
    result = score_book(book, past)
    write_sheets(out, workbook_sheets(result, book.lang, book.settings.cycle))
    escalated = int(result.results["escalate"].fillna(False).astype(bool).sum())
    output.say(f"{out}: {len(result.results)} employees, grades "
               f"{', '.join(f'{g} {n}' for g, n in grade_counts(result))}; "
               f"{escalated} to escalate; {len(result.issues)} check(s)")
    output.report(Report.of([*history_notes, *result.issues]), "text", book.lang, 20,
                  quiet_when_valid=True)
    raise typer.Exit(0)


@workbooks_app.command("build")
def workbooks_build(out: Path = typer.Option(Path("workbooks"), "--out",
                                             help="Folder for the .xlsm files.")) -> None:
    """Rebuild the macro workbooks from macros/ and the templates (same sources, same bytes)."""
    from opsbook.excel.build import MACROS_DIR, build_workbooks
    from opsbook.io.template import write_template

    if not MACROS_DIR.is_dir():
        raise CannotRun("the VBA sources (macros/) are not installed with the package; run "
                        "'opsbook workbooks build' in a checkout of the opsbook repository")
    for path in build_workbooks(out, write_template):
        output.say(str(path))


@app.command()
def demo(folder: Path = typer.Argument(Path("opsbook-demo"), help="Where to put everything."),
         ) -> None:
    """Make sample workbooks of every kind and run every step on them."""
    from opsbook.demo import run

    raise typer.Exit(run(folder, output.say))


def main() -> None:
    """Entry point: every failure becomes one line on stderr and exit code 2.

    Usage errors are Typer's own (usage line and message, exit 2).
    """
    try:
        app()
    except CannotRun as error:
        output.fail(str(error))
        sys.exit(2)
    except Exception as error:  # anything unexpected: one line, never a traceback
        output.fail(f"{type(error).__name__}: {error}")
        sys.exit(2)


if __name__ == "__main__":
    main()
