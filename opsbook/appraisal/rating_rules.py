"""Rules about who rated whom: one rating per rater, role, employee and indicator; one role
per rater and employee. Checked at validation, so every command gives the same verdict."""

from __future__ import annotations

from typing import Iterator

import pandas as pd

from opsbook.appraisal.findings import ROLE_ZH
from opsbook.appraisal.wide import score_cell
from opsbook.core.book import Book
from opsbook.core.issues import Issue

_KEY = ["employee_id", "rater_id", "rater_role", "indicator_id"]


def _rated(book: Book) -> pd.DataFrame:
    """Score rows with every key filled."""
    scores = book["Scores"]
    return scores[scores[_KEY].notna().all(axis=1)]


def _place(book: Book, row: int, indicator: str, field: str = "score") -> dict:
    place = book.where("Scores", field, row)
    if field == "score":
        place["cell"] = score_cell(book, row, indicator) or place.get("cell")
    return place


def one_rating_each(book: Book) -> Iterator[Issue]:
    """A rater scores an employee on an indicator once per role. Repeated rows are reported at
    every row: an error when their scores differ (which one is meant is unclear), a warning
    when they are equal (it is counted once)."""
    rows = _rated(book)
    repeated = rows[rows.duplicated(_KEY, keep=False)]
    if repeated.empty:
        return
    groups = repeated.groupby(_KEY, sort=False)
    differs = groups["score"].transform("nunique") > 1
    members = groups["score"].transform(lambda s: ", ".join(str(int(r)) for r in s.index))
    for row, rec in repeated.iterrows():
        diff = bool(differs.at[row])
        role = rec["rater_role"]
        yield Issue(
            "duplicate-rating", "error" if diff else "warning", value=rec["score"],
            params={"rater": rec["rater_id"], "role": role, "role_zh": ROLE_ZH.get(role, role),
                    "employee": rec["employee_id"], "indicator": rec["indicator_id"],
                    "rows": members.at[row], "rows_zh": members.at[row].replace(", ", "、"),
                    "detail": "with different scores: keep the one that is meant" if diff
                    else "with the same score: it is counted once",
                    "detail_zh": "分数不同：请只保留正确的一行" if diff
                    else "分数相同：只计一次"},
            **_place(book, int(row), rec["indicator_id"]))


def one_role_per_rater(book: Book) -> Iterator[Issue]:
    """One person, one role per employee: a rating of oneself must be ``self``, and ``self``
    is a rating of oneself; a rater who rates the same employee in two roles is reported at
    the rows of the role that is not theirs (``superior`` for the employee's manager, else
    the role used least). Each is said once at its cell: a wide-form row holds a rating of
    every indicator, with one role cell."""
    seen: set[tuple[str, object, object]] = set()
    for issue in _role_issues(book):
        key = (issue.code, issue.sheet, issue.cell or issue.row)
        if key not in seen:
            seen.add(key)
            yield issue


def _role_issues(book: Book) -> Iterator[Issue]:
    rows = _rated(book)
    own = rows[(rows["rater_id"] == rows["employee_id"]) & (rows["rater_role"] != "self")]
    for row, rec in own.iterrows():
        role = rec["rater_role"]
        yield Issue("self-rated-as-other", value=rec["rater_id"],
                    params={"role": role, "role_zh": ROLE_ZH.get(role, role)},
                    **_place(book, int(row), rec["indicator_id"], "rater_role"))
    for row, rec in rows[(rows["rater_id"] != rows["employee_id"])
                         & (rows["rater_role"] == "self")].iterrows():
        # someone else's score taken for the employee's own would move the total unseen
        yield Issue("self-role-by-other", value=rec["rater_id"],
                    params={"employee": rec["employee_id"]},
                    **_place(book, int(row), rec["indicator_id"], "rater_role"))
    others = rows.drop(own.index)
    others = others[(others["rater_id"] != others["employee_id"])
                    & (others["rater_role"] != "self")]
    roles = others.groupby(["employee_id", "rater_id"])["rater_role"].nunique()
    mixed = roles[roles > 1].index
    if not len(mixed):
        return
    managers = book["Employees"].set_index("employee_id")["manager_id"]
    managers = managers[~managers.index.duplicated()]
    pairs = others.set_index(["employee_id", "rater_id"]).loc[mixed]
    counts = pairs.groupby(level=[0, 1])["rater_role"].value_counts()
    for (employee, rater) in mixed:
        used = counts.loc[(employee, rater)]
        proper = ("superior" if managers.get(employee) == rater and "superior" in used.index
                  else used.idxmax())
        wrong = others[(others["employee_id"] == employee) & (others["rater_id"] == rater)
                       & (others["rater_role"] != proper)]
        for row, rec in wrong.iterrows():
            role = rec["rater_role"]
            yield Issue("rater-two-roles", value=rater,
                        params={"employee": employee, "role": role,
                                "role_zh": ROLE_ZH.get(role, role), "proper": proper,
                                "proper_zh": ROLE_ZH.get(proper, proper)},
                        **_place(book, int(row), rec["indicator_id"], "rater_role"))
