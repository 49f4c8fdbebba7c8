"""The eac_method setting named in words, in Chinese or English (按CPI计算, 剩余预算, 综合指数,
typical …), is the method it names, not an invalid setting; the EAC, ETC and VAC follow it,
checked by hand on a task half elapsed."""

from __future__ import annotations

import pytest
from trackers import D, project, status, task, tracker

from opsbook.api import load

# one task Mon 2 – Fri 13 Nov (10 working days), 10,000, 40 % done, AC 5,000; as of Fri 6 Nov
# PV 5,000, EV 4,000: CPI = SPI = 0.8. EAC = 10,000 / 0.8 = 12,500; 5,000 + 6,000 = 11,000;
# 5,000 + 6,000 / 0.64 = 14,375. ETC = EAC − 5,000; VAC = 10,000 − EAC.
BY_METHOD = {"cpi": (12500, 7500, -2500), "remaining": (11000, 6000, -1000),
             "cpi_spi": (14375, 9375, -4375)}


@pytest.mark.parametrize(("typed", "method"), [
    ("按CPI计算", "cpi"), ("CPI法", "cpi"), ("成本绩效指数", "cpi"), ("典型偏差", "cpi"),
    ("Typical", "cpi"), ("剩余预算", "remaining"), ("按预算", "remaining"),
    ("非典型偏差", "remaining"), ("atypical", "remaining"), ("综合指数", "cpi_spi"),
    ("CPI 和 SPI", "cpi_spi"), ("ＣＰＩ与ＳＰＩ法", "cpi_spi"), ("进度与成本", "cpi_spi"),
])
def test_eac_method_in_words(tmp_path, typed, method):
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 10000, 0.4, 5000)],
                   eac_method=typed)
    book = load(path, "project")
    assert [i.code for i in book.issues if i.field == "eac_method"] == []
    assert book.settings.eac_method == method
    result, _ = status(path, as_of=D(2026, 11, 6))
    row = result.status.iloc[0]
    assert (row["eac"], row["etc"], row["vac"]) == BY_METHOD[method]


def test_a_word_that_names_no_method_is_still_refused(tmp_path):
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 10000, 0.4, 5000)],
                   eac_method="按感觉")
    issue = next(i for i in load(path, "project").issues if i.field == "eac_method")
    assert issue.code == "invalid-setting" and issue.severity == "error"
    assert "按感觉" in issue.message("zh") and "cpi、remaining、cpi_spi" in issue.message("zh")
