"""The README's tables of the plan cycle against the workbooks the commands write: every
column of the company plan, the tracking workbook and the diff workbook, as headed in
English, is named in bold in its sheet's README row (or paragraph, for the diff), in the
order of the sheet, and nothing else is; the Chinese workbooks have the same columns,
headed in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli
from planbooks import EXPECTED, write

from opsbook import new_workbook
from opsbook.plan.outputs import HEADERS, quarter_target_header

README = Path(__file__).resolve().parents[2] / "README.md"
COMPANY = {"Plan": "计划", "By Department": "按部门", "By Quarter": "按季度",
           "Conflicts": "冲突", "Review": "审核意见", "Settings": "设置"}
TRACKING = {"Tracking": "执行跟踪", "Tracking by Department": "部门完成情况",
            "Behind Schedule": "进度滞后", "Monthly Tracking": "月度明细"}
ZH = {en: zh for en, zh in HEADERS.values()} | {"Key": "参数", "Value": "值",
                                                "Description": "说明"}


def documented(sheet: str, zh: str) -> list[str]:
    """The names in bold in the README's table row of ``sheet``, in order; a unit's column
    named by its example (万元) stands for every unit."""
    rows = [line for line in README.read_text(encoding="utf-8").splitlines()
            if line.startswith(f"| {sheet} {zh} |")]
    assert len(rows) == 1, sheet
    return re.findall(r"\*\*(.+?)\*\*", rows[0])


def headers(path: Path) -> dict[str, list[str]]:
    """Each sheet's header row (row 2), a unit's column as the README's example."""
    out = {}
    for ws in openpyxl.load_workbook(path).worksheets:
        cells = [c.value for c in ws[2] if c.value not in (None, "")]
        out[ws.title] = list(dict.fromkeys(
            re.sub(r"（(?!万元).+）$", "（万元）", re.sub(r"\((?!万元).+\)$", "(万元)", c))
            for c in cells))
    return out


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The company plan, its tracking and a diff, in English and in Chinese."""
    root = tmp_path_factory.mktemp("readme")
    out = {}
    for lang in ("en", "zh"):
        plans = write(root / lang / "plans", lang)
        company = root / lang / "company.xlsx"
        run = run_cli("plan", "consolidate", str(plans["sales"].parent), "-o", str(company),
                      "--departments", ",".join(EXPECTED))
        assert company.is_file(), run.stdout + run.stderr
        tracking = root / lang / "tracking.xlsx"
        sample = new_workbook("plan", lang, root / lang / "sample.xlsx", sample=True)
        run = run_cli("plan", "track", str(sample), "-o", str(tracking))
        assert tracking.is_file(), run.stdout + run.stderr
        diff = root / lang / "diff.xlsx"
        run_cli("plan", "diff", str(plans["ops"]), str(plans["sales"]), "-o", str(diff))
        out[lang] = {"company": headers(company), "tracking": headers(tracking),
                     "diff": headers(diff)}
    return out


@pytest.mark.parametrize(("workbook", "sheets"), [("company", COMPANY),
                                                  ("tracking", TRACKING)])
def test_every_column_is_documented_in_order(made, workbook, sheets):
    english, chinese = made["en"][workbook], made["zh"][workbook]
    shown = {s: cols for s, cols in english.items() if s in sheets}
    assert list(shown) == list(sheets)
    for sheet, columns in shown.items():
        named = documented(sheet, sheets[sheet])
        assert [n for n in named if n in columns] == columns, sheet
        assert [n for n in named if n not in columns and n != "Total"] == [], sheet
        zh = [ZH.get(c, c) for c in columns]
        if sheet == "By Quarter":
            zh = [quarter_target_header("万元", "zh") if c.startswith("Sum of") else ZH[c]
                  for c in columns]
        elif sheet == "By Department":
            zh = ["年度目标（万元）" if c.startswith("Target (") else ZH[c] for c in columns]
        assert chinese[sheets[sheet]] == zh, sheet


def test_the_diff_workbook_is_documented(made):
    text = README.read_text(encoding="utf-8")
    said = re.search(r"Changed Items 变更明细 \((.+?)\)\.", text, re.S).group(1)
    names = re.findall(r"\*\*(.+?)\*\*", said)
    english, chinese = made["en"]["diff"], made["zh"]["diff"]
    assert list(english) == ["Added Items", "Removed Items", "Changed Items"]
    assert list(chinese) == ["新增计划项", "删除计划项", "变更明细"]
    plan = documented("Plan", "计划")[:16]
    assert names[:2] == [plan[0], plan[-1]]  # Item ID to Priority
    assert english["Added Items"] == english["Removed Items"] == plan
    assert english["Changed Items"] == names[2:]
    assert chinese["变更明细"] == [ZH[n] for n in names[2:]]
    assert chinese["新增计划项"] == [ZH[n] for n in plan]
