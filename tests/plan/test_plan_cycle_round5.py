"""The plan cycle as a new user meets it: units spelt differently, years typed as text, a
rejected item taken out, a completion exactly on the threshold, dates and statuses as given
through Python. Real workbooks on disk (the standard template, filled in with openpyxl)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from conftest import run_cli, sha256

from opsbook import consolidate_plans, load, set_plan_status, track_plan, validate
from opsbook.api import new_workbook

Y0, Y1 = dt.datetime(2027, 1, 1), dt.datetime(2027, 12, 31)
SHEETS = {"zh": ("计划", "执行情况", "审核意见", "设置"),
          "en": ("Plan", "Actuals", "Review", "Settings")}


def plan_book(path, lang, rows, settings, actuals=(), review=()):
    """A plan workbook made from the standard template and filled in as a person would."""
    new_workbook("plan", lang, path)
    book = openpyxl.load_workbook(path)
    plan, actual, reviews, keys = (book[name] for name in SHEETS[lang])
    for sheet, records in ((plan, rows), (actual, actuals), (reviews, review)):
        for r, record in enumerate(records):
            for c, value in enumerate(record):
                sheet.cell(4 + r, 1 + c, value)
    for key, value in settings.items():
        row = next(r for r in range(2, keys.max_row + 1) if keys.cell(r, 1).value == key)
        keys.cell(row, 2, value)
    book.save(path)
    return path


def sales_plan(path, year=2027):
    """The sales department's one-item plan (S1, 1000 万元 over four equal quarters)."""
    return plan_book(path, "zh", [item("S1", "销售部", "销售额", "万元", 1000,
                                       (250, 250, 250, 250))],
                     {"year": year, "department": "销售部"})


def item(item_id, department, kpi, unit, target, quarters, budget=100, direction="up"):
    return (item_id, department, "objective", kpi, unit, direction, target, *quarters, budget,
            "owner", Y0, Y1, "high")


def test_units_that_differ_only_in_case_are_one_column(tmp_path):
    """hours, Hours and HOURS are one additive unit (additive_units matches them so): one
    column per unit, spelt as most items spell it, summed by department and by quarter."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "support.xlsx", "en", [
        item("X1", "Support", "Tickets", "hours", 100, (25, 25, 25, 25)),
        item("X2", "Support", "Training", "hours", 40, (10, 10, 10, 10)),
    ], {"year": 2027, "department": "Support"})
    plan_book(folder / "it.xlsx", "en", [
        item("Y1", "IT", "Uptime", "Hours", 60, (15, 15, 15, 15)),
        item("Y2", "IT", "Patching", "HOURS", 20, (5, 5, 5, 5)),
        item("Y3", "IT", "Spend", "元", 1000, (250, 250, 250, 250)),
    ], {"year": 2027, "department": "IT"})
    done = consolidate_plans(folder)
    by_department = done.result.by_department
    assert sorted(c for c in by_department.columns if c.startswith("target:")) == \
        ["target:hours", "target:元"]
    hours = dict(zip(by_department["department"], by_department["target:hours"]))
    assert hours == {"Support": 140, "IT": 80, None: 220}          # None: the company
    quarters = done.result.by_quarter
    assert quarters["target:hours"].tolist() == [55, 55, 55, 55, 220]

    out = tmp_path / "company.xlsx"
    done = consolidate_plans(folder, output=out)
    from opsbook.api import write_output
    write_output(out, done.sheets)
    sheet = openpyxl.load_workbook(out)["By Department"]
    headers = [c.value for c in sheet[2]]
    assert sorted(h for h in headers if h and h.startswith("Target")) == ["Target (hours)",
                                                                           "Target (元)"]


@pytest.mark.parametrize("typed", ["2027年", "2027 年度", "FY2027", "２０２７", " 2027 "])
def test_a_year_typed_as_text_is_read(tmp_path, typed):
    path = sales_plan(tmp_path / "plan.xlsx", typed)
    report = validate(path)
    assert not report.errors, [i.message() for i in report.errors]
    assert load(path).settings.year == 2027


def test_a_year_that_is_no_year_is_still_refused(tmp_path):
    path = sales_plan(tmp_path / "plan.xlsx", "明年")
    assert [i.code for i in validate(path).errors] == ["invalid-setting"]


def test_company_settings_say_each_label_once(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    sales_plan(folder / "sales.xlsx")
    out = tmp_path / "company.xlsx"
    from opsbook.api import write_output
    write_output(out, consolidate_plans(folder, output=out).sheets)
    sheet = openpyxl.load_workbook(out)["设置"]
    said = {row[0]: row[2] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert said["year"] == "计划年度，如 2027。"
    assert said["version"] == "版本：计划版本。"


def test_a_rejected_item_taken_out_lets_the_plan_become_final(tmp_path):
    """The refusal says 'accept it or remove the item': removing the item (its review rows
    kept as history) is enough; the review row of an item no longer in the plan is a
    warning, not an error that keeps the plan from becoming final."""
    path = plan_book(tmp_path / "plan.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 1000, (250, 250, 250, 250)),
        item("S2", "销售部", "新客户", "个", 40, (10, 10, 10, 10))],
        {"year": 2027, "department": "销售部", "status": "reviewed"},
        review=[("S1", "张总", "好", "通过"), ("S2", "张总", "不做", "不通过")])
    before = sha256(path)
    refused = set_plan_status(path, "final")
    assert not refused.computed and sha256(path) == before
    assert [i.code for i in refused.report.issues] == ["unresolved-decision"]
    assert "删除该计划项" in refused.report.issues[0].message("zh")

    book = openpyxl.load_workbook(path)
    book["计划"].delete_rows(5)                       # S2 taken out, its review row kept
    book.save(path)
    checked = validate(path)
    assert not checked.errors
    assert [(i.code, i.severity) for i in checked.warnings] == [("unknown-reference",
                                                                 "warning")]
    done = set_plan_status(path, "final")
    assert done.computed, [i.message() for i in done.report.issues]
    assert load(path).settings.status == "final"


def test_completion_exactly_on_the_threshold_is_not_behind(tmp_path):
    """60 against a month's third of 200 (66.67) is 90 %: on the threshold, not behind."""
    path = plan_book(tmp_path / "plan.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 1000, (200, 250, 250, 300)),
        item("S2", "销售部", "满意度", "%", 0.9, (0.9, 0.9, 0.9, 0.9))],
        {"year": 2027, "department": "销售部"},
        actuals=[("S1", "2027-01", 60), ("S2", "2027-01", 0.81)])
    done = track_plan(path, as_of=dt.date(2027, 1, 31))
    items = done.result.items.set_index("item_id")
    assert items.loc["S1", "completion"] == 0.9
    assert items.loc["S2", "completion"] == 0.9
    assert not items["behind"].any() and done.result.behind.empty
    assert done.result.company == 0.9


def test_as_of_as_text_in_python_and_only_yyyy_mm_dd_on_the_command_line(tmp_path):
    path = plan_book(tmp_path / "plan.xlsx", "en", [
        item("S1", "Sales", "Revenue", "元", 1200, (300, 300, 300, 300))],
        {"year": 2027, "department": "Sales"},
        actuals=[("S1", "2027-01", 100), ("S1", "2027-02", 100), ("S1", "2027-03", 50)])
    by_text = track_plan(path, as_of="2027-02-28")
    assert by_text.result.as_of == dt.date(2027, 2, 28)
    assert by_text.result.items["target_to_date"].tolist() == [200]
    by_time = track_plan(path, as_of=dt.datetime(2027, 2, 28, 18, 30))
    assert by_time.result.as_of == dt.date(2027, 2, 28)
    with pytest.raises(ValueError) as refused:
        track_plan(path, as_of="Feb 2027")
    assert "YYYY-MM-DD" in str(refused.value) and "YYYY-MM-DD" in refused.value.zh

    out = tmp_path / "tracking.xlsx"
    ran = run_cli("plan", "track", path, "--as-of", "2027-W09-1", "-o", out, "--lang", "zh")
    assert ran.returncode == 2 and "YYYY-MM-DD" in ran.stderr and not out.exists()  # ISO week
    assert track_plan(path, as_of="20270228").result.as_of == dt.date(2027, 2, 28)  # as a cell


def test_status_in_any_case_or_in_chinese(tmp_path):
    path = sales_plan(tmp_path / "plan.xlsx")
    assert set_plan_status(path, " Submitted ").computed
    assert set_plan_status(path, "已审核").computed
    assert load(path).settings.status == "reviewed"
    before = sha256(path)
    with pytest.raises(ValueError) as refused:
        set_plan_status(path, "published")
    assert "submitted, reviewed or final" in str(refused.value)
    zh = refused.value.zh
    assert zh.startswith("未知的状态“published”：") and zh.endswith("。")
    assert sha256(path) == before


def test_additive_units_listed_with_the_chinese_enumeration_comma(tmp_path):
    """"元、万元；场，ｈｏｕｒｓ" is four units, as a Chinese user lists them: their quarters are
    checked and their targets summed (full-width and case folded)."""
    path = plan_book(tmp_path / "plan.xlsx", "zh", [
        item("A1", "销售部", "活动", "场", 100, (25, 25, 25, 20)),
        item("A2", "销售部", "收入", "元", 100, (25, 25, 25, 25)),
        item("A3", "销售部", "培训", "ＨＯＵＲＳ", 40, (10, 10, 10, 10))],
        {"year": 2027, "department": "销售部", "additive_units": "元、万元；场，ｈｏｕｒｓ"})
    assert load(path).settings.units() == {"元", "万元", "场", "hours"}
    report = validate(path)
    assert [(i.code, i.cell) for i in report.errors] == [("quarters-mismatch", "K4")]
    done = consolidate_plans(path)
    totals = done.result.by_department.iloc[-1]
    assert (totals["target:场"], totals["target:元"], totals["target:HOURS"]) == (100, 100, 40)
    assert [c["code"] for _, c in done.result.conflicts.iterrows()] == ["quarters-mismatch"]


def test_english_headlines_count_in_the_right_number(tmp_path):
    path = plan_book(tmp_path / "plan.xlsx", "en", [
        item("S1", "Sales", "Revenue", "元", 1200, (300, 300, 300, 300))],
        {"year": 2027, "department": "Sales"}, actuals=[("S1", "2027-01", 100)])
    assert consolidate_plans(path).headline == \
        "1 item from 1 department plan, 0 conflicts to follow up"
    assert track_plan(path, as_of="2027-01-31").headline == \
        "as of 2027-01-31: company completion 100.0%, 0 of 1 item behind schedule"
    late = track_plan(path, as_of="2027-02-28")                # 100 of 200 to date: behind
    assert late.headline.endswith("1 of 1 item behind schedule")
    titles = {sheet.name: sheet.title for sheet in late.sheets}
    assert titles["Behind Schedule"] == "Behind schedule: 1 item (completion below 90%)"


def test_a_department_whose_plan_was_left_out_is_not_said_to_have_sent_nothing(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "hr.xlsx", "zh", [
        item("H1", "人事部", "招聘", "人", 10, (2, 3, 3, 2)),
        (None, "人事部", "培训", "培训人次", "次", "up", 10, 2, 3, 3, 2, 100)],  # no item ID
        {"year": 2027, "department": "人事部"})
    plan_book(folder / "admin.xlsx", "en", [
        item("A1", "Admin", "Cost", "元", 100, (25, 25, 25, 25))],
        {"year": 2027, "department": "Admin"})
    done = consolidate_plans(folder, departments="人事部,Admin,财务部")
    missing = done.result.conflicts.query("code == 'missing-department'")
    assert missing["department"].tolist() == ["人事部", "财务部"]
    said = {i.value: i for i in done.report.issues if i.code == "missing-department"}
    assert said["人事部"].message("en") == ("Department 人事部 was expected but sent no plan "
                                          "that could be read (hr.xlsx: left out).")
    assert said["人事部"].message("zh") == \
        "未收到部门“人事部”的计划（hr.xlsx 无法作为计划读取，未纳入）。"
    assert said["财务部"].message("en") == "Department 财务部 was expected but sent no plan."
    assert said["财务部"].message("zh") == "未收到部门“财务部”的计划。"


@pytest.fixture
def two_plans(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    sales_plan(folder / "sales.xlsx")
    plan_book(folder / "ops.xlsx", "zh", [
        item("O1", "运营部", "成本", "元", 100, (25, 25, 25, 25))],
        {"year": 2027, "department": "运营部"})
    return folder


@pytest.mark.parametrize("year", [2028, "2028", "2028年", 2028.0])
def test_the_plan_year_given_to_python_as_a_number_or_a_text(two_plans, year):
    done = consolidate_plans(two_plans, year=year)
    assert done.result.settings.year == 2028
    assert {c for c in done.result.conflicts["code"]} == {"outside-year"}


@pytest.mark.parametrize("year", [1800, "明年", True])
def test_a_plan_year_that_is_none_is_refused_in_both_languages(two_plans, year):
    with pytest.raises(ValueError) as refused:
        consolidate_plans(two_plans, year=year)
    assert "a plan year is from 1900 to 2200" in str(refused.value)
    assert refused.value.zh.endswith("计划年度应在 1900 到 2200 之间，如 2027。")
    assert "pydantic" not in str(refused.value)


def test_expected_departments_listed_with_the_chinese_enumeration_comma(two_plans, tmp_path):
    done = consolidate_plans(two_plans, departments="销售部、运营部；财务部")
    assert done.result.conflicts["department"].tolist() == ["财务部"]
    out = tmp_path / "company.xlsx"
    ran = run_cli("plan", "consolidate", two_plans, "-o", out, "--departments",
                  "销售部、运营部", "--lang", "en")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "missing-department" not in ran.stdout


def test_a_threshold_with_decimals_is_shown_as_it_is(tmp_path):
    """behind_threshold 87.5%: said as 87.5 % (not rounded to 88 %) and applied as 0.875."""
    path = plan_book(tmp_path / "plan.xlsx", "en", [
        item("S1", "Sales", "Revenue", "元", 1200, (300, 300, 300, 300)),
        item("S2", "Sales", "Orders", "个", 1200, (300, 300, 300, 300))],
        {"year": 2027, "department": "Sales", "behind_threshold": "87.5%"},
        actuals=[("S1", "2027-01", 88), ("S2", "2027-01", 87)])
    done = track_plan(path, as_of="2027-01-31")
    assert done.result.behind["item_id"].tolist() == ["S2"]
    titles = {sheet.name: sheet.title for sheet in done.sheets}
    assert titles["Behind Schedule"] == "Behind schedule: 1 item (completion below 87.5%)"
    notes = {sheet.name: sheet.notes for sheet in done.sheets}
    assert notes["Tracking"][-1].endswith("below 87.5% is behind schedule.")
