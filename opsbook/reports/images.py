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
        xs = [x for x in chart.x if _known(x)]
        middle = (min(xs) + max(xs)) / 2 if xs else 0
        for x, y, label in zip(chart.x, chart.series[0].values, labels):
            # a point's name is short on the chart (in full in the tables) and never takes
            # the plot's room: 40 long project names squeezed the axes to a sliver; in the
            # right half it stands left of its point, never cut at the figure's edge
            left = _known(x) and len(xs) > 1 and x > middle
            ax.annotate(short(label), (_nan(x), _nan(y)), fontsize=10,
                        xytext=(-3, 3) if left else (3, 3), ha="right" if left else "left",
                        textcoords="offset points", annotation_clip=True, in_layout=False)
        if not any(_known(x) for x in chart.x) or not any(
                _known(v) for s in chart.series for v in s.values):
            ax.set_xlim(0, 1)  # nothing to plot: an axis from 0, never one of -0.04 to 0.04
            ax.set_ylim(0, 1)
    elif chart.type == "line":
        for k, s in enumerate(chart.series):
            ax.plot(range(len(labels)), [_nan(v) for v in s.values], marker="o",
                    color=PALETTE[(k + 1) % len(PALETTE)], label=s.name)
        _category_ticks(ax, labels)
    else:
        width = 0.8 / max(n, 1)
        draw = ax.barh if chart.type == "bar" else ax.bar
        turned = False
        for k, s in enumerate(chart.series):
            at = [i - 0.4 + width * (k + 0.5) for i in range(len(labels))]
            color = PALETTE[k + 1] if n == 1 else PALETTE[k % len(PALETTE)]
            # a value that is not known (a department nobody was scored in, a period with
            # no figure) is no bar and no label, never a bar of 0
            bars = draw(at, [_nan(v) for v in s.values], width, label=s.name, color=color)
            # labelled as the tables and the workbook's chart show them: 0.946 in a "0%"
            # chart is 95%, never 1
            texts = [format_value(v, chart.number_format) if _known(v) else ""
                     for v in s.values]
            # figures over narrow columns (20 departments) stand upright, never run together
            # (smaller when even upright ones would touch: a line is about an em high)
            room = width * _slot(labels)
            upright = chart.type == "column" and _too_wide(texts, 10, room)
            size = max(6.0, min(10.0, room * 0.9 * 72 / 100)) if upright else 10.0
            ax.bar_label(bars, labels=texts, fontsize=size, padding=2,
                         rotation=90 if upright else 0)
            turned = turned or upright
        _from_zero(ax, chart)
        values = [v for s in chart.series for v in s.values if _known(v)]
        if turned and values and max(values) > 0:  # room above the highest for its figure
            ax.set_ylim(top=max(values) * 1.3)
        axis = ax.xaxis if chart.type == "bar" else ax.yaxis
        if chart.number_format == "0":
            axis.set_major_locator(MaxNLocator(integer=True))
        if chart.number_format.endswith("%"):  # shares: an axis of 0% to 100%, not 0 to 1
            axis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        if chart.type == "bar":
            ax.set_yticks(range(len(labels)), [short(label) for label in labels])
            ax.invert_yaxis()
        else:
            _category_ticks(ax, labels)
    if not any(_known(v) for s in chart.series for v in s.values):
        # nothing to plot (no project yet): said on the chart, never a bare frame
        note = "暂无数据" if _needs_cjk(chart) else "No data yet"
        ax.figure.text(0.5, 0.5, note, color="#7F7F7F", transform=ax.transAxes,
                       ha="center", va="center", fontsize=13)
    x_title, y_title = chart.x_title, chart.y_title
    if chart.type == "bar":
        x_title, y_title = y_title, x_title
    ax.set_xlabel(x_title)
    ax.set_ylabel("" if chart.type == "bar" else y_title)
    ax.spines[["top", "right"]].set_visible(False)
    if n > 1:
        ax.figure.legend(loc="outside lower center", ncols=n, frameon=False, fontsize=11)


#: The plot's width in pixels a chart's categories share (640 less the value axis).
PLOT_WIDTH = 540


def tick_layout(labels: list[str]) -> tuple[list[str], int, float]:
    """How a column or line chart's category names stand under the axis: the names (cut
    by :func:`short`), their angle in degrees and their size in points.

    Names that fit side by side stand level (a Chinese character is two columns wide, a
    column about 0.55 em); names that would run into each other ("客户服务部人力资源部")
    are turned 30°, 45° or 90° (upright, for many categories), smaller and cut shorter
    when even upright lines would touch.
    """
    slot = _slot(labels)
    size = 12.0
    ticks = _distinct(labels, 24)
    em = size * 100 / 72  # pixels of an em at the figure's 100 dpi
    if not _too_wide(ticks, size, slot):
        return ticks, 0, size
    for angle, sine in ((30, 0.5), (45, 0.707)):
        if 1.3 * em / sine <= slot:  # a line's height, measured along the axis
            return ticks, angle, size
    size = max(6.0, min(10.0, slot / 1.3 * 72 / 100))
    return _distinct(labels, 16), 90, size


def _distinct(labels: list[str], width: int) -> list[str]:
    """``labels`` cut to ``width`` columns, keeping their ends when cutting only the end
    would make two read the same ("Regional Custome…" twenty times): "Regional…Office 17"."""
    cut = [short(label, width) for label in labels]
    if len(set(cut)) == len(set(labels)):
        return cut
    tail = width // 3
    return [label if label == short(label, width) else
            short(label, width - tail - 1).rstrip("…") + "…" + _last(label, tail)
            for label in labels]


def _last(label: str, width: int) -> str:
    """The end of ``label`` that takes at most ``width`` columns."""
    end = ""
    for ch in reversed(label):
        if _columns(ch + end) > width:
            break
        end = ch + end
    return end.lstrip()


def _category_ticks(ax: Any, labels: list[str]) -> None:
    """Put the category names under a column or line chart, turned when they would not
    fit side by side (see :func:`tick_layout`)."""
    ticks, angle, size = tick_layout(labels)
    ax.set_xticks(range(len(labels)), ticks, fontsize=size, rotation=angle,
                  ha="right" if angle else "center", rotation_mode="anchor")


def _slot(labels: list[str]) -> float:
    """The pixels of the plot's width one category has."""
    return PLOT_WIDTH / max(len(labels), 1)


def _too_wide(texts: list[str], size: float, room: float) -> bool:
    """Whether the widest of ``texts`` at ``size`` points takes more than 90 % of ``room``
    pixels (a column is about 0.55 em, a Chinese character two columns)."""
    em = size * 100 / 72
    return max((_columns(t) * 0.55 * em for t in texts), default=0) > room * 0.9


def _columns(text: str) -> int:
    """Columns ``text`` takes on screen: a wide (East Asian) character takes two."""
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


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
