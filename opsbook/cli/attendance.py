"""``opsbook attendance …``: monthly attendance summaries."""

from __future__ import annotations

from pathlib import Path

import typer

from opsbook.batch import BatchOptions, batch_options
from opsbook.cli import printing
from opsbook.cli.common import CannotRun, Lang, unreadable

app = typer.Typer(no_args_is_help=True, help="Attendance summaries.")


@app.command("summarize")
@batch_options
def summarize(paths: list[Path] = typer.Argument(..., help="Attendance workbooks, folders or "
                                                         "glob patterns."),
              out: Path = typer.Option(..., "-o", "--out", help="The summary workbook."),
              month: str | None = typer.Option(None, help="The month, YYYY-MM (default: the "
                                                          "month setting)."),
              punches: list[Path] = typer.Option(
                  [], help="A punch export (time clock log, DingTalk record or daily "
                           "report); repeatable."),
              lang: Lang | None = typer.Option(None, help="Language of the summary "
                                                  "(default: the first workbook's)."),
              *, batch: BatchOptions) -> None:
    """Summarise attendance: Daily, Monthly, Departments and Violations sheets.

    Employees are keyed by employee ID across the workbooks. A workbook with errors, or a
    month without clock data, is not summarised (exit 1); the problems are listed.
    """
    from opsbook import api

    try:
        api.check_output(out, *paths, *punches)
        done = api.summarize_attendance(paths, month=month, punches=punches,
                                        lang=lang.value if lang else None, options=batch,
                                        output=out)
    except api.NotAWorkbook as problem:
        raise unreadable(problem) from None
    except ValueError as error:
        raise CannotRun(str(error)) from None
    if done.computed:
        api.write_output(out, done.sheets)
        printing.say(f"{out}: {done.headline}")
    printing.report(done.report, "text", None, 50, quiet_when_valid=True)
    raise typer.Exit(done.exit_code)
