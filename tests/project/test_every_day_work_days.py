"""A work_days setting that says every day (每天, 全周, daily): PV is spread over all seven
days of the week, in the project tracker and in attendance alike."""

from __future__ import annotations

import pytest
from trackers import D, project, status, task, tracker

from opsbook.attendance.policy import parse_work_days
from opsbook.project.workdays import weekmask


@pytest.mark.parametrize("text", ["每天", "每日", "全周", "全年无休", "Daily", "every  day",
                                  "ＤＡＩＬＹ"])
def test_every_day_is_all_seven(text):
    assert parse_work_days(text) == frozenset(range(7))
    assert weekmask(text) == "1111111"


def test_pv_over_every_day(tmp_path):
    # Mon 2 Nov to Sun 15 Nov: 14 working days when every day is worked; as of Sun 8 Nov,
    # 7 of them have elapsed: PV = 14,000 × 7 / 14 = 7,000 (Mon–Fri would give 5/10 → 5,000)
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 15), 14000, 0.5, 6000)],
                   work_days="每天")
    result, _ = status(path, as_of=D(2026, 11, 8))
    assert result.status.iloc[0]["pv"] == 7000
    assert result.status.iloc[0]["ev"] == 7000
