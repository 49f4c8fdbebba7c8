"""Punch logs and attendance exports to clock rows: one row per punch in, first and last
punch per employee and day out.

Shapes read (rows as a reader gives them from A1, any title rows above the header):

- a time-clock log (ZKTeco-style): a numeric user id (``User ID``, ``AC-No.``, ``EnNo``,
  ``考勤号码``), one date-time column (``Date/Time``, ``打卡时间``) or a date and a time
  column, an in/out status code and a verify type (kept and ignored);
- a DingTalk-style raw record (原始记录): ``姓名``, ``部门``, ``工号``, ``UserId``,
  ``考勤日期``, ``考勤时间`` or ``打卡时间``, ``打卡结果``, ``打卡地址``, ``打卡设备`` …;
  the employee is ``工号`` (``UserId`` is the app's own id) and the day is ``考勤日期``;
- a DingTalk-style daily report (每日统计): title rows, then two header rows where
  ``上班1``/``下班1`` … span ``打卡时间``/``打卡结果`` (or one row of ``上班1打卡时间``,
  ``上班1打卡结果`` …); every ``打卡时间`` under them is a
  punch, dates may carry a weekday (``26-11-02 星期一``), next-day times read ``次日 01:30``;
- a WeCom-style punch detail (打卡详情): 日期, 姓名, 账号 (the app's own id), 部门, 打卡类型,
  应打卡时间 (the scheduled time, not a punch), 实际打卡时间 …;
- the workbook's own Punches sheet (Employee ID, Name, Punch Time).

Cells may hold several punches (``08:58 12:01 18:03``) and 上午/下午 times (see
``punch_cells``). The punches of every log are reduced to clock rows together by
:mod:`opsbook.attendance.punch_days`. Pure code: no file is read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from opsbook.attendance.punch_cells import (
    dated_near,
    employee_key,
    parse_punches,
    per_unique,
    why_no_date,
    year_anchor,
)
from opsbook.core.cells import a1
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue
from opsbook.core.merges import merged_data
from opsbook.core.table import RawSheet

HEADER_SCAN_ROWS = 30
#: role → header spellings, most wanted first.
ROLES: dict[str, tuple[str, ...]] = {
    "employee_id": ("工号", "员工工号", "员工编号", "Employee ID", "Employee No", "Emp ID",
                    "Staff ID", "人员编号"),
    "machine_id": ("User ID", "UserId", "AC-No.", "AC No", "EnNo", "PIN", "考勤号码", "考勤号",
                   "登记号码", "No.", "账号"),
    "name": ("姓名", "Name", "员工姓名", "User Name"),
    "department": ("部门", "Department", "Dept"),
    "attendance_date": ("考勤日期",),
    "date": ("日期", "Date"),
    "time": ("打卡时间", "实际打卡时间", "Punch Time", "Date/Time", "DateTime", "Date Time",
             "Check Time", "CheckTime", "Record Time", "时间", "Time", "签到时间", "考勤时间"),
}
_LOOKUP = {normalize(h): role for role, names in ROLES.items() for h in names}
_RANK = {normalize(h): n for names in ROLES.values() for n, h in enumerate(names)}
_SHIFT = re.compile(r"^(上班|下班)\d*$")
#: A daily report's header in one row: 上班1打卡时间, 下班1打卡时间 …
_FLAT_SHIFT = re.compile(r"^((?:上班|下班)\d*)打卡时间$")
_SUB_TIME = normalize("打卡时间")
_SUB_WORDS = {normalize(w) for w in ("打卡时间", "打卡结果")}
PUNCH_COLUMNS = ["employee_id", "name", "department", "date", "seconds", "row", "column"]
#: The headers a punch sheet is found by, for ``no-punch-columns`` (English, Chinese lists).
PUNCH_HEADERS = {"expected": "工号/Employee ID, 姓名/Name, 打卡时间/Date/Time, 上班1/下班1",
                 "expected_zh": "工号/Employee ID、姓名/Name、打卡时间/Date/Time、上班1/下班1"}
#: What a time cell may hold for a punch that did not happen.
_NO_PUNCH = frozenset({"n/a", "na", "none", "missing", "no punch", "off", "nan"})


@dataclass
class PunchLog:
    """Punches read from one sheet: one row per punch (``PUNCH_COLUMNS``; ``seconds`` since
    midnight of ``date``, above 86,400 for a next-day punch; ``row``/``column`` of the cell,
    1-based), the columns found (role → 1-based column), and the issues found."""

    sheet: str
    file: str | None
    frame: pd.DataFrame
    columns: dict[str, int] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    #: True when the day is the attendance day (考勤日期, a daily report), not the punch's.
    attendance_day: bool = False

    def cell_columns(self) -> dict[str, int]:
        """Field id → column, for locating findings in this sheet."""
        first_time = self.columns.get("check_in") or self.columns.get("time")
        who = self.columns.get("employee_id") or self.columns.get("machine_id") \
            or self.columns.get("name")
        return {"employee_id": who or 1, "date": self.columns.get("date") or first_time or 1,
                "check_in": first_time or 1,
                "check_out": self.columns.get("check_out") or first_time or 1}


def _roles(row: list[Any]) -> dict[str, int]:
    """Role → 0-based column of a header row (the most wanted spelling of each role)."""
    found: dict[str, tuple[int, int]] = {}
    for col, value in enumerate(row):
        key = normalize(value)
        role = _LOOKUP.get(key)
        if role and (role not in found or _RANK[key] < found[role][0]):
            found[role] = (_RANK[key], col)
    return {role: col for role, (_rank, col) in found.items()}


def _header(rows: list[list[Any]]) -> int:
    best, score = -1, 0
    for n, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        roles = _roles(row)
        shifts = sum(bool(_SHIFT.match(normalize(v)) or _FLAT_SHIFT.match(normalize(v)))
                     for v in row)
        found = len(roles) + (1 if shifts else 0)
        if found > score:
            best, score = n, found
    return best


def _two_row(rows: list[list[Any]], at: int) -> dict[int, str]:
    """For a daily report: 0-based column → ``上班1``/``下班1`` … of each 打卡时间 cell of the
    second header row (the label of a merged cell carried right); empty otherwise."""
    if at + 1 >= len(rows):
        return {}
    top, sub = rows[at], rows[at + 1]
    if not any(normalize(v) in _SUB_WORDS for v in sub):
        return {}
    out, label = {}, ""
    for col in range(max(len(top), len(sub))):
        head = normalize(top[col]) if col < len(top) else ""
        if head:
            label = str(top[col]).strip() if _SHIFT.match(head) else ""
        if label and col < len(sub) and normalize(sub[col]) == _SUB_TIME:
            out[col] = label
    return out


def _has_digits(value: Any) -> bool:
    """Whether a cell in which no punch was read was meant to hold one, in an export: it has
    digits (``9:0x``); words are the app's (缺卡, Missed, Rest)."""
    return value is not None and bool(re.search(r"\d", str(value)))


def _meant_as_time(value: Any) -> bool:
    """The same in the workbook's own Punches sheet, whose cells are punches: digits or Latin
    letters (``abc``), unless a word for no punch (``N/A``, ``missing``); the Chinese words
    for it (缺卡, 未打卡) are passed over."""
    if value is None:
        return False
    text = str(value).strip().lower()
    return bool(re.search(r"[0-9a-z]", text)) and text not in _NO_PUNCH


def _flat(header: list[Any]) -> dict[int, str]:
    """For a daily report whose header is one row: 0-based column → ``上班1``/``下班1`` … of
    each ``上班1打卡时间`` … column; empty otherwise."""
    out = {}
    for col, value in enumerate(header):
        match = _FLAT_SHIFT.match(normalize(value))
        if match:
            out[col] = match[1]
    return out


def punch_log(rows: list[list[Any]], *, sheet: str, file: str | None = None,
              row_numbers: np.ndarray | None = None, own: bool = False,
              month: str | None = None, raw: RawSheet | None = None) -> PunchLog:
    """Read the punches of one sheet's rows (from A1) in any of the shapes above.

    ``row_numbers`` are the spreadsheet rows of the data rows when ``rows`` is not the sheet
    from A1 (a table already read); ``own`` for the workbook's own Punches sheet, where a
    cell of words is an error too (in an export the words are the app's). A date without a
    year (``11-02 星期一``) takes the year of the dates in the title rows above the header,
    else of ``month`` (YYYY-MM), whichever puts it nearest. ``raw``, the sheet ``rows``
    are of, gives its merged cells: a name, ID or date merged down over an employee's rows
    is each row's."""
    at = _header(rows)
    log = PunchLog(sheet, file, pd.DataFrame(columns=PUNCH_COLUMNS))
    roles = _roles(rows[at]) if at >= 0 else {}
    two_rows = _two_row(rows, at) if at >= 0 else {}
    report = two_rows or (_flat(rows[at]) if at >= 0 else {})
    below = 1 if two_rows else 0  # the header row that names the columns
    who = roles.get("employee_id", roles.get("machine_id", roles.get("name")))
    time_columns = sorted(report) or ([roles["time"]] if "time" in roles else [])
    if who is None or not time_columns:
        log.issues.append(Issue("no-punch-columns", file=file, sheet=sheet,
                                params=dict(PUNCH_HEADERS)))
        return log
    first_data = at + below + 1
    data = merged_data(raw, first_data, [], file) if raw is not None else rows[first_data:]
    width = max([len(r) for r in data] + [1])
    grid = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in data],
                        dtype=object) if data else pd.DataFrame(columns=range(width))
    numbers = (np.asarray(row_numbers, dtype=np.int64) if row_numbers is not None
               else np.arange(len(grid)) + first_data + 1)
    day_column = roles.get("attendance_date", roles.get("date"))
    log.attendance_day = bool(report) or "attendance_date" in roles
    log.columns = {role: col + 1 for role, col in roles.items()}
    if report:
        ins = [c for c in report if report[c].startswith("上班")]
        outs = [c for c in report if report[c].startswith("下班")]
        log.columns.update(check_in=(ins or sorted(report))[0] + 1,
                           check_out=(outs or sorted(report))[0] + 1)
    if day_column is not None:
        log.columns["date"] = day_column + 1

    def cells(col: int | None) -> np.ndarray:
        if col is None or col >= width:
            return np.full(len(grid), None, dtype=object)
        return grid[col].to_numpy(dtype=object)

    ids = per_unique(cells(roles.get("employee_id", roles.get("machine_id"))), employee_key)
    names = per_unique(cells(roles.get("name")), employee_key)
    departments = per_unique(cells(roles.get("department")), employee_key)
    near = year_anchor(rows[:max(at, 0)], month)
    days = per_unique(cells(day_column), lambda value: dated_near(value, near))
    parts = []
    for col in time_columns:
        values = cells(col)
        parsed = per_unique(values, lambda value: parse_punches(value, near))
        count = np.fromiter(map(len, parsed), np.int64, len(parsed))
        meant = per_unique(values, _meant_as_time if own else _has_digits)
        for pos in np.flatnonzero((count == 0) & meant.astype(bool)):
            log.issues.append(Issue("type-error", file=file, sheet=sheet,
                                    cell=a1(int(numbers[pos]), col + 1), row=int(numbers[pos]),
                                    column=str(rows[at + below][col]),
                                    field="time", value=values[pos],
                                    params={"expected": "a time", "expected_zh": "时间"}))
        at_row = np.repeat(np.arange(len(values)), count)
        flat = [p for cell in parsed for p in cell]
        own_day = np.array([p[0] for p in flat], dtype=object)
        seconds = np.array([p[1] for p in flat], dtype=float)
        parts.append(pd.DataFrame({"at": at_row, "own_day": own_day, "seconds": seconds,
                                   "column": col + 1}))
    punches = pd.concat(parts, ignore_index=True)
    at_row = punches["at"].to_numpy()
    day = pd.to_datetime(pd.Series(days[at_row], dtype=object))
    punch_day = pd.to_datetime(pd.Series(punches["own_day"].to_numpy(), dtype=object))
    seconds = punches["seconds"].to_numpy()
    ahead = ((punch_day - day).dt.days.fillna(0).to_numpy() * 86400.0)
    frame = pd.DataFrame({
        "employee_id": ids[at_row], "name": names[at_row], "department": departments[at_row],
        "date": day.fillna(punch_day).to_numpy(),
        "seconds": seconds + np.where(day.notna(), ahead, 0),
        "row": numbers[at_row], "column": punches["column"].to_numpy()})
    if "employee_id" not in roles and "machine_id" not in roles:
        frame["employee_id"] = None
    dated = frame["date"].notna().to_numpy()
    undated = pd.DataFrame({"at": at_row[~dated], "column": frame["column"][~dated]})
    day_cells = cells(day_column)
    for pos, col in undated.drop_duplicates().itertuples(index=False):  # told once a cell
        value = grid.at[pos, col - 1]
        why = why_no_date(value, day_cells[pos], own)
        log.issues.append(Issue("punch-without-date", file=file, sheet=sheet,
                                cell=a1(int(numbers[pos]), int(col)), row=int(numbers[pos]),
                                column=str(rows[at + below][col - 1]), field="time",
                                value=value, params={"detail": why[0], "detail_zh": why[1]}))
    log.frame = frame[dated].reset_index(drop=True)[PUNCH_COLUMNS]
    return log


def punch_logs(sheets: list[RawSheet], file: str | None, month: str | None = None
               ) -> list[PunchLog]:
    """The punches of every sheet of an export that has punch columns (``month``, YYYY-MM,
    gives the year of a date written without one); when none has, one empty log carrying
    the ``no-punch-columns`` issue."""
    logs = [punch_log(sheet.rows, sheet=sheet.name, file=file, month=month, raw=sheet)
            for sheet in sheets]
    found = [log for log in logs if not any(i.code == "no-punch-columns" for i in log.issues)]
    if found:
        return found
    return logs[:1] or [PunchLog("", file, pd.DataFrame(columns=PUNCH_COLUMNS), issues=[
        Issue("no-punch-columns", file=file, params=dict(PUNCH_HEADERS))])]


def table_log(frame: pd.DataFrame, columns: dict[str, int], extras: dict[str, int], *,
              sheet: str, file: str | None, headers: dict[str, str] | None = None
              ) -> PunchLog:
    """The punches of the workbook's own Punches sheet, as read against its spec (``frame``
    with employee_id and time, and its extra columns such as Name and Date under their
    headers; index = spreadsheet row; ``columns`` and ``extras`` give their 1-based
    columns; ``headers`` their header text as found, for the messages). A date there needs
    its year, as in any typed date column."""
    names = {"employee_id": "工号", "time": "打卡时间"}
    order = sorted([*((names[f], c, f) for f, c in columns.items() if f in names),
                    *((h, c, h) for h, c in extras.items())], key=lambda item: item[1])
    data = frame.reindex(columns=[key for _h, _c, key in order])
    rows = [[h for h, _c, _k in order],
            *(list(r) for r in data.astype(object).itertuples(index=False, name=None))]
    log = punch_log(rows, sheet=sheet, file=file, row_numbers=frame.index.to_numpy(),
                    own=True)
    where = {n: c for n, (_h, c, _k) in enumerate(order)}
    log.columns = {role: where[col - 1] for role, col in log.columns.items()
                   if col - 1 in where}
    log.frame["column"] = log.frame["column"].map(lambda col: where[col - 1]).astype(np.int64)
    for issue in log.issues:  # the column as the sheet heads it, not as read here
        if issue.field in (headers or {}):
            issue.column = (headers or {})[issue.field]
    return log
