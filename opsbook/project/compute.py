"""Project status as of a status date: earned value per task and project, then the checks.

Pure pandas: frames in, a :class:`ProjectResult` of frames out; no file is touched. Frames
are the sheets of one or more trackers as ``Book`` gives them (field ids as columns, the
spreadsheet row as index), each with a ``source`` column naming its file (added as ``""``
when missing). ``config`` holds one row per source (see :func:`config_row`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from opsbook.project import deviations, gates, risks
from opsbook.project.evm import exact, figures, join_codes, note_codes, planned_value, rag
from opsbook.project.workdays import weekmask

KEY = ["source", "project_id"]
THRESHOLDS = ("spi_green", "spi_amber", "cpi_green", "cpi_amber")
MONEY = ("bac", "pv", "ev", "ac")
#: A forecast further out than this (about 100 years) is no forecast: SPI is near 0.
MAX_FORECAST_DAYS = 36_525


@dataclass
class ProjectResult:
    """What the status computation found, one frame per output sheet.

    ``status`` one row per project; ``tasks`` one row per task; ``deviations`` one row per
    deviation (or overdue action); ``gates`` one row per project; ``risks`` ranked, ``heat``
    the 5 × 5 count of open risks (index probability 5 … 1, columns impact 1 … 5);
    ``config`` one row per source (status date and where it came from, thresholds; see
    :attr:`counted` for the sources whose settings the figures use);
    ``conflicts`` the Projects rows whose project_id an earlier source already holds;
    ``left_out`` the names of the trackers left out for their errors (not computed).
    Money is in the trackers' currency, indices are plain ratios, dates are Timestamps.
    """

    status: pd.DataFrame
    tasks: pd.DataFrame
    deviations: pd.DataFrame
    gates: pd.DataFrame
    risks: pd.DataFrame
    heat: pd.DataFrame
    config: pd.DataFrame
    conflicts: pd.DataFrame = field(default_factory=pd.DataFrame)
    left_out: list[str] = field(default_factory=list)

    @property
    def counted(self) -> pd.DataFrame:
        """The ``config`` rows of the sources that hold a project counted (every row when
        none does): a tracker whose projects all repeat an earlier file's sets no status
        date, threshold or currency of the figures shown."""
        held = self.config[self.config.index.isin(self.status["source"])]
        return held if len(held) else self.config


def config_row(settings: Any, *, as_of: dt.date | None = None,
               today: dt.date | None = None) -> dict[str, Any]:
    """One source's settings as a config row: the status date (``as_of`` wins over the
    Settings one; neither means ``today``) and where it came from (``command``,
    ``settings`` or ``today``; ``today_word``: the word for today the setting was typed as,
    今天, else None), thresholds, EAC method, weekmask and currency."""
    if as_of is not None:
        date, origin = as_of, "command"
    elif settings.status_date is not None:
        date, origin = settings.status_date, "settings"
    else:
        date, origin = today or dt.date.today(), "today"
    # the day only: the whole status date counts as elapsed, whatever hour a datetime says
    return {"status_date": pd.Timestamp(date).normalize(), "status_from": origin,
            "today_word": getattr(settings, "today_word", None) if origin == "today" else None,
            **{k: float(getattr(settings, k)) for k in THRESHOLDS},
            "eac_method": settings.eac_method, "weekmask": weekmask(settings.work_days),
            "currency": settings.currency}


def _prepare(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["row"] = frame.index
    if "source" not in frame:
        frame["source"] = ""
    return frame.reset_index(drop=True)


def _ordered(frame: pd.DataFrame, files: dict[str, int], id_column: str) -> pd.DataFrame:
    """Rows by file (in the order read), project id and ``id_column`` as people number
    them (P-2 before P-10, WBS 1.2 before 1.10), then spreadsheet row: the order of the
    rows in a file changes no output."""
    keys = {"_file": frame["source"].map(files).fillna(len(files)),
            **{f"_{c}": risks.number_order(frame[c].fillna("").astype(str))
               for c in dict.fromkeys(["project_id", id_column]) if c in frame}}
    order = frame.assign(**keys).sort_values([*keys, "row"], kind="stable").index
    return frame.loc[order].reset_index(drop=True)


def conflicts(projects: pd.DataFrame) -> pd.DataFrame:
    """Projects rows whose project_id is also in a source whose name comes first (a.xlsx
    before b.xlsx), with where it is there (``first_source``, ``first_row``): which one
    is counted does not depend on the order the files are given in. Columns: source, row,
    project_id, first_source, first_row."""
    ids = projects.dropna(subset=["project_id"])
    by_name = ids.iloc[np.argsort(ids["source"].astype(str).to_numpy(), kind="stable")]
    first = by_name.drop_duplicates("project_id")[["project_id", "source", "row"]]
    first = first.rename(columns={"source": "first_source", "row": "first_row"})
    later = ids.merge(first, on="project_id")
    later = later[later["source"] != later["first_source"]]
    return later[["source", "row", "project_id", "first_source", "first_row"]]


def compute(projects: pd.DataFrame, tasks: pd.DataFrame, risk_rows: pd.DataFrame,
            actions: pd.DataFrame, config: pd.DataFrame) -> ProjectResult:
    """The status of every project in the frames (see the module docstring for shapes).

    A project id found in two sources is computed from the one whose name comes first
    only; the other rows are in ``conflicts``. Tasks, risks and actions belong to the
    project of the same id in the same source. ``status``, ``tasks``, ``gates`` and
    ``deviations`` list their rows by source (in ``config``'s order), project id and WBS
    (the numbers in IDs as numbers), whatever the order of the input rows; risks are
    ranked (see :func:`risks.rank`).
    """
    # rows in one order whatever their order in the files: every sheet lists them so
    files = {name: n for n, name in enumerate(config.index)}
    projects = _ordered(_prepare(projects), files, "project_id")
    tasks = _ordered(_prepare(tasks), files, "task_id")
    risk_rows = _ordered(_prepare(risk_rows), files, "risk_id")
    actions = _ordered(_prepare(actions), files, "action_id")
    clash = conflicts(projects)
    # the later rows themselves, by file and row together (a row number of one file says
    # nothing of another file's row of that number)
    later = pd.MultiIndex.from_frame(clash[["source", "row"]])
    projects = projects[~pd.MultiIndex.from_frame(projects[["source", "row"]]).isin(later)]
    projects = projects.dropna(subset=["project_id"]).drop_duplicates(KEY)
    keys = projects[KEY]
    tasks = tasks.merge(keys, on=KEY)
    risk_rows = risk_rows.merge(keys, on=KEY)
    actions = actions.merge(keys, on=KEY)
    task_figures = task_status(tasks, config)
    status = project_status(projects, task_figures, config)
    found = deviations.find(status, task_figures, actions, config)
    status = status.merge(deviations.covered(found), on=KEY, how="left")
    status["deviations_covered"] = status["deviations_covered"].fillna(True).astype(bool)
    ranked = risks.rank(risk_rows, projects)
    status = status.merge(risks.per_project(ranked), on=KEY, how="left")
    status["open_risks"] = status["open_risks"].fillna(0).astype(int)
    return ProjectResult(status=status, tasks=task_figures, deviations=found,
                         gates=gates.check(projects, task_figures, status, found),
                         risks=ranked, heat=risks.heat(ranked), config=config,
                         conflicts=clash)


def _with_config(frame: pd.DataFrame, config: pd.DataFrame) -> pd.DataFrame:
    columns = ["status_date", "eac_method", "weekmask", *THRESHOLDS]
    return frame.join(config[columns], on="source")


def task_status(tasks: pd.DataFrame, config: pd.DataFrame) -> pd.DataFrame:
    """Earned value per task: bac (its planned cost), pv, ev, ac, the figures of
    :func:`opsbook.project.evm.figures`, rag, complete, overdue, forecast_finish, notes."""
    t = _with_config(tasks, config)
    finished = t["actual_finish"].notna()
    pct = t["percent_complete"].astype(float)
    t["percent_complete"] = pct.fillna(finished.astype(float)).clip(0, 1)
    t["complete"] = finished | (t["percent_complete"] >= 1)
    t["bac"] = t["planned_cost"].astype(float).fillna(0.0)
    pv = planned_value(t["bac"], t["planned_start"], t["planned_finish"], t["status_date"],
                       t["weekmask"])
    t["pv"] = exact(np.nan_to_num(pv))  # kept to the decimals SV and CV are kept to
    t["ev"] = exact(t["percent_complete"] * t["bac"])
    t["ac"] = t["actual_cost"].astype(float).fillna(0.0)
    t = pd.concat([t, figures(t["bac"], t["pv"], t["ev"], t["ac"], t["eac_method"])
                  .set_index(t.index)], axis=1)
    t["rag"] = rag(t["spi"], t["cpi"], *(t[k] for k in THRESHOLDS))
    t["overdue"] = (t["planned_finish"] < t["status_date"]) & ~t["complete"]
    t["days_late"] = np.where(t["overdue"],
                              (t["status_date"] - t["planned_finish"]).dt.days, 0)
    t["forecast_finish"] = forecast(t["planned_start"], t["planned_finish"], t["spi"],
                                    t["complete"], t["actual_finish"], t["status_date"])
    zero = t["planned_cost"].astype(float).eq(0)
    extra = join_codes({"no-pct": pct.isna() & ~finished, "no-pct-done": pct.isna() & finished,
                        "no-cost": t["planned_cost"].isna(), "zero-cost": zero,
                        "no-dates": np.isnan(pv),
                        "no-forecast": t["forecast_finish"].isna()
                        & t["planned_finish"].notna()}, t.index)
    t["notes"] = (note_codes(t) + " " + extra).str.strip()
    return t


def forecast(start: pd.Series, finish: pd.Series, spi: pd.Series, complete: pd.Series,
             actual_finish: pd.Series, status: pd.Series) -> pd.Series:
    """Forecast finish: the actual finish when complete (done without one: the planned
    finish, or the status date when that is earlier: done work is finished by then); else
    start + planned duration / SPI (PMI's duration estimate at completion), at least the
    day after the status date; the planned finish while nothing was planned yet (SPI
    blank); NaT when SPI is 0 or so near 0 that the forecast is more than a century out."""
    duration = (finish - start).dt.days.astype(float)
    spi = pd.Series(np.asarray(spi, dtype=float), index=start.index)
    stretched = duration / spi.where(spi > 0)
    stretched = stretched.where(stretched <= MAX_FORECAST_DAYS)
    # SPI is kept to nine decimals: 25 days / 2.083333333 is 12.0000000019 days, which is
    # 12, not 13 — the noise is rounded off before the part day counts as a whole one
    estimate = start + pd.to_timedelta(np.ceil(stretched.round(6)), unit="D")
    estimate = estimate.where(spi.notna(), finish)
    estimate = estimate.mask(estimate.notna() & (estimate <= status),
                             status + pd.Timedelta(days=1))
    estimate = estimate.mask((spi == 0) | (spi.notna() & stretched.isna() & duration.notna()))
    return estimate.mask(complete, actual_finish.fillna(finish.where(finish <= status, status)))


def project_status(projects: pd.DataFrame, tasks: pd.DataFrame,
                   config: pd.DataFrame) -> pd.DataFrame:
    """One row per project: its task sums (bac, pv, ev, ac), the figures on those sums, rag,
    percent complete (EV / BAC), planned and forecast finish, overdue task count, notes."""
    p = _with_config(projects, config)
    sums = tasks.groupby(KEY)[[*MONEY]].sum()
    counts = tasks.groupby(KEY).agg(task_count=("task_id", "size"),
                                    overdue_tasks=("overdue", "sum"),
                                    complete_tasks=("complete", "sum"),
                                    first_start=("planned_start", "min"),
                                    last_finish=("planned_finish", "max"),
                                    last_done=("forecast_finish", "max"))
    p = p.join(sums, on=KEY).join(counts, on=KEY)
    # sums kept to the decimals their terms are (700 + 171.428571429 + 50 is no
    # 921.4285714289999 in a cell)
    p[list(MONEY)] = exact(p[list(MONEY)].fillna(0.0))
    p[["task_count", "overdue_tasks", "complete_tasks"]] = (
        p[["task_count", "overdue_tasks", "complete_tasks"]].fillna(0).astype(int))
    p = pd.concat([p, figures(p["bac"], p["pv"], p["ev"], p["ac"], p["eac_method"])
                  .set_index(p.index)], axis=1)
    p["rag"] = rag(p["spi"], p["cpi"], *(p[k] for k in THRESHOLDS))
    p["percent_complete"] = np.where(p["bac"] > 0, p["ev"] / p["bac"].where(p["bac"] > 0),
                                     np.nan)
    p["planned_finish"] = p["finish"].fillna(p["last_finish"])
    start = p["start"].fillna(p["first_start"])
    done = (p["task_count"] > 0) & (p["complete_tasks"] == p["task_count"])
    # every task done: the last of their finishes (each task's forecast is its finish then)
    p["forecast_finish"] = forecast(start, p["planned_finish"], p["spi"], done,
                                    p["last_done"], p["status_date"])
    budget = p["budget"].astype(float)
    extra = join_codes({"no-bac": (p["bac"] <= 0) & (p["task_count"] > 0),
                        "no-tasks": p["task_count"] == 0,
                        "budget-differs": budget.notna() & (p["task_count"] > 0)
                        & ((budget - p["bac"]).abs() >= 0.005),
                        "no-forecast": p["forecast_finish"].isna()
                        & p["planned_finish"].notna()}, p.index)
    p["notes"] = (note_codes(p) + " " + extra).str.strip()
    return p
