"""The command line: parse, call one library function, print, exit with the documented code.

Exit codes: 0 done and valid; 1 ran, but the input has errors; 2 could not run. Each command
group is a module of this package, added to :data:`app` below with one line.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import tempfile
import traceback
from pathlib import Path

import typer

from opsbook import registry
from opsbook.batch import BatchOptions, batch_options
from opsbook.cli import printing, usage
from opsbook.cli.common import (
    CannotRun,
    Format,
    Lang,
    format_option,
    given_path,
    kind_option,
    lang_option,
    not_a_folder,
    unreadable,
)
from opsbook.cli.usage import click_errors

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode="markdown",
                  help="Standard operations workbooks: make, validate, calculate.")

def _version(asked: bool) -> None:
    if asked:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"opsbook {version('opsbook')}")
        except PackageNotFoundError:  # run from a checkout that was never installed
            typer.echo("opsbook (not installed)")
        raise typer.Exit()


@app.callback()
def _root(shown: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                     help="Print the version (give it when you report a "
                                          "fault) and stop.")) -> None:
    """Standard operations workbooks: make, validate, calculate."""


#: Where the traceback of the last unexpected failure is kept (never printed).
ERROR_LOG = Path(tempfile.gettempdir()) / "opsbook-last-error.txt"


@app.command()
def new(kind: str = typer.Argument(..., help=f"One of: {', '.join(registry.names())}."),
        file: Path = typer.Argument(..., parser=given_path, help="The workbook to create (.xlsx)."),
        lang: Lang = typer.Option(Lang.zh, help="Language of sheets, headers and lists.",
                                  case_sensitive=False),
        sample: bool = typer.Option(False, help="Fill it with seeded sample data."),
        force: bool = typer.Option(False, help="Replace FILE if it exists.")) -> None:
    """Make a blank (or sample) standard workbook, styled, with drop-down lists.

    It has an Instructions sheet (填写说明); type one record per row under each sheet's
    header row (row 3). FILE is never replaced without --force (never while it is open in
    Excel). Exit 0 made, 2 not made (the message says why).
    """
    from opsbook.api import new_workbook

    kind_option(kind, "kind")
    not_a_folder(file, "workbook")
    if file.exists() and not force:
        raise CannotRun(f"{file} exists; use --force to replace it",
                        f"{file} 已存在；如需替换请加 --force。")
    if file.suffix.lower() == ".xlsm":
        raise CannotRun("the macro workbooks come from 'opsbook workbooks build'; "
                        "'opsbook new' makes .xlsx templates",
                        "带宏的工作簿由“opsbook workbooks build”生成；"
                        "“opsbook new”生成 .xlsx 模板。")
    if file.suffix.lower() != ".xlsx":
        raise CannotRun(f"{file}: templates are .xlsx files",
                        f"{file}：模板是 .xlsx 文件。")
    new_workbook(kind, lang.value, file, sample=sample)
    if lang is Lang.zh:  # said in the workbook's own language
        with_sample = "，含示例数据" if sample else ""
        printing.say(f"{file}：{registry.get(kind).zh}模板（中文）{with_sample}")
    else:
        printing.say(f"{file}: {kind} template (en){' with sample data' if sample else ''}")


@app.command()
@batch_options
def validate(paths: list[Path] = typer.Argument(
                 ..., parser=given_path,
                 help="Workbooks, folders of them or glob patterns ('plans/*.xlsx')."),
             format: Format = format_option(),
             annotate: Path | None = typer.Option(
                 None, parser=given_path,
                 help="Write a copy of the (single) workbook with bad cells marked red, "
                      "a note on each, and an Issues sheet."),
             kind: str | None = typer.Option(None, help="Skip detection: the kind of all."),
             lang: Lang | None = lang_option("Message language (default: each workbook's "
                                             "header language)."),
             max_issues: int = typer.Option(0, min=0, help="List at most this many issues "
                                                          "(0: all); counts are of all."),
             *, batch: BatchOptions) -> None:
    """Check workbooks against the standard: every problem located to its cell.

    The findings go to stdout, progress lines to stderr. Exit 0 valid (warnings allowed), 1
    some workbook has errors (fix the cells listed and run again), 2 a file could not be read
    at all or an option is wrong.
    """
    from opsbook import api

    kind_option(kind)
    if annotate is not None:
        if len(paths) != 1 or paths[0].is_dir():
            raise CannotRun("--annotate takes exactly one workbook",
                            "--annotate 只能用于一个工作簿。")
        batch_only = [name for name, given in (
            ("--manifest", batch.manifest), ("--skip-unchanged", batch.skip_unchanged),
            ("--fail-fast", batch.fail_fast), ("--scheduler", batch.scheduler)) if given]
        if batch_only:  # a batch option would be ignored silently: said before anything
            raise CannotRun(f"--annotate checks one workbook here and now; "
                            f"{', '.join(batch_only)} cannot be used with it",
                            f"--annotate 只在本机检查一个工作簿，不能与 {'、'.join(batch_only)} "
                            "同用。")
        report = api.annotate(paths[0], annotate, kind, lang.value if lang else None)
        if report.readable:  # said in --lang, else in the workbook's language
            zh = (printing.chosen_lang() or report.lang) == "zh"
            printing.note(f"已写出标注副本：{annotate}" if zh else f"annotated copy: {annotate}")
    else:
        report = api.validate(paths, kind=kind, options=batch)
    printing.report(report, format.value, max_issues=max_issues)
    raise typer.Exit(report.exit_code)


@app.command()
def calculate(file: Path = typer.Argument(..., parser=given_path,
                                          help="A standard workbook (.xlsx or .xlsm)."),
              out: Path | None = typer.Option(None, "-o", "--out", parser=given_path,
                                              help="Write to this file instead of FILE."),
              kind: str | None = typer.Option(None, help="Skip detection: the workbook's "
                                                         "kind.")) -> None:
    """Do what the Calculate button does: validate, then write the results sheets.

    Without -o the workbook itself gets the results sheets (through a temporary file and a
    rename, so a failed run leaves it as it was); with errors it gets its bad cells marked
    and an Issues sheet instead. Exit 0 written, 1 the workbook has errors, 2 it could not
    be read or written (read-only, open in Excel).
    """
    from opsbook import api

    kind_option(kind)
    try:
        report, lines = api.calculate(file, out, kind)
    except api.NotAWorkbook as problem:
        raise unreadable(problem) from None
    for line in lines:
        printing.say(line)
    printing.report(report, "text", max_issues=50, quiet_when_valid=True)
    raise typer.Exit(report.exit_code)


@app.command()
def demo(folder: Path = typer.Argument(Path("opsbook-demo"), parser=given_path,
                                       help="Where to put everything: a new or empty folder, "
                                            "or one an earlier demo made."),
         ) -> None:
    """Make sample workbooks of every kind and run every step on them.

    A folder holding anything else is refused before anything is written (exit 2), so no
    file of yours is replaced. Exit 0 when every step worked.
    """
    from opsbook.core.said import Refused
    from opsbook.demo import run

    try:
        code = run(folder, printing.say)
    except Refused as refused:  # a folder the demo would harm: said before anything is written
        raise CannotRun.of(refused) from None
    raise typer.Exit(code)


def _groups() -> None:
    """The command groups, one module each."""
    from opsbook.cli import (
        addin,
        appraisal,
        attendance,
        email,
        plan,
        project,
        report,
        run,
        workbooks,
    )

    app.command("run")(run.run)
    app.add_typer(addin.app, name="addin")
    app.add_typer(appraisal.app, name="appraisal")
    app.add_typer(plan.app, name="plan")
    app.add_typer(project.app, name="project")
    app.add_typer(attendance.app, name="attendance")
    app.command("report")(report.report)
    app.command("email")(email.email)
    app.add_typer(workbooks.app, name="workbooks")


_groups()

#: An argument's name in the usage line, its help and its mistakes, as the README writes it
#: (``opsbook validate PATH...``, ``opsbook demo [DIR]``); any other is its name in capitals.
ARGUMENT_NAMES = {"paths": "PATH", "folder": "DIR"}


def _name_arguments(typer_app: typer.Typer) -> None:
    """Give every command's arguments the names the README uses (``PATH``, ``FILE``,
    ``OLD NEW``), instead of the parameter names (``paths``, ``{paths}...``)."""
    import inspect

    from typer.models import ArgumentInfo

    for command in typer_app.registered_commands:
        for param in inspect.signature(command.callback).parameters.values():
            if isinstance(param.default, ArgumentInfo) and param.default.metavar is None:
                param.default.metavar = ARGUMENT_NAMES.get(param.name, param.name.upper())
    for group in typer_app.registered_groups:
        _name_arguments(group.typer_instance)


_name_arguments(app)


#: Allocations between two collections of the youngest generation (Python's default is 700).
GC_THRESHOLD = 20_000


def _quiet_collector() -> None:
    """Fewer garbage collections for a run that makes millions of short-lived objects.

    The modules imported so far are frozen (never scanned again), and the youngest
    generation is collected every :data:`GC_THRESHOLD` allocations instead of every 700: a
    month's attendance summary spent about a tenth of its time in the collector otherwise.
    Only the command line does this; a program that imports opsbook keeps its own settings.
    """
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def main() -> None:
    """Entry point: every failure becomes one line on stderr and exit code 2.

    Usage errors are said in ``--lang`` (:mod:`opsbook.cli.usage`, exit 2). An unexpected failure is
    said in words, and its traceback kept in :data:`ERROR_LOG` for whoever looks after
    opsbook.
    """
    from opsbook.api import CannotWrite, NothingToCalculate
    from opsbook.batch import BatchProblem, Interrupted, UpToDate
    from opsbook.batch.pool import interrupt_on_term
    from opsbook.io.atomic import WriteFailed

    _quiet_collector()
    _plain_streams()
    interrupt_on_term()  # SIGTERM (a scheduler's time limit) ends any command as Ctrl-C does
    try:
        code = app(standalone_mode=False)  # a usage error comes back here, to be said in --lang
    except click_errors.NoArgsIsHelpError as error:  # the help was printed
        sys.exit(error.exit_code)
    except click_errors.ClickException as error:
        sys.exit(usage.show(error))
    except typer.Abort:
        printing.failed(CannotRun("aborted", "已中止。"))
        sys.exit(1)
    except (CannotRun, CannotWrite, NothingToCalculate, WriteFailed, BatchProblem) as error:
        printing.failed(error)
        sys.exit(2)
    except UpToDate as done:
        printing.notice(done)
        sys.exit(0)
    except Interrupted as stopped:
        printing.failed(stopped)
        sys.exit(130)
    except KeyboardInterrupt:
        printing.failed(_interrupted())
        sys.exit(130)
    except Exception as error:  # anything unexpected: one line, never a traceback
        with contextlib.suppress(OSError):
            ERROR_LOG.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
        if isinstance(error, OSError) and error.filename is not None:  # the system's refusal
            printing.failed(_refused_by_system(error))
            sys.exit(2)
        what = f"{type(error).__name__}: {error}"
        printing.failed(CannotRun(
            f"opsbook could not finish ({what}). If this persists, report it with the details "
            f"kept in {ERROR_LOG}.", f"opsbook 未能完成（{what}）。如果再次出现，请报告此问题，"
            f"并附上 {ERROR_LOG} 中保存的详细信息。"))
        sys.exit(2)
    if code == 130:  # Ctrl-C while a command computed or wrote (Typer ends it quietly)
        printing.failed(_interrupted())
    sys.exit(code if isinstance(code, int) else 0)


def _plain_streams() -> None:
    """Output that the terminal or file cannot encode (✓ and Chinese on a cp1252 or ASCII
    console, a redirect on Windows) is written escaped (``\\u2713``), never a failure."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):  # replaced, or already closed
            stream.reconfigure(errors="backslashreplace")


def _refused_by_system(error: OSError) -> CannotRun:
    """A file or folder the system would not let opsbook use (a name too long, no right to
    write, a full disk), named with the system's reason, in both languages."""
    from opsbook.io.atomic import REASONS_ZH

    reason = (error.strerror or type(error).__name__).rstrip(".")
    zh = REASONS_ZH.get(error.errno or 0, reason)
    return CannotRun(f"cannot use {error.filename}: {reason[:1].lower()}{reason[1:]}; check "
                     "the path and run again", f"无法使用 {error.filename}：{zh}；请检查路径后"
                     "重新运行。")


def _interrupted() -> CannotRun:
    return CannotRun("interrupted; nothing half-written was left behind",
                     "已中断；没有留下写了一半的文件。")


if __name__ == "__main__":
    main()
