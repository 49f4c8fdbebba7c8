"""The summary workbook: Summary sheet first, native charts drawn from its cells, details."""

from __future__ import annotations

import re
import zipfile

import openpyxl

from opsbook.reports.render import write_report
from opsbook.reports.workbook import DATA_COLUMN


def chart_xml(path, n):
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/charts/chart{n}.xml").decode("utf-8")


def test_summary_sheet_first_then_the_detail_sheets(tmp_path, zh_report):
    summary, sheets = zh_report
    path = write_report(tmp_path / "summary.xlsx", summary, sheets)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["摘要", "考核结果", "部门统计", "评分人统计", "自评偏差", "考核提示"]
    ws = book["摘要"]
    assert ws["A1"].value == "2026Q4 绩效考核报告"
    cells = {row[0]: row[1:4] for row in ws.iter_rows(min_col=1, max_col=4, values_only=True)
             if row[0]}
    assert cells["平均总分"] == (77.5, 70, 7.5)
    assert cells["绩效奖金合计"][0] == 49000
    assert cells["最高等级占比"] == (0.25, 0, 0.25)
    texts = [row[0] for row in ws.iter_rows(min_col=1, max_col=1, values_only=True) if row[0]]
    for heading in ("目的", "方法", "结果", "发现", "建议"):
        assert heading in texts
    assert "1. 表彰王伟，并记入个人档案。" in texts
    results = book["考核结果"]
    assert [c.value for c in results[3]][:3] == ["E1", "王伟", "运营部"]
    assert results["H3"].value == 95


def test_charts_are_native_and_draw_the_right_ranges(tmp_path, zh_report):
    summary, sheets = zh_report
    path = write_report(tmp_path / "summary.xlsx", summary, sheets)
    grades, departments = chart_xml(path, 1), chart_xml(path, 2)
    assert "<c:barChart>" in grades and '<c:barDir val="col"/>' in grades
    assert '<c:barDir val="bar"/>' in departments
    assert DATA_COLUMN == 10  # K
    # grade chart: K2 title, K3 header, two series (2026Q3, 2026Q4) over the grades in K4:K8
    assert re.findall(r"<c:cat>.*?<c:f>(.*?)</c:f>", grades, re.S) == ["摘要!$K$4:$K$8"] * 2
    assert re.findall(r"<c:val>.*?<c:f>(.*?)</c:f>", grades, re.S) == [
        "摘要!$L$4:$L$8", "摘要!$M$4:$M$8"]
    assert re.findall(r"<c:tx>.*?<c:f>(.*?)</c:f>", grades, re.S) == ["摘要!$L$3", "摘要!$M$3"]
    # the department chart's block follows after one empty row: K10 title, K11 header
    assert re.findall(r"<c:cat>.*?<c:f>(.*?)</c:f>", departments, re.S)[0] == "摘要!$K$12:$K$13"
    ws = openpyxl.load_workbook(path)["摘要"]
    assert [ws.cell(r, 11).value for r in range(4, 9)] == ["S", "A", "B", "C", "D"]
    assert [ws.cell(r, 12).value for r in range(4, 9)] == [0, 2, 1, 0, 1]
    assert [ws.cell(r, 13).value for r in range(4, 9)] == [1, 1, 1, 0, 1]
    assert [ws.cell(r, 11).value for r in (12, 13)] == ["运营部", "市场部"]
    assert [ws.cell(r, 13).value for r in (12, 13)] == [85, 70]
    assert ws.cell(3, 12).value == "2026Q3"


def test_english_workbook_names_its_summary_sheet_in_english(tmp_path, en_report):
    summary, sheets = en_report
    path = write_report(tmp_path / "summary.xlsx", summary, sheets)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:2] == ["Summary", "Results"]
    assert book["Summary"]["A1"].value == "Appraisal report 2026Q4"
