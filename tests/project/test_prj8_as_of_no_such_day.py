"""A status date written YYYY-MM-DD that is no day of the calendar (30 February, month 13)
is refused saying so, in both languages, before any file is read."""

from __future__ import annotations

import pytest

import opsbook
from opsbook.api.common import Refused


@pytest.mark.parametrize("as_of", ["2026-02-30", "2026-13-01", "2025-02-29"])
def test_a_date_written_right_that_is_no_day_says_so(tmp_path, as_of):
    with pytest.raises(Refused) as refused:
        opsbook.project_status([tmp_path / "never-read.xlsx"], as_of=as_of)
    assert str(refused.value).endswith(f"(got '{as_of}': no such day)")
    assert refused.value.zh.endswith(f"（当前为“{as_of}”，该日期不存在）。")


def test_a_leap_day_is_a_day(tmp_path):
    """29 February 2028 is a day: it is taken (the file is then found missing, exit 2)."""
    done = opsbook.project_status([tmp_path / "missing.xlsx"], as_of="2028-02-29")
    assert done.exit_code == 2
