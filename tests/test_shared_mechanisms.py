"""The small mechanisms in core that every kind uses, each once: one spelling for names that
differ in width, case or spaces; number settings typed as text; figures shown with the
decimals that keep them on their side of a threshold; ranges of weekdays."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from opsbook.core.setting_numbers import typed_number
from opsbook.core.spelling import one_spelling, spellings


def test_the_spelling_most_use_wins_whatever_the_order_of_the_rows():
    names = ["sales ", "Sales", "ＳＡＬＥＳ", "Sales", "Ops", None, np.nan, "  "]
    for order in (names, names[::-1], names[2:] + names[:2]):
        got = one_spelling(pd.Series(order, dtype=object))
        assert [g for g in got if g is not None] == [
            {"sales ": "Sales", "Sales": "Sales", "ＳＡＬＥＳ": "Sales", "Ops": "Ops"}[n]
            for n in order if isinstance(n, str) and n.strip()]
        assert got.isna().sum() == 3  # None, NaN and a blank of spaces stay blank


def test_a_tie_takes_the_first_spelling_in_sort_order_and_keeps_the_index():
    names = pd.Series(["sales", "Sales"], index=[7, 3], dtype=object)
    assert spellings(names) == {"sales": "Sales"}
    assert one_spelling(names).to_dict() == {7: "Sales", 3: "Sales"}


def test_a_name_the_given_spellings_do_not_know_stays_as_typed():
    assert one_spelling(pd.Series(["Legal"]), {"sales": "Sales"}).tolist() == ["Legal"]


@pytest.mark.parametrize(("units", "typed", "read"), [
    ((), "１００", 100), ((), "1,000", 1000), ((), "-5", -5), ((), "2.5", 2.5),
    ((), "2人", "2人"), ((), "50%", "50%"), (("minutes",), "10分钟", 10),
    (("minutes",), "60 min", 60), (("minutes",), "4小时", "4小时"), (("hours",), "4 h", 4),
    (("hours",), "1.5个小时", 1.5), (("days",), "1天", 1), (("times",), "3次", 3),
    (("times",), 3, 3), ((), "", ""),
])
def test_a_number_setting_typed_as_text_is_read_with_its_own_unit_only(units, typed, read):
    got = typed_number(units)(typed)
    assert got == read and type(got) is type(read)


def test_a_figure_is_shown_with_the_decimals_that_keep_it_on_its_side_of_a_limit():
    from opsbook.core.shown import MOST_DECIMALS, decimals, half_up

    assert str(half_up(89.995)) == "90.00" and str(half_up(0.625)) == "0.63"
    assert str(half_up(0.145, 0, scale=100)) == "15" and str(half_up(-0.001)) == "0.00"
    # 0.3 / 0.8 is 0.37499999999999994 in binary: Excel shows its 15 digits, 0.375, as 38 %
    assert str(half_up(0.3 / 0.8, 0, scale=100)) == "38"
    assert str(half_up(1.005 * 1000, 0)) == "1005" and str(half_up(2.675, 2)) == "2.68"
    assert decimals([89.995, 75.0, None, "—"], [90.0, 80.0], 2) == 3   # an A is no "90.00"
    assert decimals([0.8999], [0.9], 2) == 4                          # a red SPI no "0.90"
    assert decimals([0.9544], [0.954], 2) == 3                        # reaches 0.954
    assert decimals([0.996], [1.0], 0, scale=100) == 1                # 99.6 %, not 100 %
    assert decimals([90.0, 91.5], [90.0], 2) == 2                     # nothing to widen
    assert decimals([89.99999999], [90.0], 2) == MOST_DECIMALS        # at most six


@pytest.mark.parametrize(("typed", "days"), [
    ("Monday to Friday", {0, 1, 2, 3, 4}), ("Mon through Fri", {0, 1, 2, 3, 4}),
    ("mon thru sat", {0, 1, 2, 3, 4, 5}), ("Sat TO Mon", {5, 6, 0}),
    ("周一至周五", {0, 1, 2, 3, 4}), ("Mon-Fri, Sun", {0, 1, 2, 3, 4, 6}),
])
def test_work_days_are_read_as_people_write_a_range_of_weekdays(typed, days):
    from opsbook.core.weekdays import weekdays

    assert weekdays(typed) == frozenset(days)
