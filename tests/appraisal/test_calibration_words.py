"""The calibration setting as people write it: Z-score, z score, 标准分 (zscore); 无, 不校准,
Off (none); any other word stays an invalid setting at its cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_rep8_grades_on_scale import write

import opsbook


@pytest.mark.parametrize(("typed", "read"), [
    ("Z-score", "zscore"), ("z score", "zscore"), ("标准分", "zscore"), ("ZSCORE", "zscore"),
    ("无", "none"), ("不校准", "none"), ("Off", "none")])
def test_calibration_words(tmp_path: Path, typed, read):
    path = write(tmp_path / "a.xlsx", "zh", calibration=typed)
    assert opsbook.load(path).settings.calibration == read
    assert not [i for i in opsbook.validate(path).issues if i.field == "calibration"]


def test_another_word_is_still_refused(tmp_path: Path):
    path = write(tmp_path / "a.xlsx", "en", calibration="normalise")
    (issue,) = [i for i in opsbook.validate(path).issues if i.field == "calibration"]
    assert (issue.code, issue.severity, issue.sheet) == ("invalid-setting", "error", "Settings")
