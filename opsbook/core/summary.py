"""The report content model: what a kind's summary says, as plain data.

A kind turns its result into a :class:`Summary` (``Kind.summary(result, lang)``); the
renderers in ``opsbook.reports`` (summary workbook, HTML page, PDF) and the mail composer draw
it without knowing the kind. A summary has the four parts the policy asks of a written report
— purpose, method, results (headline figures, charts, tables) and recommendations, which are
the ``action`` of each :class:`Finding` — and marks what is confidential, so that an emailed
copy can leave it out (:meth:`Summary.redacted`). ``parts`` holds one summary per department,
made by the kind from that department's rows only, for department heads.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

from opsbook.core.output import SheetOut

CHART_TYPES = ("column", "bar", "line", "pie", "scatter")
TONES = ("good", "neutral", "warn", "bad")


@dataclass(frozen=True)
class Figure:
    """A headline figure: a label, its value and, where history exists, the previous value.

    ``format`` is an Excel number format (``"0.00"``, ``"0%"``, ``"#,##0"``; "" for
    general). ``better`` is ``"up"`` when a rise is good news, ``"down"`` when a fall is, ""
    when neither. ``confidential`` figures are left out of copies for readers not allowed them.
    """

    label: str
    value: float | int | str | None
    format: str = ""
    previous: float | int | None = None
    better: str = ""
    confidential: bool = False

    @property
    def change(self) -> float | None:
        """The value minus the previous value, or None when either is not a number."""
        if not _number(self.value) or not _number(self.previous):
            return None
        return float(self.value) - float(self.previous)  # type: ignore[arg-type]

    @property
    def tone(self) -> str:
        """``good``, ``bad`` or ``neutral``: how the change reads, by ``better``."""
        change = self.change
        if change is None or change == 0 or not self.better:
            return "neutral"
        return "good" if (change > 0) == (self.better == "up") else "bad"


@dataclass(frozen=True)
class Series:
    """One series of a chart: its name and one value per category (None for a gap)."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class ChartData:
    """A chart as data: the renderers draw it natively in Excel and as an image in HTML.

    ``type`` is one of :data:`CHART_TYPES`; ``categories`` label the x axis (for a scatter,
    they are the x values' labels and ``x`` gives the x values); ``series`` share them.
    """

    type: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    x_title: str = ""
    y_title: str = ""
    x: tuple[float | None, ...] = ()
    number_format: str = ""
    confidential: bool = False

    def __post_init__(self) -> None:
        if self.type not in CHART_TYPES:
            raise ValueError(f"chart type {self.type!r}; choose one of {', '.join(CHART_TYPES)}")
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(f"series {s.name!r} has {len(s.values)} values for "
                                 f"{len(self.categories)} categories")


@dataclass(frozen=True)
class Table:
    """A small table for the Results section (the full detail goes in the detail sheets).

    ``confidential`` holds the indices of the columns to leave out of restricted copies.
    """

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    formats: tuple[str, ...] = ()
    confidential: frozenset[int] = frozenset()

    def redacted(self) -> Table:
        """The table without its confidential columns."""
        keep = [c for c in range(len(self.headers)) if c not in self.confidential]
        return Table(self.title, tuple(self.headers[c] for c in keep),
                     tuple(tuple(row[c] for c in keep) for row in self.rows),
                     tuple(self.formats[c] for c in keep if c < len(self.formats)))


@dataclass(frozen=True)
class Finding:
    """Something the results show, and what to do about it (a recommendation).

    ``topic`` is a stable slug (``commend``, ``interview``, ``escalate``, ``calibrate``…),
    ``text`` says what was found, ``action`` what is recommended; ``names`` are the people,
    projects or departments it is about; ``tone`` is one of :data:`TONES`.
    """

    topic: str
    text: str
    action: str
    names: tuple[str, ...] = ()
    tone: str = "neutral"
    confidential: bool = False


@dataclass
class Summary:
    """One report: its title and period, the four sections, and what is confidential.

    ``confidential_headers`` are the detail sheets' column headers (in ``lang``) that hold
    confidential fields; :func:`redact_sheet` leaves them out of restricted copies.
    ``confidential_sheets`` are detail sheets left out of restricted copies altogether (a
    sheet whose messages may quote a confidential value).
    ``labels`` holds the few words the renderers need in ``lang`` (see :data:`LABELS`).
    """

    title: str
    lang: str
    period: str = ""
    purpose: str = ""
    method: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    charts: list[ChartData] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    confidential_headers: frozenset[str] = frozenset()
    confidential_sheets: frozenset[str] = frozenset()
    department: str | None = None
    parts: dict[str, Summary] = field(default_factory=dict)
    restricted: bool = False

    @property
    def recommendations(self) -> list[str]:
        """The actions of the findings, in order, each once."""
        return list(dict.fromkeys(f.action for f in self.findings if f.action))

    @property
    def labels(self) -> dict[str, str]:
        return LABELS["zh" if self.lang == "zh" else "en"]

    def redacted(self) -> Summary:
        """A copy without anything marked confidential (figures, charts, columns, findings)."""
        return dataclasses.replace(
            self,
            figures=[f for f in self.figures if not f.confidential],
            charts=[c for c in self.charts if not c.confidential],
            tables=[t.redacted() for t in self.tables],
            findings=[f for f in self.findings if not f.confidential],
            parts={d: p.redacted() for d, p in self.parts.items()},
            restricted=True,
        )

    def for_department(self, department: str) -> Summary:
        """The summary of one department, made by the kind from its rows only.

        Raises KeyError when the kind made no part for it (no such department, or a kind
        whose summary has no departments).
        """
        return self.parts[department]


def redact_sheets(summary: Summary, sheets: list[SheetOut]) -> list[SheetOut]:
    """The detail sheets of a restricted copy: without ``summary.confidential_sheets``, and
    the others without their confidential columns."""
    return [redact_sheet(s, summary.confidential_headers) for s in sheets
            if s.name not in summary.confidential_sheets]


def redact_sheet(sheet: SheetOut, headers: frozenset[str]) -> SheetOut:
    """A copy of a detail sheet without the columns whose header is in ``headers``.

    Fills, widths and formats follow their columns; charts that draw a dropped column go.
    """
    keep = [c for c, h in enumerate(sheet.headers) if h not in headers]
    if len(keep) == len(sheet.headers):
        return sheet
    new = {old: n for n, old in enumerate(keep)}

    def pick(values: list[Any]) -> list[Any]:
        return [values[c] for c in keep if c < len(values)]

    charts = [dataclasses.replace(c, categories=new[c.categories],
                                  values=tuple(new[v] for v in c.values))
              for c in sheet.charts
              if c.categories in new and all(v in new for v in c.values)]
    return dataclasses.replace(
        sheet, headers=pick(sheet.headers), rows=[pick(r) for r in sheet.rows],
        formats=pick(sheet.formats), widths=pick(sheet.widths),
        fills={(r, new[c]): f for (r, c), f in sheet.fills.items() if c in new},
        charts=charts, key_columns=sum(1 for c in keep if c < sheet.key_columns))


def _number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


#: Words the renderers use, by language.
LABELS: dict[str, dict[str, str]] = {
    "en": {"purpose": "Purpose", "method": "Method", "results": "Results",
           "recommendations": "Recommendations", "findings": "Findings",
           "previous": "previous", "change": "change", "summary_sheet": "Summary",
           "figure": "Figure", "value": "Value", "none": "Nothing calls for action.",
           "department": "Department", "generated": "Generated by opsbook",
           "confidential_left_out": "Confidential figures are left out of this copy.",
           "colon": ": ", "open": " (", "close": ")", "comma": ", "},
    "zh": {"purpose": "目的", "method": "方法", "results": "结果",
           "recommendations": "建议", "findings": "发现",
           "previous": "上期", "change": "变化", "summary_sheet": "摘要",
           "figure": "指标", "value": "数值", "none": "暂无需要处理的事项。",
           "department": "部门", "generated": "由 opsbook 生成",
           "confidential_left_out": "本副本不含保密数据。",
           "colon": "：", "open": "（", "close": "）", "comma": "，"},
}

__all__ = ["ChartData", "Figure", "Finding", "LABELS", "Series", "Summary", "Table",
           "redact_sheet", "redact_sheets"]
