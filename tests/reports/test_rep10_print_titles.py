"""A printed report keeps each table's title on the page of the table it heads: the sample
appraisal's PDF had 部门统计 alone at the foot of page 2, its table on page 3 (h2 was kept
with what follows, h3 was not)."""

from __future__ import annotations

import re
import subprocess

import pytest

import opsbook
from opsbook.reports.pdf import NoBrowser, find_browser


def page_texts(pdf) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, pages + 1)]


@pytest.mark.slow
def test_every_table_title_is_printed_with_its_table(tmp_path):
    try:
        find_browser()
    except NoBrowser as reason:
        pytest.skip(str(reason))
    book = tmp_path / "appraisal.xlsx"
    opsbook.new_workbook("appraisal", "zh", book, sample=True)
    pdf = tmp_path / "report.pdf"
    built = opsbook.build_report(book, pdf)
    pages = page_texts(pdf)
    titled = 0
    for table in built.summary.tables:
        if not table.rows:
            continue
        titled += 1
        (page,) = [n for n, text in enumerate(pages)
                   if re.search(rf"^\s*{re.escape(table.title)}\s*$", text, re.M)]
        # the title's page also holds the table's header row and its first row
        assert table.headers[1] in pages[page], (table.title, page + 1)
        assert str(table.rows[0][0]) in pages[page], (table.title, page + 1)
    assert titled >= 2  # 部门统计 and 表彰与面谈名单
