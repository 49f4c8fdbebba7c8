"""The EAC method typed as the status workbook writes it: its "EAC for ETC and VAC" column
says BAC/CPI, AC+(BAC−EV) or AC+(BAC−EV)/(CPI·SPI), and a user who copies that into the
eac_method setting gets that method, not an invalid-setting error."""

from __future__ import annotations

import pytest
from trackers import D, project, status, task, tracker

import opsbook


@pytest.mark.parametrize("typed, method", [
    ("BAC/CPI", "cpi"), ("ＢＡＣ／ＣＰＩ", "cpi"), ("AC+(BAC−EV)", "remaining"),
    ("EAC = AC + (BAC - EV)", "remaining"), ("完工估算 AC+(BAC−EV)", "remaining"),
    ("AC+(BAC−EV)/(CPI·SPI)", "cpi_spi"), ("EAC = AC+(BAC-EV)/(CPI×SPI)", "cpi_spi"),
])
def test_the_method_as_the_status_workbook_names_it(tmp_path, typed, method):
    """One task 2 to 6 November, 1000, half done, 600 spent, as of 4 November (PV 600,
    EV 500): EAC BAC/CPI = 1000 / (5/6) = 1200; AC+(BAC−EV) = 1100; AC+(BAC−EV)/(CPI·SPI)
    = 600 + 500 / (5/6 × 5/6) = 1320. ETC = EAC − AC."""
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 600)],
                   eac_method=typed)
    result, _ = status(path, as_of=D(2026, 11, 4))
    row = result.status.iloc[0]
    assert row["eac_method"] == method
    eac = {"cpi": 1200, "remaining": 1100, "cpi_spi": 1320}[method]
    assert (row["eac"], row["etc"], row["vac"]) == (eac, eac - 600, 1000 - eac)


def test_a_formula_that_is_no_method_is_still_refused(tmp_path):
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 600)],
                   eac_method="BAC/SPI")
    done = opsbook.project_status([path], as_of="2026-11-04")
    assert [(i.code, i.value) for i in done.report.issues if i.severity == "error"] == \
        [("invalid-setting", "BAC/SPI")]
