"""Charts as images (SVG for the HTML page, PNG for email) drawn with matplotlib.

Chinese labels need a CJK font: the first of :data:`CJK_FONTS` that is installed is used
(Debian's ``fonts-noto-cjk`` gives Noto Sans CJK); without one, Chinese text would be drawn
as boxes, so :func:`chart_image` raises :class:`MissingFont` instead. SVG text is drawn as
paths, so the page shows the same glyphs on a phone that has no CJK font.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from opsbook.core.said import Said
from opsbook.core.summary import ChartData
from opsbook.reports.numbers import format_value

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "Microsoft YaHei", "PingFang SC", "SimHei")
PALETTE = ("#9DC3E6", "#1F4E78", "#ED7D31", "#70AD47", "#FFC000", "#7030A0")
SIZE = (6.4, 4.2)


class MissingFont(Said, RuntimeError):
    """No font that draws Chinese is installed (``zh`` says it in Chinese)."""


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The name of an installed font with Chinese glyphs, or None."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in names), None)


def _needs_cjk(chart: ChartData) -> bool:
    words = [chart.title, chart.x_title, chart.y_title, *chart.categories,
             *(s.name for s in chart.series)]
    return any(ord(ch) > 0x2E7F for word in words for ch in word)


@lru_cache(maxsize=64)
def chart_image(chart: ChartData, fmt: str = "svg", dpi: int = 144) -> bytes:
    """The chart drawn as ``svg`` or ``png`` bytes (640 × 420 CSS pixels).

    Raises :class:`MissingFont` when a label is Chinese and no CJK font is installed.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    font = cjk_font()
    if font is None and _needs_cjk(chart):
        raise MissingFont("no font with Chinese glyphs is installed (Debian: fonts-noto-cjk)",
                          "未安装含中文字形的字体（Debian：fonts-noto-cjk）。")
    rc = {"font.family": "sans-serif",
          "font.sans-serif": [font, "DejaVu Sans"] if font else ["DejaVu Sans"],
          "svg.fonttype": "path", "svg.hashsalt": "opsbook", "axes.unicode_minus": False,
          "font.size": 12, "axes.labelsize": 12, "xtick.labelsize": 12, "ytick.labelsize": 11}
    with matplotlib.rc_context(rc):
        figure = Figure(figsize=SIZE, dpi=100, layout="constrained")
        axes = figure.add_subplot()
        _draw(axes, chart)
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def _draw(ax: Any, chart: ChartData) -> None:
    """Draw the chart on a matplotlib Axes."""
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    ax.set_title(chart.title, fontsize=15, color="#1F4E78", loc="left")
    labels = list(chart.categories)
    n = len(chart.series)
    if chart.type == "pie":
        values = [v or 0 for v in chart.series[0].values]
        ax.pie(values, labels=labels, colors=PALETTE[: len(values)],
               autopct="%1.0f%%", startangle=90, counterclock=False)
        return
    if chart.type == "scatter":
        for k, s in enumerate(chart.series):
            ax.scatter(chart.x, [_nan(v) for v in s.values],
                       color=PALETTE[(k + 1) % len(PALETTE)], label=s.name)
        for x, y, label in zip(chart.x, chart.series[0].values, labels):
            # a point's name is short on the chart (in full in the tables) and never takes
            # the plot's room: 40 long project names squeezed the axes to a sliver
            ax.annotate(short(label), (_nan(x), _nan(y)), fontsize=10, xytext=(3, 3),
                        textcoords="offset points", annotation_clip=True, in_layout=False)
        if not any(_known(x) for x in chart.x) or not any(
                _known(v) for s in chart.series for v in s.values):
            ax.set_xlim(0, 1)  # nothing to plot: an axis from 0, never one of -0.04 to 0.04
            ax.set_ylim(0, 1)
    elif chart.type == "line":
        for k, s in enumerate(chart.series):
            ax.plot(labels, [_nan(v) for v in s.values], marker="o",
                    color=PALETTE[(k + 1) % len(PALETTE)], label=s.name)
    else:
        width = 0.8 / max(n, 1)
        draw = ax.barh if chart.type == "bar" else ax.bar
        for k, s in enumerate(chart.series):
            at = [i - 0.4 + width * (k + 0.5) for i in range(len(labels))]
            color = PALETTE[k + 1] if n == 1 else PALETTE[k % len(PALETTE)]
            # a value that is not known (a department nobody was scored in, a period with
            # no figure) is no bar and no label, never a bar of 0
            bars = draw(at, [_nan(v) for v in s.values], width, label=s.name, color=color)
            # labelled as the tables and the workbook's chart show them: 0.946 in a "0%"
            # chart is 95%, never 1
            ax.bar_label(bars, labels=[format_value(v, chart.number_format) if _known(v)
                                       else "" for v in s.values], fontsize=10, padding=2)
        _from_zero(ax, chart)
        axis = ax.xaxis if chart.type == "bar" else ax.yaxis
        if chart.number_format == "0":
            axis.set_major_locator(MaxNLocator(integer=True))
        if chart.number_format.endswith("%"):  # shares: an axis of 0% to 100%, not 0 to 1
            axis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        ticks = [short(label) for label in labels]
        if chart.type == "bar":
            ax.set_yticks(range(len(labels)), ticks)
            ax.invert_yaxis()
        else:
            ax.set_xticks(range(len(labels)), ticks)
    x_title, y_title = chart.x_title, chart.y_title
    if chart.type == "bar":
        x_title, y_title = y_title, x_title
    ax.set_xlabel(x_title)
    ax.set_ylabel("" if chart.type == "bar" else y_title)
    ax.spines[["top", "right"]].set_visible(False)
    if n > 1:
        ax.figure.legend(loc="outside lower center", ncols=n, frameon=False, fontsize=11)


def short(label: str, width: int = 24) -> str:
    """``label`` cut to ``width`` columns with "…" (a Chinese character takes two, as on
    screen): a category's or a point's name on a chart, whose full name the tables give."""
    from unicodedata import east_asian_width

    used = 0
    for at, ch in enumerate(label):
        used += 2 if east_asian_width(ch) in "WF" else 1
        if used > width:
            return label[:at].rstrip() + "…"
    return label


def _from_zero(ax: Any, chart: ChartData) -> None:
    """Bars of counts and amounts none below 0 start at 0, and bars all 0 (an empty period)
    stand on an axis from 0 to 1, never one of negative counts around 0."""
    values = [v for s in chart.series for v in s.values if _known(v)]
    if any(v < 0 for v in values):
        return
    top = 1 if not any(values) else None
    if chart.type == "bar":
        ax.set_xlim(left=0, right=top)
    else:
        ax.set_ylim(bottom=0, top=top)


def _nan(value: float | None) -> float:
    return float(value) if _known(value) else float("nan")


def _known(value: float | None) -> bool:
    """Whether a chart value is a figure (not None, not NaN)."""
    return value is not None and value == value
