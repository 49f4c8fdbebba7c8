"""``opsbook plan …``: the annual plan cycle — consolidate, diff, status, track.

Each function reads and validates its workbooks, computes with :mod:`opsbook.plan` and
returns a :class:`~opsbook.core.kind.Calculation` (``report``, ``result``, ``sheets``,
``headline``); the command line writes the sheets and prints. Consolidation is in
:mod:`opsbook.api.plan_consolidate` (its functions are here too).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from opsbook import registry
from opsbook.api.common import (
    NotAWorkbook,
    PathLike,
    Sources,
    calculate_books,
    check_lang,
    load,
    not_read,
    paths_only,
    read_step,
    write_output,
)
from opsbook.api.plan_consolidate import (  # noqa: F401  (the plan cycle's functions, here)
    consolidate_plans,
    sha256,
    source_names,
    take_in,
    take_in_steps,
)
from opsbook.api.plan_totals import stale_totals
from opsbook.batch.run import Outcome
from opsbook.core.book import Book
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation
from opsbook.core.locate import locate
from opsbook.core.said import Refused
from opsbook.core.validate import validate_book
from opsbook.io.locks import lock_file
from opsbook.io.protect import write_settings
from opsbook.plan.calculate import read_as_plan
from opsbook.plan.carry import with_department
from opsbook.plan.diff import PlanDiff, diff
from opsbook.plan.headlines import moved
from opsbook.plan.intake import blocking
from opsbook.plan.outputs import diff_sheets
from opsbook.plan.schema import ACTUALS
from opsbook.plan.status import Move, move

if TYPE_CHECKING:
    from opsbook.batch import BatchOptions

KIND = "plan"


def one_plan(path: object, who: str) -> PathLike:
    """``path`` when it is one workbook's path; else Refused (a ValueError, its ``zh`` in
    Chinese), before anything is read: None, a number, a Book already loaded (its file is
    what is read) or a list said in words, never a TypeError from inside the reading."""
    if isinstance(path, (str, os.PathLike)):
        return path
    what = type(path).__name__
    raise Refused(f"{who} takes one plan workbook's path, got {what}: give the file (for a "
                  "Book, its book.path)",
                  f"{who} 需要一个计划工作簿的路径，当前为 {what}：请传入文件路径（已读入的 Book "
                  "请传入 book.path）。")


def _read_plan(path: PathLike) -> tuple[Book, Report, list[Issue]]:
    """A plan workbook, its validation, and what keeps it from being read as a plan."""
    book = load(path, registry.get(KIND))
    checked = validate_book(book)
    return book, checked, blocking(book, checked.issues)


def diff_plans(old: PathLike, new: PathLike, *, lang: str | None = None) -> Calculation:
    """Compare two versions of a plan: items added, removed and changed (field by field).

    ``result`` is a :class:`~opsbook.plan.diff.PlanDiff` (its ``exit_code``: 0 equal, 1
    different, the :class:`Comparison`'s too); None when either workbook cannot be read as
    a plan (``report`` says why; ``exit_code`` 2).
    A cell whose value could not be read (a wrong type, a formula without a value or with an
    error) is compared as blank and listed in ``report`` at its cell; other findings
    (conflicts) do not stop a comparison and are not reported. ``old`` or ``new`` that is
    no path (None, a list, a Book: give its path) is Refused, a ValueError, its ``zh`` in
    Chinese; a file that is no workbook is NotAWorkbook.
    """
    check_lang(lang)
    old, new = one_plan(old, "diff_plans"), one_plan(new, "diff_plans")
    before, checked_old, stop_old = _read_plan(old)
    after, checked_new, stop_new = _read_plan(new)
    if stop_old or stop_new:  # said in NEW's language, as the differences would be
        return Comparison(Report.of(stop_old + stop_new, lang or after.lang))
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
    return Comparison(report, result, diff_sheets(result, lang), headline)


@dataclass
class Comparison(Calculation):
    """What :func:`diff_plans` returns: its ``exit_code`` is the command's, as ``diff``'s
    is — 0 when the plans hold the same items, 1 when they differ, 2 when either cannot be
    read as a plan (``result`` None) — not whether the plans are free of errors."""

    @property
    def exit_code(self) -> int:
        return 2 if self.result is None else self.result.exit_code


@dataclass
class StatusMove(Calculation):
    """What :func:`set_plan_status` returns: its ``exit_code`` is the command's — 0 when the
    plan moved (warnings said with it), 1 when the move was refused, 2 when the file could
    not be read — not whether the plan is free of errors."""

    @property
    def exit_code(self) -> int:
        return 0 if self.computed else min(max(super().exit_code, 1), 2)


#: Findings of a cell whose value could not be read (it is compared as blank).
UNREAD = ("type-error", "formula-no-value", "formula-error")


def set_plan_status(path: PathLike, status: str, *, today: dt.date | None = None,
                    lang: str | None = None) -> Calculation:
    """Move a plan workbook one step: draft → submitted → reviewed → final, in place.

    A final plan has its version incremented, ``final_on`` recorded and every sheet
    protected without a password (a guard against slips, not a lock). A refused move leaves
    the file untouched; ``report`` says why. ``result`` is the
    :class:`~opsbook.plan.status.Move` (None when the file cannot be read as a plan, or its
    status cell holds none of the four statuses: the step it is at is unknown).
    ``status`` is English in any case or the Chinese label (已提交, 已审核, 定稿). A
    ``company-plan-stale`` warning comes with the cells the Plan sheet's totals counted as
    blank (a wrong type, a formula without a value), each at its cell.
    ``report`` and ``headline`` are in ``lang`` ("zh" or "en"; default: the plan's
    language). Raises ValueError (its ``zh`` in Chinese) for an unknown status or language,
    or a ``path`` that is none (None, a list, a Book: give its path), and
    :class:`~opsbook.api.CannotWrite` (its ``zh`` the same in Chinese) for a workbook the
    status cannot be written into: an .xls, .xlsb or .ods file (save it as .xlsx first) or a
    write-protected one; the file is left untouched.
    """
    from opsbook.api.workbook import CannotWrite, check_not_open
    from opsbook.plan.status import asked, not_writable

    check_lang(lang)
    status = asked(status)  # an unknown status is refused before the file is read
    path = Path(one_plan(path, "set_plan_status"))
    book, checked, stop = _read_plan(path)
    said = lang or book.lang
    # a status cell that holds no status ("reviewd"): the plan's step is unknown, and the
    # default (draft) would move it from a guess, so nothing is moved until it is corrected
    stop = stop or [i for i in checked.errors if i.code == "invalid-setting"
                    and i.field == "status"]
    if stop:  # not readable as a plan: nothing is moved
        for issue in stop:
            issue.file = issue.file or str(path)
        return StatusMove(Report.of(stop, said), headline=(
            "状态未变更：请先修正以下错误。" if said == "zh" else
            "status not changed: correct the errors below first."))
    why = not_writable(str(path), book.format,
                       any(i.code == "write-protected" for i in book.issues))
    if why is not None:
        raise CannotWrite(*why)
    check_not_open(path, copy_option=False)
    review = with_department(book["Review"])  # a company plan's rows name the department
    done: Move = move(book.settings.status, book.settings.version, status, review,
                      book["Plan"][["item_id", "department"]], errors=len(checked.errors),
                      today=today)
    stale = stale_totals(path, book)
    issues = [locate(book, i) for i in done.issues] + stale
    if any(i.code == "plan-has-errors" for i in issues):
        issues += checked.errors                 # which errors keep it from becoming final
    elif stale:  # the Plan sheet's totals count a cell that could not be read as blank
        issues += [i for i in checked.issues if i.code in UNREAD]
    review_sheet = book.tables["Review"].name if "Review" in book.tables else None
    issues += [i for i in checked.issues  # Review rows of items taken out: kept as history
               if i.code == "unknown-reference" and i.sheet == review_sheet and i not in issues]
    for issue in issues:
        issue.file = issue.file or str(path)
    if done.ok:
        sheet = next((s for s, _ in book.settings_cells.values()),
                     "设置" if book.lang == "zh" else "Settings")
        write_settings(path, done.settings, book.settings_cells, sheet, protect=done.protect)
    report = Report(issues=issues, files=[str(path)], lang=said, langs={str(path): said})
    return StatusMove(report, done if done.ok else None, headline=moved(done, said))


#: The names of the Actuals sheet, folded as sheet names are compared.
NAMES = frozenset(name.casefold() for name in ACTUALS.names())


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
        # an Actuals sheet that could not be read (no header row) adds nothing: said
        unread = [i for i in other.issues if i.severity == "error"
                  and (i.sheet or "").strip().casefold() in NAMES]
        issues = unread or ([] if "Plan" in other else [
            Issue("no-actuals", "warning", file=str(path), sheet="Actuals / 执行情况")])
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
    is no date or ``plan`` or ``actuals`` are no paths (None, a number, a Book),
    CannotWrite when ``output`` holds a plan workbook or another file of the user's
    (:func:`~opsbook.api.workbook.check_replaceable`)."""
    check_lang(lang)
    from opsbook.api.project import status_day
    from opsbook.api.workbook import check_replaceable
    from opsbook.batch import run_files

    plan = one_plan(plan, "track_plan")
    actuals = paths_only(actuals, "track_plan", ("the actuals workbooks", "实际值工作簿"))
    as_of = status_day(as_of)
    check_replaceable(output)  # a plan at the output path is no place for tracking

    kind = registry.get(KIND)
    main = str(Path(plan))
    here = Path(plan).resolve()
    if not Path(plan).is_file():  # the plan is one workbook: a folder, a glob or a missing
        load(plan, kind)          # file is none, said as every command says it (NotAWorkbook)
    named = [actuals] if isinstance(actuals, (str, os.PathLike)) else list(actuals or ())
    sources = [main, *named]  # any iterable of paths, as every command takes them
    run = run_files(track_input, sources, args=(main,), options=options,
                    command="plan track", output=output, aggregate=True,
                    settings={"as_of": as_of, "lang": lang,  # without as_of, as of today:
                              **({"today": dt.date.today().isoformat()}  # a new day is a
                                 if as_of is None else {})})             # new tracking
    parts = dict(zip(map(str, run.files), run.outcomes))
    first = parts.pop(main, None)
    if first is None or first.value is None:
        raise not_read(main, first.report.issues if first else run.report.issues)
    book, report = first.value, first.report
    others = []
    for path, outcome in parts.items():
        if Path(path).resolve() == here:
            continue
        if outcome is None:  # not read in this run: the run's note says why
            report.extend(i for i in run.report.issues if i.file == path)
            report.files.append(path)
            continue
        if outcome.value is not None:  # "4月", "12个" read as the plan tracked reads them
            read_as_plan(book, [outcome.value])
            others.append(outcome.value)
        report.extend(outcome.report.issues)
        report.files.extend(f for f in outcome.report.files or [path] if f not in report.files)
        report.langs.update(outcome.report.langs)
    named = set(map(str, run.files))  # and what the sources gave no file for: a folder of
    for issue in run.report.issues:  # no workbook adds no actuals, which is said; so does
        if issue.file not in named:  # Excel's lock file, skipped in the words that say so
            if issue.code == "not-a-workbook":
                issue = (Issue("skipped-file", "info", file=issue.file, params=issue.params)
                         if lock_file(Path(issue.file)) else
                         Issue("no-actuals", "warning", file=issue.file))
            report.extend([issue])
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
    say(f"· plan consolidate plans/ → {v1.name}: {first.headline}"
        "（冲突为示例有意设置；法务部未提交计划）")
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
