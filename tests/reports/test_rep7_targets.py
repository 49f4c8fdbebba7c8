"""One report file named twice on the command line (report.html, ./report.html) is written
and said once."""

from __future__ import annotations

import os

import opsbook
from opsbook.api import build_report


def test_a_target_named_twice_is_written_once(tmp_path):
    book = tmp_path / "plan.xlsx"
    opsbook.new_workbook("plan", "en", book, sample=True)
    html, xlsx = tmp_path / "r.html", tmp_path / "r.xlsx"
    again = tmp_path / "sub" / ".." / "r.html"
    (tmp_path / "sub").mkdir()
    built = build_report(book, [html, xlsx, again, html])
    assert built.paths == [html, xlsx]
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert os.path.getsize(xlsx) > 0
