"""``opsbook report`` over several workbooks of one kind (files, folders, glob patterns):
one report of them all, read through the shared batch mechanism."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli

import opsbook
from opsbook.api.report import NoReport


def _tracker(path: Path, project: str, seed: int) -> Path:
    """A sample tracker whose projects are renamed ``project``-1, -2 … (ids unique across
    files)."""
    opsbook.new_workbook("project", "en", path, sample=True, seed=seed)
    book = openpyxl.load_workbook(path)
    renamed = {}
    for sheet in book.worksheets:
        header = [c.value for c in sheet[3]]
        if "Project ID" not in header:
            continue
        column = header.index("Project ID") + 1
        for row in range(4, sheet.max_row + 1):
            old = sheet.cell(row, column).value
            if old:
                renamed.setdefault(old, f"{project}-{len(renamed) + 1}")
                sheet.cell(row, column).value = renamed[old]
    book.save(path)
    return path


@pytest.fixture()
def portfolio(tmp_path) -> Path:
    folder = tmp_path / "trackers"
    folder.mkdir()
    _tracker(folder / "north.xlsx", "N", 1)
    _tracker(folder / "south.xlsx", "S", 2)
    return folder


def test_one_report_of_a_folder_of_trackers(portfolio, tmp_path):
    out = tmp_path / "portfolio.html"
    done = run_cli("report", portfolio, "-o", out, "--jobs", "2", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    page = out.read_text(encoding="utf-8")
    assert "N-1" in page and "S-1" in page  # both trackers' projects
    manifest = json.loads((tmp_path / "portfolio.manifest.json").read_text(encoding="utf-8"))
    assert [Path(i["path"]).name for i in manifest["inputs"]] == ["north.xlsx", "south.xlsx"]
    again = run_cli("report", portfolio, "-o", out, "--skip-unchanged", "--quiet")
    assert again.returncode == 0 and "up to date" in again.stderr


def test_workbooks_of_two_kinds_make_no_report(portfolio, tmp_path):
    opsbook.new_workbook("attendance", "zh", portfolio / "attendance.xlsx", sample=True)
    done = run_cli("report", portfolio, "-o", tmp_path / "r.html", "--quiet")
    assert done.returncode == 2
    assert "workbooks of one kind" in done.stderr and "同一类型的工作簿" in done.stderr
    assert not (tmp_path / "r.html").exists()


def test_an_appraisal_report_is_made_from_one_workbook(tmp_path):
    for n in (1, 2):
        opsbook.new_workbook("appraisal", "en", tmp_path / f"a{n}.xlsx", sample=True, seed=n)
    with pytest.raises(NoReport) as refused:
        opsbook.build_report([tmp_path / "a1.xlsx", tmp_path / "a2.xlsx"], tmp_path / "r.html")
    assert "one workbook at a time" in str(refused.value)
    assert "每次只能由一个工作簿生成" in refused.value.zh
