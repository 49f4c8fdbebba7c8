"""The project report summary, built from the sample tracker and checked against its result.

The sample (status date 2026-11-20) has four projects: 客服流程优化, 销售数据看板 and
年度运营计划编制 red, 仓储系统升级 amber; 销售数据看板 has the most overdue tasks (5) and
the one corrective action past its due date; its gate and 仓储系统升级's are not passed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import opsbook
from opsbook.api.report import summarize
from opsbook.core.summary import Summary


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("project-summary")
    path = folder / "tracker.xlsx"
    opsbook.new_workbook("project", "zh", path, sample=True)
    zh = summarize(path)
    en = summarize(path, lang="en")
    return path, zh, en


def _figures(summary: Summary) -> dict[str, object]:
    return {f.label: f for f in summary.figures}


def test_figures_are_the_sums_of_the_status_frame(built) -> None:
    _, zh, _ = built
    s = zh.calculation.result.status
    figures = _figures(zh.summary)
    assert zh.summary.title == "2026-11-20 项目状态报告"
    assert figures["项目数"].value == len(s) == 4
    assert (figures["绿灯"].value, figures["黄灯"].value, figures["红灯"].value) == (0, 1, 3)
    assert figures["整体 SPI"].value == round(s["ev"].sum() / s["pv"].sum(), 2)
    assert figures["整体 CPI"].value == round(s["ev"].sum() / s["ac"].sum(), 2)
    assert figures["逾期任务数"].value == int(s["overdue_tasks"].sum()) == 13
    deviations = zh.calculation.result.deviations
    assert figures["无纠正措施的偏差"].value == int((deviations["state"] == "no-action").sum())
    assert figures["完工预算合计"].value == pytest.approx(s["bac"].sum()) == 1_720_000
    assert figures["实际成本合计"].value == pytest.approx(s["ac"].sum())
    assert all(figures[k].confidential for k in ("完工预算合计", "实际成本合计", "完工偏差合计"))
    assert not figures["整体 SPI"].confidential
    assert zh.summary.parts == {}


def test_charts_scatter_spi_against_cpi_and_count_rag(built) -> None:
    _, zh, _ = built
    s = zh.calculation.result.status
    scatter, rag = zh.summary.charts
    assert scatter.type == "scatter"
    assert scatter.categories == tuple(s["name"])
    assert scatter.x == tuple(round(v, 2) for v in s["spi"])
    assert scatter.series[0].values == tuple(round(v, 2) for v in s["cpi"])
    assert rag.type == "column" and rag.categories == ("绿", "黄", "红")
    assert rag.series[0].values == (0.0, 1.0, 3.0)
    assert sum(rag.series[0].values) == len(s)


def test_table_and_confidential_columns(built) -> None:
    _, zh, _ = built
    table = zh.summary.tables[0]
    assert len(table.rows) == 4 and len(table.headers) == len(table.rows[0])
    assert table.rows[0][:5] == ("P-101", "客服流程优化", "宋芳敏", "执行", "红")
    assert {table.headers[i] for i in table.confidential} == {"完工预算", "完工估算"}
    assert {"预算", "完工预算（BAC）", "实际成本（AC）", "完工偏差（VAC）"} <= \
        zh.summary.confidential_headers
    restricted = zh.summary.redacted()
    assert not any(f.confidential for f in restricted.findings)
    assert "完工预算合计" not in {f.label for f in restricted.figures}


def test_findings_name_the_projects_to_act_on(built) -> None:
    _, zh, en = built
    by_topic = {f.topic: f for f in zh.summary.findings}
    assert by_topic["project-red"].names == ("客服流程优化", "销售数据看板", "年度运营计划编制")
    assert by_topic["project-amber"].names == ("仓储系统升级",)
    assert by_topic["late"].names[0] == "销售数据看板"
    assert "销售数据看板（5）" in by_topic["late"].text
    assert by_topic["stale"].names == ("销售数据看板",)
    assert by_topic["gate"].names == ("销售数据看板", "仓储系统升级")
    s = zh.calculation.result.status
    assert set(by_topic["over-budget"].names) == set(s.loc[pd.to_numeric(s["vac"]) < 0, "name"])
    assert by_topic["over-budget"].confidential
    for finding in zh.summary.findings:
        words = re.sub(r"\d,\d", "", finding.text + finding.action)
        assert finding.text.endswith("。") and not re.search(r"[,;:()]", words)
    assert en.summary.findings[0].text.startswith("3 project(s) red: 客服流程优化, ")


def test_build_report_writes_workbook_and_page(built, tmp_path: Path) -> None:
    path, _, _ = built
    out = [tmp_path / "r.xlsx", tmp_path / "r.html"]
    done = opsbook.build_report(path, out)
    assert done.paths == out
    assert all(p.stat().st_size > 1000 for p in out)
    assert "各项目 SPI 与 CPI" in out[1].read_text(encoding="utf-8")
