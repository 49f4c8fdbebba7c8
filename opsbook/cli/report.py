"""``opsbook report``: the report of a workbook as .xlsx, .html or .pdf."""

from __future__ import annotations

from pathlib import Path

import typer

from opsbook.batch import BatchOptions, batch_options
from opsbook.cli import printing
from opsbook.cli.common import CannotRun, Lang, given_path, kind_option, lang_option, plain_failures

#: The computing commands' own inputs a report (and ``email``) takes, as they take them.
HISTORY = "An appraisal's earlier cycles, as 'appraisal score --history' takes them (repeatable)."
PUNCHES = ("An attendance report's punch exports, as 'attendance summarize --punches' takes "
           "them (repeatable).")
MONTH = "An attendance report's month, YYYY-MM (as 'attendance summarize --month')."
AS_OF = ("A project's or a plan's report as of this date (as 'project status' and 'plan "
         "track' take it).")


@batch_options
def report(paths: list[Path] = typer.Argument(
               ..., parser=given_path,
               help="A standard workbook whose kind has a report, or several of one kind "
                    "(files, folders, glob patterns: the trackers of a portfolio, every "
                    "department's attendance)."),
           out: list[Path] = typer.Option(..., "-o", "--out",
                                          parser=given_path,
                                          help="report.xlsx, report.html or report.pdf "
                                               "(repeatable)."),
           lang: Lang | None = lang_option("Language of the report and the messages "
                                           "(default: the workbook's)."),
           kind: str | None = typer.Option(None, help="Skip detection: the kind of all."),
           history: list[Path] = typer.Option([], parser=given_path, help=HISTORY),
           punches: list[Path] = typer.Option([], parser=given_path, help=PUNCHES),
           month: str | None = typer.Option(None, help=MONTH),
           as_of: str | None = typer.Option(None, "--as-of", metavar="YYYY-MM-DD", help=AS_OF),
           *, batch: BatchOptions) -> None:
    """Write a report: a summary workbook with charts, a self-contained HTML page, or a PDF.

    Sections: purpose, method, results (headline figures against the previous period, charts,
    tables) and recommendations. A workbook with errors gets no report (exit 1); the errors
    are listed. A PDF needs Chromium (Debian: chromium, fonts-noto-cjk). Appraisal and plan
    reports are made from one workbook at a time.
    """
    from opsbook import api
    from opsbook.reports.images import MissingFont
    from opsbook.reports.pdf import BrowserFailed, NoBrowser

    kind_option(kind)
    with plain_failures():
        try:
            built = api.build_report(list(paths), list(out), lang=lang.value if lang else None,
                                     options=batch, kind=kind, history=history,
                                     punches=punches, month=month, as_of=as_of)
        except (NoBrowser, BrowserFailed, MissingFont) as error:
            raise CannotRun.of(error) from None
    for path in built.paths:
        printing.say(printing.headed(path, built.summary.title, built.report))
    printing.report(built.report, "text", max_issues=50, quiet_when_valid=True)
    if built.summary is None:
        zh = printing.spoken(built.report) == "zh"
        names = "、".join(map(str, out)) if zh else ", ".join(map(str, out))
        printing.note(printing.not_made(names, built.report))
    raise typer.Exit(built.exit_code)
