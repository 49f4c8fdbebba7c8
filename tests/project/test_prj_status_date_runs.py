"""The status date of a run and what it decides: actual dates checked against the date the
status is taken, status dates a workbook can hold, the headline's counts; and the notes of
rows with nothing to earn, said once by their cause."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from conftest import run_cli
from trackers import D, project, status, task, tracker

import opsbook
from opsbook.api.common import Refused, write_output
from opsbook.project.summary import summary

AFTER = "actual-after-status-date"


@pytest.fixture
def finished_on_12th(tmp_path):
    """Settings status date Fri 6 November; the one task finished Thu 12th."""
    rows = [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 1.0, 900,
                 actual_finish=pd.Timestamp(2026, 11, 12))]
    return tracker(tmp_path / "finished-on-12th.xlsx", [project()], rows,
                   status_date=D(2026, 11, 6))


def _after(done) -> list:
    return [i for i in done.report.issues if i.code == AFTER]


def test_actual_dates_are_checked_against_the_status_date_of_the_run(finished_on_12th):
    """--as-of 30 November: a finish on the 12th is no later than the status date, so no
    warning (it said 'after the status date 2026-11-06'); --as-of 3rd: a warning that names
    the 3rd; without --as-of, the Settings date, as validate says."""
    assert not _after(opsbook.project_status([finished_on_12th], as_of="2026-11-30"))
    (early,) = _after(opsbook.project_status([finished_on_12th], as_of=D(2026, 11, 3)))
    assert (early.cell, early.severity) == ("H4", "warning")
    assert "status date 2026-11-03" in early.message("en")
    assert "状态日期 2026-11-03" in early.message("zh")
    (settings,) = _after(opsbook.project_status([finished_on_12th]))
    assert "status date 2026-11-06" in settings.message("en")
    (checked,) = [i for i in opsbook.validate(finished_on_12th).issues if i.code == AFTER]
    assert checked.message("en") == settings.message("en")


def test_the_command_line_says_the_run_and_its_counts(finished_on_12th, tmp_path):
    done = run_cli("project", "status", finished_on_12th, "--as-of", "2026-11-30", "-o",
                   tmp_path / "status.xlsx", "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    assert AFTER not in done.stdout
    assert "1 project(s): 1 green, 0 amber, 0 red; 0 deviation(s) without" in done.stdout
    assert "as of 2026-11-30 (given for this run)" in done.stdout
    title = openpyxl.load_workbook(tmp_path / "status.xlsx")["Status"]["A1"].value
    assert title == "Project status, as of 2026-11-30 (given for this run)"


@pytest.mark.parametrize("as_of", ["9999-12-31", "1899-12-31", dt.date(1, 1, 1),
                                   dt.datetime(2201, 1, 1, 9)])
def test_a_status_date_no_workbook_can_hold_is_refused_before_reading(as_of, tmp_path):
    """9999-12-31 made 'year 10000 is out of range' (English only, from the forecast a day
    later); year 1 was written 'as of 1-01-01'."""
    with pytest.raises(Refused) as refused:
        opsbook.project_status([tmp_path / "not-read.xlsx"], as_of=as_of)
    assert "from 1900-01-01 to 2200-12-31" in str(refused.value)
    assert "1900-01-01 至 2200-12-31 之间" in refused.value.zh


def test_the_command_refuses_a_status_date_out_of_range_in_both_languages(finished_on_12th,
                                                                        tmp_path):
    out = tmp_path / "status.xlsx"
    done = run_cli("project", "status", finished_on_12th, "--as-of", "9999-12-31", "-o", out)
    assert done.returncode == 2 and not out.exists()
    said = done.stdout + done.stderr
    assert "year 10000" not in said and "Traceback" not in said
    assert "from 1900-01-01 to 2200-12-31" in said and "1900-01-01 至 2200-12-31" in said


def test_a_settings_status_date_out_of_range_is_an_error_at_its_cell(tmp_path):
    path = tracker(tmp_path / "far.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 600)],
                   status_date=D(9999, 12, 31))
    (wrong,) = opsbook.validate(path).errors
    assert (wrong.code, wrong.sheet, wrong.cell) == ("invalid-setting", "Settings", "B2")
    assert "9999-12-31 is no status date" in wrong.message("en")
    assert wrong.message("zh").startswith("设置项“status_date”（状态日期）：9999-12-31 不能")
    done = opsbook.project_status([path])
    assert not done.computed


def test_an_amber_threshold_above_green_names_its_chinese_label(tmp_path):
    path = tracker(tmp_path / "amber.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 600)],
                   status_date=D(2026, 11, 6), cpi_amber=1.1)
    (wrong,) = opsbook.validate(path).errors
    assert wrong.message("zh") == "设置项“cpi_amber”（CPI黄灯）：不能高于 cpi_green（1）。"


def _notes(path, lang: str) -> dict[str, str]:
    """Notes of the written Status and Task Earned Value sheets, by project or WBS."""
    done = opsbook.project_status([path], lang=lang)
    wb = openpyxl.load_workbook(write_output(path.with_suffix(f".{lang}.out.xlsx"),
                                             done.sheets))
    out = {}
    for ws, key in ((wb.worksheets[0], 0), (wb.worksheets[1], 1)):
        headers = [c.value for c in ws[2]]
        column = headers.index("Notes" if lang == "en" else "说明")
        for row in ws.iter_rows(min_row=3, values_only=True):
            if row[0] and row[column] is not None:
                out[str(row[key])] = row[column]
    return out


def test_rows_with_nothing_to_earn_say_their_cause_once(tmp_path):
    """A project with no tasks, a project whose only task has no planned cost (blank): no
    'TCPI blank: no budget left to spend' (there never was a budget), no list of blank
    indices: one sentence that says why, in both languages."""
    projects = [project("P-0"), project("P-1", budget=5000)]
    rows = [task("1.1", D(2026, 11, 2), D(2026, 11, 13), 0, 0.5, pid="P-1",
                 planned_cost=None)]
    path = tracker(tmp_path / "nothing-to-earn.xlsx", projects, rows,
                   status_date=D(2026, 11, 6))
    result, _ = status(path)
    codes = result.status.set_index("project_id")["notes"]
    assert {"no-tasks", "budget-spent", "no-rag"} <= set(codes["P-0"].split())
    en, zh = _notes(path, "en"), _notes(path, "zh")
    assert en["P-0"] == "No tasks: nothing to measure, so every figure is 0 or blank."
    assert zh["P-0"] == "没有任务：无法计算挣值，各项指标为 0 或空白。"
    assert en["P-1"].startswith("No planned cost on any task: BAC is 0, so nothing can be")
    assert "Budget 5,000.00 differs" in en["P-1"]
    assert en["1.1"].startswith("Planned cost blank: counted as 0, so nothing can be earned")
    assert zh["1.1"].startswith("计划成本为空：按 0 计，无挣值可计")
    for text in (*en.values(), *zh.values()):
        assert "budget left" not in text and "预算已无剩余" not in text
        assert "RAG blank" not in text and "红黄绿状态空白" not in text


def test_the_report_table_heads_each_projects_bac_as_its_own(tmp_path):
    path = tracker(tmp_path / "one.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 600)],
                   status_date=D(2026, 11, 6))
    result, _ = status(path)
    for lang, head, total in (("en", "BAC", "Total BAC"), ("zh", "完工预算", "完工预算合计")):
        report = summary(result, lang)
        table = report.tables[0]
        assert table.headers[11] == head and 11 in table.confidential
        assert total in {f.label for f in report.figures}  # the sum keeps its own label


def test_skip_unchanged_computes_again_on_another_day(tmp_path):
    """A tracker without a status date is as of today: a run the next day with
    --skip-unchanged is computed again (it said 'up to date', with yesterday's status)."""
    path = tracker(tmp_path / "no-date.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 600)],
                   status_date=None)
    out = tmp_path / "status.xlsx"
    args = ("project", "status", path, "-o", out, "-q", "--skip-unchanged")
    assert run_cli(*args).returncode == 0
    second = run_cli(*args)
    assert "up to date" in second.stdout + second.stderr
    manifest = tmp_path / "status.manifest.json"
    today = dt.date.today().isoformat()
    text = manifest.read_text(encoding="utf-8")
    assert f'"today": "{today}"' in text
    manifest.write_text(text.replace(today, "2000-01-01"), encoding="utf-8")
    again = run_cli(*args)
    assert "up to date" not in again.stdout + again.stderr
    assert f"as of {today} (today: no status date was given)" in again.stdout


def test_no_portfolio_index_over_amounts_in_two_currencies(tmp_path):
    """SPI 0.5 on 10,000 CNY and 1.0 on 1,000 USD: ΣEV/ΣPV (5,500/11,000 = 0.5) weighs
    yuan against dollars; with one currency the portfolio SPI is ΣEV/ΣPV."""
    rows_cny = [task("1", D(2026, 11, 2), D(2026, 11, 6), 10000, 0.5, 5000)]
    rows_usd = [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 1.0, 1000, pid="P-2")]
    cny = tracker(tmp_path / "cny.xlsx", [project()], rows_cny, status_date=D(2026, 11, 6))
    usd = tracker(tmp_path / "usd.xlsx", [project("P-2")], rows_usd,
                  status_date=D(2026, 11, 6), currency="USD")
    both, _ = status(cny, usd)
    for lang, spi, cpi in (("en", "Portfolio SPI", "Portfolio CPI"),
                           ("zh", "整体 SPI", "整体 CPI")):
        report = summary(both, lang)
        values = {f.label: f.value for f in report.figures}
        assert values[spi] is None and values[cpi] is None
    assert any("nor a portfolio SPI or CPI" in line for line in summary(both, "en").method)
    one, _ = status(cny)
    values = {f.label: f.value for f in summary(one, "en").figures}
    assert (values["Portfolio SPI"], values["Portfolio CPI"]) == (0.5, 1.0)
