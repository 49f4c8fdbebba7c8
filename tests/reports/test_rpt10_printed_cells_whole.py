"""Printed, a wide table wraps its long text but never breaks a date, a short name or a
word of a few characters over two lines (a PDF showed 2027-01-\\n10 and 宋芳\\n敏)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import opsbook
from opsbook.reports.html import render_html
from opsbook.reports.pdf import NoBrowser


def test_short_cells_are_marked_whole_on_the_page(tmp_path: Path) -> None:
    source = tmp_path / "项目.xlsx"
    opsbook.new_workbook("project", "zh", source, sample=True)
    page = render_html(opsbook.api.summarize(source).summary)
    assert '<td class="word">2027-01-10</td>' in page
    assert '<td class="word">宋芳敏</td>' in page
    assert '<td class="num">460,000</td>' in page
    assert "td.num, td.word { white-space: nowrap; }" in page


@pytest.mark.slow
def test_dates_and_names_are_on_one_line_in_the_pdf(tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    source, pdf = tmp_path / "项目.xlsx", tmp_path / "项目.report.pdf"
    opsbook.new_workbook("project", "zh", source, sample=True)
    try:
        opsbook.build_report(source, pdf)
    except NoBrowser as missing:
        pytest.skip(str(missing))
    layout = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout
    start = layout.index("项目一览")
    rows = [line.split() for line in layout[start:layout.index("发现", start)].splitlines()
            if line.strip().startswith("P-10")]
    assert [row[0] for row in rows] == ["P-101", "P-102", "P-103", "P-104"]
    for whole in ("宋芳敏", "执行", "2027-01-10", "460,000", "473,797"):
        assert whole in rows[0], (whole, rows[0])
