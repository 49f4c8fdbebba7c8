"""A report page's table sets each header over its own column: the headers of columns of
figures are set right, as their figures are (before, every header was set left, so in the
plan report 可计量项数 stood over the 8 of 计划项数, and 完成率 over the count before it)."""

from __future__ import annotations

import opsbook
from opsbook.api.report import summarize
from opsbook.reports.html import render_html


def test_headers_of_figures_are_set_over_their_figures(tmp_path):
    book = tmp_path / "plan.xlsx"
    opsbook.new_workbook("plan", "zh", book, sample=True)
    page = render_html(summarize(book).summary, sources=["cid:chart"])
    assert ('<th class="">部门</th><th class="num">计划项数</th><th class="num">可计量项数</th>'
            '<th class="num">滞后项数</th><th class="num">完成率</th>') in page
    assert ('<th class="">计划项</th><th class="">部门</th><th class="">关键指标</th>'
            '<th class="num">累计目标</th>') in page
    assert "th.num { text-align: right; }" in page
