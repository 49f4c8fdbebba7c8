"""What the plan commands say, on real workbooks: a diff names fields by their headers in the
chosen language, By Quarter heads its unit columns as summed quarter targets, tracking counts
every file it reports and takes a workbook without the optional Actuals sheet as it is; and
the file messages (a damaged file, a text file named explicitly, a lock file in a folder)."""

from __future__ import annotations

import json
import shutil

import openpyxl
import planbooks
import pytest
from conftest import run_cli

import opsbook
from opsbook import consolidate_plans, track_plan
from opsbook.plan.outputs import company_sheets


@pytest.fixture
def versions(tmp_path):
    """Two versions of the sales plan: S-01 turned lower-is-better, its annual target 1000 →
    1200 and its Q4 target 300 → 500."""
    old = planbooks.write(tmp_path / "plans")["sales"]
    new = tmp_path / "sales.v2.xlsx"
    book = openpyxl.load_workbook(old)
    plan = book["计划"]
    plan["F4"], plan["G4"], plan["K4"] = "越低越好", 1200, 500
    book.save(new)
    return old, new


def test_a_diff_names_fields_by_their_headers_in_the_chosen_language(tmp_path, versions):
    old, new = versions
    zh = run_cli("plan", "diff", old, new, "--lang", "zh", "-o", tmp_path / "diff.xlsx")
    assert zh.returncode == 1, zh.stderr
    assert zh.stdout.splitlines()[1:4] == ["~ S-01（销售部）方向：越高越好 → 越低越好",
                                           "~ S-01（销售部）年度目标值：1000 → 1200",
                                           "~ S-01（销售部）四季度目标：300 → 500"]
    markdown = run_cli("plan", "diff", old, new, "--lang", "zh", "--format", "markdown")
    assert "| S-01 | 销售部 | 四季度目标 | 300 | 500 |" in markdown.stdout
    assert "| q4 |" not in markdown.stdout and "| target |" not in markdown.stdout
    en = run_cli("plan", "diff", old, new, "--lang", "en", "--format", "markdown")
    assert "| S-01 | 销售部 | Annual Target | 1000 | 1200 |" in en.stdout
    assert "| S-01 | 销售部 | Direction | up | down |" in en.stdout
    as_json = json.loads(run_cli("plan", "diff", old, new, "--format", "json").stdout)
    assert [c["field"] for c in as_json["changed"]] == ["direction", "target", "q4"]  # ids
    rows = list(openpyxl.load_workbook(tmp_path / "diff.xlsx")["变更明细"].values)
    assert rows[1] == ("编号", "部门", "字段", "原值", "新值")
    assert rows[2:] == [("S-01", "销售部", "方向", "越高越好", "越低越好"),
                        ("S-01", "销售部", "年度目标值", 1000, 1200),
                        ("S-01", "销售部", "四季度目标", 300, 500)]


def test_by_quarter_heads_its_unit_columns_as_summed_quarter_targets(tmp_path):
    planbooks.write(tmp_path / "plans")
    out = tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", tmp_path / "plans", "-o", out, "--lang", "zh")
    assert done.returncode == 1 and out.exists(), done.stderr  # conflicts to follow up
    book = openpyxl.load_workbook(out)
    quarter = list(book["按季度"].values)[1]
    assert "季度目标合计（万元）" in quarter and "季度目标合计（个）" in quarter
    assert not any(str(h).startswith("年度目标") for h in quarter)
    assert "年度目标（万元）" in list(book["按部门"].values)[1]  # annual sums stay annual
    company = consolidate_plans(tmp_path / "plans").result
    by_quarter = next(s for s in company_sheets(company, "en") if s.name == "By Quarter")
    assert "Sum of Quarter Targets (万元)" in by_quarter.headers


def test_tracking_counts_every_file_and_needs_no_actuals_sheet(tmp_path):
    paths = planbooks.write(tmp_path / "plans")
    book = openpyxl.load_workbook(paths["sales"])
    book["计划"]["K5"] = 10                                # quarters add up: no error
    for month, value in (("2027-01", 60.0), ("2027-02", 70.0), ("2027-03", 80.0)):
        book["执行情况"].append(["S-01", month, value])
    book.save(paths["sales"])
    for name in ("ops", "ops2"):                          # department plans without Actuals
        other = openpyxl.load_workbook(paths[name])
        del other["执行情况"]
        other.save(paths[name])
    (tmp_path / "plans" / "notes.txt").write_text("to do", encoding="utf-8")
    shutil.copy(paths["sales"], tmp_path / "plans" / "~$sales.xlsx")  # Excel's lock file
    out = tmp_path / "tracking.xlsx"
    done = run_cli("plan", "track", paths["sales"], tmp_path / "plans", "-o", out,
                   "--as-of", "2027-03-31")
    assert done.returncode == 0 and out.exists(), done.stdout + done.stderr
    assert "missing-sheet" not in done.stdout and "执行情况" not in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "共 3 个文件，0 个错误，0 个警告"
    manifest = json.loads((tmp_path / "tracking.manifest.json").read_text(encoding="utf-8"))
    assert {e["path"].rsplit("/", 1)[-1]: e["warnings"] for e in manifest["inputs"]
            if e["path"].endswith(("ops.xlsx", "ops2.xlsx"))} == {"ops.xlsx": 0, "ops2.xlsx": 0}
    tracked = track_plan(paths["sales"], [paths["ops"], paths["ops2"]])
    assert tracked.computed and len(tracked.report.files) == 3
    assert not tracked.report.issues


def test_file_messages_say_what_the_file_is(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.txt").write_text("a\tb\n", encoding="utf-8")
    (folder / "~$plan.xlsx").write_bytes(b"\x06owner" + b" " * 50)
    (folder / "cut.xlsx").write_bytes(b"PK\x03\x04 cut short")
    by_name = {i.file.rsplit("/", 1)[-1]: i for i in opsbook.validate(folder).issues}
    lock, text = by_name["~$plan.xlsx"], by_name["notes.txt"]
    assert lock.message("en") == "Skipped: an Excel lock file."
    assert lock.message("zh") == "已跳过：Excel 锁定文件。"
    assert text.message("en") == "Skipped: not a workbook."
    cut = by_name["cut.xlsx"]
    assert cut.code == "corrupt-file"
    assert cut.message("en").endswith("from.") and cut.message("zh").endswith("文件。")
    for suffix, en, zh in ((".txt", "A text file (.txt) holds one sheet", "文本文件（.txt）"),
                           (".tsv", "A text file (.tsv) holds one sheet", "文本文件（.tsv）"),
                           (".csv", "A CSV file holds one sheet", "CSV 文件只有一个工作表")):
        named = tmp_path / f"plan{suffix}"
        named.write_text("item_id,kpi\n", encoding="utf-8")
        (issue,) = opsbook.validate(named).issues
        assert issue.code == "csv-file"
        assert issue.message("en").startswith(en) and issue.message("zh").startswith(zh)
        assert issue.message("zh").endswith("。") and ".xlsx" in issue.message("en")
