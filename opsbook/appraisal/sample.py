"""Seeded sample data for the appraisal workbook: for templates, the demo, tests and benchmarks.

The frames look like what the reader gives: columns named by field id, the spreadsheet row
as index, enum fields in their canonical English values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.appraisal.grading import assign, grade_table
from opsbook.appraisal.settings import DEFAULT_GRADES
from opsbook.core import sampling

#: The cycle the sample scores belong to, and the earlier cycles of its History.
SAMPLE_CYCLE = "2026Q4"
HISTORY_CYCLES = ("2026Q2", "2026Q3")

#: group, Chinese name, English name, relative weight.
INDICATORS = (
    ("results", "运营计划完成情况", "Operations plan completion", 18),
    ("results", "流程优化效果", "Process improvement results", 15),
    ("results", "项目完成质量和进度", "Project quality and schedule", 15),
    ("results", "数据分析支持决策", "Data analysis supporting decisions", 12),
    ("ability", "数据分析能力", "Data analysis skills", 10),
    ("ability", "项目管理能力", "Project management skills", 8),
    ("ability", "沟通协调能力", "Communication and coordination", 7),
    ("attitude", "责任心", "Sense of responsibility", 5),
    ("attitude", "敬业精神", "Dedication", 5),
    ("attitude", "团队合作意识", "Teamwork", 5),
    ("results", "客户满意度", "Customer satisfaction", 10),
    ("ability", "学习与创新能力", "Learning and innovation", 6),
    ("attitude", "工作纪律", "Work discipline", 4),
)
#: The policy's ten indicators are the first ten above.
STANDARD_INDICATORS = 10
POSITIONS = {
    "zh": ("运营总监", "部门经理", ("运营专员", "数据分析师", "项目专员", "主管")),
    "en": ("Operations Director", "Department Manager",
           ("Operations Specialist", "Data Analyst", "Project Coordinator", "Team Lead")),
}
COMMENTS = {
    "zh": ("按时完成季度计划", "流程梳理清晰，效率明显提升", "数据分析报告质量高", "沟通及时",
           "需加强跨部门协调", "责任心强，值得表扬"),
    "en": ("Delivered the quarterly plan on time", "Clear process work, visibly faster",
           "High-quality analysis reports", "Communicates promptly",
           "Needs more cross-team coordination", "Very reliable, worth commending"),
}


def _rows(n: int) -> pd.Index:
    """Spreadsheet rows of n data rows under a header in row 1."""
    return pd.RangeIndex(2, n + 2, name="row")


def _indicators(count: int | None, lang: str) -> pd.DataFrame:
    count = STANDARD_INDICATORS if count is None else max(1, count)
    picked = [INDICATORS[i % len(INDICATORS)] for i in range(count)]
    names = [(p[1] if lang == "zh" else p[2]) + ("" if i < len(INDICATORS) else
                                                 f" {i // len(INDICATORS) + 1}")
             for i, p in enumerate(picked)]
    raw = np.array([p[3] for p in picked], dtype=float)
    share = raw / raw.sum() * 100
    weight = np.floor(share)
    weight[np.argsort(weight - share)[: int(100 - weight.sum())]] += 1  # largest remainders
    return pd.DataFrame({
        "indicator_id": [f"K{i + 1:02d}" for i in range(count)],
        "group": [p[0] for p in picked], "name": names, "weight": weight,
        "description": None,
    }, index=_rows(count))


def _ring(group: np.ndarray, members: np.ndarray, peers: int) -> tuple[np.ndarray, np.ndarray]:
    """Peers within each group: the next ``peers`` members round the group's ring."""
    order = np.lexsort((members, group))
    group, members = group[order], members[order]
    start = np.r_[0, np.flatnonzero(np.diff(group)) + 1]
    size = np.diff(np.r_[start, len(group)])
    first = np.repeat(start, size)
    size = np.repeat(size, size)
    pos = np.arange(len(group)) - first
    rated, raters = [], []
    for k in range(1, peers + 1):
        ok = k < size
        rated.append(members[ok])
        raters.append(members[first[ok] + (pos[ok] + k) % size[ok]])
    return np.concatenate(rated or [np.zeros(0, int)]), np.concatenate(raters or [np.zeros(0, int)])


def sample_frames(seed: int = 7, employees: int = 36, indicators: int | None = None,
                  peers: int = 3, *, lang: str = "zh", quirks: bool = False
                  ) -> dict[str, pd.DataFrame]:
    """Employees, Indicators, Scores, Grades and History of one seeded cycle (SAMPLE_CYCLE).

    Each employee is rated by their manager, ``peers`` colleagues and themselves (the head of
    the first department has no manager); one weak employee also failed both earlier cycles, so
    the demo escalates. The sample is clean unless ``quirks`` adds the problems of
    ``add_quirks``. Vectorised: 2,000 employees × 10 indicators make 100,000 score rows fast.
    """
    lang = "zh" if lang == "zh" else "en"
    rng = np.random.default_rng(seed)
    n = max(int(employees), 2)
    n_dept = min(len(sampling.DEPARTMENTS[lang]), max(1, n // 7))
    share = np.array([0.3, 0.2, 0.25, 0.1, 0.15])[:n_dept]
    rest = max(n - 4 * n_dept, 0)              # a head and at least three staff each, then more
    dept = np.sort(np.r_[np.tile(np.arange(n_dept), 4),
                         rng.choice(n_dept, rest, p=share / share.sum())][:n])
    head = np.r_[True, dept[1:] != dept[:-1]]           # each department's first row is its head
    head_of = np.flatnonzero(head)
    manager = np.where(head, head_of[0], head_of[dept])
    ids = np.array([f"E{i + 1:04d}" for i in range(n)], dtype=object)
    top, chief, titles = POSITIONS[lang]
    position = np.where(head, chief, np.array(titles, dtype=object)[
        rng.integers(len(titles), size=n)]).astype(object)
    position[0] = top
    base = np.where(head, rng.uniform(25_000, 40_000, n), rng.uniform(8_000, 20_000, n))
    staff = pd.DataFrame({
        "employee_id": ids, "name": sampling.names(rng, n, lang),
        "department": np.array(sampling.DEPARTMENTS[lang], dtype=object)[dept],
        "position": position,
        "manager_id": np.where(np.arange(n) == 0, None, ids[manager]).astype(object),
        "bonus_base": np.round(base, -2),
    }, index=_rows(n))

    ability = np.clip(rng.normal(77, 7, n), 55, 97)
    others = np.flatnonzero(~head)
    special = {"strong": others[len(others) // 3], "broken": others[2 * len(others) // 3],
               "weak": others[len(others) // 2]}  # the weak one wins if they coincide
    ability[special["strong"]], ability[special["broken"]] = 95.0, 50.0
    ability[special["weak"]] = 46.0
    raters = _raters(head, dept, manager, peers)
    table = _indicators(indicators, lang)
    grades = pd.DataFrame(list(DEFAULT_GRADES), columns=["grade", "min_score",
                                                         "bonus_coefficient", "outcome"],
                          index=_rows(len(DEFAULT_GRADES))).astype({"min_score": float})
    frames = {
        "Employees": staff, "Indicators": table,
        "Scores": _scores(rng, ids, raters, ability, table, head, lang),
        "Grades": grades,
        "History": _history(rng, ids, ability, special),
        "Settings": sampling.settings(cycle=SAMPLE_CYCLE),
    }
    return add_quirks(frames) if quirks else frames


def _raters(head: np.ndarray, dept: np.ndarray, manager: np.ndarray,
            peers: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rated, rater, role code) of every rating: manager, peers, self.

    Staff are rated by the next ``peers`` colleagues of their department; a head by the other
    heads (not by their own manager), topped up from their staff when there are too few.
    """
    n = len(head)
    everyone = np.arange(n)
    staff = np.flatnonzero(~head)
    rated, rater = _ring(dept[staff], staff, peers)
    heads = np.flatnonzero(head)
    head_rated, head_raters = [], []
    for h in heads:                               # a handful of departments, not every row
        pool = [o for o in heads if o != h and o != manager[h] and manager[o] != h]
        pool += [int(s) for s in staff[dept[staff] == dept[h]]]
        chosen = pool[:peers]
        head_rated += [h] * len(chosen)
        head_raters += chosen
    rated = np.r_[everyone[1:], rated, head_rated, everyone].astype(np.int64)
    rater = np.r_[manager[1:], rater, head_raters, everyone].astype(np.int64)
    role = np.r_[np.zeros(n - 1), np.ones(len(rated) - 2 * n + 1), np.full(n, 2)].astype(np.int64)
    order = np.lexsort((rater, role, rated))
    return rated[order], rater[order], role[order]


def _scores(rng: np.random.Generator, ids: np.ndarray,
            raters: tuple[np.ndarray, np.ndarray, np.ndarray], ability: np.ndarray,
            table: pd.DataFrame, head: np.ndarray, lang: str) -> pd.DataFrame:
    rated, rater, role = raters
    n, k = len(ids), len(table)
    bias = rng.normal(0, 2.5, n)                # how lenient each rater is
    heads = np.flatnonzero(head)
    bias[heads[len(heads) // 2]] += 6           # one lenient manager ...
    bias[heads[-1]] -= 5                         # ... and one strict one
    self_bias = rng.normal(5, 3, n)
    per_rating = np.where(role == 2, self_bias[rater], bias[rater])
    rows = len(rated) * k
    emp = np.repeat(rated, k)
    ind = np.tile(np.arange(k), len(rated))
    talent = rng.normal(0, 4, (n, k))           # what each employee is good at
    value = (ability[emp] + rng.normal(0, 2, k)[ind] + talent[emp, ind]
             + np.repeat(per_rating, k) + rng.normal(0, 3, rows))
    comments = np.array(COMMENTS[lang], dtype=object)
    comment = np.where(rng.random(rows) < 0.08, comments[rng.integers(len(comments), size=rows)],
                       None)
    return pd.DataFrame({
        "employee_id": ids[emp], "rater_id": ids[np.repeat(rater, k)],
        "rater_role": np.array(["superior", "peer", "self"], dtype=object)[np.repeat(role, k)],
        "indicator_id": table["indicator_id"].to_numpy(dtype=object)[ind],
        "score": np.clip(np.round(value), 30, 100), "comment": comment,
    }, index=_rows(rows))


def _history(rng: np.random.Generator, ids: np.ndarray, ability: np.ndarray,
             special: dict[str, int]) -> pd.DataFrame:
    """Two earlier cycles; a few of the latest hires joined after the first one."""
    n = len(ids)
    joined_late = np.arange(n) >= n - max(1, n // 20)
    frames = []
    for i, cycle in enumerate(HISTORY_CYCLES):
        total = np.clip(np.round(ability + rng.normal(0, 4, n), 1), 30, 100)
        total[special["broken"]] = (54.5, 72.0)[i]
        total[special["weak"]] = (53.0, 56.5)[i]
        keep = ~joined_late if i == 0 else np.ones(n, dtype=bool)
        frames.append(pd.DataFrame({"employee_id": ids[keep], "cycle": cycle,
                                    "total": total[keep]}))
    history = pd.concat(frames, ignore_index=True)
    history["grade"] = assign(history["total"].to_numpy(), grade_table(None))[0].to_numpy()
    history.index = _rows(len(history))
    return history


def add_quirks(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The problems real sheets have, on staff members near the top of the sample: a missing
    self-rating, a single peer, a new hire nobody scored, an indicator nobody scored for one
    employee, a duplicate rating (same score) and one with another score, a self-rating entered
    as a peer rating, and History rows of an employee who has left."""
    employees, scores = frames["Employees"], frames["Scores"].reset_index(drop=True)
    managers = set(employees["manager_id"].dropna())
    staff = [e for e in employees["employee_id"] if e not in managers]
    no_self, one_peer, unscored, gap, dup, own = (staff[i % len(staff)] for i in range(6))
    first_ind = frames["Indicators"]["indicator_id"].iloc[-1]
    emp, role = scores["employee_id"], scores["rater_role"]
    peer_raters = scores.loc[(emp == one_peer) & (role == "peer"), "rater_id"].unique()
    drop = ((emp == no_self) & (role == "self")) | (emp == unscored)
    drop |= (emp == one_peer) & (role == "peer") & scores["rater_id"].isin(peer_raters[1:])
    drop |= (emp == gap) & (scores["indicator_id"] == first_ind)
    scores = scores[~drop]
    dup_rows = scores[emp[~drop] == dup].iloc[[0, 1]].copy()
    dup_rows.iloc[1, dup_rows.columns.get_loc("score")] = min(dup_rows["score"].iloc[1] + 10, 100)
    own_row = scores[(emp[~drop] == own) & (role[~drop] == "self")].iloc[[0]].assign(
        rater_role="peer", score=95.0)
    scores = pd.concat([scores, dup_rows, own_row], ignore_index=True)
    scores.index = _rows(len(scores))
    history = frames["History"]
    left = pd.DataFrame({"employee_id": "E9001", "cycle": list(HISTORY_CYCLES),
                         "total": [58.0, 55.0], "grade": ["D", "D"]})
    history = pd.concat([history, left], ignore_index=True)
    history.index = _rows(len(history))
    return {**frames, "Scores": scores, "History": history}
