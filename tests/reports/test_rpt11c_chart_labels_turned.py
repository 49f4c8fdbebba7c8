"""Category names under a column or line chart never run together: seven departments of
four or five Chinese characters stood level under the plan report's 各部门完成率 and read
"客户服务部人力资源部信息技术部" in the PDF. Names that would not fit side by side (a
Chinese character two columns wide) are turned 30° (right-aligned to their column), 45°
or upright; figures over narrow columns stand upright too."""

from __future__ import annotations

import io
import math

import matplotlib
import pytest
from matplotlib.transforms import Bbox

from opsbook.core.summary import ChartData, Series
from opsbook.reports.images import SIZE, _draw, chart_image, cjk_font, tick_layout

matplotlib.use("Agg")

ZH = ["客户服务部", "人力资源部", "信息技术部", "财务部", "市场营销部", "行政部", "运营管理部"]
EN = ["Customer Service", "Human Resources", "Information Technology", "Finance",
      "Marketing", "Administration", "Operations"]


def _chart(kind: str, names: list[str], series: int = 1) -> ChartData:
    return ChartData(type=kind, title="各部门完成率", categories=tuple(names),
                     series=tuple(Series(f"S{k}", tuple(0.5 + 0.02 * i for i in range(len(names))))
                                  for k in range(series)), number_format="0%")


def _laid_out(chart: ChartData) -> list:
    """The tick labels' boxes (in pixels) as chart_image lays them out."""
    from matplotlib.figure import Figure

    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font (Debian: fonts-noto-cjk)")
    with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": [font],
                                "font.size": 12}):
        figure = Figure(figsize=SIZE, dpi=100, layout="constrained")
        axes = figure.add_subplot()
        _draw(axes, chart)
        figure.savefig(io.BytesIO(), format="png")
        renderer = figure._get_renderer()
        ticks = [_upright_box(t, renderer) for t in axes.get_xticklabels()]
        figures = [_upright_box(t, renderer) for t in axes.texts if t.get_text()]
        return [ticks, figures, figure.bbox]


def _upright_box(text, renderer) -> Bbox:
    """The text's own box, in the text's frame: a turned name's box is turned back about
    its anchor, so that two turned names overlap exactly when their boxes do."""
    box = text.get_window_extent(renderer)
    angle = text.get_rotation()
    if angle % 90 == 0:  # level or upright: the box on the page is the text's own
        return box
    x, y = text.get_transform().transform(text.get_position())
    text.set_rotation(0)
    flat = text.get_window_extent(renderer)
    text.set_rotation(angle)
    # in the turned frame, the anchor is at (x, y) turned back: names anchored along the
    # axis 'dx' apart stand dx·sin(angle) apart across their lines
    a = math.radians(angle)
    across = -x * math.sin(a) + y * math.cos(a)
    along = x * math.cos(a) + y * math.sin(a)
    return Bbox([[along - flat.width, across - flat.height / 2],
                 [along, across + flat.height / 2]])


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 - 1 and b.x0 < a.x1 - 1 and a.y0 < b.y1 - 1 and b.y0 < a.y1 - 1


def _none_touch(boxes: list) -> bool:
    return not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_how_names_stand() -> None:
    assert tick_layout(ZH[:2])[1] == 0
    assert tick_layout(ZH)[1] == 30       # 7 × 5 Chinese characters: 10 columns in ~77 px
    assert tick_layout(EN)[1] == 30
    assert tick_layout(list("ABCDEFG"))[1] == 0
    assert tick_layout([f"{z}{k}" for k in range(3) for z in ZH][:20])[1] == 90
    names, angle, size = tick_layout([f"部门{k:02d}" for k in range(60)])
    assert (angle, size) == (90, 6.0)


@pytest.mark.parametrize("kind", ["column", "line"])
@pytest.mark.parametrize("names", [
    ZH[:2], ZH, EN, [f"{z}{k}" for k in range(3) for z in ZH][:20],
    [f"{e} {k}" for k in range(3) for e in EN][:20],
    ["华东区域客户服务中心数字化转型项目", "Alexandria Montgomery-Smith"]])
def test_names_and_figures_never_run_together(kind: str, names: list[str]) -> None:
    ticks, figures, _ = _laid_out(_chart(kind, names))
    assert len(ticks) == len(names)
    assert _none_touch(ticks)
    assert _none_touch(figures) if kind == "column" else True


def test_two_series_over_twenty_departments() -> None:
    names = [f"{z}{k}" for k in range(3) for z in ZH][:20]
    ticks, figures, _ = _laid_out(_chart("column", names, series=2))
    assert len(figures) == 40 and _none_touch(figures) and _none_touch(ticks)
    assert chart_image(_chart("column", names, series=2), "png")[:4] == b"\x89PNG"


def test_a_point_at_the_right_keeps_its_name_whole() -> None:
    """The project report's SPI/CPI scatter cut "Warehouse system upgrade" at the figure's
    right edge to "Warel": a point in the right half is named on its left."""
    from matplotlib.figure import Figure

    chart = ChartData(type="scatter", title="SPI and CPI by project",
                      categories=("Annual operations plan", "Warehouse system upgrade"),
                      series=(Series("CPI", (1.05, 0.94)),), x_title="SPI", y_title="CPI",
                      x=(0.53, 1.17), number_format="0.00")
    figure = Figure(figsize=SIZE, dpi=100, layout="constrained")
    axes = figure.add_subplot()
    _draw(axes, chart)
    figure.savefig(io.BytesIO(), format="png")
    renderer = figure._get_renderer()
    names = {t.get_text(): t.get_window_extent(renderer) for t in axes.texts}
    assert set(names) == {"Annual operations plan", "Warehouse system upgrade"}
    assert all(box.x0 >= 0 and box.x1 <= figure.bbox.x1 for box in names.values())


def test_twenty_long_names_stay_told_apart() -> None:
    """Twenty departments "Regional Customer Experience Office 0…19" stood upright as
    "Regional Custome…" twenty times: a cut that would make names alike keeps their ends."""
    names, angle, size = tick_layout([f"Regional Customer Experience Office {k}"
                                      for k in range(20)])
    assert (angle, size) == (90, 10.0)
    assert names[0] == "Regional C…ice 0" and names[19] == "Regional C…ce 19"
    assert len(set(names)) == 20
    assert tick_layout(["华东区域客户服务中心01", "运营部"])[0] == [
        "华东区域客户服务中心01", "运营部"]  # 22 columns: whole
    assert tick_layout(["华东区域客户服务中心数字化转型第1期", "运营部"])[0] == [
        "华东区域客户服务中心数字…", "运营部"]  # 35 columns, told apart by their heads


def test_upright_figures_stay_under_the_title() -> None:
    """Upright figures over the highest of twenty columns ran into the chart's title: the
    value axis reaches 1.3 times the highest so that they stand inside the plot."""
    from matplotlib.figure import Figure

    names = [f"部门{k:02d}" for k in range(20)]
    chart = ChartData(type="column", title="各部门完成率", categories=tuple(names),
                      series=(Series("完成率", (1.0,) * 20),), number_format="0.00%")
    figure = Figure(figsize=SIZE, dpi=100, layout="constrained")
    axes = figure.add_subplot()
    _draw(axes, chart)
    assert axes.get_ylim()[1] == pytest.approx(1.3)
    assert {t.get_rotation() for t in axes.texts if t.get_text()} == {90.0}


@pytest.mark.parametrize(("title", "note"), [("各项目 SPI 与 CPI", "暂无数据"),
                                             ("SPI and CPI by project", "No data yet")])
def test_an_empty_chart_says_so(title: str, note: str) -> None:
    """A blank tracker's SPI/CPI scatter was a bare frame from 0 to 1: it says there is
    nothing yet, in the chart's language; a chart of known zeros has no such note."""
    from matplotlib.figure import Figure

    empty = ChartData(type="scatter", title=title, categories=(), series=(Series("CPI", ()),),
                      x_title="SPI", y_title="CPI", x=(), number_format="0.00")
    axes = Figure().add_subplot()
    _draw(axes, empty)
    assert [t.get_text() for t in axes.figure.texts] == [note]
    zeros = ChartData(type="column", title=title, categories=("green", "red"),
                      series=(Series("n", (0, 0)),), number_format="0")
    axes = Figure().add_subplot()
    _draw(axes, zeros)
    assert [t.get_text() for t in axes.texts] == ["0", "0"] and not axes.figure.texts
