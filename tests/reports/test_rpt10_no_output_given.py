"""build_report with no file to write (an empty list) is refused in words, before anything
is read: it was an IndexError after the computation."""

from __future__ import annotations

from pathlib import Path

import pytest

import opsbook
from opsbook.api.report import CannotWriteReport


def test_no_report_file_is_refused_in_both_languages(tmp_path: Path) -> None:
    workbook = tmp_path / "项目.xlsx"
    opsbook.new_workbook("project", "zh", workbook, sample=True)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(CannotWriteReport) as refused:
        opsbook.build_report(workbook, [])
    assert str(refused.value) == ("no report file given; name one or more "
                                  "(.xlsx, .html, .pdf)")
    assert refused.value.zh == "未给出报告文件；请指定一个或多个（.xlsx、.html、.pdf）。"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no manifest, no report
