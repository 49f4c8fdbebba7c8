"""plan diff of a revision that resolves an item ID given twice in one department: the row
taken out is the one removed. Before, the rows were matched by their place among the
duplicates, so removing the first said the first had changed into the second (every field)
and the second was removed. Real workbooks on disk (the standard template, openpyxl)."""

from __future__ import annotations

import itertools

from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import diff_plans

K1 = item("A-1", "销售部", "新签客户数", "个", 4, (1, 1, 1, 1))
K2 = item("A-1", "销售部", "续约客户数", "个", 8, (2, 2, 2, 2))
K2_MORE = item("A-1", "销售部", "续约客户数", "个", 12, (3, 3, 3, 3))
OTHER = item("B-1", "销售部", "销售额", "万元", 100, (25, 25, 25, 25))


def book(path, rows):
    return plan_book(path, "zh", rows, {"year": 2027})


def test_the_duplicate_taken_out_is_the_one_removed(tmp_path):
    old = book(tmp_path / "v1.xlsx", [K1, K2, OTHER])
    new = book(tmp_path / "v2.xlsx", [OTHER, K2])
    done = diff_plans(old, new)
    assert done.result.removed["kpi"].tolist() == ["新签客户数"]
    assert done.result.added.empty and done.result.changed.empty
    run = run_cli("plan", "diff", old, new)
    assert run.returncode == 1
    assert run.stdout.splitlines()[:2] == ["新增 0 项，删除 1 项，修改 0 项（0 个字段）",
                                           "- A-1（销售部）：新签客户数"]


def test_a_duplicate_changed_beside_one_kept_is_a_change_of_that_one(tmp_path):
    """v2 keeps 新签客户数 as it was and raises 续约客户数 from 8 to 12: five changed fields
    of one item (target and four quarters), nothing added or removed."""
    old = book(tmp_path / "v1.xlsx", [K1, K2])
    new = book(tmp_path / "v2.xlsx", [K2_MORE, K1])
    changed = diff_plans(old, new).result.changed
    assert changed[["field", "old", "new"]].values.tolist() == [
        ["target", 8.0, 12.0], ["q1", 2.0, 3.0], ["q2", 2.0, 3.0], ["q3", 2.0, 3.0],
        ["q4", 2.0, 3.0]]


def test_the_diff_does_not_depend_on_row_order(tmp_path):
    """The same two plans, their rows in every order: one diff."""
    seen = set()
    for n, (rows_old, rows_new) in enumerate(itertools.product(
            itertools.permutations([K1, K2, OTHER]), [(K2_MORE, OTHER), (OTHER, K2_MORE)])):
        old = book(tmp_path / f"o{n}.xlsx", list(rows_old))
        new = book(tmp_path / f"n{n}.xlsx", list(rows_new))
        d = diff_plans(old, new).result
        seen.add((tuple(d.removed["kpi"]), tuple(d.added["kpi"]),
                  tuple(map(tuple, d.changed[["field", "old", "new"]].values.tolist()))))
    assert len(seen) == 1
    removed, added, changed = seen.pop()
    assert removed == ("新签客户数",) and added == ()
    assert changed[0] == ("target", 8.0, 12.0) and len(changed) == 5
