"""A chart of shares (number format ``0%``) is drawn as percentages on the page and in the
email: the plan report's 各部门完成率 of 94.56 % had a bar labelled "1" on an axis of 0.0 to
0.8 (the label was printf "%.0f" of 0.9456), while the table beside it said 94.6%. Labels
now follow the format as the tables do, and the value axis reads 0% … 100%."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

import opsbook  # noqa: E402
from opsbook.api.report import summarize  # noqa: E402
from opsbook.core.summary import ChartData, Series  # noqa: E402
from opsbook.reports.images import _draw  # noqa: E402


def drawn(chart: ChartData) -> tuple[list[str], object]:
    axes = Figure().add_subplot()
    _draw(axes, chart)
    labels = [text.get_text() for text in axes.texts]
    axis = axes.xaxis if chart.type == "bar" else axes.yaxis
    return labels, axis.get_major_formatter()


def test_the_plan_reports_completion_chart_is_labelled_in_percent(tmp_path):
    book = tmp_path / "plan.xlsx"
    opsbook.new_workbook("plan", "zh", book, sample=True)
    (chart,) = [c for c in summarize(book).summary.charts if c.title == "各部门完成率"]
    # to a tenth, as the tables give it: 89.6% is never labelled 90%, the behind threshold
    assert chart.number_format == "0.0%" and chart.series[0].values == (0.9456,)
    labels, ticks = drawn(chart)
    assert labels == ["94.6%"]
    assert ticks(0.5, 0) == "50%" and ticks(1.0, 0) == "100%"


def test_labels_follow_every_format_the_tables_use():
    chart = ChartData("bar", "t", ("a", "b", "c"),
                      (Series("s", (1234567.0, None, 0.5)),), number_format="#,##0")
    assert drawn(chart)[0] == ["1,234,567", "", "0"]  # "%g" gave 1.23457e+06
    one = ChartData("column", "t", ("a", "b"), (Series("s", (89.26, 3.0)),),
                    number_format="0.0")
    assert drawn(one)[0] == ["89.3", "3.0"]
    plain = ChartData("column", "t", ("a", "b"), (Series("s", (12.5, 3.0)),))
    assert drawn(plain)[0] == ["12.5", "3"]
