"""``opsbook plan …``: the annual plan cycle — consolidate, diff, status, track.

Each function reads and validates its workbooks, computes with :mod:`opsbook.plan` and
returns a :class:`~opsbook.core.kind.Calculation` (``report``, ``result``, ``sheets``,
``headline``); the command line writes the sheets and prints.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from opsbook import registry
from opsbook.api.common import (
    NotAWorkbook,
    PathLike,
    Sources,
    calculate_books,
    check_lang,
    given,
    load,
    read_step,
    read_steps,
    write_output,
)
from opsbook.api.plan_totals import stale_totals
from opsbook.batch.run import Outcome
from opsbook.core.book import Book
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation
from opsbook.core.locate import locate
from opsbook.core.validate import validate_book
from opsbook.io.protect import write_settings
from opsbook.plan.consolidate import consolidate
from opsbook.plan.diff import PlanDiff, diff
from opsbook.plan.headlines import consolidated, most_lang, moved, refused
from opsbook.plan.intake import (
    blocking,
    company_plan_sheet,
    department_plan,
    expected_departments,
    left_departments,
    left_out,
)
from opsbook.plan.outputs import company_sheets, diff_sheets
from opsbook.plan.settings import plan_year
from opsbook.plan.status import Move, move

if TYPE_CHECKING:
    from opsbook.batch import BatchOptions

KIND = "plan"
#: Findings in a department's file that the company plan lists as conflicts: told once.
AS_CONFLICTS = frozenset({"quarters-mismatch", "outside-year", "date-order"})


def _as_conflict(issue: Issue, book: Book) -> bool:
    plan = book.tables["Plan"].name if "Plan" in book.tables else None
    if issue.sheet != plan:
        return False
    return (issue.code in AS_CONFLICTS or (issue.code == "duplicate-key"
                                           and issue.field == "item_id")
            or (issue.code == "out-of-range" and issue.field == "budget"))


def sha256(path: Path) -> str:
    """The SHA-256 digest of a file, in hex."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_names(paths: Sequence[Path]) -> dict[Path, str]:
    """How each file is named in the company plan: its file name, or its path from the
    folder all share when two files have the same name."""
    names = [p.name for p in paths]
    if len(set(names)) == len(names):
        return dict(zip(paths, names))
    root = Path(os.path.commonpath([p.resolve().parent for p in paths])) if paths else Path()
    return {p: p.resolve().relative_to(root).as_posix() for p in paths}


def take_in(outcome: Outcome) -> Outcome:
    """One department workbook as read and validated, taken into the company plan: its Book
    (None when it is left out) and its Report (a left-out file's ends with the
    ``plan-left-out`` issue; findings the company plan lists as conflicts are left to it)."""
    book, checked, _ = outcome
    if book is None:
        return outcome
    made = company_plan_sheet(book)
    if made is not None:  # an earlier company plan in the folder is no department's plan
        checked.issues = [Issue("company-plan-left-out", "warning", file=str(book.path),
                                sheet=made)]
        return Outcome(None, checked)
    reasons = blocking(book, checked.issues)
    if reasons:
        checked.issues.append(left_out(str(book.path), reasons, book))
        return Outcome(None, checked)
    checked.issues = [i for i in checked.issues if not _as_conflict(i, book)]
    return Outcome(book, checked, KIND)


def take_in_steps(paths: list[Path]) -> list[Outcome]:
    """:func:`take_in` for a group of files of a batch run, read together."""
    return [take_in(outcome) for outcome in read_steps(paths, KIND)]


def consolidate_plans(sources: Sources, *, departments: str | Iterable[str] = (),
                      strict: bool = False, year: int | str | None = None,
                      lang: str | None = None, jobs: int = 1,
                      on_file: Callable[[Path], None] | None = None,
                      options: BatchOptions | None = None,
                      output: PathLike | None = None) -> Calculation:
    """Consolidate department plan workbooks (files, folders, glob patterns) into a company
    plan.

    Every workbook is validated through :func:`opsbook.batch.run_files` (``options``: the
    shared batch options, else ``jobs`` processes; ``on_file`` is told of each; the manifest
    goes beside ``output``). One that cannot be read as a plan (no Plan sheet, a required
    column missing, a wrong type or nothing in a required field, or not a workbook) is
    reported and left out; with ``strict`` nothing is consolidated then (``result`` None).
    Conflicts are reported, located in the department files, and every item kept.
    ``departments`` are the departments expected: a list, or a text such as "销售部,运营部";
    ``year`` the plan year (2027, "2027" or "2027年"; default: the one most plans give;
    ValueError, its ``zh`` in Chinese, for no year from 1900 to 2200).
    ``result`` is a :class:`~opsbook.plan.consolidate.CompanyPlan`; ``sheets`` the company
    plan workbook (itself a plan workbook).
    """
    from opsbook.batch import BatchOptions, run_files

    check_lang(lang)
    year = plan_year(year)  # "2027" and "2027年" too; no year: a ValueError in both languages
    departments = expected_departments(departments)
    given(sources)
    options = options or BatchOptions(jobs=jobs)
    run = run_files(take_in_steps, sources, options=options,
                    together=True,
                    command="plan consolidate", output=output, aggregate=True,
                    on_file=on_file, settings={"departments": departments, "strict": strict,
                                               "year": year, "lang": lang})
    report, books = run.report, run.values
    left = sum(1 for o in run.outcomes if o is not None and o.value is None
               and not any(i.code == "company-plan-left-out" for i in o.report.issues))
    unchecked = sum(1 for o in run.outcomes if o is None)  # --fail-fast stopped before them
    digests = {entry["path"]: entry["sha256"] for entry in run.manifest["inputs"]}
    report.lang = lang or most_lang(b.lang for b in books) or most_lang(report.langs.values()) \
        or report.lang  # the company plan's language, whatever the order of the files
    said = report.lang
    if (strict or options.fail_fast) and (left or unchecked):
        return Calculation(report, headline=refused(left + unchecked, said,
                                                     "--strict" if strict else "--fail-fast"))
    if not books:
        report.issues.append(Issue("no-plan-consolidated", file=str(output or "") or None))
        return Calculation(report)
    names = source_names([Path(b.path) for b in books])
    by_name = {names[Path(b.path)]: b for b in books}
    company = consolidate([department_plan(b, names[Path(b.path)],  # hashed as it was read
                                           digests.get(b.path) or sha256(Path(b.path)))
                           for b in books], departments=departments, year=year, lang=lang,
                          left_out=left_departments(i for o in run.outcomes if o is not None
                                                    for i in o.report.issues))
    for issue in company.issues:  # told under the file's own path, at its sheet and cell
        book = by_name.get(issue.file or "")
        if book is not None:
            locate(book, issue)
            issue.file = str(book.path)
        elif output is not None:  # a department that sent nothing: the company plan's
            issue.file = str(output)
    company.conflicts = company.conflicts.assign(
        sheet=[i.sheet for i in company.issues], cell=[i.cell for i in company.issues])
    report.extend(company.issues)
    if output is not None:
        report.langs.setdefault(str(output), company.lang if lang is None else lang)
    _count_conflicts(run.manifest, company.issues)
    lang = lang or company.lang
    return Calculation(report, company, company_sheets(company, lang),
                       consolidated(company, len(books), left, lang))


def _count_conflicts(manifest: dict, issues: list[Issue]) -> None:
    """The manifest's entry of each department file counts the conflicts found in it (an
    input with errors is read again by the next ``--skip-unchanged`` run)."""
    entries = {entry["path"]: entry for entry in manifest["inputs"]}
    for issue in issues:
        entry = entries.get(issue.file or "")
        if entry is not None:
            entry[f"{issue.severity}s"] = entry.get(f"{issue.severity}s", 0) + 1
            if issue.severity == "error" and entry["status"] == "valid":
                entry["status"] = "invalid"


def _read_plan(path: PathLike) -> tuple[Book, Report, list[Issue]]:
    """A plan workbook, its validation, and what keeps it from being read as a plan."""
    book = load(path, registry.get(KIND))
    checked = validate_book(book)
    return book, checked, blocking(book, checked.issues)


def diff_plans(old: PathLike, new: PathLike, *, lang: str | None = None) -> Calculation:
    """Compare two versions of a plan: items added, removed and changed (field by field).

    ``result`` is a :class:`~opsbook.plan.diff.PlanDiff` (its ``exit_code``: 0 equal, 1
    different); None when either workbook cannot be read as a plan (``report`` says why).
    A cell whose value could not be read (a wrong type, a formula without a value or with an
    error) is compared as blank and listed in ``report`` at its cell; other findings
    (conflicts) do not stop a comparison and are not reported.
    """
    check_lang(lang)
    before, checked_old, stop_old = _read_plan(old)
    after, checked_new, stop_new = _read_plan(new)
    if stop_old or stop_new:
        return Calculation(Report.of(stop_old + stop_new, before.lang))
    # a cell that could not be read is compared as blank: each is said, at its cell
    checks = (checked_old,) if Path(old).resolve() == Path(new).resolve() else (
        checked_old, checked_new)
    unread = [i for c in checks for i in c.issues if i.code in UNREAD]
    result: PlanDiff = diff(before["Plan"], after["Plan"])
    lang = lang or after.lang
    counts = result.counts()
    headline = (f"新增 {counts['added']} 项，删除 {counts['removed']} 项，修改 "
                f"{counts['changed_items']} 项" if lang == "zh" else
                f"{counts['added']} added, {counts['removed']} removed, "
                f"{counts['changed_items']} changed")
    report = Report(issues=unread, files=[str(old), str(new)], lang=lang)
    return Calculation(report, result, diff_sheets(result, lang), headline)


#: Findings of a cell whose value could not be read (it is compared as blank).
UNREAD = ("type-error", "formula-no-value", "formula-error")


def set_plan_status(path: PathLike, status: str, *, today: dt.date | None = None
                    ) -> Calculation:
    """Move a plan workbook one step: draft → submitted → reviewed → final, in place.

    A final plan has its version incremented, ``final_on`` recorded and every sheet
    protected without a password (a guard against slips, not a lock). A refused move leaves
    the file untouched; ``report`` says why. ``result`` is the
    :class:`~opsbook.plan.status.Move` (None when the file cannot be read as a plan).
    ``status`` is English in any case or the Chinese label (已提交, 已审核, 定稿).
    Raises ValueError (its ``zh`` in Chinese) for an unknown status, and
    :class:`~opsbook.api.CannotWrite` (its ``zh`` the same in Chinese) for a workbook the
    status cannot be written into: an .xls, .xlsb or .ods file (save it as .xlsx first) or a
    write-protected one; the file is left untouched.
    """
    from opsbook.api.workbook import CannotWrite, check_not_open
    from opsbook.plan.status import asked, not_writable

    status = asked(status)  # an unknown status is refused before the file is read
    path = Path(path)
    book, checked, stop = _read_plan(path)
    if stop:  # not readable as a plan: nothing is moved
        return Calculation(Report.of(stop, book.lang), headline=(
            "状态未变更：请先修正以下错误。" if book.lang == "zh" else
            "status not changed: correct the errors below first."))
    why = not_writable(str(path), book.format,
                       any(i.code == "write-protected" for i in book.issues))
    if why is not None:
        raise CannotWrite(*why)
    check_not_open(path, copy_option=False)
    review = book["Review"]
    done: Move = move(book.settings.status, book.settings.version, status, review,
                      book["Plan"]["item_id"], errors=len(checked.errors), today=today)
    issues = [locate(book, i) for i in done.issues] + stale_totals(path, book)
    if any(i.code == "plan-has-errors" for i in issues):
        issues += checked.errors                 # which errors keep it from becoming final
    for issue in issues:
        issue.file = issue.file or str(path)
    if done.ok:
        sheet = next((s for s, _ in book.settings_cells.values()),
                     "设置" if book.lang == "zh" else "Settings")
        write_settings(path, done.settings, book.settings_cells, sheet, protect=done.protect)
    report = Report(issues=issues, files=[str(path)], lang=book.lang,
                    langs={str(path): book.lang})
    return Calculation(report, done if done.ok else None, headline=moved(done, book.lang))


def actuals_of(path: Path) -> Outcome:
    """One workbook of actuals for tracking: its Book when it has an Actuals sheet, and what
    reading that sheet found (a department plan without one adds nothing, silently; any
    other workbook without one is a ``no-actuals`` warning)."""
    try:
        other = load(path, registry.get(KIND))
    except NotAWorkbook as error:  # another kind's workbook adds nothing, which is said
        issue = error.issue if error.issue.code != "wrong-kind" else Issue(
            "no-actuals", "warning", file=str(path), sheet="Actuals / 执行情况")
        return Outcome(None, Report(issues=[issue], files=[str(path)]))
    if "Actuals" not in other:  # a department plan may have none; another workbook is said
        issues = [] if "Plan" in other else [Issue("no-actuals", "warning", file=str(path),
                                                   sheet="Actuals / 执行情况")]
        return Outcome(None, Report(issues=issues, files=[str(path)],
                                    langs={str(path): other.lang}))
    name = other.tables["Actuals"].name
    return Outcome(other, Report(issues=[i for i in other.issues if i.sheet == name],
                                 files=[str(path)], langs={str(path): other.lang}), KIND)


def track_input(path: Path, main: str) -> Outcome:
    """One input of ``plan track`` in a batch: the plan (``main``) read and validated, any
    other as actuals."""
    return read_step(path, KIND) if str(path) == main else actuals_of(path)


def track_plan(plan: PathLike, actuals: Sources = (), *, as_of: dt.date | str | None = None,
               options: BatchOptions | None = None, output: PathLike | None = None,
               lang: str | None = None) -> Calculation:
    """Track a plan workbook against actuals by month: its own Actuals sheet and those of
    the workbooks in ``actuals`` (department plans: files, folders, glob patterns), read
    through :func:`opsbook.batch.run_files` with ``options`` (the manifest beside
    ``output``). A plan with errors is not tracked. ``result`` is a
    :class:`~opsbook.plan.tracking.Tracking`; ``sheets`` and ``headline`` are in ``lang``
    (default: the plan's language). ``as_of`` is a date, a datetime (its day) or a text
    YYYY-MM-DD. Raises NotAWorkbook when the plan cannot be read, ValueError when ``as_of``
    is no date."""
    check_lang(lang)
    from opsbook.api.project import status_day
    from opsbook.batch import run_files

    as_of = status_day(as_of)

    kind = registry.get(KIND)
    main = str(Path(plan))
    here = Path(plan).resolve()
    sources = [main, *(actuals if isinstance(actuals, (list, tuple)) else [actuals])] \
        if actuals else [main]
    run = run_files(track_input, sources, args=(main,), options=options,
                    command="plan track", output=output, aggregate=True,
                    settings={"as_of": as_of, "lang": lang,  # without as_of, as of today:
                              **({"today": dt.date.today().isoformat()}  # a new day is a
                                 if as_of is None else {})})             # new tracking
    parts = dict(zip(map(str, run.files), run.outcomes))
    first = parts.pop(main, None)
    if first is None or first.value is None:
        issues = first.report.issues if first else run.report.issues
        raise NotAWorkbook(next(i for i in issues if i.severity == "error"))
    book, report = first.value, first.report
    others = []
    for path, outcome in parts.items():
        if Path(path).resolve() == here:
            continue
        if outcome is None:  # not read in this run: the run's note says why
            report.extend(i for i in run.report.issues if i.file == path)
            report.files.append(path)
            continue
        report.extend(outcome.report.issues)
        report.files.extend(f for f in outcome.report.files or [path] if f not in report.files)
        report.langs.update(outcome.report.langs)
        if outcome.value is not None:
            others.append(outcome.value)
    named = set(map(str, run.files))  # and what the sources gave no file for: a folder of
    for issue in run.report.issues:  # no workbook adds no actuals, which is said
        if issue.file not in named:
            report.extend([issue if issue.code != "not-a-workbook" else Issue(
                "no-actuals", "warning", file=issue.file)])
    return calculate_books(kind, [book], report, as_of=as_of, actuals_from=others, lang=lang)


def demo(folder: Path, samples: dict[str, Path], say: Callable[[str], None]) -> int:
    """The plan cycle on a folder of department plans: consolidate (conflicts planted),
    consolidate the corrected plans, diff the two, move the revision to final, track it.
    Returns the worst exit code of the steps whose outcome is not planted."""
    from opsbook.api.workbooks import new_workbook
    from opsbook.plan.sample import department_plans

    plans = folder / "plans"
    sent = department_plans(conflicts=True)
    for department, frames in sent.items():
        new_workbook(KIND, "zh", plans / f"{department}.xlsx", frames=frames)
    expected = [*sent, "法务部"]
    first = consolidate_plans(plans, departments=expected)
    v1 = write_output(folder / "company_plan.v1.xlsx", first.sheets)
    say(f"· plan consolidate plans/ → {v1.name}: {first.headline} (planted; 法务部 sent "
        "nothing)")
    for department, frames in department_plans(conflicts=False).items():
        new_workbook(KIND, "zh", plans / f"{department}.xlsx", frames=frames)
    second = consolidate_plans(plans, departments=list(sent))
    v2 = write_output(folder / "company_plan.v2.xlsx", second.sheets)
    say(f"· plan consolidate (corrected plans) → {v2.name}: {second.headline}")
    changes = diff_plans(v1, v2)
    say(f"· plan diff {v1.name} {v2.name}: {changes.headline}")
    refused = set_plan_status(v2, "final")
    why = refused.report.issues[0].message("zh") if refused.report.issues else ""
    say(f"· plan status {v2.name} --set final: refused, {why}")
    code = second.exit_code
    for status in ("submitted", "reviewed", "final"):
        moved = set_plan_status(v2, status)
        code = max(code, moved.exit_code)
    say(f"· plan status {v2.name} --set submitted, reviewed, final: {moved.headline}")
    tracked = track_plan(v2, plans, as_of=dt.date(2027, 6, 30))
    if tracked.computed:
        out = write_output(folder / "tracking.xlsx", tracked.sheets)
        say(f"· plan track {v2.name} plans/ --as-of 2027-06-30 → {out.name}: "
            f"{tracked.headline}")
    return max(code, tracked.exit_code)
