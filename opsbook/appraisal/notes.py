"""The notes column of the results: why an employee's score was computed the way it was."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from opsbook.appraisal.ratings import PEER
from opsbook.core.shown import half_up

TEXT = {
    "en": {
        "role": ("superior", "peers", "self"),
        "rating": ("superior rating", "peer rating", "self-rating"),
        "pct": "{} %", "and": " and ", "sep": "; ", "weights": "weights: {}",
        "none_left": "no rating left to count",
        "few_peers": ("only {n} peer", "only {n} peers",
                      ", below the minimum of {m}: peers left out"),
        "partial": "no {rating} for {k} indicator{s}: role weights re-balanced there",
        "missing": "no scores for {k} indicator{s} ({ids}): indicator weights re-balanced",
        "no_scores": "no scores: not graded",
        "below": "below the lowest grade ({grade} from {minimum}): not graded",
        "escalate": "{n} failed cycles in a row (limit {limit}): escalate",
        "no_base": "no bonus base: bonus left blank",
        "list": ", ",
    },
    "zh": {
        "role": ("上级", "同事", "自评"),
        "rating": ("上级评分", "同事评分", "自评"),
        "pct": "{}%", "and": "、", "sep": "；", "weights": "权重：{}",
        "none_left": "无可计入的评分",
        "few_peers": ("仅 {n} 位同事评分", "仅 {n} 位同事评分", "，少于最少 {m} 位：不计同事评分"),
        "partial": "{k} 项指标无{rating}：这些指标的角色权重已重新分配",
        "missing": "{k} 项指标无评分（{ids}）：指标权重已重新分配",
        "no_scores": "无评分：未评定等级",
        "below": "低于最低等级（{grade}，{minimum} 分起）：未评定等级",
        "escalate": "连续 {n} 次考核不达标（上限 {limit}）：按规定处理",
        "no_base": "未填绩效奖金基数：奖金留空",
        "list": "、",
    },
}


@dataclass
class NoteFacts:
    """Per employee (one entry per distinct employee id) what the notes are made from."""

    any_rating: np.ndarray        # some usable rating at all
    raw_present: np.ndarray       # (n, 3) the role rated the employee
    role_indicators: np.ndarray   # (n, 3) indicators with the role counted
    n_scored: np.ndarray          # indicators with a combined score
    peer_count: np.ndarray
    dropped: np.ndarray           # peers left out (fewer than min_peers)
    missing: np.ndarray           # (n, n_ind) indicators without any score
    consecutive: np.ndarray
    escalate: np.ndarray


def role_weights_text(present: tuple[bool, ...], dropped: bool, weights: np.ndarray,
                      lang: str) -> str:
    """The note on missing roles and the re-balanced weights, for one pattern of roles."""
    t = TEXT[lang]
    absent = [r for r in range(3) if not present[r] and weights[r] > 0]
    if not absent and not dropped:
        return ""
    counted = [r for r in range(3) if present[r] and not (dropped and r == PEER)
               and weights[r] > 0]
    total = sum(weights[r] for r in counted)
    if total <= 0:
        shares = t["none_left"]
    else:  # shown half up as a 0% cell shows them (0.3 / 0.8 is 37.5 %, so 38 %)
        shares = " / ".join(f"{t['role'][r]} "
                            + t["pct"].format(half_up(round(weights[r] / total, 9), 0, scale=100))
                            for r in counted)
    if not absent:
        return t["weights"].format(shares)
    prefix, colon = ("no ", ": ") if lang == "en" else ("无", "：")
    return t["and"].join(prefix + t["rating"][r] for r in absent) + colon + shares


def employee_notes(facts: NoteFacts, ind_ids: pd.Index, weights: np.ndarray, min_peers: int,
                   limit: int, lang: str = "en") -> np.ndarray:
    """The notes of each employee, joined into one text in ``lang`` ("en" or "zh")."""
    lang = "zh" if lang == "zh" else "en"
    t = TEXT[lang]
    n = len(facts.any_rating)
    parts: list[np.ndarray] = []

    few = t["few_peers"]
    count = facts.peer_count.astype(str)
    peers = np.where(facts.peer_count == 1, _fill(few[0], n=count), _fill(few[1], n=count))
    parts.append(np.where(facts.dropped, peers + few[2].format(m=min_peers), ""))

    pattern = facts.raw_present.astype(np.int64) @ np.array([1, 2, 4]) + 8 * facts.dropped
    texts = {p: role_weights_text(tuple(bool(p >> r & 1) for r in range(3)), bool(p & 8),
                                  weights, lang) for p in np.unique(pattern)}
    parts.append(pd.Series(pattern).map(texts).to_numpy(dtype=object) if n else np.array([]))

    for r in range(3):
        k = facts.n_scored - facts.role_indicators[:, r]
        partial = (facts.role_indicators[:, r] > 0) & (k > 0) & (weights[r] > 0)
        parts.append(np.where(partial, _fill(t["partial"], rating=t["rating"][r],
                                             k=k.astype(str), s=_plural(k, lang)), ""))

    lacking = facts.missing & facts.any_rating[:, None] & (facts.n_scored > 0)[:, None]
    emp, ind = np.nonzero(lacking)
    names = pd.Series(ind_ids.to_numpy(dtype=object)[ind].astype(str))
    ids = names.groupby(emp).agg(t["list"].join)
    listed = np.full(n, "", dtype=object)
    listed[ids.index.to_numpy(dtype=np.int64)] = ids.to_numpy(dtype=object)
    k = lacking.sum(axis=1)
    parts.append(np.where(k > 0, _fill(t["missing"], k=k.astype(str), s=_plural(k, lang),
                                       ids=listed), ""))

    parts.append(np.where(facts.escalate, _fill(t["escalate"], n=facts.consecutive.astype(str),
                                                limit=str(limit)), ""))
    notes = _join(parts, t["sep"], n)
    return np.where(facts.any_rating, notes, t["no_scores"])


def below_lowest_grade(notes: np.ndarray, below: np.ndarray, grade: str, minimum: float,
                       lang: str = "en") -> np.ndarray:
    """``notes`` with, where ``below``, that the total reached no grade (the lowest is
    ``grade`` from ``minimum``)."""
    t = TEXT["zh" if lang == "zh" else "en"]
    text = t["below"].format(grade=grade, minimum=f"{minimum:g}")
    return _join([notes, np.where(below, text, "")], t["sep"], len(notes))


def without_bonus_base(notes: np.ndarray, missing: np.ndarray, lang: str = "en"
                       ) -> np.ndarray:
    """``notes`` with, where ``missing``, that a graded employee has no bonus base, so their
    bonus is left blank (not 0, and not counted in the bonus total)."""
    t = TEXT["zh" if lang == "zh" else "en"]
    return _join([notes, np.where(missing, t["no_base"], "")], t["sep"], len(notes))


def _plural(k: np.ndarray, lang: str) -> np.ndarray:
    return np.where((k == 1) | (lang == "zh"), "", "s")


def _fill(template: str, **values: object) -> np.ndarray:
    """``template`` filled element-wise with arrays (and plain strings) of text."""
    pieces = template.replace("}", "{").split("{")
    out: object = ""
    for i, piece in enumerate(pieces):
        out = out + (np.asarray(values[piece], dtype=object) if i % 2 else piece)
    return np.asarray(out, dtype=object)


def _join(parts: list[np.ndarray], sep: str, n: int) -> np.ndarray:
    out = np.full(n, "", dtype=object)
    for part in parts:
        part = np.asarray(part, dtype=object)
        out = np.where(out == "", part, np.where(part == "", out, out + sep + part))
    return out
