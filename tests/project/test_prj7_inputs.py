"""Inputs as people type them and texts as they read: eac_method written as its formula,
and a task's notes in Chinese joined as Chinese sentences are."""

from __future__ import annotations

import openpyxl
import pytest
from trackers import D, project, task, tracker

import opsbook
from opsbook.api.common import write_output


@pytest.mark.parametrize("typed", ["CPI×SPI", "cpi * spi", "CPI·SPI", "Cpi＊Spi"])
def test_eac_method_written_as_its_formula(tmp_path, typed):
    """EV 500, AC 400, PV 300 (as of Wed 4 November, 3 of 10 days of 1,000): CPI 1.25,
    SPI 5/3; EAC = 400 + (1000 − 500) / (1.25 × 5/3) = 640, VAC 360."""
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 400)],
                   status_date=D(2026, 11, 4), eac_method=typed)
    assert not [i for i in opsbook.validate(path).issues if i.severity == "error"]
    row = opsbook.project_status([path]).result.status.iloc[0]
    assert row["eac_method"] == "cpi_spi"
    assert (row["eac"], row["vac"]) == (pytest.approx(640.0), pytest.approx(360.0))


def test_a_task_s_chinese_notes_follow_one_another_without_a_space(tmp_path):
    """A task not started and with no cost yet: two notes (CPI blank; nothing earned), in
    Chinese one after the other as 。 ends the first — no space between them."""
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000)], lang="zh",
                   status_date=D(2026, 11, 4))
    assert "CPI 空白：未记录实际成本（AC = 0），需除以 CPI 的完工估算也空白。尚无挣值" in \
        _note(tmp_path, path, "zh")
    assert "are blank too. Nothing earned yet" in _note(tmp_path, path, "en")


def _note(tmp_path, path, lang):
    """The first task's Notes cell of the status workbook written in ``lang``."""
    out = tmp_path / f"status.{lang}.xlsx"
    done = opsbook.project_status([path], lang=lang)
    write_output(out, done.sheets)
    sheet = openpyxl.load_workbook(out)[done.sheets[1].name]
    headers = [c.value for c in sheet[2]]
    return sheet.cell(3, headers.index("说明" if lang == "zh" else "Notes") + 1).value
