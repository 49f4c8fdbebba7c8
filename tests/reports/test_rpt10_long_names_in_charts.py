"""Long names on a chart: a portfolio of 40 projects with long names squeezed the SPI/CPI
scatter's axes to a sliver at the left (their labels took the room). A point's or a
category's name is cut to 24 columns with "…" (a Chinese character takes two) and a
point's label never takes the plot's room."""

from __future__ import annotations

import io

import matplotlib
import pytest

from opsbook.core.summary import ChartData, Series
from opsbook.reports.images import SIZE, _draw, chart_image, cjk_font, short

LONG = "华东区域客户服务中心数字化转型与流程再造第{}期项目（含供应链协同、仓储自动化）"


def _axes_width(chart: ChartData) -> float:
    """The plot's width (a share of the figure's) as chart_image lays it out."""
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font (Debian: fonts-noto-cjk)")
    rc = {"font.family": "sans-serif", "font.sans-serif": [font], "font.size": 12}
    with matplotlib.rc_context(rc):
        figure = Figure(figsize=SIZE, dpi=100, layout="constrained")
        axes = figure.add_subplot()
        _draw(axes, chart)
        figure.savefig(io.BytesIO(), format="png")  # the layout is worked out when saved
    return axes.get_position().width


def _scatter(names: list[str]) -> ChartData:
    x = tuple(round(0.5 + k / 40, 3) for k in range(len(names)))
    return ChartData(type="scatter", title="各项目 SPI 与 CPI", categories=tuple(names),
                     series=(Series("CPI", tuple(round(1.2 - k / 50, 3)
                                                 for k in range(len(names)))),),
                     x_title="SPI", y_title="CPI", x=x, number_format="0.00")


def test_a_name_is_cut_to_24_columns() -> None:
    assert short("客服流程优化") == "客服流程优化"
    assert short("华东区域客户服务中心数字化转型") == "华东区域客户服务中心数字…"  # 12 × 2
    assert short("Alexandria Montgomery-Smith project") == "Alexandria Montgomery-Sm…"
    assert short("x" * 24) == "x" * 24


def test_long_point_names_leave_the_axes_their_width() -> None:
    plain = _axes_width(_scatter([f"P-{k}" for k in range(40)]))
    long = _axes_width(_scatter([LONG.format(k) for k in range(40)]))
    assert plain > 0.75
    assert abs(long - plain) < 0.02  # was 0.03 of the figure's width
    assert chart_image(_scatter([LONG.format(k) for k in range(40)]), "png")[:4] == b"\x89PNG"


def test_long_department_names_are_cut_on_the_axis() -> None:
    chart = ChartData(type="column", title="各部门准时率", categories=(LONG.format(1), "运营部"),
                      series=(Series("准时率", (0.9, 0.8)),), number_format="0%")
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    axes = Figure(figsize=SIZE, layout="constrained").add_subplot()
    _draw(axes, chart)
    assert [t.get_text() for t in axes.get_xticklabels()] == [
        "华东区域客户服务中心数字…", "运营部"]
