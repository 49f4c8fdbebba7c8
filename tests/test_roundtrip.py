"""A template filled with generated rows reads back exactly through ``opsbook.load``."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import opsbook
from opsbook.api import new_workbook
from opsbook.attendance.schema import LEAVE_TYPES, STATUSES
from opsbook.core.coerce import BLANKS
from opsbook.io.template import HEADER_ROW
from opsbook.project.schema import PHASES

FAST = settings(max_examples=25, deadline=None)
FIRST_ROW = HEADER_ROW + 2  # spreadsheet row of the first data row

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
ideographs = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
word = st.text(st.one_of(ideographs, st.sampled_from(LETTERS)), min_size=1, max_size=6)
names = st.lists(word, min_size=1, max_size=3).map(" ".join).filter(
    lambda s: s.lower() not in BLANKS)
ids = st.one_of(st.from_regex(r"[A-Z]{1,3}-?[0-9]{1,5}", fullmatch=True),
                st.from_regex(r"0[0-9]{2,5}", fullmatch=True))  # leading zeros stay
days = st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31))
times = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59), st.integers(0, 59))
moments = st.builds(dt.datetime.combine, days,
                    st.builds(dt.time, st.integers(0, 23), st.integers(0, 59)))
money = st.integers(0, 10**10).map(lambda cents: cents / 100)
langs = st.sampled_from(["zh", "en"])


@st.composite
def attendance(draw) -> dict[str, pd.DataFrame]:
    people = draw(st.lists(st.tuples(ids, names, names), min_size=1, max_size=12,
                           unique_by=lambda p: p[0]))
    known = [p[0] for p in people]
    n = draw(st.integers(1, 20))
    clock = pd.DataFrame({
        "employee_id": draw(st.lists(st.sampled_from(known), min_size=n, max_size=n)),
        "date": draw(st.lists(days, min_size=n, max_size=n)),
        "check_in": draw(st.lists(st.none() | times, min_size=n, max_size=n)),
        "check_out": draw(st.lists(st.none() | times, min_size=n, max_size=n)),
    })
    m = draw(st.integers(1, 6))
    leave = pd.DataFrame({
        "request_id": [f"L{k:03d}" for k in range(1, m + 1)],
        "employee_id": draw(st.lists(st.sampled_from(known), min_size=m, max_size=m)),
        "leave_type": draw(st.lists(st.sampled_from([c.value for c in LEAVE_TYPES]),
                                    min_size=m, max_size=m)),
        "start": draw(st.lists(moments, min_size=m, max_size=m)),
        "requested_on": draw(st.lists(days, min_size=m, max_size=m)),
        "approved_by": draw(st.lists(st.none() | names, min_size=m, max_size=m)),
        "status": draw(st.lists(st.sampled_from([c.value for c in STATUSES]),
                                min_size=m, max_size=m)),
    })
    leave["end"] = leave["start"] + pd.Timedelta(hours=4)
    employees = pd.DataFrame(people, columns=["employee_id", "name", "department"])
    return {"Employees": employees, "Clock": clock, "Leave": leave}


@st.composite
def project(draw) -> dict[str, pd.DataFrame]:
    n = draw(st.integers(1, 8))
    keys = draw(st.lists(ids, min_size=n, max_size=n, unique=True))
    starts = draw(st.lists(days, min_size=n, max_size=n))
    projects = pd.DataFrame({
        "project_id": keys,
        "name": draw(st.lists(names, min_size=n, max_size=n)),
        "phase": draw(st.lists(st.sampled_from([c.value for c in PHASES]), min_size=n,
                               max_size=n)),
        "start": starts,
        "finish": [s + dt.timedelta(days=d) for s, d in
                   zip(starts, draw(st.lists(st.integers(0, 900), min_size=n, max_size=n)))],
        "budget": draw(st.lists(st.none() | money, min_size=n, max_size=n)),
        "accepted": draw(st.lists(st.booleans(), min_size=n, max_size=n)),
    })
    m = draw(st.integers(1, 15))
    planned = draw(st.lists(days, min_size=m, max_size=m))
    tasks = pd.DataFrame({
        "project_id": draw(st.lists(st.sampled_from(keys), min_size=m, max_size=m)),
        "task_id": [f"{k}.{j}" for k, j in zip(range(1, m + 1), range(m))],
        "name": draw(st.lists(names, min_size=m, max_size=m)),
        "planned_start": planned,
        "planned_finish": [p + dt.timedelta(days=30) for p in planned],
        "percent_complete": draw(st.lists(st.integers(0, 100).map(lambda p: p / 100),
                                          min_size=m, max_size=m)),
        "planned_cost": draw(st.lists(money, min_size=m, max_size=m)),
        "actual_cost": draw(st.lists(st.none() | money, min_size=m, max_size=m)),
    })
    return {"Projects": projects, "Tasks": tasks}


def as_read(series: pd.Series, kind: str) -> list:
    """What the reader should give for a written column, as plain comparable values."""
    if kind in ("date", "datetime"):
        return [None if pd.isna(v) else pd.Timestamp(v) for v in series]
    if kind == "time":
        return [None if v is None else pd.Timedelta(hours=v.hour, minutes=v.minute,
                                                      seconds=v.second) for v in series]
    if kind in ("number", "percent"):
        return [None if pd.isna(v) else float(v) for v in series]
    return [None if v is None or (isinstance(v, float) and pd.isna(v)) else v for v in series]


def plain(series: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in series]


def assert_round_trip(kind: str, lang: str, frames: dict[str, pd.DataFrame]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = new_workbook(kind, lang, Path(folder) / "filled.xlsx", frames=frames)
        book = opsbook.load(path)
        assert book.kind.id == kind
        assert [i for i in book.issues if i.severity != "info"] == []
    for sheet_id, written in frames.items():
        read = book[sheet_id]
        spec = book.kind.sheet(sheet_id)
        assert list(read.index) == list(range(FIRST_ROW, FIRST_ROW + len(written)))
        for column in written.columns:
            assert plain(read[column]) == as_read(written[column], spec.field(column).type), (
                sheet_id, column)


@FAST
@given(attendance(), langs)
def test_attendance_rows_read_back_exactly(frames, lang):
    assert_round_trip("attendance", lang, frames)


@FAST
@given(project(), langs)
def test_project_rows_read_back_exactly(frames, lang):
    assert_round_trip("project", lang, frames)
