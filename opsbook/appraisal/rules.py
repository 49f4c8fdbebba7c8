"""Appraisal rules across rows and sheets: weights, grade bands, the score scale."""

from __future__ import annotations

from typing import Iterator

import numpy as np

from opsbook.appraisal.grading import grade_table
from opsbook.appraisal.history import cycles_as_dates, repeated_cycles, untold_outcomes
from opsbook.appraisal.rating_rules import one_rating_each, one_role_per_rater
from opsbook.appraisal.settings import DEFAULT_GRADES
from opsbook.appraisal.wide import score_cell, score_header
from opsbook.core.book import Book
from opsbook.core.issues import Issue
from opsbook.core.rules import numbers, references


def weights_add_up(book: Book) -> Iterator[Issue]:
    """Indicator weights add up to 100 (percent) or to 1.0."""
    weights = numbers(book["Indicators"], "weight")
    if not len(weights) or np.isnan(weights).any():
        return  # a blank or unreadable weight is reported on its cell; a sum would mislead
    total = float(weights.sum())
    if not (abs(total - 100) < 1e-6 or abs(total - 1) < 1e-9):
        # fractions (0.5, 0.3 …) are told as the percent they mean: 0.9 is 90%
        table = book.tables.get("Indicators")  # at the column's header: the sum is its own
        header = (table.header_row or None) if table is not None else None
        yield Issue("weights-sum", value=_percent(total if total > 2 else total * 100),
                    params={"detail": "Indicator weights", "detail_zh": "指标权重"},
                    **book.where("Indicators", "weight", header))
    roles = book.settings
    role_total = roles.weight_superior + roles.weight_peer + roles.weight_self
    if abs(role_total - 1) > 1e-6:
        yield Issue("weights-sum", value=_percent(role_total * 100),
                    params={"detail": "Rater-role weights (superior, peer, self)",
                            "detail_zh": "评分人角色权重（上级、同事、自评）"},
                    **book.setting_where("weight_superior"))


def _percent(value: float) -> str:
    """``90%``, ``99.5%``: never rounded to a whole percent that would read as 100%."""
    return f"{round(value, 6):g}%"


def bands_do_not_overlap(book: Book) -> Iterator[Issue]:
    """Two grades may not share a minimum score."""
    grades = book["Grades"]
    minimum = grades["min_score"]
    repeated = minimum.notna() & minimum.duplicated(keep="first")
    for row in grades.index[repeated.to_numpy()]:
        yield Issue("overlapping-bands", value=minimum.at[row],
                    **book.where("Grades", "min_score", int(row)))


def bands_on_scale(book: Book) -> Iterator[Issue]:
    """Grade bands on the scale of the scores: a band whose minimum is above ``scale_max``
    can never be reached (the default bands are on 0–100, so a 1–5 scale would grade every
    employee D, to be interviewed and escalated); minimums all of 1 or below on a larger
    scale are shares typed for points (0.9 for 90: every total would be the top grade)."""
    high = book.settings.scale_max
    if book.settings.scale_min >= high:
        return  # the scale itself is reported
    sheet = book["Grades"]
    values = numbers(sheet, "min_score")
    bands = sheet["grade"].notna().to_numpy() & ~np.isnan(values)
    if not bands.any():  # no band of the user's: the default grades apply
        above = [(grade, low) for grade, low, *_ in DEFAULT_GRADES if low > high]
        if above:
            names = ", ".join(f"{grade} {low:g}" for grade, low in above)
            yield book.setting_issue(
                "scale_max", high,
                f"the default grades start at {names}, above the highest score of the scale, "
                "so no total can reach them; add a Grades sheet with bands on this scale.",
                f"默认等级的最低分（{names.replace(', ', '、')}）高于评分上限，任何总分都达不到；"
                "请添加“等级”表，按此分制填写等级分数段。")
        return
    for row in sheet.index[bands & (values > high)]:
        yield Issue("grade-above-scale", value=sheet.at[row, "min_score"],
                    params={"grade": sheet.at[row, "grade"], "scale_max": f"{high:g}"},
                    **book.where("Grades", "min_score", int(row)))
    if high > 1 and (values[bands] <= 1).all():  # 0.9 for 90 on a scale to 100: all S
        for row in sheet.index[bands & (values > 0)]:
            yield Issue("grade-as-fraction", value=sheet.at[row, "min_score"],
                        params={"grade": sheet.at[row, "grade"], "scale_max": f"{high:g}"},
                        **book.where("Grades", "min_score", int(row)))


def settings_consistent(book: Book) -> Iterator[Issue]:
    """A scale that has room, and forced-distribution shares that are fractions."""
    from opsbook.core.settings import fraction

    settings = book.settings
    if settings.scale_min >= settings.scale_max:
        yield book.setting_issue("scale_max", settings.scale_max,
                                 f"must be above scale_min ({settings.scale_min:g}).",
                                 f"必须大于评分下限 scale_min（{settings.scale_min:g}）。")
    for key, value in settings.extra_items().items():
        if not key.lower().startswith("max_share_") or value in (None, ""):
            continue
        share = fraction(value)
        if not (isinstance(share, float) and 0 <= share <= 1):
            yield book.setting_issue(key, value, "must be a share such as 0.1 or 10%.",
                                     "应为比例，如 0.1 或 10%。")


def history_cycles(book: Book) -> Iterator[Issue]:
    """History cycles that are days (a date cell reads 2026-03-01): Excel makes a date of
    "2026-03" typed in a cell, and that day is no cycle written elsewhere (an error); and
    an employee's cycle on two rows (a warning naming the row counted); a grade that is no
    band, on a row without total or outcome (a warning: the cycle cannot count as failed)."""
    def place(row: int) -> dict:
        return book.where("History", "cycle", row)

    yield from cycles_as_dates(book["History"], place)
    yield from repeated_cycles(book["History"], place)
    yield from untold_outcomes(book["History"], grade_table(book["Grades"]),
                               lambda row: book.where("History", "grade", row))


def scores_on_scale(book: Book) -> Iterator[Issue]:
    """Scores within [scale_min, scale_max] of the settings."""
    low, high = book.settings.scale_min, book.settings.scale_max
    if low >= high:
        return  # the scale itself is reported
    scores = book["Scores"]
    values = numbers(scores, "score")
    bad = ~np.isnan(values) & ((values < low) | (values > high))
    expected = {"expected": f"between {low:g} and {high:g}",
                "expected_zh": f"在 {low:g} 到 {high:g} 之间"}
    for row, indicator, value in zip(scores.index[bad], scores["indicator_id"][bad],
                                     scores["score"][bad]):
        place = book.where("Scores", "score", int(row))
        place["cell"] = score_cell(book, int(row), indicator)
        place["column"] = score_header(book, indicator) or place.get("column")
        yield Issue("out-of-range", value=value, params=expected, **place)


RULES = (references, weights_add_up, bands_do_not_overlap, bands_on_scale, settings_consistent,
         history_cycles, scores_on_scale, one_rating_each, one_role_per_rater)
