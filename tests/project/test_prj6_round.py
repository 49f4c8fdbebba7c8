"""Trackers of a portfolio whose later files repeat ids at other rows, a Gantt over two years,
an action on another project's WBS, and the EAC method typed as a person would."""

from __future__ import annotations

import numpy as np
import openpyxl
import pandas as pd
import pytest
from trackers import D, project, status, task, tracker

from opsbook import api
from opsbook.api.common import write_output
from opsbook.project.calculate import calculate
from opsbook.project.gantt import MARK
from opsbook.project.outputs import sheets
from opsbook.project.summary import summary


def _week(pid: str, cost: float = 100.0) -> list[dict]:
    return [task("1", D(2026, 11, 2), D(2026, 11, 6), cost, pid=pid)]


def test_a_repeated_id_drops_only_its_own_row_in_each_later_file(tmp_path) -> None:
    """b.xlsx repeats P-1 at row 5, c.xlsx repeats P-2 at row 4: b's row 4 (P-3) and c's
    row 5 (P-4) are projects of their own and are counted, with their tasks."""
    a = tracker(tmp_path / "a.xlsx", [project("P-1"), project("P-2")],
                _week("P-1") + _week("P-2"))
    b = tracker(tmp_path / "b.xlsx", [project("P-3"), project("P-1")],
                _week("P-3", 300) + _week("P-1"))
    c = tracker(tmp_path / "c.xlsx", [project("P-2"), project("P-4")],
                _week("P-2") + _week("P-4", 700))
    result, issues = status(a, b, c, as_of=D(2026, 11, 30))
    counted = result.status.set_index("project_id")
    assert sorted(counted.index) == ["P-1", "P-2", "P-3", "P-4"]
    assert (counted.loc["P-3", "source"], counted.loc["P-3", "bac"]) == ("b.xlsx", 300.0)
    assert (counted.loc["P-4", "source"], counted.loc["P-4", "bac"]) == ("c.xlsx", 700.0)
    assert (counted.loc["P-1", "source"], counted.loc["P-2", "source"]) == ("a.xlsx", "a.xlsx")
    clashes = sorted((i.file.rsplit("/", 1)[-1], i.row, i.value) for i in issues
                     if i.code == "duplicate-project")
    assert clashes == [("b.xlsx", 5, "P-1"), ("c.xlsx", 4, "P-2")]
    # the status workbook says it too, under the Status table
    assert sheets(result, "en")[0].notes[-1] == (
        "Project IDs repeated in a later file, counted once (the first): P-1 (b.xlsx row 5); "
        "P-2 (c.xlsx row 4).")
    assert sheets(result, "zh")[0].notes[-1] == (
        "项目编号在后面的文件中重复，只计入第一处：P-1（b.xlsx 第 5 行）、P-2（c.xlsx 第 4 行）。")


def test_a_gantt_over_two_years_says_the_year_where_it_changes(tmp_path) -> None:
    path = tracker(tmp_path / "long.xlsx",
                   [project("P-1", start=D(2025, 12, 1), finish=D(2027, 11, 30))],
                   [task("1", D(2025, 12, 1), D(2027, 11, 30), 10000, 0.4, 4000),
                    task("2", D(2026, 11, 18), D(2026, 11, 18), 100)],
                   status_date=D(2026, 11, 25))
    done = api.project_status([path])
    wb = openpyxl.load_workbook(write_output(tmp_path / "status.xlsx", done.sheets))
    gantt = wb["Gantt"]
    weeks = [c.value for c in gantt[2]][7:]
    assert len(weeks) == 105  # 2025-12-01 … the week of 2027-11-29
    assert weeks[:6] == ["2025-12-01", "12-08", "12-15", "12-22", "12-29", "2026-01-05"]
    assert [w for w in weeks if len(w.lstrip("▼")) > 5] == [
        "2025-12-01", "2026-01-05", "2027-01-04"]
    # the status week (Monday 23 November 2026) keeps its mark; a year's week is wide enough
    status_col = weeks.index("▼11-23") + 8
    assert gantt.cell(3, status_col).value == MARK
    letter = openpyxl.utils.get_column_letter
    assert gantt.column_dimensions[letter(8)].width >= 10
    assert gantt.column_dimensions[letter(9)].width < 10
    # a span within one year keeps MM-DD headers only
    short = tracker(tmp_path / "short.xlsx", [project()],
                    [task("1", D(2026, 11, 2), D(2026, 11, 13), 100)],
                    status_date=D(2026, 11, 4))
    sheet = api.project_status([short]).sheets[-1]
    assert sheet.headers[7:] == ["▼11-02", "11-09"]


def test_an_action_on_another_projects_wbs_is_a_located_warning(tmp_path) -> None:
    actions = [{"action_id": "A1", "project_id": "P-1", "task_id": "2.1", "deviation": "late",
                "action": "fix", "owner": "Cat", "due": D(2026, 12, 20), "status": "open"},
               {"action_id": "A2", "project_id": "P-1", "task_id": "1.1", "deviation": "late",
                "action": "fix", "owner": "Cat", "due": D(2026, 12, 20), "status": "open"}]
    for lang, words in (("en", "WBS 2.1 is a task of project P-2 only, not of P-1"),
                        ("zh", "任务编号 2.1 属于项目 P-2，不属于项目 P-1：")):
        path = tracker(tmp_path / f"t-{lang}.xlsx", [project("P-1"), project("P-2")],
                       [task("1.1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, pid="P-1"),
                        task("2.1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, pid="P-2")],
                       actions=actions, lang=lang, status_date=D(2026, 11, 30))
        report = api.validate(path)
        found = [i for i in report.issues if i.code == "action-task-other-project"]
        assert len(found) == 1 and found[0].severity == "warning"
        assert (found[0].row, found[0].value) == (4, "2.1")  # A1's WBS cell; A2 is P-1's own
        assert words in found[0].message(lang)
        assert not [i for i in report.issues if i.code == "unknown-reference"]


def test_eac_method_typed_with_a_space_or_a_full_width_dash(tmp_path) -> None:
    """BAC 10 000, PV 6 250, EV 4 000, AC 4 500: EAC = 4 500 + 6 000 / (0.64 × 0.888…)
    = 15 046.875, ETC 10 546.875, VAC −5 046.875."""
    for typed in ("cpi spi", "CPI－SPI"):
        path = tracker(tmp_path / "eac.xlsx", [project()],
                       [task("1", D(2026, 11, 2), D(2026, 11, 11), 10000, 0.4, 4500)],
                       status_date=D(2026, 11, 6), eac_method=typed)
        result, _ = status(path)
        row = result.status.iloc[0]
        assert (row["pv"], row["spi"], row["eac_method"]) == (6250.0, 0.64, "cpi_spi")
        assert (row["eac"], row["etc"], row["vac"]) == (15046.875, 10546.875, -5046.875)


def test_the_same_day_from_settings_and_from_today_is_said_per_file(tmp_path) -> None:
    """One tracker sets 2026-11-30, the other none, run on 2026-11-30: the titles and the
    headline say where the day came from for each file, not the first file's way for all."""
    rows = [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5)]
    a = tracker(tmp_path / "a.xlsx", [project("P-1")], rows, status_date=D(2026, 11, 30))
    b = tracker(tmp_path / "b.xlsx", [project("P-2")],
                [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, pid="P-2")], lang="zh")
    books = [api.load(p, "project") for p in (a, b)]
    for lang, said in (
            ("en", "as of 2026-11-30: from Settings (a.xlsx), today: no status date was given "
                   "(b.xlsx)"),
            ("zh", "状态日期 2026-11-30：取自设置（a.xlsx），今天：未指定状态日期（b.xlsx）")):
        done = calculate(books, today=D(2026, 11, 30), lang=lang)
        assert done.headline.endswith(said)
        titles = [sheet.title for sheet in done.sheets]
        assert all("b.xlsx" in t for n, t in enumerate(titles) if n != 4), titles  # not risks
    one = calculate(books[:1], lang="en")
    assert [s.title for s in one.sheets][3] == "Phase gates, as of 2026-11-30 (from Settings)"
    assert "; as of 2026-11-30 (from Settings)" in [s.title for s in one.sheets][5]


def test_a_status_date_refused_measures_no_actual_date(tmp_path) -> None:
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5)],
                   status_date="1899-12-31")
    codes = [(i.code, i.severity) for i in api.validate(path).issues]
    assert ("invalid-setting", "error") in codes
    assert "actual-after-status-date" not in [c for c, _ in codes]


def test_no_forecast_overrun_is_reported_when_no_vac_can_be_computed(tmp_path) -> None:
    """Nothing spent and nothing earned (VAC blank everywhere): the report names no project
    as over budget — it listed 'nan (nan)' once per project."""
    path = tracker(tmp_path / "t.xlsx", [project("P-1"), project("P-2", name="Empty")],
                   [task("1", D(2026, 11, 2), D(2026, 11, 11), 1000)],
                   status_date=D(2026, 11, 6))
    result, _ = status(path)
    assert result.status["vac"].isna().all()
    for lang in ("en", "zh"):
        report = summary(result, lang)
        assert "over-budget" not in [f.topic for f in report.findings]
        assert not any("nan" in f.text + f.action for f in report.findings)
        # no project has a VAC: the total is blank, not 0 (nothing says "on budget")
        totals = {f.label: f.value for f in report.figures}
        assert totals["Total VAC" if lang == "en" else "完工偏差合计"] is None
        assert totals["Total BAC" if lang == "en" else "完工预算合计"] == 1000.0
    # one project over budget among blanks: only it is named, with its VAC
    over = tracker(tmp_path / "over.xlsx", [project("P-1"), project("P-2", name="Empty")],
                   [task("1", D(2026, 11, 2), D(2026, 11, 11), 1000, 0.5, 600)],
                   status_date=D(2026, 11, 6))
    found = [f for f in summary(status(over)[0], "en").findings if f.topic == "over-budget"]
    assert [(f.text, f.names) for f in found] == [
        ("Forecast over budget (VAC < 0): Project P-1 (-200).", ("Project P-1",))]


def test_trackers_taken_at_different_dates_are_said_so(tmp_path) -> None:
    """Sheets without a Status Date column point to the Status sheet's; the report's method
    says each tracker is taken at its own date instead of giving the latest for all."""
    a = tracker(tmp_path / "a.xlsx", [project("P-1")],
                [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5)],
                status_date=D(2026, 11, 6))
    b = tracker(tmp_path / "b.xlsx", [project("P-2")],
                [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, pid="P-2")],
                status_date=D(2026, 11, 30))
    result, _ = status(a, b)
    en, zh = sheets(result, "en"), sheets(result, "zh")
    assert en[1].title == ("Earned value by task, status dates differ by file (see Status "
                           "Date on the Status sheet)")
    assert en[2].title.startswith("Deviations and corrective actions, status dates differ by "
                                  "file (see Status Date on the Status sheet): 3 deviation(s)")
    assert zh[3].title == "阶段检查（各文件状态日期不同，见“项目状态”表的“状态日期”列）"
    assert en[0].headers[:2] == ["File", "Status Date"]
    assert summary(result, "en").method[0].startswith(
        "2 project(s) and 2 task(s); earned value as of each tracker's own status date "
        "(2026-11-06 to 2026-11-30):")
    assert "挣值按各跟踪表各自的状态日期（2026-11-06 至 2026-11-30）计算" in \
        summary(result, "zh").method[0]


def test_a_tracker_without_risks_says_so_beside_the_empty_heat_map(tmp_path) -> None:
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5)],
                   status_date=D(2026, 11, 30), lang="zh")
    done = api.project_status([path])
    wb = openpyxl.load_workbook(write_output(tmp_path / "status.xlsx", done.sheets))
    risks = wb["风险矩阵"]
    assert risks["A3"].value == "没有风险。"
    assert [risks.cell(r, 14).value for r in range(3, 8)] == [5, 4, 3, 2, 1]  # heat map kept


def test_as_of_from_a_pandas_column(tmp_path) -> None:
    """A day taken from a pandas column (numpy datetime64, its hour dropped) is a status
    date; NaT is refused as no date (it was a TypeError)."""
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 11), 10000, 0.4, 4500)])
    done = api.project_status([path], as_of=np.datetime64("2026-11-06T15:00"))
    row = done.result.status.iloc[0]
    assert (row["pv"], row["spi"]) == (6250.0, 0.64)
    assert done.result.config["status_from"].tolist() == ["command"]
    for missing in (pd.NaT, np.datetime64("NaT")):
        with pytest.raises(ValueError, match="--as-of must be a date"):
            api.project_status([path], as_of=missing)


def _mon_tue_thu(tmp_path, method: str = "cpi"):
    """Worked by hand on a Monday-Tuesday-Thursday week. A: 2–13 Nov 2026, 1 000, 40 %,
    AC 500 (working days 2, 3, 5, 9, 10, 12); B: 9–13 Nov, 600, not started (9, 10, 12);
    C: 2–6 Nov, a milestone at no cost, done 6 Nov with AC 50."""
    return tracker(tmp_path / f"week-{method}.xlsx",
                   [project(start=D(2026, 11, 2), finish=D(2026, 11, 13))],
                   [task("A", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.4, 500),
                    task("B", D(2026, 11, 9), D(2026, 11, 13), 600),
                    task("C", D(2026, 11, 2), D(2026, 11, 6), 0, 1.0, 50,
                         actual_finish=pd.Timestamp(2026, 11, 6))],
                   work_days="Mon,Tue,Thu", status_date=D(2026, 11, 7), eac_method=method)


def test_a_custom_working_week_worked_by_hand_to_the_cent(tmp_path) -> None:
    """Status date Saturday 7 Nov: A has had 3 of its 6 days (PV 500), B none, C none to
    earn. BAC 1 600, PV 500, EV 400, AC 550: SPI 0.8, CPI 0.727…, EAC 2 200 | 1 750 |
    550 + 1 200 / (0.8 × 0.727…) = 2 612.50, TCPI 1 200 / 1 050."""
    expected_etc_vac = {"cpi": (1650.0, -600.0), "remaining": (1200.0, -150.0),
                        "cpi_spi": (2062.5, -1012.5)}
    for method, (etc, vac) in expected_etc_vac.items():
        result, _ = status(_mon_tue_thu(tmp_path, method))
        p = result.status.iloc[0]
        assert [p[k] for k in ("bac", "pv", "ev", "ac", "sv", "cv")] == [
            1600.0, 500.0, 400.0, 550.0, -100.0, -150.0]
        assert (round(p["spi"], 2), round(p["cpi"], 6)) == (0.8, 0.727273)
        assert [round(p[k], 2) for k in ("eac_cpi", "eac_remaining", "eac_cpi_spi")] == [
            2200.0, 1750.0, 2612.5]
        assert (round(p["etc"], 2), round(p["vac"], 2)) == (etc, vac)
        assert (round(p["tcpi"], 6), p["rag"], p["percent_complete"]) == (1.142857, "red", 0.25)
        # 11 planned days / SPI 0.8 = 13.75 → 14 days after 2 Nov
        assert p["forecast_finish"] == pd.Timestamp(2026, 11, 16)
        t = result.tasks.set_index("task_id")
        assert t["pv"].tolist() == [500.0, 0.0, 0.0] and t["ev"].tolist() == [400.0, 0.0, 0.0]
        assert (t["sv"] == t["ev"] - t["pv"]).all() and (t["cv"] == t["ev"] - t["ac"]).all()
    path = _mon_tue_thu(tmp_path)
    by_day = {D(2026, 10, 30): (0.0, 0.0, 0.0),          # before any start
              D(2026, 11, 2): (1000 / 6, 0.0, 0.0),      # on the planned start: 1 of 6 days
              D(2026, 11, 13): (1000.0, 600.0, 0.0),     # on the planned finish (a Friday)
              D(2026, 12, 1): (1000.0, 600.0, 0.0)}      # after every finish
    for day, pvs in by_day.items():
        result, _ = status(path, as_of=day)
        t = result.tasks.set_index("task_id")
        assert [round(v, 9) for v in t["pv"]] == [round(v, 9) for v in pvs], day
        assert result.status["pv"].iloc[0] == round(sum(pvs), 9)
    early, _ = status(path, as_of=D(2026, 10, 30))
    p = early.status.iloc[0]
    assert pd.isna(p["spi"]) and p["rag"] == "red"  # CPI alone (0.73) decides
    assert "no-pv" in p["notes"].split()


def test_risks_of_several_trackers_name_their_file(tmp_path) -> None:
    """R-1 in two files: the Risk Matrix leads with the file, the heat map one column on."""
    def risk(pid: str) -> dict:
        return {"risk_id": "R-1", "project_id": pid, "description": "d", "probability": 4,
                "impact": 5, "owner": "o", "mitigation": "m", "status": "open"}

    a = tracker(tmp_path / "a.xlsx", [project("P-1")], _week("P-1"), risks=[risk("P-1")])
    b = tracker(tmp_path / "b.xlsx", [project("P-2")], _week("P-2"), risks=[risk("P-2")])
    done = api.project_status([a, b], as_of="2026-11-30")
    wb = openpyxl.load_workbook(write_output(tmp_path / "status.xlsx", done.sheets))
    risks = wb["Risk Matrix"]
    headers = [c.value for c in risks[2]]
    assert headers[:5] == ["File", "Rank", "Project ID", "Project", "Risk ID"]
    assert [risks.cell(r, 1).value for r in (3, 4)] == ["a.xlsx", "b.xlsx"]
    corner = headers.index("Probability ↓ Impact →") + 1
    assert corner == 15 and risks.cell(4, corner + 5).value == 2  # P4 × I5: both risks
    assert risks.auto_filter.ref == "A2:M8"  # the list and the heat map's rows, not its columns


def test_a_report_without_a_status_date_says_it_is_as_of_today(tmp_path) -> None:
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5)])
    result, _ = status(path, today=D(2026, 11, 30))
    assert summary(result, "en").method[0].startswith(
        "1 project(s) and 1 task(s); earned value as of 2026-11-30 (today: no status date was "
        "given): PV")
    zh = summary(result, "zh").method[0]
    assert "挣值按状态日期 2026-11-30（今天：未指定状态日期）计算" in zh
