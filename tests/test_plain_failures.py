"""A request the library refuses is one line (exit 2); a ValueError raised inside pandas or
NumPy is a fault and goes on to "could not finish", which keeps its traceback."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from opsbook.api.common import check_lang
from opsbook.cli.common import CannotRun, plain_failures


def test_a_refusal_is_said_in_both_languages():
    with pytest.raises(CannotRun) as said, plain_failures():
        check_lang("fr")
    assert "lang must be 'en' or 'zh'" in str(said.value)


def test_a_value_python_itself_refuses_in_opsbook_code_is_a_refusal():
    with pytest.raises(CannotRun), plain_failures():
        dt.date.fromisoformat("2026-13-01")


@pytest.mark.parametrize("fault", [
    lambda: pd.Series([1, 2], index=["a", "a"]).reindex(["a", "b"]),
    lambda: np.linspace(0, 1, -1),
], ids=["pandas", "numpy"])
def test_a_data_library_fault_is_not_turned_into_a_refusal(fault):
    with pytest.raises(ValueError) as raised, plain_failures():
        fault()
    assert not isinstance(raised.value, CannotRun)
