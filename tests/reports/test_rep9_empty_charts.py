"""A report of a workbook with nothing to plot yet (a blank tracker: no project) has charts
whose data ranges are rows of the Summary sheet, never a range ending above its start
(摘要!$L$4:$L$3, which Excel reads as L3:L4: the header cell as a point)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import run_cli

import opsbook
from opsbook.reports.workbook import EMPTY_CATEGORY

_RANGE = re.compile(r"<c:f>[^<!]*!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?</c:f>")


def chart_ranges(path: Path) -> list[tuple[int, int]]:
    """(first row, last row) of every range a chart of the workbook refers to."""
    found = []
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.startswith("xl/charts/chart") and name.endswith(".xml"):
                for match in _RANGE.finditer(book.read(name).decode("utf-8")):
                    first = int(match.group(2))
                    found.append((first, int(match.group(4) or first)))
    return found


@pytest.mark.parametrize("kind", ["project", "plan", "appraisal"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_range_is_rows_in_order(tmp_path: Path, kind: str, lang: str):
    blank = tmp_path / f"{kind}.xlsx"
    opsbook.new_workbook(kind, lang, blank)
    out = tmp_path / "report.xlsx"
    done = run_cli("report", blank, "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    ranges = chart_ranges(out)
    assert ranges and all(first <= last for first, last in ranges), ranges


def test_the_empty_scatter_has_one_blank_point(tmp_path: Path):
    import openpyxl

    blank = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "en", blank)
    out = tmp_path / "report.xlsx"
    assert run_cli("report", blank, "-o", out).returncode == 0
    with zipfile.ZipFile(out) as book:
        scatter = next(book.read(n).decode("utf-8") for n in book.namelist()
                       if n.startswith("xl/charts/") and "scatterChart" in
                       book.read(n).decode("utf-8"))
    refs = re.findall(r"<c:f>([^<]*)</c:f>", scatter)
    sheet = openpyxl.load_workbook(out)["Summary"]
    cells = [ref.split("!")[1].replace("$", "") for ref in refs[1:]]  # x and y: one cell each
    assert all(":" not in cell for cell in cells)
    assert [sheet[cell].value for cell in cells] == [None, None]
    label = sheet.cell(row=sheet[cells[0]].row, column=sheet[cells[0]].column - 1).value
    assert label == EMPTY_CATEGORY
