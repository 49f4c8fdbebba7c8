"""Diff of two plan versions and the status moves."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import planbooks
import pytest

from opsbook.plan.diff import diff, to_json, to_markdown, to_text
from opsbook.plan.status import move, next_version

OLD = planbooks.OPS


def test_reordered_rows_are_not_changes():
    d = diff(OLD, OLD.iloc[::-1])
    assert d.equal and d.exit_code == 0
    assert to_text(d) == "The plans hold the same items."


def test_added_removed_and_changed():
    new = OLD.iloc[[3, 0, 2]].copy()             # S-02 removed, order changed
    new.loc[4, "target"] = 36.0                   # O-01 target 38 → 36
    new.loc[7, "owner"] = "周涛"                  # O-04 owner 黄杰 → 周涛
    new.loc[7, "end"] = pd.Timestamp("2027-12-31")
    new.loc[9] = list(planbooks.OPS2.iloc[0])    # M-01 added
    d = diff(OLD, new)
    assert d.exit_code == 1
    assert d.added["item_id"].tolist() == ["M-01"]
    assert d.removed["item_id"].tolist() == ["S-02"]
    changes = [(r.item_id, r.field, r.old, r.new) for r in d.changed.itertuples()]
    assert changes == [("O-01", "target", 38.0, 36.0), ("O-04", "owner", "黄杰", "周涛"),
                       ("O-04", "end", pd.Timestamp("2027-03-01"), pd.Timestamp("2027-12-31"))]
    assert d.counts() == {"added": 1, "removed": 1, "changed_items": 2, "changed_fields": 3}
    text = to_text(d).splitlines()
    assert text[0] == "1 added, 1 removed, 2 changed (3 fields)"
    assert "~ O-04 (运营部) End: 2027-03-01 → 2027-12-31" in text   # the field's header
    data = json.loads(to_json(d))
    assert data["equal"] is False and data["changed"][0] == {
        "item_id": "O-01", "department": "运营部", "field": "target", "old": 38.0, "new": 36.0}
    assert data["added"][0]["start"] == "2027-01-01"
    assert "| O-01 | 运营部 | Annual Target | 38 | 36 |" in to_markdown(d)


def test_blank_and_float_noise_are_not_changes():
    new = OLD.copy()
    new["target"] = new["target"] + 1e-12
    new["owner"] = new["owner"] + "  "
    assert diff(OLD, new).equal


def test_company_plans_with_a_shared_id_are_matched_by_department():
    both = pd.concat([planbooks.SALES, planbooks.OPS], ignore_index=True)
    swapped = both.iloc[::-1].reset_index(drop=True)
    assert diff(both, swapped).equal


REVIEW = pd.DataFrame({"item_id": ["O-01", "S-02", "O-01"],
                       "decision": ["revise", "reject", "accept"]},
                      index=pd.RangeIndex(3, 6, name="row"))
IDS = OLD["item_id"]


@pytest.mark.parametrize("current,target", [("draft", "submitted"), ("submitted", "reviewed")])
def test_one_step_forward(current, target):
    m = move(current, "1", target, None, IDS)
    assert m.ok and m.status == target and m.version == "1" and not m.protect
    assert m.settings == {"status": target}


def test_skipping_a_step_is_refused_and_says_why():
    m = move("draft", "1", "final", None, IDS)
    assert not m.ok and m.status == "draft" and m.settings == {}
    assert [i.code for i in m.issues] == ["status-step"]
    assert m.issues[0].message("en") == ("The plan is draft; it can move only one step, to "
                                         "submitted, not to final.")
    assert m.issues[0].message("zh") == ("计划当前状态为“草稿”，只能推进一步至“已提交”，"
                                         "不能直接改为“定稿”。")
    assert [i.code for i in move("final", "2", "final", None, IDS).issues] == ["status-final"]


def test_unresolved_decisions_block_final():
    m = move("reviewed", "1", "final", REVIEW, IDS)
    assert not m.ok
    # O-01's revise was resolved by a later accept; S-02's reject is open
    assert [(i.code, i.value, i.row) for i in m.issues] == [("unresolved-decision", "S-02", 4)]
    gone = move("reviewed", "1", "final", REVIEW, IDS[IDS != "S-02"], today=dt.date(2027, 1, 5))
    assert gone.ok and gone.protect


def test_final_increments_the_version_and_records_the_date():
    m = move("reviewed", "v1.3", "final", REVIEW.iloc[[0, 2]], IDS, today=dt.date(2027, 1, 5))
    assert m.ok and m.status == "final" and m.version == "v1.4"
    assert m.settings == {"status": "final", "version": "v1.4", "final_on": dt.date(2027, 1, 5)}
    refused = move("reviewed", "1", "final", None, IDS, errors=2)
    assert [i.code for i in refused.issues] == ["plan-has-errors"]
    assert move("draft", "1", "submitted", None, IDS, errors=2).ok  # conflicts to follow up


@pytest.mark.parametrize("old,new", [("1", "2"), ("v1.9", "v1.10"), ("2027-A", "2028-A"),
                                     ("draft", "2"), ("", "2")])
def test_next_version(old, new):
    assert next_version(old) == new


def test_a_duplicate_resolved_and_a_department_moved():
    both = pd.concat([planbooks.SALES, planbooks.OPS], ignore_index=True)  # S-02 twice
    fixed = both.copy()
    fixed.loc[4, "item_id"] = "O-02"                    # 运营部's S-02 renamed
    fixed.loc[0, "department"] = "市场部"               # S-01 moves department
    d = diff(both, fixed)
    assert d.added["item_id"].tolist() == ["O-02"]
    assert d.removed[["item_id", "department"]].values.tolist() == [["S-02", "运营部"]]
    assert [(r.item_id, r.field, r.old, r.new) for r in d.changed.itertuples()] == [
        ("S-01", "department", "销售部", "市场部")]
