"""``opsbook plan …``: the annual plan cycle — consolidate, diff, status, track."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from opsbook.batch import BatchOptions, batch_options
from opsbook.cli import printing
from opsbook.cli.common import (
    CannotRun,
    Format,
    Lang,
    finish,
    format_option,
    given_path,
    lang_option,
    plain_failures,
)

if TYPE_CHECKING:
    from opsbook.api import NotAWorkbook
    from opsbook.core.issues import Issue

app = typer.Typer(no_args_is_help=True, help="The annual plan cycle: consolidate, diff, "
                                             "status, track.")


def _status(value: str) -> str:
    """``--set``: submitted, reviewed or final in any case, or the Chinese label (已提交,
    已审核, 定稿), as Python's ``set_plan_status`` takes it; else one line (in ``--lang``,
    else in English and then Chinese) and exit 2, before the file is read."""
    from opsbook.plan.status import asked

    try:
        return asked(value)  # draft too: the move is refused as a step back, as in Python
    except ValueError as error:
        raise CannotRun.of(error) from None


def _plan_year(value: str | None) -> int | None:
    """``--year``: a year a plan can have (the bounds of the plan's ``year`` setting), else
    one line (in ``--lang``, else in English and then Chinese) and exit 2, before any file
    is read."""
    from opsbook.plan.settings import plan_year

    try:
        return plan_year(value, "--year")
    except ValueError as error:
        raise CannotRun.of(error) from None


@app.command("consolidate")
@batch_options
def consolidate(paths: list[Path] = typer.Argument(..., parser=given_path,
                                                   help="Department plan workbooks, "
                                                        "folders of them or glob patterns."),
                out: Path = typer.Option(..., "-o", "--out", parser=given_path,
                                         help="The company plan workbook."),
                departments: str | None = typer.Option(
                    None, help="Departments expected, comma separated: one that sent nothing "
                               "is a conflict."),
                strict: bool = typer.Option(False, help="Stop before writing anything when "
                                                       "a file cannot be read as a plan."),
                year: str | None = typer.Option(None, help="The plan year (default: the one "
                                                          "most plans give)."),
                lang: Lang | None = lang_option("Language of the company plan and the "
                                                "messages (default: most plans')."),
                *, batch: BatchOptions) -> None:
    """Consolidate department plans into one company plan: items with their source file,
    totals by department and quarter, conflicts to follow up, a Review sheet.

    A file that cannot be read as a plan is reported and left out (with --strict nothing is
    written, exit 1). Consolidating again into a company plan carries its reviewers' decisions over
    for the items still there and unchanged; the others are listed. A file at OUT that
    cannot be read, a final plan or a department's plan is never replaced. Exit 0 when no
    conflict is an error (a KPI planned twice, a department missing or claimed twice are
    warnings), 1 when one is or a file was left out, 2 when no plan could be read or OUT
    is not to be replaced.
    """
    from opsbook import api

    with plain_failures():
        api.check_output(out, *paths, replaces="plan", read_first=True)
        done = api.consolidate_plans(paths, departments=departments, strict=strict,
                                     year=_plan_year(year), lang=lang.value if lang else None,
                                     options=batch, output=out)
    if done.computed:
        api.write_output(out, done.sheets)
        printing.say(printing.headed(out, done.headline, done.report))
    elif done.headline:
        printing.say(done.headline)
    printing.report(done.report, "text", max_issues=50, quiet_when_valid=True)
    raise typer.Exit(done.exit_code)


@app.command("diff")
def diff(old: Path = typer.Argument(..., parser=given_path, help="The earlier plan workbook."),
         new: Path = typer.Argument(..., parser=given_path, help="The later plan workbook."),
         out: Path | None = typer.Option(None, "-o", "--out", parser=given_path,
                                         help="Also write the differences as a workbook."),
         format: Format = format_option(),
         lang: Lang | None = lang_option("Language of the workbook (default: NEW's) and "
                                         "of the messages.")) -> None:
    """Items added, removed and changed between two versions of a plan (moved rows are not
    changes). Exit 0 when they hold the same items, 1 when they differ, 2 when one cannot be
    read as a plan."""
    from opsbook import api
    from opsbook.core.issues import Report
    from opsbook.core.kind import Calculation
    from opsbook.plan.diff import to_json, to_markdown, to_text

    with plain_failures():
        if out is not None:
            api.check_output(out, old, new)  # a plan at OUT is never replaced by them
        try:
            done = api.diff_plans(old, new, lang=lang.value if lang else None)
        except api.NotAWorkbook as problem:  # no file, a folder, a lock file, a .csv …
            if format is Format.text:        # one line in both languages, as elsewhere
                raise
            done = Calculation(Report.of([_unread(problem)]))  # JSON stays JSON
    if not done.computed:  # said in the form asked for, as validate says its findings
        printing.report(done.report, format.value, max_issues=50)
        raise typer.Exit(2)
    told = printing.chosen_lang() or done.report.lang or "en"  # NEW's, as its workbook
    render = {"text": lambda d: to_text(d, told), "json": to_json,
              "markdown": lambda d: to_markdown(d, told)}[format.value]
    printing.say(render(done.result))
    # cells compared as blank because they could not be read; beside JSON or Markdown on
    # stdout they go to stderr, so that the output stays whole
    printing.report(done.report, "text", max_issues=50, quiet_when_valid=True,
                    file=None if format is Format.text else sys.stderr)
    if out is not None:
        api.write_output(out, done.sheets)
        same = done.result.exit_code == 0  # the workbook says so too: nothing to list
        printing.note((f"比较结果已写入 {out}（无差异）" if same else f"差异已写入 {out}")
                      if told == "zh" else  # as the diff was told
                      f"comparison written to {out} (no differences)" if same else
                      f"differences written to {out}")
    raise typer.Exit(done.result.exit_code)


def _unread(problem: NotAWorkbook) -> Issue:
    """The issue of a file ``plan diff`` cannot read as a plan, as its report says it: a
    result opsbook wrote (a note where ``validate`` skips it) is a file not read here
    (``not-a-workbook``), so that JSON says ``"readable": false`` as the exit code 2 does."""
    from opsbook.core.issues import Issue

    issue = problem.issue
    if issue.category == "file":
        return issue
    en, zh = (str(problem).removeprefix(f"{issue.file}: "),
              problem.zh.removeprefix(f"{issue.file}："))
    return Issue("not-a-workbook", file=issue.file, params={
        "detail": en[:1].lower() + en[1:].rstrip("."), "detail_zh": zh.rstrip("。")})


@app.command("status")
def status(file: Path = typer.Argument(..., parser=given_path,
                                       help="A plan workbook (changed in place)."),
           set_: str = typer.Option(..., "--set", metavar="submitted|reviewed|final",
                                    help="The next status (any case, or 已提交, 已审核, "
                                         "定稿)."),
           lang: Lang | None = lang_option("Language of the messages (default: the "
                                           "plan's).")) -> None:
    """Move a plan one step: draft → submitted → reviewed → final.

    A plan with unresolved revise/reject decisions or with errors cannot become final. A final
    plan gets its version incremented and every sheet protected, without a password: a guard
    against slips, not a lock. A refused move says why and changes nothing (exit 1). An .xls,
    .xlsb or .ods plan (read for checking only) or a write-protected one is not changed
    either: save it as .xlsx first (exit 2).
    """
    from opsbook import api

    asked = _status(set_)  # an unknown status is refused before the file is read
    with plain_failures():  # .xls, .xlsb, .ods or write-protected: a refusal, untouched
        done = api.set_plan_status(file, asked, lang=lang.value if lang else None)
    printing.say(printing.headed(file, done.headline, done.report))
    printing.report(done.report, "text", max_issues=50, quiet_when_valid=True)
    raise typer.Exit(done.exit_code)


@app.command("track")
@batch_options
def track(plan: Path = typer.Argument(..., parser=given_path, help="The plan workbook."),
          actuals: list[Path] = typer.Argument(None, parser=given_path,
                                               help="Workbooks (folders, glob patterns) "
                                                    "whose Actuals sheets add actuals."),
          out: Path = typer.Option(..., "-o", "--out", parser=given_path,
                                   help="The tracking workbook."),
          as_of: str | None = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: the "
                                                                 "last month with actuals)."),
          lang: Lang | None = lang_option("Language of the tracking workbook and the "
                                          "messages (default: the plan's)."),
          *, batch: BatchOptions) -> None:
    """Actuals by month against targets to date: completion per item, department and
    company, and the items behind schedule (below behind_threshold)."""
    from opsbook import api
    from opsbook.api.project import status_day

    with plain_failures():
        when = status_day(as_of)  # YYYY-MM-DD only (not 20270630): refused in --lang
        api.check_output(out, plan, *(actuals or []))
        done = api.track_plan(plan, actuals or [], as_of=when, options=batch, output=out,
                              lang=lang.value if lang else None)
    finish(done, out)
