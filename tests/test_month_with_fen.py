"""A month as people write it with 月份 (2027年4月份) or a two-digit year (27年4月) is read
as the month it names, for every kind's month setting and column; 27-4 (no 年) stays no
month."""

from __future__ import annotations

import pytest

from opsbook.core.dates import parse_month


@pytest.mark.parametrize(("text", "month"), [
    ("2027年4月份", "2027-04"), ("27年4月", "2027-04"), ("27年4月份", "2027-04"),
    ("２６年１１月", "2026-11"), ("2026 年 11 月份", "2026-11")])
def test_months_with_fen_and_two_digit_years(text, month):
    assert parse_month(text) == month


@pytest.mark.parametrize("text", ["27-4", "27年13月", "4月份", "7年4月"])
def test_still_no_month(text):
    assert parse_month(text) is None
