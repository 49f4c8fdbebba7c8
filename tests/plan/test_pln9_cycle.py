"""The plan cycle as a user runs it, ninth round: a result workbook given as the plan to
track, the same month's actual in two department files named in either order, a quarter
target of an item that starts within the quarter, a company plan whose targets were edited
by hand. Real workbooks on disk (the standard template, filled in with openpyxl)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans, load, set_plan_status, track_plan, validate
from opsbook.api import NotAWorkbook, new_workbook, write_output


def company_copies(tmp_path, lang, rows, department, *copies):
    """A company plan consolidated from one department's plan (``rows``), written to
    ``company.xlsx`` and byte-for-byte copies named ``copies``; returns their paths."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "sales.xlsx", lang, rows, {"year": 2027, "department": department})
    company = tmp_path / "company.xlsx"
    write_output(company, consolidate_plans(folder).sheets)
    for name in copies:
        (tmp_path / name).write_bytes(company.read_bytes())
    return [company, *(tmp_path / name for name in copies)]


def edited(path, item_id, cells):
    """The Plan sheet of ``path`` with the row of ``item_id`` given ``cells`` (column number
    → value), saved."""
    book = openpyxl.load_workbook(path)
    plan = book.worksheets[0]
    row = next(r for r in range(1, plan.max_row + 1) if plan.cell(r, 1).value == item_id)
    for column, value in cells.items():
        plan.cell(row, column, value)
    book.save(path)
    return path


def test_a_tracking_workbook_given_as_the_plan_says_what_it_is(tmp_path):
    """``plan track tracking.xlsx`` (the result of an earlier run, not the plan) is refused
    as diff and status refuse it: a result opsbook wrote, in both languages, exit 2 — not
    "File not found" for a file that is there; an Excel lock file is said as one."""
    plan = plan_book(tmp_path / "sales.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 1200, (300, 300, 300, 300))],
        {"year": 2027, "department": "销售部"}, actuals=[("S1", "2027-01", 100)])
    tracking = tmp_path / "tracking.xlsx"
    write_output(tracking, track_plan(plan).sheets)

    done = run_cli("plan", "track", tracking, "-o", tmp_path / "again.xlsx", "--quiet")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "File not found" not in done.stderr and "找不到文件" not in done.stderr
    assert "this is a result opsbook wrote" in done.stderr
    assert "这是 opsbook 生成的结果工作簿" in done.stderr
    assert not (tmp_path / "again.xlsx").exists()
    with pytest.raises(NotAWorkbook) as refused:
        track_plan(tracking)
    assert refused.value.issue.code == "output-workbook"

    lock = tmp_path / "~$sales.xlsx"
    lock.write_bytes(plan.read_bytes())
    done = run_cli("plan", "track", lock, "-o", tmp_path / "lock.xlsx", "--lang", "en")
    assert done.returncode == 2 and "it is the lock file Excel keeps while" in done.stderr
    assert "File not found" not in done.stderr


def test_an_actual_given_twice_counts_alike_whatever_the_order_of_the_files(tmp_path):
    """Two department files report S1's January (100 in a.xlsx, 50 in b.xlsx): the one that
    counts is the same whichever file is named first (the files in path order, the last
    one counting: b.xlsx's 50 against 1200 / 12 = 100 due → 50 %), and the one not used is
    said at its own row."""
    rows = [item("S1", "销售部", "销售额", "万元", 1200, (300, 300, 300, 300))]
    plan = plan_book(tmp_path / "plan.xlsx", "zh", rows, {"year": 2027, "department": "销售部"})
    a = plan_book(tmp_path / "a.xlsx", "zh", rows, {"year": 2027, "department": "销售部"},
                  actuals=[("S1", "2027-01", 100)])
    b = plan_book(tmp_path / "b.xlsx", "zh", rows, {"year": 2027, "department": "销售部"},
                  actuals=[("S1", "2027-01", 50)])
    for order in ([a, b], [b, a]):
        done = track_plan(plan, order, as_of="2027-01-31")
        assert done.result.items["actual_to_date"].tolist() == [50.0], order
        assert done.result.items["completion"].tolist() == [0.5], order
        twice = [(i.code, i.file, i.cell) for i in done.report.issues]
        assert twice == [("actual-twice", str(a), "B4")], order  # its month
    outs = []
    for n, order in enumerate(([a, b], [b, a])):
        out = tmp_path / f"tracking{n}.xlsx"
        done = run_cli("plan", "track", plan, *order, "-o", out, "--as-of", "2027-01-31",
                       "--quiet")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "公司完成率 50.0%" in done.stdout
        sheet = openpyxl.load_workbook(out)["执行跟踪"]
        outs.append([c.value for c in sheet[3]])
    assert outs[0] == outs[1] and outs[0][7] == 50


def test_a_quarter_target_is_due_from_the_month_the_item_starts(tmp_path):
    """A store opening on 1 May with 30 万元 due in each of Q2–Q4 (90 in the year) owes its Q2
    in May and June (15 each), not 10 in April before it opens: as of 31 May, 14 done
    against 15 due is 93.3 %, on schedule (it was 14 / 20 = 70 %, behind). The monthly
    targets still add up to the quarters and the year; a rate item with the same dates
    keeps its quarter's level each month."""
    opening = ("N1", "拓展部", "新店", "新店销售额", "万元", "up", 90, None, 30, 30, 30, 0,
               "owner", dt.datetime(2027, 5, 1), dt.datetime(2027, 12, 31), "high")
    # an item ending within a quarter: Q3's 20 件 due in July and August (10 each)
    closing = ("N2", "拓展部", "旧店", "旧店清退", "件", "up", 50, 15, 15, 20, None, 0,
               "owner", dt.datetime(2027, 1, 1), dt.datetime(2027, 8, 31), "low")
    rate = ("N3", "拓展部", "新店", "新店毛利率", "%", "up", 30, None, 30, 30, 30, 0,
            "owner", dt.datetime(2027, 5, 1), dt.datetime(2027, 12, 31), "low")
    plan = plan_book(tmp_path / "store.xlsx", "zh", [opening, closing, rate],
                     {"year": 2027, "department": "拓展部"},
                     actuals=[("N1", "2027-05", 14), ("N2", "2027-05", 5),
                              ("N3", "2027-05", 27)])
    done = track_plan(plan, as_of="2027-05-31")
    items = done.result.items.set_index("item_id")
    assert items.loc["N1", "target_to_date"] == 15
    assert items.loc["N1", "completion"] == pytest.approx(14 / 15)
    assert not items.loc["N1", "behind"]
    assert items.loc["N2", "target_to_date"] == 25          # 15 in Q1, May's 5 of Q2's 15
    assert items.loc["N3", "target_to_date"] == 30 and items.loc["N3", "completion"] == 0.9
    monthly = done.result.monthly.pivot(index="item_id", columns="month", values="target")
    assert monthly.loc["N1"].tolist() == [0, 0, 0, 0, 15, 15, 10, 10, 10, 10, 10, 10]
    assert monthly.loc["N2"].tolist() == [5, 5, 5, 5, 5, 5, 10, 10, 0, 0, 0, 0]
    assert monthly.loc["N3"].tolist() == [30.0] * 12
    assert monthly.loc["N1"].sum() == 90 and monthly.loc["N2"].sum() == 50


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_company_plan_whose_targets_were_edited_is_told_its_totals_are_stale(tmp_path,
                                                                               lang):
    """A reviewer raises S1's annual target in the company plan's Plan sheet (1200 → 1600
    万元, quarters too): By Department still says 1200, so each status move warns at that
    sheet with both figures; items and budgets alone agreeing is no proof the totals do. A
    company plan whose unit spellings differ only in case is not told."""
    company, untouched = company_copies(tmp_path, lang, [
        item("S1", "销售部", "销售额", "万元", 1200, (300, 300, 300, 300)),
        item("S2", "销售部", "培训", "hours", 40, (10, 10, 10, 10)),
        item("S3", "销售部", "辅导", "Hours", 20, (5, 5, 5, 5))], "销售部", "untouched.xlsx")
    edited(company, "S1", dict(zip(range(7, 12), (1600, 400, 400, 400, 400))))
    moved = set_plan_status(company, "submitted")
    assert moved.computed
    said = [i for i in moved.report.issues if i.code == "company-plan-stale"]
    assert [(i.severity, i.sheet) for i in said] == [
        ("warning", "按部门" if lang == "zh" else "By Department")]
    assert "销售部 has annual targets of 1600 万元 in all there, 1200 万元 here" in \
        said[0].message("en")
    assert "“销售部”在计划表中有年度目标合计 1600 万元，本表为 1200 万元。" in said[0].message("zh")
    assert not [i for i in set_plan_status(untouched, "submitted").report.issues
                if i.code == "company-plan-stale"]


def test_results_never_replace_a_plan_at_the_output_path(tmp_path):
    """``-o`` naming a plan by a slip — the published company plan, a department's plan —
    is refused by ``plan track`` and ``plan diff`` in both languages (exit 2) and the file
    stays byte for byte; an earlier tracking result or an empty template there is replaced,
    as any output is."""
    folder = tmp_path / "plans"
    folder.mkdir()
    sales = plan_book(folder / "sales.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 1200, (300, 300, 300, 300))],
        {"year": 2027, "department": "销售部"}, actuals=[("S1", "2027-01", 100)])
    v1 = tmp_path / "v1.xlsx"
    write_output(v1, consolidate_plans(folder).sheets)
    published = tmp_path / "published.xlsx"
    published.write_bytes(v1.read_bytes())
    for status in ("submitted", "reviewed", "final"):
        assert set_plan_status(published, status).computed
    kept = {p: p.read_bytes() for p in (published, sales)}

    for target in (published, sales):
        for args in (("track", v1, folder), ("diff", v1, v1)):
            done = run_cli("plan", *args, "-o", target)
            assert done.returncode == 2, (args, done.stdout, done.stderr)
            assert "Traceback" not in done.stderr
            assert "this is a plan workbook" in done.stderr
            assert "results never replace a plan" in done.stderr
            assert "结果不会覆盖计划" in done.stderr
            assert target.read_bytes() == kept[target]
    assert "(1 item(s), 1 actual(s))" in run_cli("plan", "diff", v1, v1, "-o", sales,
                                                  "--lang", "en").stderr
    with pytest.raises(ValueError) as refused:
        track_plan(v1, folder, output=published)
    assert "这是一份计划工作簿（1 个计划项、0 条实际值）" in refused.value.zh

    earlier = tmp_path / "tracking.xlsx"
    assert run_cli("plan", "track", v1, folder, "-o", earlier).returncode == 0
    assert run_cli("plan", "track", v1, folder, "-o", earlier).returncode == 0
    blank = tmp_path / "blank.xlsx"
    new_workbook("plan", "zh", blank)
    assert run_cli("plan", "diff", v1, v1, "-o", blank).returncode == 0
    assert "变更明细" in openpyxl.load_workbook(blank).sheetnames


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_company_plan_whose_quarters_were_moved_is_told_by_quarter_is_stale(tmp_path, lang):
    """100 万元 moved from S1's Q1 to its Q2 in the company plan's Plan sheet: the year's
    target and every department total are unchanged, but By Quarter still shows 300 in Q1
    — the warning is at By Quarter, naming Q1 (200 there, 300 here); an item's start moved
    to July changes Q1's items and budget, said alike."""
    company, dated = company_copies(tmp_path, lang, [
        item("S1", "销售部", "销售额", "万元", 1200, (300, 300, 300, 300), budget=1200),
        item("S2", "销售部", "客户数", "个", 40, (10, 10, 10, 10), budget=400)], "销售部",
        "dated.xlsx")
    quarters = "按季度" if lang == "zh" else "By Quarter"
    edited(company, "S1", {8: 200, 9: 400})
    said = [i for i in set_plan_status(company, "submitted").report.issues
            if i.code == "company-plan-stale"]
    assert [(i.severity, i.sheet) for i in said] == [("warning", quarters)]
    assert "Q1 has quarter targets of 200 万元 in all there, 300 万元 here" in \
        said[0].message("en")
    assert "“Q1”在计划表中有季度目标合计 200 万元，本表为 300 万元。" in said[0].message("zh")

    edited(dated, "S2", {14: dt.datetime(2027, 7, 1)})   # Start: S2 runs July to December
    said = [i for i in set_plan_status(dated, "submitted").report.issues
            if i.code == "company-plan-stale"]
    assert [i.sheet for i in said] == [quarters]
    # Q1: S1 alone, 1200 / 4 = 300 of budget (it showed 2 items, 300 + 400 / 4 = 400)
    assert "Q1 has 1 item(s) and a budget of 300 there, 2 and 400 here" in said[0].message("en")


def test_an_item_id_two_departments_use_keeps_each_departments_actuals(tmp_path):
    """销售部 and 运营部 both number an item S-02. Tracking 销售部's plan against the folder
    of every department's plan counts 销售部's own actual (3 in January) — not 运营部's 5
    and 6, which replaced it and added February before — and says 运营部's rows at their
    cells as actuals of an item not in the plan, naming the department; nor do they move
    the default as-of to February."""
    folder = tmp_path / "plans"
    folder.mkdir()
    sales = plan_book(folder / "sales.xlsx", "zh", [
        item("S-02", "销售部", "新签客户数", "个", 40, (10, 10, 10, 10))],
        {"year": 2027, "department": "销售部"}, actuals=[("S-02", "2027-01", 3)])
    plan_book(folder / "ops.xlsx", "zh", [
        item("s-02", "运营部", "流程优化项目数", "个", 8, (2, 2, 2, 2))],
        {"year": 2027}, actuals=[("S-02", "2027-01", 5), ("S-02", "2027-02", 6)])
    done = track_plan(sales, folder)
    assert done.result.as_of == dt.date(2027, 1, 31)
    row = done.result.items.iloc[0]
    assert (row["actual_to_date"], row["months"]) == (3, 1)
    assert row["completion"] == pytest.approx(3 / (10 / 3))   # 0.9: on the threshold
    said = [(i.code, i.cell, i.message("en"), i.message("zh")) for i in done.report.issues]
    assert said == [
        ("actual-unknown-item", f"A{r}",
         "Actual for item S-02 (运营部), which is not in the plan: ignored.",
         "实际值对应的计划项 S-02（运营部）不在计划中，已忽略。") for r in (4, 5)]


def test_a_company_plan_without_its_by_department_sheet_is_still_a_company_plan(tmp_path):
    """A reviewer deleted the company plan's By Department sheet and the file went back
    into the folder of department plans: its Settings still record the files it was
    consolidated from, so it is left out (a warning at its source_1 cell, both languages)
    instead of doubling every item as duplicate IDs, KPIs and departments; and at ``-o`` it
    is a company plan whose review is carried over, not a department's plan refused."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "sales.xlsx", "en", [
        item("S1", "Sales", "Revenue", "CNY", 1200, (300, 300, 300, 300))],
        {"year": 2027, "department": "Sales"})
    company = tmp_path / "company.xlsx"
    write_output(company, consolidate_plans(folder, lang="en").sheets)
    book = openpyxl.load_workbook(company)
    del book["By Department"]
    book["Review"].cell(3, 6, "accept")
    book.save(folder / "old.xlsx")
    book.save(company)

    done = consolidate_plans(folder, lang="en")
    assert len(done.result.items) == 1 and done.result.conflicts.empty
    said = [i for i in done.report.issues if i.code == "company-plan-left-out"]
    assert [(i.severity, i.sheet, i.cell) for i in said] == [("warning", "Settings", "B10")]
    assert "(its sheet 'Settings' records the files it was consolidated from)" in \
        said[0].message("en")
    assert "（其“Settings”工作表记录了汇总来源文件）" in said[0].message("zh")
    assert done.exit_code == 0

    again = consolidate_plans(folder, output=company, lang="en")
    assert again.computed and again.result.review["decision"].tolist() == ["accept"]


def test_actuals_whose_header_row_was_deleted_are_not_silently_left_out(tmp_path):
    """A department's Actuals sheet whose header row was deleted cannot be read: tracking
    the company plan against the folder says so at that sheet (exit 1, nothing written),
    as ``validate`` does, instead of "valid" and the department's items measured as if it
    had reported nothing; a department plan whose Actuals sheet is wholly blank still adds
    nothing, silently."""
    folder = tmp_path / "plans"
    folder.mkdir()
    sales = plan_book(folder / "sales.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 1200, (300, 300, 300, 300))],
        {"year": 2027, "department": "销售部"}, actuals=[("S1", "2027-01", 100)])
    ops = plan_book(folder / "ops.xlsx", "zh", [
        item("O1", "运营部", "培训课时", "小时", 120, (30, 30, 30, 30))],
        {"year": 2027, "department": "运营部"})
    company = tmp_path / "company.xlsx"
    write_output(company, consolidate_plans(folder).sheets)
    for path, rows in ((sales, (3, 1)), (ops, (1, 3))):  # the header row deleted; all
        book = openpyxl.load_workbook(path)
        book["执行情况"].delete_rows(*rows)
        book.save(path)

    out = tmp_path / "tracking.xlsx"
    done = run_cli("plan", "track", company, folder, "-o", out, "--quiet")
    assert done.returncode == 1 and not out.exists()
    assert "sales.xlsx：✗ 1 个错误" in done.stdout
    assert "✗ 执行情况  [missing-header]" in done.stdout
    assert "ops.xlsx：✓ 通过" in done.stdout
    refused = track_plan(company, folder)
    assert not refused.computed
    assert [(i.code, i.file, i.sheet) for i in refused.report.errors] == [
        ("missing-header", str(sales), "执行情况")]


def test_expected_departments_spelt_alike_are_one_department(tmp_path):
    """``--departments "Sales, legal,ＬＥＧＡＬ, Legal "``: 法务 (Legal) sent nothing and is
    told once, in the spelling first given, with one By Department row — not three missing
    departments; Sales, spelt as its plan spells it, sent its plan."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "sales.xlsx", "en", [
        item("S1", "Sales", "Revenue", "CNY", 1200, (300, 300, 300, 300))],
        {"year": 2027, "department": "Sales"})
    done = consolidate_plans(folder, departments="SALES, legal,ＬＥＧＡＬ, Legal ")
    assert done.result.by_department["department"].tolist() == ["Sales", "legal", None]
    missing = done.result.conflicts
    assert missing[["code", "department"]].values.tolist() == [["missing-department", "legal"]]
    out = tmp_path / "company.xlsx"
    run = run_cli("plan", "consolidate", folder, "-o", out, "--departments",
                  "SALES，legal、ＬＥＧＡＬ, Legal", "--quiet")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("[missing-department]") == 1
    assert "1 conflict to follow up" in run.stdout


def test_another_years_company_plan_at_the_output_path_is_not_replaced(tmp_path):
    """Consolidating the 2028 plans with ``-o`` naming the 2027 company plan (reviewed,
    S1 accepted) would carry 2027's accept over to 2028's S1 and lose the 2027 plan:
    refused at its year setting in both languages, exit 2, the file untouched; the same
    year's plan there still has its decisions carried over."""
    for year in (2027, 2028):
        (tmp_path / str(year)).mkdir()
        plan_book(tmp_path / str(year) / "sales.xlsx", "zh", [
            item("S1", "销售部", "销售额", "万元", 1200, (300, 300, 300, 300))],
            {"year": year, "department": "销售部"})
    company = tmp_path / "company_2027.xlsx"
    write_output(company, consolidate_plans(tmp_path / "2027").sheets)
    book = openpyxl.load_workbook(company)
    book["审核意见"].cell(3, 6, "通过")
    book.save(company)
    before = company.read_bytes()

    done = run_cli("plan", "consolidate", tmp_path / "2028", "-o", company, "--quiet")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "✗ 设置!B3  [earlier-plan-other-year] 输出路径上的公司计划是 2027 年度的计划，" \
        "而本次汇总的是 2028 年度的计划" in done.stdout
    assert company.read_bytes() == before
    refused = consolidate_plans(tmp_path / "2028", output=company)
    assert not refused.computed
    said = [i for i in refused.report.issues if i.code == "earlier-plan-other-year"]
    assert [(i.severity, i.cell, i.value) for i in said] == [("error", "B3", 2027)]
    assert "is the plan for 2027, and the plans consolidated are for 2028" in \
        said[0].message("en")

    again = consolidate_plans(tmp_path / "2027", output=company)
    assert again.computed and again.result.review["decision"].tolist() == ["accept"]
    assert consolidate_plans(tmp_path / "2028", output=company, year=2027).computed


def test_a_negative_target_is_not_measured_as_a_share(tmp_path):
    """A loss planned as a negative profit (-120 万元, -30 a quarter): 5 万元 lost in
    January against 10 due is half the loss planned, yet -5 ÷ -10 read as 50 % done and
    behind. No share of a negative target means anything: the completion is blank (not
    behind), said under the Tracking sheet with what to do; the company is the other
    item's."""
    plan = plan_book(tmp_path / "plan.xlsx", "zh", [
        item("P1", "财务部", "净利润", "万元", -120, (-30, -30, -30, -30)),
        item("P2", "财务部", "回款", "万元", 120, (30, 30, 30, 30))],
        {"year": 2027, "department": "财务部"},
        actuals=[("P1", "2027-01", -5), ("P2", "2027-01", 8)])
    done = track_plan(plan, as_of="2027-01-31")
    items = done.result.items.set_index("item_id")
    assert items.loc["P1", "target_to_date"] == -10 and items.loc["P1", "actual_to_date"] == -5
    assert items["completion"].isna().tolist() == [True, False]
    assert not items.loc["P1", "behind"]
    assert done.result.company == 0.8                  # P2 alone: 8 of 10
    tracking = next(s for s in done.sheets if s.name == "执行跟踪")
    assert any("累计目标小于 0（负数目标无法计算完成比例" in note for note in tracking.notes)


def test_directions_and_priorities_as_chinese_kpi_sheets_write_them(tmp_path):
    """正向/反向 (指标), 越大越好/越小越好 and 重要/一般/次要 are how many Chinese KPI sheets
    say direction and priority: read as up/down and high/medium/low, not refused as
    invalid choices; a 反向 cost is tracked inverted (40 planned, 50 spent: 80 %)."""
    rows = [("K1", "运营部", "降本", "单位成本", "元/单", "反向指标", 40, 40, 40, 40, 40, 0,
             "owner", None, None, "重要"),
            ("K2", "运营部", "培训", "培训人次", "人", "正向", 120, 30, 30, 30, 30, 0,
             "owner", None, None, "一般"),
            ("K3", "运营部", "投诉", "投诉率", "%", "越小越好", 2, 2, 2, 2, 2, 0,
             "owner", None, None, "次要")]
    plan = plan_book(tmp_path / "ops.xlsx", "zh", rows, {"year": 2027, "department": "运营部"},
                     actuals=[("K1", "2027-01", 50), ("K2", "2027-01", 10),
                              ("K3", "2027-01", 2)])
    assert validate(plan).issues == []
    items = load(plan)["Plan"]
    assert items["direction"].tolist() == ["down", "up", "down"]
    assert items["priority"].tolist() == ["high", "medium", "low"]
    done = track_plan(plan, as_of="2027-01-31")
    assert done.result.items["completion"].tolist() == [0.8, 1.0, 1.0]
