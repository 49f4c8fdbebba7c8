"""Clock rows to one row per employee and day: months kept, unknown employees and repeated
rows found, check-outs after midnight read as the next morning.

Input frames are as the reader gives them (index: spreadsheet row) with ``employee_id``,
``date`` (datetime64), ``check_in`` and ``check_out`` (timedelta64 since midnight), and
optionally ``source`` (which input), ``sheet`` (sheet id, default ``Clock``), ``out_row``,
``out_sheet`` and ``out_source`` (the row, sheet id and input of the check-out, when they are
another row, column or input, as for punches) and ``placed`` (True for a single punch
whose side — check-in or check-out — was told by its time, not by its column: see
:mod:`opsbook.attendance.daily`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from opsbook.attendance.findings import findings

DAY = 86400.0
#: Punches of one employee and day closer than this (seconds) are one punch, and so are a
#: Clock row's check-in and check-out.
REPEAT_SECONDS = 60
CLOCK_COLUMNS = ["employee_id", "date", "check_in", "check_out", "source", "sheet", "row",
                 "out_row", "out_sheet", "out_source", "placed"]
DAY_COLUMNS = ["employee_id", "date", "check_in", "check_out", "overnight", "duplicate",
               "single_punch", "source", "sheet", "row", "out_row", "out_source", "out_sheet",
               "placed"]


@dataclass
class ClockDays:
    """``days``: one row per employee and day, times in seconds (check-out past midnight
    above 86,400); ``findings``: unknown employees, repeated rows, overnight check-outs;
    ``outside``: clock rows left out because their date is outside the months, by source
    and sheet (source, sheet, rows, first date, last date, first spreadsheet row)."""

    days: pd.DataFrame
    findings: pd.DataFrame
    outside: pd.DataFrame


def standard(clock: pd.DataFrame, source: int = 0, sheet: str = "Clock") -> pd.DataFrame:
    """A clock frame in the columns of ``CLOCK_COLUMNS``, times as float seconds."""
    frame = pd.DataFrame(index=clock.index)
    frame["employee_id"] = clock["employee_id"].astype(object)
    frame["date"] = pd.to_datetime(clock["date"]).dt.normalize()
    for column in ("check_in", "check_out"):
        values = clock[column]
        if not pd.api.types.is_timedelta64_dtype(values):
            values = pd.to_timedelta(values, errors="coerce")
        frame[column] = values.dt.total_seconds()
    frame["source"] = clock.get("source", source)
    frame["sheet"] = clock.get("sheet", sheet)
    frame["row"] = clock.index.to_numpy(dtype=np.int64)
    # a clock row is its own check-out's row; punches may name another (frames of both kinds
    # put together leave it blank on the clock rows)
    out_row = (pd.to_numeric(clock["out_row"]).to_numpy(dtype=float) if "out_row" in clock
               else np.full(len(clock), np.nan))
    frame["out_row"] = np.where(np.isnan(out_row), frame["row"].to_numpy(), out_row
                                ).astype(np.int64)
    sheets = frame["sheet"].to_numpy(dtype=object)
    out_sheet = clock["out_sheet"].to_numpy(dtype=object) if "out_sheet" in clock else sheets
    frame["out_sheet"] = np.where(pd.notna(out_sheet), out_sheet, sheets)
    out_source = clock["out_source"] if "out_source" in clock else frame["source"]
    frame["out_source"] = out_source.fillna(frame["source"]).to_numpy()
    frame["placed"] = clock["placed"].eq(True).to_numpy() if "placed" in clock else False
    return frame.reset_index(drop=True)[CLOCK_COLUMNS]


def left_out(rows: pd.DataFrame) -> pd.DataFrame:
    """Standard clock rows left out of a summary, per input and sheet: how many, the first
    and last date, the first row."""
    codes, sheets = pd.factorize(rows["sheet"])  # a sheet's columns (Punches@9) are one sheet
    base = np.array([str(s).split("@")[0] for s in sheets] + [""], dtype=object)
    rows = rows.assign(sheet=base[codes])
    return (rows.groupby(["source", "sheet"], sort=True)
            .agg(rows=("date", "size"), first=("date", "min"), last=("date", "max"),
                 row=("row", "min")).reset_index())


def clock_days(clock: pd.DataFrame, months: list[str], known: pd.Index,
               midday: float = 13.5 * 3600) -> ClockDays:
    """Reduce standard clock rows (``standard``) to one row per employee and day.

    Rows without an employee or date are dropped (reading reports them). A row whose
    check-in and check-out are less than a minute apart holds one punch, as punches that
    close are one (the same time in both columns, as an export writes a single punch): a
    check-in before ``midday`` (seconds; the middle of the shift), else a check-out. Several
    rows for one employee and day are combined — the earliest check-in, the latest
    check-out — and each row after the first is a ``duplicate_clock`` finding. A check-out
    earlier than the check-in is the next morning (+24 h) and an ``overnight`` finding.
    """
    rows = clock[clock["employee_id"].notna() & clock["date"].notna()]
    in_months = np.isin(rows["date"].to_numpy().astype("datetime64[M]"),
                        np.array(months, dtype="datetime64[M]"))
    outside = left_out(rows[~in_months])
    rows = rows[in_months]
    unknown = ~rows["employee_id"].isin(known).to_numpy()
    found = [findings(rows["employee_id"][unknown], rows["date"][unknown], "unknown_employee",
                      source=rows["source"][unknown], sheet=rows["sheet"][unknown],
                      field="employee_id", row=rows["row"][unknown])]
    rows = rows[~unknown].sort_values(["employee_id", "date", "source", "sheet", "row"],
                                      kind="mergesort")
    repeat = rows.duplicated(["employee_id", "date"], keep="first").to_numpy()
    found.append(findings(rows["employee_id"][repeat], rows["date"][repeat], "duplicate_clock",
                          source=rows["source"][repeat], sheet=rows["sheet"][repeat],
                          field="date", row=rows["row"][repeat]))
    check_in, check_out = rows["check_in"].to_numpy(), rows["check_out"].to_numpy()
    one = np.abs(check_out - check_in) < REPEAT_SECONDS  # NaN compares False
    check_in = np.where(one & (check_in >= midday), np.nan, check_in)
    check_out = np.where(one & (check_out < midday), np.nan, check_out)
    overnight = check_out < check_in  # NaN compares False
    rows = rows.assign(check_in=check_in,
                       check_out=np.where(overnight, check_out + DAY, check_out),
                       overnight=overnight, placed=one | rows["placed"].eq(True).to_numpy())
    found.append(findings(rows["employee_id"][overnight], rows["date"][overnight], "overnight",
                          source=rows["out_source"][overnight],
                          sheet=rows["out_sheet"][overnight], field="check_out",
                          row=rows["out_row"][overnight]))
    key = ["employee_id", "date"]
    grouped = rows.groupby(key, sort=False)
    days = grouped.agg(check_in=("check_in", "min"), check_out=("check_out", "max"),
                       overnight=("overnight", "any"), placed=("placed", "any")
                       ).reset_index()
    days["duplicate"] = grouped.size().to_numpy() > 1
    # each time is located where it comes from: the row of the earliest check-in, and the
    # row (and input, and sheet) of the latest check-out, which may be another one
    first_in = rows.sort_values([*key, "check_in"], kind="mergesort", na_position="last")
    first_in = first_in.drop_duplicates(key)[[*key, "source", "sheet", "row"]]
    last_out = rows.sort_values([*key, "check_out"], ascending=[True, True, False],
                                kind="mergesort", na_position="last").drop_duplicates(key)
    last_out = last_out[[*key, "out_source", "out_sheet", "out_row"]]
    days = days.merge(first_in, on=key, how="left").merge(last_out, on=key, how="left")
    days["single_punch"] = days["check_in"].isna() != days["check_out"].isna()
    days["placed"] &= days["single_punch"]
    return ClockDays(days[DAY_COLUMNS], pd.concat(found, ignore_index=True), outside)
