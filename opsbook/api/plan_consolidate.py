"""``opsbook plan consolidate``: department plans → one company plan.

Each department workbook is read and validated through :func:`opsbook.batch.run_files`; the
company plan is computed by :func:`opsbook.plan.consolidate.consolidate`. When a company plan
is already at the output path, its reviewers' decisions are carried over to the new one for
the items still there and unchanged (:mod:`opsbook.plan.carry`), and those left behind said.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from opsbook import registry
from opsbook.api.common import (
    NotAWorkbook,
    PathLike,
    Sources,
    check_lang,
    given,
    load,
    paths_only,
    read_steps,
)
from opsbook.batch.run import Outcome, skipped_result
from opsbook.core.book import Book
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation
from opsbook.core.locate import locate
from opsbook.core.validate import validate_book
from opsbook.plan.carry import REVIEW_COLUMNS, Carried, carry_review, item_row, with_department
from opsbook.plan.consolidate import CompanyPlan, consolidate
from opsbook.plan.headlines import carried_over, consolidated, most_lang, refused
from opsbook.plan.intake import (
    blocking,
    company_plan_left_out,
    company_plan_sheet,
    department_plan,
    expected_departments,
    left_departments,
    left_out,
    unread_cells,
)
from opsbook.plan.outputs import company_sheets
from opsbook.plan.replaced import left_behind
from opsbook.plan.rules import dates_in_order, ids_once, quarters_add_up, within_year
from opsbook.plan.settings import plan_year

if TYPE_CHECKING:
    from opsbook.batch import BatchOptions

KIND = "plan"
#: Findings in a department's file that the company plan lists as conflicts: told once.
AS_CONFLICTS = frozenset({"quarters-mismatch", "outside-year", "date-order"})
#: Why an earlier file at the output path is read as holding no plan: another kind's
#: workbook, or none (nothing to carry over; it is replaced as any output is).
NO_PLAN = frozenset({"wrong-kind", "output-workbook", "unknown-kind", "ambiguous-kind",
                     "file-not-found"})


def _as_conflict(issue: Issue, book: Book) -> bool:
    plan = book.tables["Plan"].name if "Plan" in book.tables else None
    if issue.sheet != plan:
        return False
    return (issue.code in AS_CONFLICTS or (issue.code == "duplicate-key"
                                           and issue.field == "item_id")
            or (issue.code == "out-of-range" and issue.field == "budget")
            or bool(unread_cells(book, [issue])))  # a cell not read, its item kept


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
    made = company_plan_left_out(book)
    if made is not None:  # an earlier company plan in the folder is no department's plan
        checked.issues = [made]
        return Outcome(None, checked)
    reasons = blocking(book, checked.issues)
    if reasons:  # left out: its report tells every finding, the conflict rules' too
        checked = validate_book(book)
        checked.issues.append(left_out(str(book.path), reasons, book))
        return Outcome(None, checked)
    checked.issues = [i for i in checked.issues if not _as_conflict(i, book)]
    return Outcome(book, checked, KIND)


#: The rules whose findings the company plan lists as conflicts (:data:`AS_CONFLICTS`): not
#: run on a department's file as it is read, since a file taken in is told them as
#: conflicts; :func:`take_in` runs them on a file left out.
CONFLICT_RULES = frozenset({quarters_add_up, within_year, dates_in_order, ids_once})


def take_in_steps(paths: list[Path]) -> list[Outcome]:
    """:func:`take_in` for a group of files of a batch run, read together."""
    return [take_in(outcome) for outcome in read_steps(paths, KIND, skip=CONFLICT_RULES)]


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
    reported and left out; with ``strict`` nothing is consolidated then (``result`` None,
    ``exit_code`` 1 whatever kept the file out; 2 when no plan at all could be read).
    Conflicts are reported, located in the department files, and every item kept.
    A company plan made has ``exit_code`` 0, or 1 when a file was left out (whatever kept
    it out, an unreadable file too) or a conflict is an error, as the command exits.
    ``departments`` are the departments expected: a list, or a text such as "销售部,运营部";
    ``year`` the plan year (2027, "2027" or "2027年"; default: the one most plans give;
    ValueError, its ``zh`` in Chinese, for no year from 1900 to 2200). ``sources`` that
    are no paths (None, a number, a Book already loaded: give its path) and ``departments``
    that are no names (a number, a text naming none) are a ValueError too, its ``zh`` in
    Chinese, before any file is read.
    ``result`` is a :class:`~opsbook.plan.consolidate.CompanyPlan`; ``sheets`` the company
    plan workbook (itself a plan workbook).
    ``output`` is where the company plan is to be written (by the caller, e.g. with
    :func:`~opsbook.api.write_output`): a company plan already there has its reviewers'
    decisions and comments carried over to the new Review sheet for the items still there
    and unchanged (matched by department and item ID); each left behind is a
    ``review-dropped`` warning, at the new row where the item is to be reviewed again. A
    file there that cannot be read, a final plan, a department's plan (items and no By
    Department sheet) or a company plan of another year is not to be replaced: nothing is
    consolidated then (``earlier-plan-unreadable``, ``earlier-plan-final``,
    ``earlier-plan-department``, ``earlier-plan-other-year``; exit 2); any other file of
    the user's there (a workbook of another kind with data, of no kind) is refused first
    with CannotWrite, before anything is read.
    """
    from opsbook.api.workbook import check_replaceable
    from opsbook.batch import BatchOptions, run_files

    check_lang(lang)
    sources = paths_only(sources, "consolidate_plans", ("the department plans", "部门计划"))
    check_replaceable(output, KIND, read_first=True)  # a file of the user's: CannotWrite
    year = plan_year(year)  # "2027" and "2027年" too; no year: a ValueError in both languages
    departments = expected_departments(departments)  # a number: a ValueError in both
    given(sources)
    options = options or BatchOptions(jobs=jobs)
    run = run_files(take_in_steps, sources, options=options,
                    together=True,
                    command="plan consolidate", output=output, aggregate=True,
                    on_file=on_file, settings={"departments": departments, "strict": strict,
                                               "year": year, "lang": lang},
                    # a company plan there, read while the department files are
                    meanwhile=functools.partial(earlier_plan, output))
    report, books = run.report, run.values
    gone = [o for o in run.outcomes if o is not None and o.value is None
            and not skipped_result(o)  # a result opsbook wrote is no plan left out
            and not any(i.code == "company-plan-left-out" for i in o.report.issues)]
    left = len(gone)
    unchecked = sum(1 for o in run.outcomes if o is None)  # --fail-fast stopped before them
    digests = {entry["path"]: entry["sha256"] for entry in run.manifest["inputs"]}
    report.lang = lang or most_lang(b.lang for b in books) or most_lang(report.langs.values()) \
        or report.lang  # the company plan's language, whatever the order of the files
    said = report.lang
    if options.fail_fast and (left or unchecked) and not strict:
        return Calculation(report, headline=refused(left + unchecked, said, "--fail-fast"))
    if not books:
        report.issues.append(Issue("no-plan-consolidated", file=str(output or "") or None))
        return Calculation(report)
    names = source_names([Path(b.path) for b in books])
    by_name = {names[Path(b.path)]: b for b in books}
    company = consolidate([department_plan(b, names[Path(b.path)],  # hashed as it was read
                                           digests.get(b.path) or sha256(Path(b.path)))
                           for b in books], departments=departments, year=year, lang=lang,
                          left_out=left_departments(i for o in run.outcomes if o is not None
                                                    for i in o.report.issues),
                          left_files=[why_left_out(o) for o in gone])
    for issue in company.issues:  # told under the file's own path, at its sheet and cell
        book = by_name.get(issue.file or "")
        if book is not None:
            locate(book, issue)
            issue.file = str(book.path)
            if issue.code == "date-order":  # before "Start", as the file heads it
                issue.params["other"] = book.tables["Plan"].headers.get("start", "Start")
        elif output is not None:  # a department that sent nothing: the company plan's
            issue.file = str(output)
    company.conflicts = company.conflicts.assign(
        sheet=[i.sheet for i in company.issues], cell=[i.cell for i in company.issues])
    if strict and (left or unchecked):  # plans read, but not every one: nothing written
        read = {str(b.path) for b in books}  # their conflicts said too, all fixed in one go
        report.extend(i for i in company.issues if i.file in read)
        return StrictRefusal(report, headline=refused(left + unchecked, said, "--strict"))
    # a file left out was told under its own path already: listed in the company plan only
    report.extend(i for i in company.issues if i.code != "plan-left-out")
    if output is not None:
        report.langs.setdefault(str(output), company.lang if lang is None else lang)
    _count_conflicts(run.manifest, [i for i in company.issues if i.code != "plan-left-out"])
    lang = lang or company.lang
    # a company plan there: its decisions are carried over
    earlier = of_year(run.meanwhile, output, company.settings.year)
    if isinstance(earlier, Issue):  # one that cannot be read, or a final one, stays as it is
        report.extend([earlier])
        return Calculation(report, headline="未生成公司计划：输出路径上的文件不能替换" if said ==
                           "zh" else "no company plan written: the file at the output path "
                           "is not to be replaced")
    kept = (carry_over(company, earlier, str(output), report, lang) if earlier is not None
            else None)
    if earlier is not None:  # the version goes on, as the review does, and the threshold
        company.settings = company.settings.model_copy(update={
            "behind_threshold": earlier.settings.behind_threshold,
            **({"version": earlier.settings.version} if earlier.settings.version else {})})
        report.extend([i for i in [left_behind(earlier, str(output))] if i is not None])
    return Consolidated(report, company, company_sheets(company, lang),
                       consolidated(company, len(books), left, lang)
                       + (carried_over(*kept, lang) if kept else ""))


@dataclass
class Consolidated(Calculation):
    """A company plan made: its exit code is 1 when a file was left out (one that could not
    be read at all too: the plans that could are consolidated) or a conflict is an error,
    else 0, as ``opsbook plan consolidate`` exits."""

    @property
    def exit_code(self) -> int:
        return min(super().exit_code, 1)


@dataclass
class StrictRefusal(Calculation):
    """``--strict`` refused to consolidate: some plans were read, others could not be
    (not a workbook, a required column or value missing…), nothing is written, and the
    conflicts of the plans read are reported, to be corrected in one go. Exit code 1
    whatever kept the others out, as without ``--strict`` (no plan read at all: exit 2)."""

    @property
    def exit_code(self) -> int:
        return 1


def why_left_out(outcome: Outcome) -> tuple[str, str, str, str]:
    """A file left out of the company plan: its name and why, in English and in Chinese
    (its ``plan-left-out`` reason, else its first error: not a workbook, another kind…),
    and the departments it is for when it says ("" when it does not)."""
    issues = outcome.report.issues
    told = next((i for i in issues if i.code == "plan-left-out"), None)
    if told is not None:
        return (PurePath(told.file or "").name, told.params["detail"],
                told.params["detail_zh"], ", ".join(told.params.get("departments", [])))
    first = next((i for i in issues if i.severity == "error"), issues[0] if issues else None)
    file = (first.file if first is not None and first.file else
            (outcome.report.files or [""])[0])
    if first is None:
        return PurePath(file).name, "not read", "未读取", ""
    return (PurePath(file).name, first.message("en").rstrip(". "),
            first.message("zh").rstrip("。"), "")


def earlier_plan(output: PathLike | None) -> Book | Issue | None:
    """The company plan already at ``output`` (None: no file, or no plan workbook); an Issue
    when it is not to be replaced: unreadable (``earlier-plan-unreadable``: its decisions
    would be lost), write-protected in Excel (``earlier-plan-protected``), final
    (``earlier-plan-final``: not replaced by a draft by a slip), or a department's plan
    (``earlier-plan-department``: items and no By Department sheet; an empty template may be
    filled). Read while the department files are: :func:`of_year` tells another year's."""
    if output is None or not Path(output).is_file():
        return None
    try:
        book = load(output, registry.get(KIND))
    except NotAWorkbook as error:
        if error.issue.code in NO_PLAN:
            return None
        why = error.issue
        return Issue("earlier-plan-unreadable", file=str(output), params={
            "detail": (lambda t: t[:1].lower() + t[1:])(why.message("en").rstrip(". ")),
            "detail_zh": why.message("zh").rstrip("。")})
    if company_plan_sheet(book) is None and not book["Plan"].empty:  # a department's own
        return Issue("earlier-plan-department", file=str(output), sheet=book.tables[
            "Plan"].name, value=len(book["Plan"]))
    if any(i.code == "write-protected" for i in book.issues):  # replacing it loses that
        return Issue("earlier-plan-protected", file=str(output))
    if book.settings.status == "final":  # published: replaced by a draft only on purpose
        return Issue("earlier-plan-final", **{**book.setting_where("status"),
                                              "file": str(output)},
                     value=book.settings.version)
    return book


def of_year(earlier: Book | Issue | None, output: PathLike | None,
            year: int | None) -> Book | Issue | None:
    """:func:`earlier_plan`'s answer, or the ``earlier-plan-other-year`` Issue when it is a
    company plan of another year than ``year``, the new plan's (None: any year): last
    year's decisions do not approve this year's items."""
    if not isinstance(earlier, Book) or year is None or earlier.settings.year in (None, year):
        return earlier
    # another year's plan: its decisions are not this year's, nor is it to be lost
    return Issue("earlier-plan-other-year", **{**earlier.setting_where("year"),
                                               "file": str(output)},
                 value=earlier.settings.year, params={"expected": year})


def carry_over(company: CompanyPlan, earlier: Book, output: str, report: Report,
               lang: str) -> tuple[int, int, int]:
    """Carry the reviewers' decisions of ``earlier`` (the company plan at ``output``) over to
    ``company``'s Review: each left behind is a ``review-dropped`` warning at the decision
    cell of its item's row in the new Review sheet (in ``lang``), where it is to be reviewed
    again (at the sheet for an item no longer there), and what was carried a
    ``review-carried`` note. Returns the rows carried, the items they are about and the rows
    dropped."""
    from opsbook.io.sheets import FIRST_ROW
    from opsbook.plan.outputs import header, name

    review = with_department(earlier["Review"])
    kept = carry_review(company.items, earlier["Plan"], review)
    company.review = kept.review
    sheet = name("review", lang)
    column = "ABCDEF"[REVIEW_COLUMNS.index("decision")]

    def place(issue: Issue, at: int | None) -> Issue:  # at the decision cell of its row
        issue.file, issue.sheet, issue.column = output, sheet, header("decision", lang)
        if at is not None:
            issue.row = FIRST_ROW + 1 + at
            issue.cell = f"{column}{issue.row}"
        return issue

    report.extend(place(bad, at) for bad, at in _unread_decisions(earlier, review, kept))
    for issue, at in zip(kept.dropped, kept.at):  # where the item is to be reviewed again
        place(issue, at)
    if kept.rows:
        report.extend([Issue("review-carried", "info", file=output, sheet=sheet,
                             params={"rows": kept.rows, "items": kept.items})])
    report.extend(kept.dropped)
    return kept.rows, kept.items, len(kept.dropped)


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


def _unread_decisions(earlier: Book, review: Any,
                      kept: Carried) -> list[tuple[Issue, int | None]]:
    """A ``review-decision-dropped`` warning for each decision of the earlier Review sheet
    that is none of the choices (typed past the drop-down's warning) on a row not dropped
    for another reason: the decision is not carried over (its reviewer and comment are,
    when the row holds any). Each with the position of its item's first row in the new
    Review sheet (:func:`~opsbook.plan.carry.item_row`; None when it has none)."""
    where = earlier.tables["Review"].name if "Review" in earlier.tables else None
    out = []
    for issue in earlier.issues:
        if (where is None or issue.sheet != where or issue.field != "decision"
                or issue.code not in ("invalid-choice", "type-error")
                or issue.row not in review.index or issue.row in kept.left):
            continue
        department = review.at[issue.row, "department"] if "department" in review else None
        department = department if isinstance(department, str) and department else None
        taken = issue.row in kept.taken
        item = review.at[issue.row, "item_id"]
        out.append((Issue("review-decision-dropped", "warning", field="decision",
                          value=issue.value, params={
                              "item": item,
                              "department": f" ({department})" if department else "",
                              "department_zh": f"（{department}）" if department else "",
                              "kept": " (its reviewer and comment are)" if taken else "",
                              "kept_zh": "（审核人和意见已沿用）" if taken else ""}),
                    item_row(kept.review, department, item)))
    return out
