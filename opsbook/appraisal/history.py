"""Failed cycles in a row, from the History sheet of earlier cycles and this cycle's outcome."""

from __future__ import annotations

import re
from typing import Callable, Iterator

import numpy as np
import pandas as pd

from opsbook.appraisal.cycles import cycle_spelling
from opsbook.appraisal.grading import assign, outcome_of
from opsbook.appraisal.schema import HISTORY, OUTCOMES
from opsbook.core.issues import Issue

HISTORY_COLUMNS = [f.id for f in HISTORY.fields]

#: Outcomes as they may be written in earlier result workbooks.
OUTCOME_WORDS = {word: c.value for c in OUTCOMES for word in (c.value, c.en, c.zh)}


def cycle_text(values: pd.Series) -> pd.Series:
    """Cycles as text; a cycle read as a number (2026.0) becomes "2026"."""
    number = pd.to_numeric(values, errors="coerce")
    whole = number.notna() & (number == number.round())
    text = values.astype("string").str.strip()
    text = text.where(~whole, number.where(whole).astype("Int64").astype("string"))
    return text.where(text.notna() & (text != ""), None).astype(object)


#: A cycle as a date cell reads (2026-03-01, with a time when it has one): a day, no cycle.
_DAY = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?"


def cycles_as_dates(frame: pd.DataFrame, place: Callable[[int], dict]) -> Iterator[Issue]:
    """``cycle-as-date`` (an error) at each row of ``frame`` (index: spreadsheet rows) whose
    cycle is a day, as a date cell reads; ``place(row)`` locates it."""
    if frame.empty or "cycle" not in frame:
        return
    cycles = frame["cycle"].astype("string").str.strip()
    days = cycles.str.fullmatch(_DAY).fillna(False).to_numpy(dtype=bool)
    for row, value in zip(frame.index[days], cycles[days]):
        yield Issue("cycle-as-date", value=value, **place(int(row)))


def repeated_cycles(frame: pd.DataFrame, place: Callable[[int], dict]) -> Iterator[Issue]:
    """``duplicate-history`` (a warning) at every row of ``frame`` (index: spreadsheet rows)
    that gives an employee's cycle given on another row too (cycles compared as
    :func:`cycle_keys` does). The lowest row counts, as it always did; when the rows' total,
    grade or outcome differ, that is said with the row counted, since swapping the rows
    would change the result."""
    if frame.empty or not {"employee_id", "cycle"} <= set(frame.columns):
        return
    rows = frame.reindex(columns=HISTORY_COLUMNS).assign(_key=cycle_keys(frame["cycle"]))
    rows = rows[rows["employee_id"].notna() & rows["_key"].notna()]
    repeated = rows[rows.duplicated(["employee_id", "_key"], keep=False)]
    if repeated.empty:
        return
    figures = repeated[["total", "grade", "outcome"]].astype("string").fillna("")
    by = figures.assign(employee_id=repeated["employee_id"], _key=repeated["_key"]).groupby(
        ["employee_id", "_key"], sort=False)
    differs = by[["total", "grade", "outcome"]].transform("nunique").gt(1).any(axis=1)
    members = by["total"].transform(lambda g: ", ".join(str(int(r)) for r in g.index))
    for row, rec in repeated.iterrows():
        kept = members.at[row].rsplit(", ", 1)[-1]
        diff = bool(differs.at[row])
        yield Issue("duplicate-history", "warning", value=rec["cycle"],
                    params={"employee": rec["employee_id"], "rows": members.at[row],
                            "rows_zh": members.at[row].replace(", ", "、"),
                            "detail": f"with different figures: row {kept}, the lowest, is "
                            "counted; delete the row that is wrong" if diff
                            else "with the same figures: it is counted once",
                            "detail_zh": f"数据不同：按最下面的第 {kept} 行计算；请删除错误的一行"
                            if diff else "数据相同：只计一次"},
                    **place(int(row)))


def untold_outcomes(frame: pd.DataFrame, table: pd.DataFrame,
                    place: Callable[[int], dict]) -> Iterator[Issue]:
    """``history-grade-unknown`` (a warning) at the grade of each row of ``frame`` (index:
    spreadsheet rows) whose outcome cannot be told: no outcome, no total, and a grade that
    is none of the bands of ``table`` (:func:`grading.grade_table`): such a cycle would count
    as not failed, unsaid."""
    if frame.empty or "grade" not in frame:
        return
    rows = frame.reindex(columns=HISTORY_COLUMNS)
    given = rows["grade"].astype("string").str.strip().fillna("") != ""
    untold = (given & rows["outcome"].isna()
              & pd.to_numeric(rows["total"], errors="coerce").isna()
              & outcome_of(rows["grade"], table).set_axis(rows.index).isna())
    bands = ", ".join(table["grade"].iloc[::-1])
    for row, rec in rows[untold].iterrows():
        yield Issue("history-grade-unknown", "warning", value=str(rec["grade"]).strip(),
                    params={"employee": rec["employee_id"], "cycle": rec["cycle"],
                            "grades": bands, "grades_zh": bands.replace(", ", "、")},
                    **place(int(row)))


def cycle_keys(values: pd.Series) -> pd.Series:
    """Cycles as they are compared and ordered, on the same index: their text (see
    :func:`cycle_text`) in one spelling (:func:`~opsbook.appraisal.cycles.cycle_spelling`),
    so ``2026q3``, ``2026 Q3``, ``２０２６Ｑ３``, ``2026-Q3`` and ``2026年第三季度`` are the cycle
    ``2026Q3``, and ``2026/3`` and ``2026年3月`` the month ``2026-03`` (None for a blank)."""
    keys = cycle_text(values).map(_plain_cycle).astype(object)
    return keys.where(keys.notna(), None)


def cycle_key(value: object) -> str | None:
    """One cycle as :func:`cycle_keys` compares it."""
    return cycle_keys(pd.Series([value], dtype=object)).iloc[0]


def _plain_cycle(text: object) -> str | None:
    if text is None or pd.isna(text):
        return None
    return cycle_spelling(str(text))


def one_row_per_cycle(frame: pd.DataFrame) -> pd.DataFrame:
    """History rows with one row per employee and cycle (cycles compared as
    :func:`cycle_key` does); the later row wins."""
    keys = cycle_keys(frame["cycle"]).rename("_cycle_key")
    keep = ~pd.concat([frame["employee_id"].rename("_emp"), keys], axis=1).duplicated(
        keep="last")
    return frame[keep.to_numpy()]


def in_cycle_order(frame: pd.DataFrame) -> pd.DataFrame:
    """History rows ordered by cycle (compared as :func:`cycle_keys` does; rows without a
    cycle last), each cycle's rows in the order they came."""
    keys = cycle_keys(frame["cycle"]).rename("_cycle_key").reset_index(drop=True)
    order = keys.sort_values(kind="stable", na_position="last").index
    return frame.iloc[order.to_numpy()]


def earlier_failures(
    history: pd.DataFrame | None, table: pd.DataFrame, cycle: str, emp_ids: pd.Index
) -> np.ndarray:
    """Per employee, how many cycles in a row before ``cycle`` had the outcome improve.

    The cycles are the distinct ones in History that sort before ``cycle`` (all of them when
    ``cycle`` is blank), in text order, compared as :func:`cycle_keys` writes them. When they
    and ``cycle`` are all periods of one length (quarters, half-years, months or years), a
    period between them that History has no row for at all is a cycle too (see
    :func:`missing_cycles`). A cycle without a row for the employee, or with another
    outcome, breaks the run. The outcome is History's own when given, else that of its
    grade, else that of its total.
    """
    failed, _ = _failed_cycles(history, table, cycle, emp_ids)
    return np.cumprod(failed[:, ::-1], axis=1).sum(axis=1)


def missing_cycles(history: pd.DataFrame | None, table: pd.DataFrame, cycle: str,
                   emp_ids: pd.Index, failing: np.ndarray) -> list[Issue]:
    """``history-cycle-missing`` (a warning, at the History sheet) for each period absent
    from History altogether (no row for anyone) that stops the failed cycles in a row of an
    employee failing this cycle (``failing``: a bool per ``emp_ids``): the cycle just after
    the gap and every one up to ``cycle`` failed, and so did the cycle before the gap."""
    failed, cycles = _failed_cycles(history, table, cycle, emp_ids)
    issues = []
    run = np.cumprod(failed[:, ::-1], axis=1).sum(axis=1)
    for at, (key, absent) in enumerate(cycles):
        if not absent or at == 0:
            continue
        stopped = (np.asarray(failing, dtype=bool) & (run == len(cycles) - 1 - at)
                   & failed[:, at - 1])
        if not stopped.any():
            continue
        names = ", ".join(str(e) for e in emp_ids[stopped])
        after = cycles[at + 1][0] if at + 1 < len(cycles) else (cycle_key(cycle) or "")
        issues.append(Issue("history-cycle-missing", "warning", value=key, sheet="History",
                            params={"before": cycles[at - 1][0], "after": after,
                                    "employees": names, "employees_zh": names.replace(", ", "、")}))
    return issues


def _failed_cycles(history: pd.DataFrame | None, table: pd.DataFrame, cycle: str,
                   emp_ids: pd.Index) -> tuple[np.ndarray, list[tuple[str, bool]]]:
    """Per employee and cycle before ``cycle`` (oldest first), whether it was failed; and the
    cycles, each with whether History lacks it altogether (a period between periodic ones)."""
    none = np.zeros((len(emp_ids), 0), dtype=bool)
    if history is None or history.empty or not {"employee_id", "cycle"} <= set(history.columns):
        return none, []
    frame = history.reindex(columns=HISTORY_COLUMNS)
    frame = frame.assign(cycle=cycle_keys(frame["cycle"]))
    frame = frame[frame["cycle"].notna()]
    current = cycle_key(cycle) or ""
    if current:
        frame = frame[frame["cycle"] < current]
    if frame.empty:
        return none, []
    given = frame["outcome"].astype("string").str.strip().str.casefold().map(OUTCOME_WORDS)
    by_total = assign(pd.to_numeric(frame["total"], errors="coerce").to_numpy(dtype=float),
                      table)[2]
    outcome = (given.astype(object)
               .fillna(outcome_of(frame["grade"], table).set_axis(frame.index))
               .fillna(by_total.set_axis(frame.index)))
    present = sorted(frame["cycle"].unique())
    listed = _every_period(present, current) or [(key, False) for key in present]
    cycles = pd.Index([key for key, _ in listed])
    emp = emp_ids.get_indexer(frame["employee_id"])
    known = emp >= 0
    improve = (outcome == "improve").to_numpy()
    cells = pd.DataFrame({"emp": emp[known], "cyc": cycles.get_indexer(frame["cycle"][known]),
                          "improve": improve[known]})
    cells = cells.drop_duplicates(["emp", "cyc"], keep="last")
    failed = np.zeros((len(emp_ids), len(cycles)), dtype=bool)
    failed[cells["emp"].to_numpy(), cells["cyc"].to_numpy()] = cells["improve"].to_numpy()
    return failed, listed


#: A cycle in one spelling as a period: its length and its number of periods since year 0.
_PERIODS = ((re.compile(r"(\d{4})Q([1-4])"), "Q", 4), (re.compile(r"(\d{4})H([12])"), "H", 2),
            (re.compile(r"(\d{4})-(0[1-9]|1[0-2])"), "M", 12), (re.compile(r"(\d{4})()"), "Y", 1))


def _period(key: str) -> tuple[str, int] | None:
    for pattern, kind, per_year in _PERIODS:
        match = pattern.fullmatch(key)
        if match:
            return kind, int(match[1]) * per_year + int(match[2] or 1) - 1
    return None


def _period_key(kind: str, number: int) -> str:
    per_year = {"Q": 4, "H": 2, "M": 12, "Y": 1}[kind]
    year, part = divmod(number, per_year)
    return {"Q": f"{year}Q{part + 1}", "H": f"{year}H{part + 1}", "M": f"{year}-{part + 1:02d}",
            "Y": f"{year}"}[kind]


def _every_period(present: list[str], current: str) -> list[tuple[str, bool]] | None:
    """Every period from the first of ``present`` to the one before ``current`` (to the last
    of ``present`` when ``current`` is blank), each with whether ``present`` lacks it; None
    unless all of them are periods of one length."""
    periods = [_period(key) for key in [*present, *([current] if current else [])]]
    if any(p is None for p in periods) or len({p[0] for p in periods}) != 1:
        return None
    kind = periods[0][0]
    numbers = [p[1] for p in periods]
    last = numbers[-1] - 1 if current else numbers[-1]
    have = set(numbers[:len(present)])
    return [(_period_key(kind, n), n not in have) for n in range(numbers[0], last + 1)]


#: Where a History row read from another file was (``history_of`` adds them): its file,
#: sheet and the cell of its employee ID; absent for the workbook's own History rows.
PLACE_COLUMNS = ("_file", "_sheet", "_cell", "_column")


def ids_as_employees(frame: pd.DataFrame, emp_ids: pd.Index) -> tuple[pd.DataFrame, list[Issue]]:
    """History rows with an employee ID that is no employee's, but differs from exactly one
    employee's only in letter case or leading zeros (``e3`` for ``E3``, ``7`` for ``007``,
    as a number typed into a General cell shows), given as that employee's, and a
    ``history-id-spelling`` warning at each: such a row was left out unsaid, and a failed cycle
    with it. Rows of the workbook's own History carry the sheet id and their spreadsheet row
    (the index); rows of another file their ``PLACE_COLUMNS``. Returns the rows without
    those columns, and the issues."""
    rows = frame.drop(columns=[c for c in PLACE_COLUMNS if c in frame])
    ids = frame["employee_id"]
    folded_ids = pd.Series(emp_ids.to_numpy(dtype=object)).map(_id_fold)
    unique = folded_ids[~folded_ids.duplicated(keep=False)]
    by_fold = dict(zip(unique, emp_ids.to_numpy(dtype=object)[unique.index]))
    unknown = ids.notna().to_numpy() & (emp_ids.get_indexer(ids) < 0)
    meant = ids.map(lambda v: by_fold.get(_id_fold(v))).where(unknown)
    found = meant.notna().to_numpy()
    if not found.any():
        return rows, []
    issues = []
    for at in np.flatnonzero(found):
        rec = frame.iloc[at]
        place = ({"file": rec["_file"], "sheet": rec["_sheet"], "cell": rec["_cell"],
                  "column": rec["_column"]}
                 if isinstance(rec.get("_file"), str) else {"sheet": "History"})
        issues.append(Issue("history-id-spelling", "warning", value=rec["employee_id"],
                            field="employee_id", row=int(frame.index[at]),
                            params={"employee": meant.iloc[at], "cycle": rec["cycle"]},
                            **place))
    rows = rows.assign(employee_id=ids.where(~found, meant))
    return rows, issues


def _id_fold(value: object) -> str:
    """An employee ID as two spellings of it compare: case folded, and an ID of digits
    without its leading zeros."""
    text = str(value).casefold()
    return (text.lstrip("0") or "0") if text.isdigit() else text
