"""The status workbook as a user opens it: sheets, words, fills, notes; the command; a render."""

from __future__ import annotations

import math
import os
import shutil
import signal
import subprocess

import openpyxl
import pytest
from conftest import run_cli
from trackers import D, project, task, tracker

from opsbook import api
from opsbook.api.common import write_output

STATUS = D(2026, 11, 18)  # a Wednesday; its week starts Monday 16 November


def _tracker(path, lang="en", **settings):
    tasks = [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 400),  # two weeks, late
             task("2", D(2026, 11, 16), D(2026, 11, 27), 1000),  # nothing done nor spent
             task("3", D(2026, 11, 30), D(2026, 12, 4), 500)]  # not begun
    risks = [{"risk_id": "R-1", "project_id": "P-1", "description": "d", "probability": 4,
              "impact": 5, "owner": "o", "mitigation": "m", "status": "open"}]
    return tracker(path, [project()], tasks, risks=risks, lang=lang,
                   **({"status_date": STATUS} | settings))


def _values(ws) -> list[list]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def _fill(ws, ref: str) -> str:
    return ws[ref].fill.start_color.rgb[-6:] if ws[ref].fill.fill_type == "solid" else ""


def test_status_workbook_in_english(tmp_path) -> None:
    done = api.project_status([_tracker(tmp_path / "t.xlsx")])
    out = write_output(tmp_path / "status.xlsx", done.sheets)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Status", "Task Earned Value", "Deviations", "Gates",
                             "Risk Matrix", "Gantt"]
    status = wb["Status"]
    assert status["A1"].value == "Project status, as of 2026-11-18 (from Settings)"
    headers = [c.value for c in status[2]]
    row = dict(zip(headers, [c.value for c in status[3]]))
    # PV: task 1 in full (1000) + task 2 Mon–Wed, 3 of 10 working days (300)
    assert (row["BAC"], row["PV"], row["EV"], row["AC"]) == (2500, 1300, 500, 400)
    assert row["SPI"] == pytest.approx(500 / 1300) and row["CPI"] == 1.25
    assert row["RAG"] == "red" and _fill(status, f"{_col(headers, 'RAG')}3") == "FFC7CE"
    assert row["% Complete"] == 0.2 and row["Overdue Tasks"] == 1
    assert (row["Open Risks"], row["Highest Risk Score"]) == (1, 20)
    assert row["Every Deviation Has an Action"] == "no"
    tasks = wb["Task Earned Value"]
    theads = [c.value for c in tasks[2]]
    second = dict(zip(theads, [c.value for c in tasks[4]]))
    assert second["CPI"] is None and second["EAC = BAC/CPI"] is None
    assert "CPI blank: no actual cost recorded" in second["Notes"]
    third = dict(zip(theads, [c.value for c in tasks[5]]))
    assert third["SPI"] is None and third["RAG"] is None
    assert "SPI blank" in third["Notes"] and "RAG blank" in third["Notes"]
    for ws in wb:
        for line in _values(ws):
            for value in line:
                assert not (isinstance(value, float) and (math.isnan(value) or
                                                           math.isinf(value)))
                assert str(value).lower() not in ("nan", "inf", "-inf", "nat", "#div/0!")


def _col(headers: list, name: str) -> str:
    return openpyxl.utils.get_column_letter(headers.index(name) + 1)


def test_gantt_and_heat_map_are_drawn_in_cells(tmp_path) -> None:
    done = api.project_status([_tracker(tmp_path / "t.xlsx")])
    wb = openpyxl.load_workbook(write_output(tmp_path / "status.xlsx", done.sheets))
    gantt = wb["Gantt"]
    headers = [c.value for c in gantt[2]]
    weeks = headers[7:]
    assert weeks == ["11-02", "11-09", "▼11-16", "11-23", "11-30"]  # the status week
    first = 8  # column H is the week of 2 November
    letter = openpyxl.utils.get_column_letter
    # task 1: two weeks planned, half done → one dark week, one light; late in the status week
    assert [_fill(gantt, f"{letter(first + w)}3") for w in range(5)] == [
        "2F5597", "BDD7EE", "F8696B", "", ""]
    # task 2: planned over the status week and the next; task 3 only gets the status mark
    assert [_fill(gantt, f"{letter(first + w)}4") for w in range(5)] == [
        "", "", "BDD7EE", "BDD7EE", ""]
    assert [_fill(gantt, f"{letter(first + w)}5") for w in range(5)] == [
        "", "", "FFE699", "", "BDD7EE"]
    # every task's row marks the status week, over its bar too
    assert [gantt[f"{letter(first + 2)}{r}"].value for r in (3, 4, 5)] == ["│"] * 3
    assert gantt[f"{letter(first + 1)}3"].value is None
    assert gantt.freeze_panes == "D3"
    risks = wb["Risk Matrix"]
    grid = {(r, c): risks.cell(row=r, column=c) for r in range(3, 8) for c in range(15, 20)}
    # rows: probability 5 … 1; columns: impact 1 … 5 — the risk is at P4 × I5
    assert grid[(4, 19)].value == 1 and _fill(risks, grid[(4, 19)].coordinate) == "F8696B"
    assert sum(1 for cell in grid.values() if cell.value) == 1
    assert _fill(risks, grid[(7, 15)].coordinate) == "C6EFCE"  # P1 × I1: low
    # the filter covers the risk list only: sorting it never moves the heat map
    assert risks.auto_filter.ref == "A2:L8"  # columns A–L; the heat map is in O–S
    assert gantt.auto_filter.ref.startswith("A2:")


def test_status_workbook_in_chinese(tmp_path) -> None:
    done = api.project_status([_tracker(tmp_path / "t.xlsx", lang="zh")])
    wb = openpyxl.load_workbook(write_output(tmp_path / "status.xlsx", done.sheets))
    assert wb.sheetnames == ["项目状态", "任务挣值", "偏差与纠正", "阶段检查", "风险矩阵", "甘特图"]
    assert wb["项目状态"]["A1"].value == "项目状态（状态日期 2026-11-18，取自设置）"
    rows = _values(wb["偏差与纠正"])
    assert [row[4] for row in rows[2:4]] == ["项目红灯", "任务超过计划完成日期"]
    assert rows[4][0] is None and rows[5][0].startswith("偏差：")
    assert done.headline.startswith("1 个项目：绿 0，黄 0，红 1；2 项偏差无纠正措施")


def test_command_line(tmp_path) -> None:
    folder = tmp_path / "trackers"
    folder.mkdir()
    _tracker(folder / "a.xlsx")
    tracker(folder / "b.xlsx", [project("P-1")], [task("1", D(2026, 11, 2), D(2026, 11, 6),
                                                       10)])
    done = run_cli("project", "status", folder, "--as-of", "2026-11-20", "-o",
                   tmp_path / "out.xlsx")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "as of 2026-11-20 (given for this run)" in done.stdout
    assert "b.xlsx" in done.stdout and "[duplicate-project]" in done.stdout
    assert "Projects!A4" in done.stdout
    status = openpyxl.load_workbook(tmp_path / "out.xlsx")["Status"]
    assert (status["A2"].value, status["A3"].value, status["A4"].value) == ("File", "a.xlsx",
                                                                           None)
    alone = run_cli("project", "status", folder / "a.xlsx", "-o", tmp_path / "one.xlsx")
    assert alone.returncode == 0 and "as of 2026-11-18 (from Settings)" in alone.stdout


def test_calculate_button_path_draws_the_gantt(tmp_path) -> None:
    path = _tracker(tmp_path / "t.xlsx")
    report, _lines = api.calculate(path, tmp_path / "calculated.xlsx")
    assert report.valid
    wb = openpyxl.load_workbook(tmp_path / "calculated.xlsx")
    assert {"Projects", "Tasks", "Risks", "Status", "Gantt", "Risk Matrix"} <= set(wb.sheetnames)
    assert _fill(wb["Gantt"], "H3") == "2F5597"


def test_an_empty_tracker_gives_sheets_that_say_so(tmp_path) -> None:
    path = tracker(tmp_path / "empty.xlsx", [], [])
    done = api.project_status([path], as_of=D(2026, 11, 20))
    assert done.computed and done.headline.startswith("0 project(s)")
    wb = openpyxl.load_workbook(write_output(tmp_path / "status.xlsx", done.sheets))
    assert wb["Status"]["A3"].value == "No projects."
    assert wb["Gantt"]["A1"].value == "Gantt chart" and wb["Gantt"]["A3"].value == "No tasks."
    assert wb["Deviations"]["A3"].value.startswith("No deviations")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_the_gantt_and_heat_map(tmp_path) -> None:
    done = api.project_status([_tracker(tmp_path / "t.xlsx")])
    out = write_output(tmp_path / "status.xlsx", done.sheets)
    profile = (tmp_path / "lo").as_uri()
    process = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True)
    try:
        process.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "status.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Gantt chart by week, 2026-11-02 – 2026-12-06" in text
    assert "Probability" in text and "open risks per cell" in text
    assert "Light blue: planned" in text
