"""The summary workbook's native charts: a column chart of seven long Chinese department
names turns them 30° as the page's image does, and a bar chart keeps its value axis's
number format and gridlines (a second ``set_y_axis`` for the bars' order dropped them:
shares read 0.9, not 90%)."""

from __future__ import annotations

import re
import zipfile

from opsbook.core.summary import ChartData, Series, Summary
from opsbook.reports.render import write_report

ZH = ("客户服务部", "人力资源部", "信息技术部", "财务部", "市场营销部", "行政部", "运营管理部")


def _charts(tmp_path) -> list[str]:
    shares = tuple(0.5 + 0.05 * k for k in range(7))
    summary = Summary(title="2027 年度计划执行报告", lang="zh", charts=[
        ChartData(type="column", title="各部门完成率", categories=ZH,
                  series=(Series("完成率", shares),), x_title="部门", y_title="完成率",
                  number_format="0%"),
        ChartData(type="bar", title="各部门准时率", categories=ZH[:2],
                  series=(Series("准时率", (0.9, 0.8)),), x_title="部门", y_title="准时率",
                  number_format="0%"),
        ChartData(type="column", title="两个部门", categories=ZH[:2],
                  series=(Series("完成率", (0.9, 0.8)),), number_format="0%")])
    path = write_report(tmp_path / "plan.xlsx", summary, [])
    with zipfile.ZipFile(path) as archive:
        return [archive.read(f"xl/charts/chart{n}.xml").decode("utf-8") for n in (1, 2, 3)]


def _axis(xml: str, kind: str) -> str:
    return re.search(rf"<c:{kind}>.*?</c:{kind}>", xml, re.S).group(0)


def test_long_names_turned_and_bars_keep_their_format(tmp_path) -> None:
    seven, bars, two = _charts(tmp_path)
    assert 'rot="-1800000"' in _axis(seven, "catAx")  # 30° (Excel counts 60000 a degree)
    assert 'formatCode="0%"' in _axis(seven, "valAx")
    assert "rot=" not in _axis(two, "catAx")  # two names fit level
    value = _axis(bars, "valAx")
    assert 'formatCode="0%"' in value and "<c:majorGridlines>" in value
    assert "准时率" in value  # the axis title: the figure
    assert '<c:orientation val="maxMin"/>' in _axis(bars, "catAx")  # first name on top
