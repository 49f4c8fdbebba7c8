"""``opsbook attendance …``: monthly attendance summaries."""

from __future__ import annotations

from pathlib import Path

import typer

from opsbook.batch import BatchOptions, batch_options
from opsbook.cli.common import Lang, finish, given_path, lang_option, plain_failures

app = typer.Typer(no_args_is_help=True, help="Attendance summaries.")


@app.command("summarize")
@batch_options
def summarize(paths: list[Path] = typer.Argument(..., parser=given_path,
                                                 help="Attendance workbooks, folders or "
                                                      "glob patterns."),
              out: Path = typer.Option(..., "-o", "--out", parser=given_path,
                                       help="The summary workbook."),
              month: str | None = typer.Option(None, help="The month, YYYY-MM (default: each "
                                                          "workbook's month setting; blank: "
                                                          "every month of its clock rows)."),
              punches: list[Path] = typer.Option(
                  [], parser=given_path,
                  help="A punch export (time clock log, DingTalk record or daily "
                       "report, WeCom punch detail); repeatable."),
              lang: Lang | None = lang_option("Language of the summary and the messages "
                                              "(default: the first workbook's)."),
              *, batch: BatchOptions) -> None:
    """Summarise attendance: Daily, Monthly, Departments and Violations sheets.

    Employees are keyed by employee ID across the workbooks. A workbook with errors, or a
    month without clock data, is not summarised (exit 1); the problems are listed.
    """
    from opsbook import api

    with plain_failures():
        api.check_output(out, *paths, *punches)
        done = api.summarize_attendance(paths, month=month, punches=punches,
                                        lang=lang.value if lang else None, options=batch,
                                        output=out)
    finish(done, out)
