"""``opsbook.batch(..., jobs=N)`` refuses what ``BatchOptions`` refuses (0, a negative
number, text, a bool, a float) rather than quietly running in one process; None is the
machine's cores."""

from __future__ import annotations

import pytest

import opsbook
from opsbook.batch import BatchOptions, BatchProblem


@pytest.mark.parametrize("jobs", [0, -2, "2", True, 2.0])
def test_a_number_of_processes_that_is_none(jobs):
    with pytest.raises(BatchProblem) as refused:
        opsbook.batch(len, ["a", "bb"], jobs=jobs)
    assert "give a whole number, 1 or more" in str(refused.value)
    assert "请给出不小于 1 的整数" in refused.value.zh
    with pytest.raises(BatchProblem) as again:  # the same words as the options give
        BatchOptions(jobs=jobs)
    assert str(again.value) == str(refused.value)


def test_none_is_the_machines_cores():
    assert opsbook.batch(len, ["a", "bb", "ccc"], jobs=None) == [1, 2, 3]
    assert opsbook.batch(len, ["a", "bb"]) == [1, 2]
