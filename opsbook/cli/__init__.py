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
        lang: Lang = typer.Option(Lang.zh, help="Language of sheets, headers and lists."),
        sample: bool = typer.Option(False, help="Fill it with seeded sample data."),
        force: bool = typer.Option(False, help="Replace FILE if it exists.")) -> None:
    """Make a blank (or sample) standard workbook, styled, with drop-down lists."""
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
             format: Format = typer.Option(Format.text, "--format", "-f", help="Output form."),
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
    """Check workbooks against the standard: every problem located to its cell."""
    from opsbook import api

    kind_option(kind)
    if annotate is not None:
        if len(paths) != 1 or paths[0].is_dir():
            raise CannotRun("--annotate takes exactly one workbook",
                            "--annotate 只能用于一个工作簿。")
        report = api.annotate(paths[0], annotate, kind, lang.value if lang else None)
        if report.readable:
            printing.note(printing.pick(f"annotated copy: {annotate}",
                                        f"已写出标注副本：{annotate}"))
    else:
        report = api.validate(paths, kind=kind, options=batch)
    printing.report(report, format.value, max_issues=max_issues)
    raise typer.Exit(report.exit_code)


@app.command()
def calculate(file: Path = typer.Argument(..., parser=given_path,
                                          help="A standard workbook (.xlsx or .xlsm)."),
              out: Path | None = typer.Option(None, "-o", "--out", parser=given_path,
                                              help="Write to this file instead of FILE."),
              kind: str | None = typer.Option(None, help="Skip detection.")) -> None:
    """Do what the Calculate button does: validate, then write the results sheets.

    Without -o the workbook itself gets the results sheets (through a temporary file and a
    rename, so a failed run leaves it as it was).
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
                                       help="Where to put everything."),
         ) -> None:
    """Make sample workbooks of every kind and run every step on them."""
    from opsbook.demo import run

    if folder.exists() and not folder.is_dir():
        raise CannotRun(f"{folder} is a file; give a folder for the demo (it is created if "
                        "needed)", f"{folder} 是文件；请给出演示用的文件夹（不存在时会创建）。")
    raise typer.Exit(run(folder, printing.say))


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
        printing.fail(f"opsbook could not finish ({type(error).__name__}: {error}). If this "
                    f"persists, report it with the details kept in {ERROR_LOG}.")
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


def _interrupted() -> CannotRun:
    return CannotRun("interrupted; nothing half-written was left behind",
                     "已中断；没有留下写了一半的文件。")


if __name__ == "__main__":
    main()
