"""The plan cycle at its edges: a status typed as its Chinese label (in Settings and on the
command line), quarters partly blank, large numbers and line breaks in diffs, a plan tracked
with no actual anywhere, a company plan revised by hand. Real workbooks on disk (the
standard template, filled in with openpyxl)."""

from __future__ import annotations

import openpyxl
from conftest import run_cli, sha256
from test_plan_cycle_round5 import item, plan_book
from test_pln9_cycle import company_copies

from opsbook import consolidate_plans, diff_plans, load, set_plan_status, track_plan, validate
from opsbook.api import write_output
from opsbook.plan.diff import to_markdown, to_text


def status_cell(path, lang="zh"):
    sheet = openpyxl.load_workbook(path)["设置" if lang == "zh" else "Settings"]
    return next(sheet.cell(r, 2).value for r in range(1, sheet.max_row + 1)
                if sheet.cell(r, 1).value == "status")


def test_a_status_typed_as_its_chinese_label_is_that_status(tmp_path):
    """The status setting's description lists 草稿 / 已提交 / 已审核 / 定稿: a person who
    types 已提交 has a submitted plan (it moves on to reviewed), not an invalid setting read
    as draft; an English status in capitals or full-width letters is one too."""
    path = plan_book(tmp_path / "plan.xlsx", "zh", [item("S1", "销售部", "销售额", "万元", 100,
                                                         (25, 25, 25, 25))],
                     {"year": 2027, "department": "销售部", "status": "已提交"})
    assert load(path).settings.status == "submitted"
    assert validate(path).issues == []
    done = run_cli("plan", "status", str(path), "--set", "reviewed")
    assert done.returncode == 0, done.stdout + done.stderr
    assert status_cell(path) == "reviewed"
    assert set_plan_status(path, "定稿").computed and status_cell(path) == "final"

    for typed, meant in (("ＳＵＢＭＩＴＴＥＤ", "submitted"), ("Reviewed", "reviewed"),
                         ("定稿", "final"), ("草稿", "draft")):
        other = plan_book(tmp_path / f"{meant}.xlsx", "en", [
            item("S1", "Sales", "Revenue", "CNY", 100, (25, 25, 25, 25))],
            {"year": 2027, "department": "Sales", "status": typed})
        assert load(other).settings.status == meant, typed

    refused = plan_book(tmp_path / "done.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 100, (25, 25, 25, 25))],
        {"year": 2027, "status": "完成"})
    assert [i.code for i in validate(refused).issues] == ["invalid-setting"]


def test_quarters_partly_blank_do_not_add_up(tmp_path):
    """Q1–Q3 filled and Q4 left blank for an additive unit: the quarters add up to less than
    the annual target, an error in the department's plan and a conflict of the company plan
    (at Q4, with the sum of the quarters given); four blank quarters are no quarterly plan,
    and a blank quarter of an item planned in Q2 and Q3 only is 0."""
    folder = tmp_path / "plans"
    folder.mkdir()
    path = plan_book(folder / "ops.xlsx", "zh", [
        item("O1", "运营部", "流程优化项目数", "个", 8, (2, 2, 2, None)),
        item("O2", "运营部", "培训课时", "小时", 40, (None, None, None, None)),
        item("O3", "运营部", "新开门店", "个", 20, (None, 10, 10, None)),
        item("O4", "运营部", "满意度", "%", 90, (90, 90, 90, None)),
    ], {"year": 2027, "department": "运营部"})
    found = [(i.code, i.cell, i.value) for i in validate(path).issues]
    assert found == [("quarters-mismatch", "K4", 6)]
    assert "与年度目标 8 不一致" in validate(path).issues[0].message("zh")

    done = consolidate_plans(folder)
    conflicts = done.result.conflicts
    assert conflicts[["code", "item_id", "value", "expected"]].values.tolist() == [
        ["quarters-mismatch", "O1", 6, "8"]]
    by_quarter = done.result.by_quarter
    assert by_quarter["target:个"].tolist() == [2, 12, 12, 0, 26]


def test_tracking_an_item_planned_in_some_quarters_only(tmp_path):
    """An additive item with targets in Q2 and Q3 only has nothing due in Q1: as of March,
    with no actual yet, it is met (a target of 0), not behind against a twelfth of its year
    each month; an additive item with no quarters spreads its year (a twelfth a month)."""
    path = plan_book(tmp_path / "plan.xlsx", "zh", [
        item("O3", "运营部", "新开门店", "个", 20, (None, 10, 10, None)),
        item("O4", "运营部", "培训课时", "小时", 120, (None, None, None, None)),
    ], {"year": 2027, "department": "运营部"},
        actuals=[("O4", "2027-01", 10), ("O4", "2027-02", 10), ("O4", "2027-03", 5)])
    done = track_plan(path, as_of="2027-03-31")
    items = done.result.items.set_index("item_id")
    assert items.loc["O3", "target_to_date"] == 0 and items.loc["O3", "completion"] == 1.0
    assert not items.loc["O3", "behind"]
    assert items.loc["O4", "target_to_date"] == 30                     # 120 / 12 × 3
    assert items.loc["O4", "completion"] == round(25 / 30, 9)
    monthly = done.result.monthly.query("item_id == 'O3'")["target"].round(6).tolist()
    assert monthly == [0, 0, 0, *[round(10 / 3, 6)] * 6, 0, 0, 0]


def test_large_numbers_keep_their_digits_in_diffs_and_conflicts(tmp_path):
    """A budget of 1,234,568 is said as 1234568, not 1.23457e+06 (which would also hide a
    change of 1): in the text and Markdown diff and in the quarters-mismatch message."""
    old = plan_book(tmp_path / "v1.xlsx", "en", [
        item("S1", "Sales", "Revenue", "CNY", 1234567.5, (1234567.5, 0, 0, 0),
             budget=1234567)], {"year": 2027, "department": "Sales"})
    new = plan_book(tmp_path / "v2.xlsx", "en", [
        item("S1", "Sales", "Revenue", "CNY", 1234567.5, (1234567.5, 0, 0, 1),
             budget=1234568)], {"year": 2027, "department": "Sales"})
    changes = diff_plans(old, new)
    text = to_text(changes.result, "en")
    assert "Budget: 1234567 → 1234568" in text and "e+06" not in text
    assert "| Budget | 1234567 | 1234568 |" in to_markdown(changes.result, "en")
    message = validate(new).issues[0].message("en")
    assert message == ("Quarter targets add up to 1234568.5, not the annual target "
                       "1234567.5.")
    company = consolidate_plans([new])
    assert company.result.conflicts["expected"].tolist() == ["1234567.5"]


def test_a_company_plan_tracked_alone_says_it_found_no_actual(tmp_path):
    """A company plan has no Actuals sheet: tracked without the department plans it measures
    nothing, which is said (a warning, in both languages) instead of an empty tracking
    passing for a plan with nothing behind; with the department plans it is not said."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "sales.xlsx", "zh", [item("S1", "销售部", "销售额", "万元", 1200,
                                                 (300, 300, 300, 300))],
              {"year": 2027, "department": "销售部"}, actuals=[("S1", "2027-01", 100)])
    company = tmp_path / "company.xlsx"
    write_output(company, consolidate_plans(folder).sheets)
    before = sha256(company)

    alone = track_plan(company, as_of="2027-03-31")
    said = [i for i in alone.report.issues if i.code == "no-actual-at-all"]
    assert len(said) == 1 and said[0].severity == "warning"
    assert said[0].message("zh").startswith("未找到任何实际值：")
    assert alone.exit_code == 0 and sha256(company) == before

    tracked = track_plan(company, [folder], as_of="2027-03-31")
    assert not [i for i in tracked.report.issues if i.code == "no-actual-at-all"]
    assert tracked.result.items["actual_to_date"].tolist() == [100]

    done = run_cli("plan", "track", str(company), "-o", str(tmp_path / "t.xlsx"),
                   "--as-of", "2027-03-31")
    assert done.returncode == 0 and "[no-actual-at-all]" in done.stdout


def test_text_diff_keeps_one_line_per_change_and_says_blanks(tmp_path):
    """A value with a line break (Alt+Enter in Excel) stays on its change's line (↵), and a
    value emptied reads as blank instead of a line cut off after the arrow; Markdown keeps
    its table rows whole. The note that the workbook was written is in the language of the
    diff (NEW's, a Chinese plan here), not English under a Chinese diff."""
    rows = [item("S1", "销售部", "销售额", "万元", 100, (25, 25, 25, 25))]
    old = plan_book(tmp_path / "v1.xlsx", "zh", rows, {"year": 2027})
    new = plan_book(tmp_path / "v2.xlsx", "zh", rows, {"year": 2027})
    book = openpyxl.load_workbook(new)
    book["计划"]["C4"] = "提升\n销售收入"
    book["计划"]["N4"] = None
    book.save(new)
    changes = diff_plans(old, new).result
    assert to_text(changes, "zh").splitlines()[1:] == [
        "~ S1（销售部）目标：objective → 提升 ↵ 销售收入",
        "~ S1（销售部）开始日期：2027-01-01 → （空）"]
    assert "Start: 2027-01-01 → (blank)" in to_text(changes, "en")
    table = to_markdown(changes, "en").splitlines()
    assert "| S1 | 销售部 | Objective | objective | 提升<br>销售收入 |" in table

    done = run_cli("plan", "diff", str(old), str(new), "-o", str(tmp_path / "d.xlsx"))
    assert done.returncode == 1
    assert f"差异已写入 {tmp_path / 'd.xlsx'}" in done.stderr
    assert "differences written" not in done.stderr


def test_the_command_line_takes_a_status_as_python_does(tmp_path):
    """``plan status --set`` takes what ``set_plan_status`` takes (any case, the Chinese
    label); an unknown status is one line in both languages before the file is read (exit 2,
    file untouched), and draft is a step back, refused at the status setting (exit 1)."""
    path = plan_book(tmp_path / "plan.xlsx", "zh", [item("S1", "销售部", "销售额", "万元", 100,
                                                         (25, 25, 25, 25))],
                     {"year": 2027, "department": "销售部"})
    assert run_cli("plan", "status", path, "--set", "已提交").returncode == 0
    assert status_cell(path) == "submitted"
    assert run_cli("plan", "status", path, "--set", "Reviewed").returncode == 0
    assert status_cell(path) == "reviewed"
    before = sha256(path)
    unknown = run_cli("plan", "status", path, "--set", "完成")
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert "unknown status '完成'" in unknown.stderr and "未知的状态“完成”" in unknown.stderr
    back = run_cli("plan", "status", path, "--set", "draft")
    assert back.returncode == 1 and "[status-step]" in back.stdout
    assert sha256(path) == before


def test_a_company_plan_revised_by_hand_is_told_its_totals_are_out_of_date(tmp_path):
    """Revising the company plan by editing its Plan sheet (an item taken out after a
    reject, a budget cut) leaves By Department as consolidated: each status move says so at
    that sheet (a warning naming the department, in both languages), and the move is made;
    an untouched company plan and a department's plan are not told."""
    company, untouched = company_copies(tmp_path, "en", [
        item("S1", "Sales", "Revenue", "CNY", 1200, (300, 300, 300, 300), budget=1000),
        item("S2", "Sales", "Leads", "units", 40, (10, 10, 10, 10), budget=500)], "Sales",
        "untouched.xlsx")
    folder = tmp_path / "plans"

    book = openpyxl.load_workbook(company)
    plan = book["Plan"]
    row = next(r for r in range(1, plan.max_row + 1) if plan.cell(r, 1).value == "S2")
    plan.delete_rows(row)
    book.save(company)
    moved = set_plan_status(company, "submitted")
    assert moved.computed and status_cell(company, "en") == "submitted"
    said = [i for i in moved.report.issues if i.code == "company-plan-stale"]
    assert [(i.severity, i.sheet) for i in said] == [("warning", "By Department")]
    assert "Sales has 1 item(s) and a budget of 1000 there, 2 and 1500 here" in \
        said[0].message("en")
    assert said[0].message("zh").startswith("本表与合并后又修改过的“计划”工作表不再一致：“Sales”")

    assert not [i for i in set_plan_status(untouched, "submitted").report.issues
                if i.code == "company-plan-stale"]
    assert not [i for i in set_plan_status(folder / "sales.xlsx", "submitted").report.issues
                if i.code == "company-plan-stale"]
    done = run_cli("plan", "status", company, "--set", "reviewed")
    assert done.returncode == 0 and "[company-plan-stale]" in done.stdout
