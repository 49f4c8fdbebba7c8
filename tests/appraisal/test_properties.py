"""Properties of the appraisal arithmetic that must hold for any scores."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsbook.appraisal.compute import role_shares, score, wide_to_long
from opsbook.appraisal.settings import AppraisalSettings

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SCALES = [(0.0, 100.0), (1.0, 5.0), (0.0, 10.0)]
OTHERS = [("M1", "superior"), ("M2", "superior"), ("P1", "peer"), ("P2", "peer"),
          ("P3", "peer")]
SCORE_COLUMNS = ["employee_id", "rater_id", "rater_role", "indicator_id", "score"]


def _rows(records: list, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(records, columns=columns,
                        index=pd.RangeIndex(2, 2 + len(records), name="row"))


@st.composite
def appraisals(draw: st.DrawFn, calibration: str = "none") -> dict:
    """A small appraisal: employees, indicators with weights, any subset of ratings."""
    low, high = draw(st.sampled_from(SCALES))
    n_emp, n_ind = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    emps = [f"E{i}" for i in range(n_emp)]
    inds = [f"I{i}" for i in range(n_ind)]
    groups = draw(st.lists(st.sampled_from(["results", "ability", "attitude"]),
                           min_size=n_ind, max_size=n_ind))
    weights = draw(st.lists(st.integers(1, 40), min_size=n_ind, max_size=n_ind))
    marks = st.floats(low, high, allow_nan=False).map(lambda x: round(x, 1))
    records = []
    for emp in emps:
        for ind in inds:
            for rater, role in draw(st.lists(st.sampled_from(OTHERS + [(emp, "self")]),
                                             unique=True, max_size=4)):
                records.append((emp, rater, role, ind, draw(marks)))
    role_weights = draw(st.tuples(*[st.integers(0, 10)] * 3).filter(lambda t: sum(t) > 0))
    options = AppraisalSettings(
        weight_superior=role_weights[0] / 10, weight_peer=role_weights[1] / 10,
        weight_self=role_weights[2] / 10, min_peers=draw(st.integers(0, 3)),
        scale_min=low, scale_max=high, calibration=calibration)
    return {
        "employees": _rows([(e, e, "Ops", 1000.0) for e in emps],
                           ["employee_id", "name", "department", "bonus_base"]),
        "indicators": _rows(list(zip(inds, groups, inds, map(float, weights), strict=True)),
                            ["indicator_id", "group", "name", "weight"]),
        "scores": _rows(records, SCORE_COLUMNS),
        "settings": options,
    }


def _totals(case: dict, scores: pd.DataFrame | None = None) -> pd.Series:
    result = score(case["employees"], case["indicators"],
                   case["scores"] if scores is None else scores, None, None, case["settings"])
    return result.results.set_index("employee_id")["total"]


@FAST
@given(st.one_of(appraisals(), appraisals("zscore")))
def test_totals_stay_within_the_scale_and_split_into_groups(case):
    result = score(case["employees"], case["indicators"], case["scores"], None, None,
                   case["settings"])
    frame = result.results
    scored = frame[frame["total"].notna()]
    low, high = case["settings"].scale_min, case["settings"].scale_max
    assert ((scored["total"] >= low - 1e-9) & (scored["total"] <= high + 1e-9)).all()
    parts = scored[["results_score", "ability_score", "attitude_score"]].sum(axis=1)
    assert np.allclose(parts, scored["total"], atol=1e-6)
    assert frame["grade"].notna().sum() == len(scored) or low < 0


@FAST
@given(st.lists(st.tuples(st.booleans(), st.booleans(), st.booleans()), min_size=1,
                max_size=20),
       st.tuples(*[st.floats(0, 1, allow_nan=False)] * 3))
def test_rebalanced_role_weights_add_up_to_one(present, weights):
    counted = np.array(present, dtype=bool)
    w = np.array(weights)
    shares = role_shares(counted, w)
    assert (shares >= 0).all()
    assert (shares[~counted] == 0).all()
    some = (counted & (w > 0)).any(axis=1)
    assert np.allclose(shares.sum(axis=1)[some], 1.0)
    assert (shares[~some] == 0).all()


@FAST
@given(appraisals(), st.data())
def test_constant_scores_give_that_constant(case, data):
    low, high = case["settings"].scale_min, case["settings"].scale_max
    mark = data.draw(st.floats(low, high, allow_nan=False))
    totals = _totals(case, case["scores"].assign(score=mark))
    assert np.allclose(totals.dropna(), mark, atol=1e-6)


@FAST
@given(appraisals(), st.data())
def test_a_rater_at_the_role_average_changes_nothing(case, data):
    result = score(case["employees"], case["indicators"], case["scores"], None, None,
                   case["settings"])
    detail = result.indicator_scores
    counted = [(e, role) for role in ("superior", "peer")
               for e in detail.loc[detail[role].notna(), "employee_id"].unique()]
    if not counted:
        return
    emp, role = data.draw(st.sampled_from(sorted(counted)))
    same = detail[(detail["employee_id"] == emp) & detail[role].notna()]
    added = _rows([(emp, "NEW", role, ind, mean) for ind, mean in
                   zip(same["indicator_id"], same[role], strict=True)], SCORE_COLUMNS)
    added.index = added.index + len(case["scores"])
    before = result.results.set_index("employee_id")["total"]
    after = _totals(case, pd.concat([case["scores"], added]))
    assert np.allclose(after, before, atol=1e-6, equal_nan=True)


@FAST
@given(appraisals(), st.data())
def test_raising_a_score_never_lowers_the_total(case, data):
    scores = case["scores"]
    if scores.empty:
        return
    row = data.draw(st.sampled_from(list(scores.index)))
    high = case["settings"].scale_max
    raised = scores.copy()
    raised.loc[row, "score"] = data.draw(st.floats(scores.at[row, "score"], high,
                                                   allow_nan=False))
    before, after = _totals(case), _totals(case, raised)
    emp = scores.at[row, "employee_id"]
    if not np.isnan(before[emp]):
        assert after[emp] >= before[emp] - 1e-9
    others = before.index != emp
    assert np.allclose(after[others], before[others], equal_nan=True)


@FAST
@given(appraisals())
def test_wide_form_round_trip(case):
    long = case["scores"]
    wide = long.pivot_table(index=["employee_id", "rater_id", "rater_role"],
                            columns="indicator_id", values="score", aggfunc="last").reset_index()
    wide.index = pd.RangeIndex(2, 2 + len(wide), name="row")
    back = wide_to_long(wide, case["indicators"])
    key = ["employee_id", "rater_id", "rater_role", "indicator_id"]
    assert (back[key + ["score"]].sort_values(key).reset_index(drop=True)
            .equals(long[key + ["score"]].sort_values(key).reset_index(drop=True)
                    .astype(back[key + ["score"]].dtypes.to_dict())))
