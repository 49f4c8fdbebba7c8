"""A move to the status a plan already has says so (not that it skips a step), and a diff
written to a workbook says whether there was any difference to write."""

from __future__ import annotations

from conftest import run_cli, sha256
from test_plan_cycle_round5 import item
from test_pln9_cycle import company_copies

from opsbook.plan.status import move


def test_asking_for_the_status_a_plan_has_says_it_has_it():
    m = move("submitted", "1", "submitted", None, [])
    assert not m.ok and m.status == "submitted" and m.settings == {}
    assert [i.code for i in m.issues] == ["status-already"]
    assert m.issues[0].message("en") == ("The plan is already submitted; its next step is "
                                         "reviewed.")
    assert m.issues[0].message("zh") == "计划已是“已提交”状态；下一步应为“已审核”。"
    # a step skipped is still told as one
    assert [i.code for i in move("draft", "1", "reviewed", None, []).issues] == ["status-step"]


def test_the_command_refuses_the_same_status_and_changes_nothing(tmp_path):
    rows = [item("S1", "销售部", "销售额", "万元", 100, (25, 25, 25, 25))]
    company, = company_copies(tmp_path, "zh", rows, "销售部")
    assert run_cli("plan", "status", company, "--set", "submitted").returncode == 0
    before = sha256(company)
    again = run_cli("plan", "status", company, "--set", "已提交")
    assert again.returncode == 1 and "[status-already]" in again.stdout
    assert "计划已是“已提交”状态" in again.stdout and "Traceback" not in again.stderr
    assert sha256(company) == before


def test_a_diff_of_equal_plans_written_to_a_workbook_says_there_was_none(tmp_path):
    rows = [item("S1", "Sales", "Revenue", "k", 100, (25, 25, 25, 25))]
    old, new = company_copies(tmp_path, "en", rows, "Sales", "new.xlsx")
    done = run_cli("plan", "diff", old, new, "-o", tmp_path / "d.xlsx", "--lang", "en")
    assert done.returncode == 0 and (tmp_path / "d.xlsx").exists()
    assert f"comparison written to {tmp_path / 'd.xlsx'} (no differences)" in done.stderr
    zh = run_cli("plan", "diff", old, new, "-o", tmp_path / "d2.xlsx", "--lang", "zh")
    assert f"比较结果已写入 {tmp_path / 'd2.xlsx'}（无差异）" in zh.stderr


def test_the_api_exits_as_the_command_for_every_kind_of_move(tmp_path):
    from opsbook import set_plan_status

    rows = [item("S1", "销售部", "销售额", "万元", 100, (25, 25, 25, 25))]
    company, copy = company_copies(tmp_path, "zh", rows, "销售部", "copy.xlsx")
    moved = set_plan_status(company, "submitted")
    assert moved.computed and moved.exit_code == 0
    refused = set_plan_status(company, "final")  # a step skipped: nothing changes
    ran = run_cli("plan", "status", copy, "--set", "final")
    assert refused.exit_code == ran.returncode == 1
    assert run_cli("plan", "status", copy, "--set", "submitted").returncode == moved.exit_code
