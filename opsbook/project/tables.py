"""Project output tables: localised headers and words, number formats, rule fills."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.core.output import SheetOut
from opsbook.core.shown import decimals, half_up
from opsbook.core.values import excel_rows
from opsbook.project.texts import HEADERS, OUTPUTS, STATUS_FROM, pick, word

MONEY, INDEX, PERCENT, DATE = "#,##0.00", "0.00", "0%", "yyyy-mm-dd"
FORMATS = {**dict.fromkeys(["bac", "pv", "ev", "ac", "sv", "cv", "eac_cpi", "eac_remaining",
                            "eac_cpi_spi", "etc", "vac"], MONEY),
           **dict.fromkeys(["spi", "cpi", "tcpi"], INDEX), "percent_complete": PERCENT,
           **dict.fromkeys(["planned_start", "planned_finish", "actual_start", "actual_finish",
                            "forecast_finish", "due", "status_date"], DATE),
           **dict.fromkeys(["overdue_tasks", "open_risks", "top_risk_score", "days_late"], "0")}
RAG_FILL = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}
#: Column widths (characters) of the text columns that need more than their header.
WIDTHS = {"name": 24, "project_name": 24, "task_name": 22, "description": 30, "mitigation": 28,
          "owner": 14, "action": 30, "detail": 30, "notes": 60, "chase": 14,
          "action_owner": 14, "kind": 22, "state": 20, "source": 24}
WORD_COLUMNS = ("phase", "rag", "kind", "state", "level", "status", "eac_method")
BOOL_COLUMNS = ("deviations_covered", "overdue", "passed")


def fixed(value: float, digits: int = 2, *, scale: int = 1, thousands: bool = False) -> str:
    """:func:`half_up` as text, with thousands separators when asked: the figure as the
    cell beside it shows it (``#,##0.00``, ``0.00``, ``0%``)."""
    shown = half_up(value, digits, scale=scale)
    return f"{shown:,f}" if thousands else f"{shown:f}"


def localise(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = frame.copy()
    for column in WORD_COLUMNS:
        if column in out:
            out[column] = out[column].map(lambda v: word(v, lang))
    for column in BOOL_COLUMNS:
        if column in out:
            out[column] = np.where(out[column].astype(bool), word("yes", lang), word("no", lang))
    return out



def widened(fmt: str, values: pd.Series, limits: set[float]) -> str:
    """An index (0.00) or percentage (0%) format with the decimals :func:`decimals` asks."""
    percent = fmt.endswith("%")
    digits = fmt.count("0") - 1
    d = decimals(values, limits, digits, 100 if percent else 1)
    if d == digits:
        return fmt
    return "0." + "0" * d + ("%" if percent else "")


def table(name: str, title: str, frame: pd.DataFrame, columns: list[str], lang: str,
          key_columns: int = 2, limits: dict[str, set[float]] | None = None) -> SheetOut:
    """A frame's columns as a SheetOut: localised headers and words, formats, widths.

    ``limits`` names, per column, the thresholds its figures are judged by (the SPI and
    CPI ones): the column shows the decimals that keep a figure off a threshold it falls
    short of; % Complete is kept off 100 % always."""
    limits = {"percent_complete": {1.0}, **(limits or {})}
    shown = localise(frame.reindex(columns=columns), lang)
    shown = shown.mask(shown.eq(""))  # an empty text is a blank cell
    rows = excel_rows(shown)
    headers = [pick(HEADERS[c], lang) for c in columns]
    widths = [WIDTHS.get(c, 12 if c in FORMATS else max(10, min(30, len(h) + 2)))
              for c, h in zip(columns, headers)]
    formats = [widened(FORMATS[c], frame[c], limits[c]) if c in limits and c in frame
               else FORMATS.get(c, "") for c in columns]
    return SheetOut(name, title, headers, rows, formats=formats,
                    widths=[max(w, 10 if lang == "en" else 12) for w in widths],
                    key_columns=key_columns)


def fill_column(out: SheetOut, values: pd.Series, column: str, columns: list[str],
                 colours: dict[str, str]) -> None:
    col = columns.index(column)
    for offset, value in enumerate(values):
        if value in colours:
            out.fills[(offset, col)] = colours[value]


def way(config: pd.DataFrame) -> pd.Series:
    """Per config row, how its status date came: its ``status_from``, or ``today-word``
    for a status_date setting typed as the word for today (今天), said as such."""
    if "today_word" not in config:
        return config["status_from"]
    return config["status_from"].where(config["today_word"].isna(), "today-word")


def origin(config: pd.DataFrame, lang: str) -> str:
    """Where the status date of a run's config rows came from: one phrase when every file
    got it the same way ("from Settings"), else each way with its files ("from Settings
    (a.xlsx), today: no status date was given (b.xlsx)")."""
    ways = config.groupby(way(config), sort=False).groups
    if len(ways) == 1:
        return pick(STATUS_FROM[next(iter(ways))], lang)
    if lang == "zh":
        return "，".join(f"{pick(STATUS_FROM[w], lang)}（{'、'.join(map(str, files))}）"
                        for w, files in ways.items())
    return ", ".join(f"{pick(STATUS_FROM[w], lang)} ({', '.join(map(str, files))})"
                     for w, files in ways.items())


def as_of(config: pd.DataFrame, lang: str) -> str:
    """The status date of a run's config rows and where it came from, as a sheet title
    says it ("as of 2026-11-30 (today: no status date was given)")."""
    dates = config["status_date"].drop_duplicates()
    if len(dates) != 1:
        # only the Status sheet has a Status Date column: every other sheet points to it
        column, sheet = pick(HEADERS["status_date"], lang), pick(OUTPUTS["status"], lang)
        return (f"各文件状态日期不同，见“{sheet}”表的“{column}”列" if lang == "zh" else
                f"status dates differ by file (see {column} on the {sheet} sheet)")
    day = dates.iloc[0].strftime("%Y-%m-%d")
    if lang == "zh":
        return f"状态日期 {day}，{origin(config, lang)}"
    said = origin(config, lang)
    return f"as of {day} ({said})" if way(config).nunique() == 1 else \
        f"as of {day}: {said}"
