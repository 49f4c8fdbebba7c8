"""``opsbook project …``: the status of project trackers."""

from __future__ import annotations

from pathlib import Path

import typer

from opsbook.batch import BatchOptions, batch_options
from opsbook.cli.common import Lang, finish, given_path, lang_option, plain_failures

app = typer.Typer(no_args_is_help=True, help="Project tracking.")


@app.command("status")
@batch_options
def status(paths: list[Path] = typer.Argument(..., parser=given_path,
                                              help="Project trackers, folders of them or "
                                                   "glob patterns."),
           out: Path = typer.Option(..., "-o", "--out", parser=given_path,
                                    help="The status workbook."),
           as_of: str | None = typer.Option(
               None, "--as-of", metavar="YYYY-MM-DD",
               help="Status date, YYYY-MM-DD, from 1900-01-01 to 2200-12-31 (wins over each "
                    "tracker's Settings, and actual dates are checked against it; without "
                    "either, today)."),
           lang: Lang | None = lang_option("Language of the status workbook and the "
                                           "messages (default: the first tracker's)."),
           *, batch: BatchOptions) -> None:
    """Earned value (PV, EV, AC, SV, CV, SPI, CPI, EAC, ETC, VAC, TCPI), RAG status,
    deviations with corrective actions, phase gates, risks and a Gantt chart.

    The status workbook has Status, Task Earned Value, Deviations, Gates, Risk Matrix and
    Gantt sheets. A tracker with errors is left out, and named in the status workbook, and
    the others are computed (exit 1; 2 when a file cannot be read); with --fail-fast, or when
    every tracker has errors, nothing is written. A project id in two files is an error too
    (the file whose name comes first is counted, whatever order the files are named in).
    """
    from opsbook import api
    from opsbook.api.project import status_day

    with plain_failures():
        when = status_day(as_of)  # a date not written YYYY-MM-DD: refused in --lang
        api.check_output(out, *[p for p in paths if p.is_file()])
        done = api.project_status(paths, as_of=when,
                                  lang=lang.value if lang else None, options=batch,
                                  output=out)
    finish(done, out)
