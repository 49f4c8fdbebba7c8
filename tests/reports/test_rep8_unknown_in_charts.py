"""A figure that is not known (a department nobody in it was scored, a department with no
figure last cycle) is no bar and no label in the report's charts, never a bar of 0."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

import opsbook
from opsbook.api import new_workbook
from opsbook.core.sampling import settings
from opsbook.core.summary import ChartData, Series
from opsbook.reports.images import _draw, chart_image

matplotlib.use("Agg")


def drawn(chart: ChartData) -> tuple[list[float], list[str]]:
    """The bar lengths and the bar labels matplotlib drew for ``chart``."""
    from matplotlib.figure import Figure

    axes = Figure().add_subplot()
    _draw(axes, chart)
    lengths = [bar.get_width() if chart.type == "bar" else bar.get_height()
               for bar in axes.patches]
    return lengths, [text.get_text() for text in axes.texts]


@pytest.mark.parametrize("kind", ["bar", "column"])
def test_an_unknown_value_is_no_bar_and_no_label(kind: str):
    chart = ChartData(kind, "Mean total", ("Ops", "Sales"),
                      (Series("2026Q3", (50.0, None)), Series("2026Q4", (72.0, float("nan")))),
                      number_format="0.0")
    lengths, labels = drawn(chart)
    assert sorted(labels) == ["", "", "50.0", "72.0"]  # never "0.0" or "nan"
    assert [x for x in lengths if x == x] == [50.0, 72.0]
    assert chart_image(chart, "svg").startswith(b"<?xml")


def test_all_unknown_stands_on_an_axis_from_zero():
    lengths, labels = drawn(ChartData("bar", "Mean", ("A",), (Series("now", (None,)),),
                                      number_format="0.0"))
    assert labels == [""] and all(x != x for x in lengths)


def test_the_appraisal_report_draws_no_mean_for_a_department_nobody_was_scored_in(
        tmp_path: Path):
    frames = {
        "Employees": pd.DataFrame({"employee_id": ["E1", "E2", "E3"],
                                   "name": ["王伟", "李娜", "张强"],
                                   "department": ["运营部", "运营部", "市场部"],
                                   "bonus_base": [1000.0, 1000.0, 1000.0]}),
        "Indicators": pd.DataFrame({"indicator_id": ["K1"], "group": ["results"],
                                    "name": ["计划完成"], "weight": [100]}),
        "Scores": pd.DataFrame({"employee_id": ["E1", "E2"], "rater_id": ["B0", "B0"],
                                "rater_role": ["上级", "上级"], "indicator_id": ["K1", "K1"],
                                "score": [90, 70]}),
        "History": pd.DataFrame({"employee_id": ["E1"], "cycle": ["2026Q3"],
                                 "total": [60.0], "grade": ["C"]}),
        "Settings": settings(cycle="2026Q4"),
    }
    path = tmp_path / "2026Q4.xlsx"
    new_workbook("appraisal", "zh", path, frames=frames)
    summary = opsbook.api.summarize(path).summary
    chart = next(c for c in summary.charts if c.type == "bar")
    assert chart.categories == ("运营部", "市场部")
    assert [s.values for s in chart.series] == [(60.0, None), (80.0, None)]
    lengths, labels = drawn(chart)
    assert sorted(labels) == ["", "", "60.0", "80.0"]
    assert [x for x in lengths if x == x] == [60.0, 80.0]


def test_a_scatter_with_nothing_to_plot_has_no_negative_axes():
    from matplotlib.figure import Figure

    axes = Figure().add_subplot()
    _draw(axes, ChartData("scatter", "SPI and CPI", (), (Series("CPI", ()),), x=()))
    assert axes.get_xlim() == (0, 1) and axes.get_ylim() == (0, 1)
    axes = Figure().add_subplot()
    _draw(axes, ChartData("scatter", "SPI and CPI", ("P1",), (Series("CPI", (0.9,)),),
                          x=(1.1,)))
    low, high = axes.get_xlim()
    assert low < 1.1 < high and low > 0.5
