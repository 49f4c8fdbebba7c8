"""``opsbook appraisal …``: scoring a cycle."""

from __future__ import annotations

from pathlib import Path

import typer

from opsbook.batch import BatchOptions, batch_options
from opsbook.cli.common import Lang, finish, given_path, lang_option, plain_failures

app = typer.Typer(no_args_is_help=True, help="Appraisal scoring.")


@app.command("score")
@batch_options
def score(file: Path = typer.Argument(..., parser=given_path, help="An appraisal workbook."),
          out: Path = typer.Option(..., "-o", "--out", parser=given_path,
                                   help="The results workbook."),
          history: list[Path] = typer.Option(
              [], parser=given_path,
              help="Earlier cycles' result or appraisal workbooks, folders of them or "
                   "glob patterns (repeatable)."),
          lang: Lang | None = lang_option("Language of the results and the messages "
                                          "(default: the workbook's)."),
          *, batch: BatchOptions) -> None:
    """Score an appraisal: weighted totals, grades, bonus, outcomes, escalation.

    The results workbook has Results, Departments, Raters, Self-rating Gap, Checks and a
    History sheet with earlier cycles plus this one, for the next cycle's --history. A
    workbook with errors is not scored (exit 1); the errors are listed.
    """
    from opsbook import api

    with plain_failures():
        api.check_output(out, file, *history)
        done = api.score_appraisal(file, history, lang=lang.value if lang else None,
                                   options=batch, output=out)
    finish(done, out)
