"""The README's table of the status workbook against the workbook itself: every column of
each sheet, as headed in English, is named in bold in that sheet's row of the README, in the
order of the sheet; the Chinese workbook has the same columns, headed in Chinese; money,
indices, shares, dates and counts have the units the README gives them."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pandas as pd
from trackers import D, project, task, tracker
from typer.testing import CliRunner

import opsbook
from opsbook.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"
SHEETS = {"Status": "项目状态", "Task Earned Value": "任务挣值", "Deviations": "偏差与纠正",
          "Gates": "阶段检查", "Risk Matrix": "风险矩阵", "Gantt": "甘特图"}
WEEK = re.compile(r"^▼?(\d{4}-)?\d\d-\d\d$")


def _documented(sheet: str) -> list[str]:
    """The names in bold in the README's table row of ``sheet``, in order."""
    rows = [line for line in README.read_text(encoding="utf-8").splitlines()
            if line.startswith(f"| {sheet} {SHEETS[sheet]} |")]
    assert len(rows) == 1, sheet
    return re.findall(r"\*\*(.+?)\*\*", rows[0])


def _headers(path: Path) -> dict[str, list[str]]:
    """Each sheet's header row (row 2), without the heat map beside the risks and the weeks
    of the Gantt chart."""
    book = openpyxl.load_workbook(path)
    out = {}
    for ws in book.worksheets:
        cells = [c.value for c in ws[2]]
        cut = cells.index("") if "" in cells else cells.index(None) if None in cells else None
        cells = cells[:cut]
        out[ws.title] = [c for c in cells if not WEEK.match(str(c))]
    return out


def _status(tmp_path: Path, name: str, *paths: Path, lang: str | None = None) -> Path:
    out = tmp_path / name
    args = ["project", "status", *map(str, paths), "-o", str(out)]
    run = CliRunner().invoke(app, [*args, *(["--lang", lang] if lang else [])])
    assert run.exit_code == 0, run.output
    return out


def test_every_column_is_documented_in_order(tmp_path):
    sample = opsbook.new_workbook("project", "en", tmp_path / "sample.xlsx", sample=True)
    headers = _headers(_status(tmp_path, "one.xlsx", sample))
    assert list(headers) == list(SHEETS)
    for sheet, columns in headers.items():
        named = list(dict.fromkeys(n for n in _documented(sheet) if n in columns))
        assert named == columns, sheet


def test_several_trackers_add_file_first_where_the_readme_says(tmp_path):
    sample = opsbook.new_workbook("project", "en", tmp_path / "a.xlsx", sample=True)
    other = tracker(tmp_path / "b.xlsx", [project("P-9")],
                    [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 500, pid="P-9")],
                    status_date=pd.Timestamp(2026, 11, 20))
    one = _headers(_status(tmp_path, "one.xlsx", sample))
    two = _headers(_status(tmp_path, "two.xlsx", sample, other))
    for sheet in SHEETS:
        if sheet == "Gantt":  # no File column: a project (and its tasks) is in one file
            assert two[sheet] == one[sheet]
        else:
            assert two[sheet] == ["File", *one[sheet]], sheet
            assert "File" in _documented(sheet), sheet


def test_the_chinese_workbook_has_the_same_columns_in_chinese(tmp_path):
    sample = opsbook.new_workbook("project", "zh", tmp_path / "样例.xlsx", sample=True)
    en = _headers(_status(tmp_path, "en.xlsx", sample, lang="en"))
    zh = _headers(_status(tmp_path, "zh.xlsx", sample))
    assert list(zh) == list(SHEETS.values())
    for columns, (name, chinese) in zip(en.values(), zh.items()):
        assert len(chinese) == len(columns), name
        assert all(re.search(r"[\u4e00-\u9fff]", h) for h in chinese), (name, chinese)
    status = dict(zip(en["Status"], zh["项目状态"]))
    assert (status["SPI"], status["EAC for ETC and VAC"], status["RAG"]) == (
        "进度绩效指数（SPI）", "ETC/VAC 所用完工估算", "红黄绿状态")


def test_units_are_those_the_readme_gives(tmp_path):
    """Money #,##0.00 (in the currency the note under the table names), SPI/CPI/TCPI ratios
    at 0.00, % Complete a percentage, dates yyyy-mm-dd, counts whole numbers."""
    sample = opsbook.new_workbook("project", "en", tmp_path / "sample.xlsx", sample=True)
    ws = openpyxl.load_workbook(_status(tmp_path, "one.xlsx", sample))["Status"]
    formats = {c.value: ws.cell(3, c.column).number_format for c in ws[2]}
    money = ["BAC", "PV", "EV", "AC", "SV", "CV", "EAC = BAC/CPI", "EAC = AC+(BAC−EV)",
             "EAC = AC+(BAC−EV)/(CPI·SPI)", "ETC", "VAC"]
    assert {formats[h] for h in money} == {"#,##0.00"}
    assert [formats[h] for h in ("SPI", "CPI", "TCPI")] == ["0.00"] * 3
    assert formats["% Complete"] == "0%"
    assert [formats[h] for h in ("Planned Finish", "Forecast Finish")] == ["yyyy-mm-dd"] * 2
    assert [formats[h] for h in ("Overdue Tasks", "Open Risks", "Highest Risk Score")] == \
        ["0"] * 3
    notes = [c.value for c in ws["A"] if isinstance(c.value, str)]
    assert "ETC and VAC use EAC = BAC/CPI (setting eac_method); amounts in CNY." in notes
