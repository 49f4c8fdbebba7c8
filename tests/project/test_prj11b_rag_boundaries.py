"""The RAG rule as the README writes it, at each threshold exactly and with one index blank,
through a tracker on disk and the command line, in English and Chinese: red when SPI <
spi_amber or CPI < cpi_amber; green when SPI ≥ spi_green and CPI ≥ cpi_green; amber
otherwise; an index with no basis left out; neither index: blank, with a note. Thresholds
from Settings: spi_green 0.95, spi_amber 0.85, cpi_green 0.97, cpi_amber 0.9."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from trackers import D, project, task, tracker
from typer.testing import CliRunner

from opsbook.cli import app

PAST = (D(2026, 11, 2), D(2026, 11, 6))  # all planned by the status date: PV = 1,000
AHEAD = (D(2026, 11, 9), D(2026, 11, 13))  # nothing planned yet: PV = 0, SPI blank
# project: (task dates, % complete, actual cost) → SPI, CPI, RAG by hand
CASES = {
    "P-1": (PAST, 0.95, 950, 0.95, 1.0, "green"),  # SPI on spi_green
    "P-2": (PAST, 0.85, 850, 0.85, 1.0, "amber"),  # SPI on spi_amber: not red
    "P-3": (PAST, 0.8499, 849.9, 0.8499, 1.0, "red"),  # just below spi_amber
    "P-4": (PAST, 1.0, 1000 / 0.9, 1.0, 0.9, "amber"),  # CPI on cpi_amber
    "P-5": (PAST, 1.0, 1000 / 0.97, 1.0, 0.97, "green"),  # CPI on cpi_green
    "P-6": (PAST, 0.95, 0, 0.95, None, "green"),  # CPI blank (no AC): SPI alone decides
    "P-7": (PAST, 0.9, 0, 0.9, None, "amber"),
    "P-8": (AHEAD, 0.5, 500, None, 1.0, "green"),  # SPI blank (no PV): CPI alone decides
    "P-9": (AHEAD, 0.5, 556, None, 0.899281, "red"),  # 500 / 556 below cpi_amber
    "P-10": (AHEAD, 0.0, 0, None, None, None),  # neither: blank, with a note
}
WORDS = {"en": {"green": "green", "amber": "amber", "red": "red"},
         "zh": {"green": "绿", "amber": "黄", "red": "红"}}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rag_at_each_threshold(tmp_path, lang):
    day = pd.Timestamp(2026, 11, 6)
    tasks = [task("1", *dates, 1000, pct, ac, pid=pid,
                  actual_start=pd.Timestamp(2026, 11, 2) if pct else pd.NaT)
             for pid, (dates, pct, ac, *_) in CASES.items()]
    path = tracker(tmp_path / "t.xlsx", [project(pid) for pid in CASES], tasks, lang=lang,
                   status_date=day, spi_green=0.95, spi_amber=0.85, cpi_green=0.97,
                   cpi_amber=0.9)
    out = tmp_path / "status.xlsx"
    run = CliRunner().invoke(app, ["project", "status", str(path), "-o", str(out)])
    assert run.exit_code == 0, run.output
    ws = openpyxl.load_workbook(out).worksheets[0]
    rows = {r[0]: r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] in CASES}
    for pid, (*_, spi, cpi, colour) in CASES.items():
        got = rows[pid]
        assert (got[10], None if got[11] is None else round(got[11], 6)) == (spi, cpi), pid
        assert got[19] == (WORDS[lang][colour] if colour else None), pid
    notes = {"en": "RAG blank: neither SPI nor CPI has a basis yet.",
             "zh": "红黄绿状态空白：SPI 与 CPI 均无计算依据。"}[lang]
    assert notes in rows["P-10"][27]
    rule = {"en": "RAG: green when SPI ≥ 0.95 and CPI ≥ 0.97; red when SPI < 0.85 or CPI < "
                  "0.90; amber otherwise. An index with no basis is left out.",
            "zh": "红黄绿规则：SPI ≥ 0.95 且 CPI ≥ 0.97 为绿；SPI < 0.85 或 CPI < 0.90 为红；"
                  "其余为黄。无计算依据的指数不参与判断。"}[lang]
    assert rule in [c.value for c in ws["A"]]
    # the same rule per task on the Task Earned Value sheet
    tasks_ws = openpyxl.load_workbook(out).worksheets[1]
    by_task = {r[0]: r[23] for r in tasks_ws.iter_rows(min_row=3, values_only=True)
               if r[0] in CASES}
    assert by_task == {pid: WORDS[lang][c[-1]] if c[-1] else None for pid, c in CASES.items()}
