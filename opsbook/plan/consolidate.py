"""Consolidation: many department plans → one company plan, with totals and conflicts.

Pure pandas on frames the reader made; the files' names and SHA-256 digests are handed in.
The result does not depend on the order the plans come in: items are ordered by department
(the expected departments first, in the order given, then the others by name), item ID,
source file and source row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from opsbook.core.issues import Issue
from opsbook.core.parse import folded
from opsbook.core.spelling import one_spelling, spellings
from opsbook.plan import conflicts as find
from opsbook.plan.items import (
    FIELDS,
    id_keys,
    items_frame,
    normalized,
    start_year,
    unit_set,
)
from opsbook.plan.settings import PlanSettings
from opsbook.plan.totals import by_department, by_quarter, unit_names

#: Conflicts that may be intended (a KPI two departments share) are warnings, as is a
#: department plan's year setting that is not the plan year (its dates are told apart); the
#: others are errors, as validating the company plan finds them.
WARNINGS = {"duplicate-kpi": "warning", "department-twice": "warning",
            "missing-department": "warning", "unit-not-additive": "warning"}
REVIEW_COLUMNS = ["item_id", "department", "kpi", "reviewer", "comment", "decision"]
SOURCE_COLUMNS = ["source", "sha256", "department", "items", "year"]
#: What a date-order conflict's end is before, until it is named by its file's header.
START_EITHER = "Start / 开始日期"


@dataclass(frozen=True)
class DepartmentPlan:
    """One department's plan as read: its Plan frame and what its Settings say.

    ``items`` has the plan's field ids as columns and the spreadsheet row as index (as
    ``book["Plan"]`` gives it); ``source`` is the file name shown in the company plan.
    """

    items: pd.DataFrame
    source: str
    sha256: str = ""
    department: str = ""
    year: int | None = None
    additive_units: str = ""
    lang: str = "zh"
    #: The Issues its reading said of cells of its Plan sheet it could not read, in fields
    #: an item can do without (:data:`~opsbook.plan.conflicts.UNREAD`): listed as conflicts.
    unread: tuple[Issue, ...] = ()


@dataclass
class CompanyPlan:
    """A consolidated plan. ``items`` has :data:`FIELDS` plus ``source`` and ``source_row``
    (0..n-1 index, in plan order); ``conflicts`` rows of ``conflicts.COLUMNS``; ``issues``
    one Issue per conflict, placed in its source file (sheet id "Plan", field, row)."""

    items: pd.DataFrame
    by_department: pd.DataFrame
    by_quarter: pd.DataFrame
    conflicts: pd.DataFrame
    review: pd.DataFrame
    sources: pd.DataFrame
    settings: PlanSettings
    units: list[str]
    lang: str
    issues: list[Issue] = field(default_factory=list)


def consolidate(plans: Sequence[DepartmentPlan], *, departments: Sequence[str] = (),
                year: int | None = None, version: str = "1", additive_units: str | None = None,
                lang: str | None = None, left_out: Mapping[str, Sequence[str]] | None = None,
                left_files: Sequence[tuple[str, ...]] = ()) -> CompanyPlan:
    """One company plan from department plans (any order gives the same plan).

    ``departments`` are the departments expected (one missing is a conflict); ``year`` is the
    plan year (default: the year most plans give, the earliest on a tie; when none gives
    one, the year most items start in, as tracking takes a plan's); ``additive_units``
    defaults to every unit any plan declares additive; ``left_out`` maps a department to
    the files of its plans that could not be read (an expected department whose plan was left
    out is told so); ``left_files`` every file left out, with why in English and Chinese
    and the departments it is for ("" when it does not say)
    (a ``plan-left-out`` row each). Conflicts (:mod:`.conflicts`) are listed and every item
    is kept.
    """
    plans = sorted(plans, key=lambda p: (p.source, p.sha256))
    if year is None:
        years = Counter(p.year for p in plans if p.year is not None)
        year = min(years, key=lambda y: (-years[y], y)) if years else start_year(
            p.items for p in plans)
    default_units = PlanSettings().additive_units
    declared = [unit_set(p.additive_units or default_units) for p in plans]
    units = (unit_set(additive_units) if additive_units is not None else
             frozenset().union(*declared) if plans else unit_set(default_units))
    langs = Counter(p.lang for p in plans)
    lang = lang or (max(("zh", "en"), key=lambda k: langs[k]) if plans else "zh")

    stacked = (pd.concat([p.items for p in plans], ignore_index=True) if plans else
               pd.DataFrame(columns=list(FIELDS)))
    items = items_frame(stacked)
    items["source"] = np.repeat(np.array([p.source for p in plans], dtype=object),
                                [len(p.items) for p in plans]) if plans else None
    items["source_row"] = _source_rows(plans) if plans else None
    # one department, one spelling: "Sales", "SALES" and "Ｓales" are grouped as one
    spelt = spellings(items["department"])
    items["department"] = one_spelling(items["department"], spelt)
    # expected departments spelt alike are one, as the plans' are ("Legal", "ＬＥＧＡＬ"): in
    # the plans' spelling, else as first given
    named = one_spelling(pd.Series(list(departments), dtype=object), spelt).dropna()
    departments = list(named[~normalized(named).duplicated()])
    order = _department_order(departments, items["department"])
    items["id_key"] = id_keys(items["item_id"])
    items = _sorted_items(items, order)
    items["source_row"] = items["source_row"].astype(object)
    items["kpi_key"] = normalized(items["kpi"])

    claimed = _claimed_rows(plans, _department_cells(plans, stacked))
    claims = _claims(plans, claimed)
    # a file's claims spelt as the items spell the department, whichever row came first
    claims["department"] = one_spelling(claims["department"], spelt)
    named = [", ".join(_spelt(sorted(names) if not p.department else [p.department], spelt))
             for p, names in zip(plans, claimed)]
    years = pd.DataFrame({"source": [p.source for p in plans],
                          "department": [n or None for n in named],
                          "year": [p.year for p in plans]}, dtype=object)
    found = [find.duplicate_items(items), find.duplicate_kpis(items),
             find.quarters_mismatch(items, units), find.outside_year(items, year),
             find.date_order(items), find.negative_budget(items),
             find.units_not_additive(items, {p.source: own for p, own in zip(plans, declared)},
                                     units),
             find.unread_values(items, {p.source: p.unread for p in plans if p.unread}),
             find.departments_twice(claims), find.wrong_years(years, year),
             find.missing_departments(departments, items["department"], left_out or {},
                                      claims),
             find.left_out_files(left_files)]
    conflicts = pd.concat([f for f in found if not f.empty] or [find.empty()],
                          ignore_index=True)
    conflicts = _sorted_conflicts(conflicts, order)
    items = items.drop(columns=["id_key", "kpi_key"])

    sources = pd.DataFrame({
        "source": [p.source for p in plans], "sha256": [p.sha256 for p in plans],
        "department": named,
        "items": [len(p.items) for p in plans], "year": [p.year for p in plans],
    }, columns=SOURCE_COLUMNS)
    settings = PlanSettings.model_validate({
        "year": year, "department": "", "version": version, "status": "draft",
        "additive_units": _units_text(units),
        **{f"source_{n}": f"{p.source} sha256:{p.sha256}" for n, p in enumerate(plans, 1)},
    })
    review = items[["item_id", "department", "kpi"]].assign(reviewer=None, comment=None,
                                                             decision=None)
    unit_of = unit_names(items, units)  # each item's additive unit, once for all totals
    return CompanyPlan(
        items=items, by_department=by_department(items, units, order, named=unit_of),
        by_quarter=by_quarter(items, units, year, named=unit_of), conflicts=conflicts,
        review=review, sources=sources, settings=settings,
        units=list(dict.fromkeys(unit_of.dropna())), lang=lang,
        issues=conflict_issues(conflicts),
    )


def _units_text(units: frozenset[str]) -> str:
    """The additive units as a setting: the default list as written, then any others."""
    default = PlanSettings().additive_units
    known = [u.strip() for u in default.split(",") if u.strip().lower() in units]
    return ",".join(known + sorted(units - unit_set(default)))


def _department_order(expected: Sequence[str], present: pd.Series) -> list[str]:
    """The departments in plan order: ``expected`` as given, then the others ``present``
    names, by name (as text: ``astype(str)``, read as a list when they all are text)."""
    seen = list(dict.fromkeys(d for d in expected if d))
    values = pd.unique(present.dropna().to_numpy(dtype=object)).tolist()
    names = (set(values) if all(type(v) is str for v in values) else
             set(present.dropna().astype(str)))
    rest = sorted(names - set(seen))
    return seen + rest


def _source_rows(plans: Sequence[DepartmentPlan]) -> np.ndarray:
    """Each item's row in its file (the index of its Plan frame), plan after plan, as
    ``pd.concat`` of the indexes gives them (joined with numpy when all are of one numpy
    dtype)."""
    indexes = [p.items.index for p in plans]
    dtype = indexes[0].dtype
    if isinstance(dtype, np.dtype) and all(
            i.dtype == dtype and not isinstance(i, pd.MultiIndex) for i in indexes):
        return np.concatenate([i.to_numpy() for i in indexes])
    return pd.concat([i.to_series() for i in indexes], ignore_index=True).to_numpy()


def _sorted_items(items: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """``items`` by department (``order``), item ID (as matched: ``id_key``, then as typed),
    source file and row; stable, index 0..n-1. Only the keys are sorted, the items taken in
    their order."""
    keys = pd.DataFrame({
        "rank": items["department"].map({d: n for n, d in enumerate(order)}),
        "key": items["id_key"], "id": items["item_id"].fillna(""),
        "source": items["source"], "source_row": items["source_row"]})
    # IDs told apart by their keys alone (the usual case) leave nothing to the later keys
    by = ["rank", "key"] if keys["key"].is_unique else list(keys.columns)
    ordered = keys.sort_values(by, kind="stable").index
    return items.take(ordered).reset_index(drop=True)


def _department_cells(plans: Sequence[DepartmentPlan], stacked: pd.DataFrame
                      ) -> list[np.ndarray | None]:
    """Each plan's department cells as objects, None for a plan whose Plan has no department
    column: cut out of ``stacked`` (the plans' frames one under another) when that column is
    of objects there (each plan's cells are then as its own column gives them), else taken
    plan by plan."""
    if "department" in stacked and stacked["department"].dtype == object:
        cells = stacked["department"].to_numpy()
        ends = np.cumsum([len(p.items) for p in plans], dtype=int).tolist()
        return [cells[end - len(p.items):end] if "department" in p.items else None
                for p, end in zip(plans, ends)]
    return [p.items["department"].to_numpy(dtype=object) if "department" in p.items
            else None for p in plans]


def _claimed_rows(plans: Sequence[DepartmentPlan], cells: Sequence[np.ndarray | None]
                  ) -> list[dict[str, object]]:
    """The departments each file claims, each with the first Plan row that claims it (None
    for the department of its Settings): its Settings' department and every other one its
    items name (a sales plan whose items say 市场部, copied from marketing's, claims 市场部
    too, so that two files holding 市场部's items are told), names compared as
    :func:`~opsbook.plan.items.normalized` folds them. The names of all the files are
    folded together, each distinct one once (``cells``: :func:`_department_cells`)."""
    held = [c for c in cells if c is not None]
    keys = iter(normalized(pd.Series(np.concatenate(held), dtype=object)).tolist()
                if held else [])
    found = []
    for plan, names in zip(plans, cells):
        first: dict[str, object] = {plan.department: None} if plan.department else {}
        found.append(first)
        if names is None:
            continue
        seen = {folded(plan.department)} if plan.department else set()
        for row, name in zip(plan.items.index, names.tolist()):
            key = next(keys)
            if key and key not in seen:
                seen.add(key)
                first[str(name).strip()] = row
    return found


def _spelt(names: Sequence[str], spelt: dict[str, str]) -> list[str]:
    """``names`` as :func:`~opsbook.core.spelling.one_spelling` spells them, blanks left
    out."""
    return [spelt.get(key, name) for name in names if (key := folded(name))]


def _claims(plans: Sequence[DepartmentPlan], claimed: Sequence[dict[str, object]]
            ) -> pd.DataFrame:
    """department, source and source_row: the first Plan row of a department a file's items
    claim, None when its Settings claim it (``claimed``: :func:`_claimed_rows` of each)."""
    rows = [(name, plan.source, row) for plan, names in zip(plans, claimed)
            for name, row in sorted(names.items())]
    return pd.DataFrame(rows, columns=["department", "source", "source_row"], dtype=object)


def _sorted_conflicts(conflicts: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """By kind, then department (plan order), item, source file, row and field."""
    if conflicts.empty:
        return conflicts.reset_index(drop=True)
    rank = dict(zip(normalized(pd.Series(order, dtype=object)), range(len(order))))
    # the files left out are listed by name, whatever department they are for
    department = conflicts["department"].where(conflicts["code"].ne("plan-left-out"))
    key = pd.DataFrame({
        "code": conflicts["code"].map({c: n for n, c in enumerate(find.ORDER)}),
        "department": normalized(department).map(rank).fillna(len(rank)),
        "name": normalized(department),
        "item": conflicts["item_id"].fillna("").astype(str),
        "source": conflicts["source"].fillna("").astype(str),
        "row": pd.to_numeric(conflicts["source_row"], errors="coerce").fillna(0),
        "field": conflicts["field"].map({f: n for n, f in enumerate(FIELDS)}).fillna(-1),
    }, index=conflicts.index)
    ordered = key.sort_values(list(key.columns), kind="stable").index
    return conflicts.loc[ordered].reset_index(drop=True)


def conflict_issues(conflicts: pd.DataFrame) -> list[Issue]:
    """One Issue per conflict row, in its source file: its Plan sheet (sheet id, field, row)
    for an item, its Settings for what a file's settings say (department, year)."""
    if conflicts.empty:
        return []
    issues = []
    for row in conflicts.itertuples(index=False):
        params = {k: v for k, v in (("expected", row.expected), ("other", row.other),
                                    ("other_zh", row.other_zh)) if v is not None}
        if isinstance(getattr(row, "params", None), dict):  # a cell not read: as read
            params = dict(row.params)
        if row.code == "plan-left-out":  # why, as the file's own plan-left-out says it
            params = {"detail": row.other, "detail_zh": row.other_zh}
        if row.code == "date-order":
            params["other"] = START_EITHER
        elif row.code == "out-of-range":
            params["expected_zh"] = "不小于 0"
        source_row = None if row.source_row is None or pd.isna(row.source_row) \
            else int(row.source_row)
        sheet = ("Plan" if source_row is not None else
                 "Settings" if row.source is not None and row.code != "plan-left-out"
                 else None)
        value = row.value.date() if isinstance(row.value, pd.Timestamp) else row.value
        # a file's year setting is a label to check; its dates, if any, are errors already
        severity = "warning" if row.field == "year" else WARNINGS.get(row.code, "error")
        issues.append(Issue(row.code, severity, file=row.source,
                            sheet=sheet, row=source_row, field=row.field, value=value,
                            params=params))
    return issues
