"""Two textbook earned-value exercises reproduced to the cent through real trackers, run as
the README says (``opsbook project status TRACKER -o OUT``), read back from the cells of the
status workbook, in English and in Chinese, under each ``eac_method``: the EAC it names
drives ETC and VAC, and the Status sheet names it.

1. Schwalbe, *Information Technology Project Management*, chapter 7 exercise: a six-month
   project of BAC $200,000, three months in: PV $120,000, EV $100,000, AC $90,000. By hand:
   CV 10,000; SV −20,000; CPI 100/90 = 1.11; SPI 100/120 = 0.83; EAC = BAC/CPI = 180,000.00
   (CPI is 10/9 exactly; dividing by a rounded 1.11 would give 180,180.18);
   EAC = AC + (BAC − EV) = 190,000.00; EAC = AC + (BAC − EV)/(CPI × SPI) = 90,000 +
   100,000 / (25/27) = 198,000.00; TCPI = 100,000 / 110,000 = 0.91.
   Here: task 1 (100,000, done, 90,000 spent) and task 2 (20,000, not begun) planned over
   the first two weeks, task 3 (80,000) over the next two; the status date is the end of
   the second week.
2. A $200,000 job planned evenly over 20 working days; at the end of day 12 it is 70 % done
   and $130,000 spent. By hand: PV 120,000; EV 140,000; SPI 1.17; CPI 140/130 = 1.08;
   EAC = 200,000 × 130/140 = 185,714.29, ETC 55,714.29, VAC 14,285.71;
   EAC = 130,000 + 60,000 = 190,000.00 (ETC 60,000.00, VAC 10,000.00);
   EAC = 130,000 + 60,000 / (140/130 × 140/120) = 130,000 + 47,755.10 = 177,755.10
   (ETC 47,755.10, VAC 22,244.90); TCPI = 60,000 / 70,000 = 0.86.
"""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from trackers import D, project, task, tracker
from typer.testing import CliRunner

from opsbook.cli import app

METHODS = {"cpi": "BAC/CPI", "remaining": "AC+(BAC−EV)", "cpi_spi": "AC+(BAC−EV)/(CPI·SPI)"}


def _status_row(tmp_path, name, tasks, status_date, method, lang):
    path = tracker(tmp_path / f"{name}.xlsx", [project("P-1", budget=200_000)], tasks,
                   lang=lang, status_date=status_date, eac_method=method)
    out = tmp_path / f"{name}.status.xlsx"
    run = CliRunner().invoke(app, ["project", "status", str(path), "-o", str(out)])
    assert run.exit_code == 0, run.output
    ws = openpyxl.load_workbook(out).worksheets[0]
    return [c.value for c in ws[3]]


def _figures(row):
    """BAC … TCPI of a Status row (columns E to S), money to the cent, indices to two places
    as the cells show them."""
    bac, pv, ev, ac, sv, cv, spi, cpi, e1, e2, e3, used, etc, vac, tcpi = row[4:19]
    money = [round(x, 2) for x in (bac, pv, ev, ac, sv, cv, e1, e2, e3, etc, vac)]
    return money, [round(x, 2) for x in (spi, cpi, tcpi)], used


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("method", "etc", "vac"), [
    ("cpi", 90_000.00, 20_000.00), ("remaining", 100_000.00, 10_000.00),
    ("cpi_spi", 108_000.00, 2_000.00)])
def test_schwalbe_six_month_project(tmp_path, lang, method, etc, vac):
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 13), 100_000, 1.0, 90_000),
             task("2", D(2026, 11, 2), D(2026, 11, 13), 20_000),
             task("3", D(2026, 11, 16), D(2026, 11, 27), 80_000)]
    row = _status_row(tmp_path, "schwalbe", tasks, pd.Timestamp(2026, 11, 13), method, lang)
    money, indices, used = _figures(row)
    assert money == [200_000.00, 120_000.00, 100_000.00, 90_000.00, -20_000.00, 10_000.00,
                     180_000.00, 190_000.00, 198_000.00, etc, vac]
    assert indices == [0.83, 1.11, 0.91]
    assert used == METHODS[method]
    assert row[19] == ("red" if lang == "en" else "红")  # SPI 0.83 below spi_amber 0.9


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("method", "eac", "etc", "vac"), [
    ("cpi", 185_714.29, 55_714.29, 14_285.71), ("remaining", 190_000.00, 60_000.00, 10_000.00),
    ("cpi_spi", 177_755.10, 47_755.10, 22_244.90)])
def test_twenty_day_job_at_day_twelve(tmp_path, lang, method, eac, etc, vac):
    """Mon 2 – Fri 27 November 2026 is 20 working days; Tue 17 November ends day 12."""
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 27), 200_000, 0.7, 130_000)]
    row = _status_row(tmp_path, "job", tasks, pd.Timestamp(2026, 11, 17), method, lang)
    money, indices, used = _figures(row)
    assert money == [200_000.00, 120_000.00, 140_000.00, 130_000.00, 20_000.00, 10_000.00,
                     185_714.29, 190_000.00, 177_755.10, etc, vac]
    assert round(money[6 + list(METHODS).index(method)], 2) == eac  # the EAC named is used
    assert indices == [1.17, 1.08, 0.86]
    assert used == METHODS[method]
    assert row[19] == ("green" if lang == "en" else "绿")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "ETC and VAC use EAC = AC+(BAC−EV) (setting eac_method); amounts in CNY."),
    ("zh", "ETC 与 VAC 按完工估算 AC+(BAC−EV) 计算（设置 eac_method）；金额单位：元（人民币）。")])
def test_the_task_sheet_says_which_eac_its_etc_and_vac_use(tmp_path, lang, said):
    """The Task Earned Value sheet has ETC and VAC but no EAC-method column: the note under
    it names the EAC they use (before, only the Status sheet said it)."""
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 27), 200_000, 0.7, 130_000)]
    _status_row(tmp_path, "job", tasks, pd.Timestamp(2026, 11, 17), "remaining", lang)
    ws = openpyxl.load_workbook(tmp_path / "job.status.xlsx").worksheets[1]
    assert [round(x, 2) for x in [c.value for c in ws[3]][20:22]] == [60_000.00, 10_000.00]
    assert said in [c.value for c in ws["A"]]
