"""Taking in department workbooks: which can be consolidated, and as what.

A conflict (quarters, dates, clashing IDs or KPIs) never keeps a department's plan out of the
company plan. Only a file that cannot be read as a plan is left out: it could not be read at
all, its Plan sheet or a required column is missing (or its Plan sheet cannot be read: two
sheets could each be it, it has no header row), or a required field (item ID, department,
objective, KPI) holds a wrong type or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

from opsbook.core.book import Book
from opsbook.core.issues import Issue
from opsbook.core.said import Refused
from opsbook.plan.conflicts import UNREAD
from opsbook.plan.consolidate import DepartmentPlan
from opsbook.plan.schema import OUTPUTS, PLAN

REQUIRED = frozenset(f.id for f in PLAN.fields if f.required)
_CELL_CODES = frozenset({"type-error", "missing-value", "formula-no-value", "formula-error"})


def blocking(book: Book | None, issues: Iterable[Issue]) -> list[Issue]:
    """The issues that keep a file out of the company plan (none: it is consolidated). A
    book with no Plan table read, whatever kept it unread (a sheet missing, two sheets that
    could each be it, no header row), is kept out by its errors of structure."""
    issues = list(issues)
    plan_sheet = book.tables["Plan"].name if book is not None and "Plan" in book.tables else None
    found = [issue for issue in issues if issue.severity == "error" and _blocks(issue, plan_sheet)]
    if book is None or plan_sheet is not None or found:
        return found
    errors = [issue for issue in issues if issue.severity == "error"]
    return ([issue for issue in errors if issue.category == "structure"] or errors
            or [Issue("missing-sheet", file=str(book.path), sheet=f"{PLAN.en} / {PLAN.zh}")])


def _blocks(issue: Issue, plan_sheet: str | None) -> bool:
    if issue.category == "file":
        return True
    if issue.code == "missing-sheet":
        return (issue.sheet or "").startswith(PLAN.en)
    if issue.code == "ambiguous-sheet":  # two sheets could be its Plan: neither is read
        return issue.params.get("expected") == PLAN.en
    if issue.code in ("missing-header", "missing-column"):
        return issue.sheet == plan_sheet
    return issue.code in _CELL_CODES and issue.sheet == plan_sheet and issue.field in REQUIRED


def company_plan_sheet(book: Book) -> str | None:
    """The sheet that makes ``book`` a company plan, or None for a department's plan: By
    Department / 按部门, or, that sheet deleted, the Settings sheet recording the source
    files (``source_1`` …): only ``plan consolidate`` writes either."""
    marks = {name.casefold() for o in OUTPUTS if o.id == "by_department" for name in (o.en, o.zh)}
    made = next((s for s in book.sheet_names if s.strip().casefold() in marks), None)
    sources = list(book.settings.sources())
    if made is None and sources:
        return book.setting_where(sources[0]).get("sheet") or "Settings"
    return made


def company_plan_left_out(book: Book) -> Issue | None:
    """The ``company-plan-left-out`` warning for a company plan among department plans,
    saying what marks it (its By Department sheet, else the source files its Settings
    record); None for a department's plan."""
    made = company_plan_sheet(book)
    if made is None:
        return None
    sources = list(book.settings.sources())
    if sources and book.setting_where(sources[0]).get("sheet") == made:
        place = book.setting_where(sources[0])
        mark = (f"its sheet '{made}' records the files it was consolidated from",
                f"其“{made}”工作表记录了汇总来源文件")
    else:
        place = {"sheet": made}
        mark = f"it has the sheet '{made}'", f"含“{made}”工作表"
    return Issue("company-plan-left-out", "warning", **{**place, "file": str(book.path)},
                 params={"mark": mark[0], "mark_zh": mark[1]})


def left_out(file: str, reasons: list[Issue], book: Book | None = None) -> Issue:
    """The issue that says a file was left out, with its first reason in words and the
    departments the file claims (``departments``: so that a department whose only plan was
    left out is not said to have sent nothing)."""
    first = reasons[0]
    return Issue("plan-left-out", file=file, sheet=first.sheet, cell=first.cell,
                 row=first.row, column=first.column, field=first.field,
                 params={"detail": _clause(first.message("en")),
                         "detail_zh": _clause(first.message("zh")),
                         "departments": claimed(book) if book is not None else []})


#: What separates the departments expected in one text: commas (also full-width), the
#: Chinese enumeration comma and semicolons ("销售部、运营部" is two departments).
SEPARATORS = re.compile(r"[,，、;；]")


def expected_departments(departments: str | Iterable[str] | None) -> list[str]:
    """The departments expected: a list, or one text of names ("销售部,运营部",
    "销售部、运营部"); None or nothing for none. Anything else (a number, a list holding
    one, a text naming none: an unset variable, ``--departments "$DEPTS"``) is
    :class:`~opsbook.core.said.Refused` (a ValueError, its ``zh`` in Chinese), never read
    as no department expected."""
    if departments is None:
        return []
    if isinstance(departments, str):
        if not SEPARATORS.sub("", departments).strip():
            raise Refused(f"departments {departments!r} names no department: give their "
                          "names (such as '销售部,运营部'), or leave it out when none is "
                          "expected",
                          f"departments“{departments}”中没有部门名称：请给出部门名称（如"
                          "“销售部,运营部”），不要求部门时请省略此项。")
        departments = SEPARATORS.split(departments)
    names = list(departments) if isinstance(departments, Iterable) else [departments]
    wrong = next((d for d in names if not isinstance(d, str)), names)
    if wrong is not names:
        what = type(wrong).__name__
        raise Refused(f"departments takes the names of the departments expected (a list, or "
                      f"a text such as '销售部,运营部'), got {what}: {wrong!r}",
                      f"departments 应为预期提交计划的部门名称（列表，或如“销售部,运营部”的文本），"
                      f"当前为 {what}：{wrong!r}。")
    return [d.strip() for d in names if d.strip()]


def left_departments(issues: Iterable[Issue]) -> dict[str, list[str]]:
    """Department → the files of its plans that were left out (their ``plan-left-out``
    issues), in name order: an expected department whose plan could not be read did send
    one."""
    files: dict[str, set[str]] = {}
    for issue in issues:
        if issue.code == "plan-left-out":
            name = PurePath(issue.file or "").name
            for department in issue.params.get("departments", []):
                files.setdefault(department, set()).add(name)
    return {department: sorted(names) for department, names in files.items()}


def claimed(book: Book) -> list[str]:
    """The departments a department workbook is for: its Settings department, else the
    departments its Plan items name (none when the Plan sheet cannot be read)."""
    named = (book.settings.department or "").strip()
    if named:
        return [named]
    items = book["Plan"]  # empty when the workbook has no Plan sheet
    if "department" not in items:
        return []
    return sorted({str(v).strip() for v in items["department"].dropna() if str(v).strip()})


def _clause(sentence: str) -> str:
    """A message as a clause inside brackets: without its closing full stop."""
    return sentence.rstrip().removesuffix("。").removesuffix(".")


def department_plan(book: Book, source: str, sha256: str = "") -> DepartmentPlan:
    """A read department workbook as the input of :func:`opsbook.plan.consolidate`."""
    settings = book.settings
    return DepartmentPlan(items=book["Plan"], source=source, sha256=sha256,
                          department=(settings.department or "").strip(), year=settings.year,
                          additive_units=settings.additive_units, lang=book.lang,
                          unread=tuple(unread_cells(book, book.issues)))


def unread_cells(book: Book, issues: Iterable[Issue]) -> list[Issue]:
    """The errors of ``issues`` about cells of ``book``'s Plan sheet that could not be read
    (a wrong type, a value none of the choices, a formula with no value or an error) in a
    field an item can do without: its item is consolidated, the cell listed as a conflict
    (one in a required field keeps the file out: :func:`blocking`)."""
    sheet = book.tables["Plan"].name if "Plan" in book.tables else None
    return [i for i in issues if i.severity == "error" and i.code in UNREAD
            and sheet is not None and i.sheet == sheet and i.field not in REQUIRED
            and i.row is not None]
