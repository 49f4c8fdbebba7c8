"""The HTML page and the plain-text version of a summary, from the Jinja2 templates.

The page is self-contained: styles inline, charts as ``data:`` URIs (SVG by default), no
script and no external request, so it reads the same offline, on a phone and when printed.
For email, the charts are referenced by Content-ID instead (``sources``).
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from opsbook.core.summary import Summary
from opsbook.io.atomic import replace_atomically
from opsbook.reports.images import chart_image
from opsbook.reports.numbers import format_value

if TYPE_CHECKING:
    from jinja2 import Environment

MIME = {"svg": "image/svg+xml", "png": "image/png"}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("opsbook.reports", "templates"),
                      autoescape=select_autoescape(["html", "html.j2"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["number"] = lambda value, fmt="", signed=False: format_value(value, fmt, signed)
    env.globals["numeric"] = numeric
    return env


def numeric(rows: Sequence[Sequence[object]], column: int) -> bool:
    """Whether a table's ``column`` holds figures (a number in some row): its header is
    then set right, over its figures, not over the next column's."""
    return any(isinstance(row[column], (int, float)) and not isinstance(row[column], bool)
               for row in rows if column < len(row))


def data_uris(summary: Summary, fmt: str = "svg") -> list[str]:
    """One ``data:`` URI per chart of the summary, drawn as ``svg`` or ``png``."""
    return [f"data:{MIME[fmt]};base64,"
            f"{base64.b64encode(chart_image(chart, fmt)).decode('ascii')}"
            for chart in summary.charts]


def render_html(summary: Summary, sources: list[str] | None = None) -> str:
    """The report page as one HTML string; ``sources`` are the charts' image addresses
    (``data:`` URIs by default, ``cid:`` references in an email)."""
    if sources is None:
        sources = data_uris(summary)
    template = _environment().get_template("report.html.j2")
    return template.render(s=summary, words=summary.labels, sources=sources)


def render_text(summary: Summary) -> str:
    """The report as plain text (the text part of an email)."""
    template = _environment().get_template("report.txt.j2")
    return template.render(s=summary, words=summary.labels)


def write_html(target: Path, summary: Summary) -> Path:
    """Write the self-contained page to ``target`` (UTF-8, replaced atomically)."""
    page = render_html(summary)
    return replace_atomically(Path(target),
                              lambda temp: temp.write_text(page, encoding="utf-8"))
