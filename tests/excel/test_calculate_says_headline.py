"""The Calculate button (and ``opsbook calculate``) says what the computation found, as the
kind's own command does — "4 project(s): 0 green, 1 amber, 3 red …" — after the sheets it
wrote, in the workbook's language; a run that computes nothing says no headline."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import run_cli

import opsbook
from opsbook.excel import handlers
from opsbook.io.filebook import FileBook


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_headline_follows_the_sheets_written(tmp_path, lang):
    path = opsbook.new_workbook("project", lang, tmp_path / f"p.{lang}.xlsx", sample=True)
    headline = opsbook.project_status([path]).headline
    port = FileBook(path)
    handlers.calculate(port)
    port.save()
    said = port.messages[-1]
    if lang == "zh":
        assert said.endswith(f"。{headline.rstrip('。')}。"), said
        assert "已生成：项目状态" in said
    else:
        assert said.endswith(f". {headline[:1].upper()}{headline[1:].rstrip('.')}."), said
        assert "Written: Status" in said
    assert "项目状态" in openpyxl.load_workbook(path).sheetnames or lang == "en"
    done = run_cli("calculate", path)
    assert done.returncode == 0 and headline.rstrip("。.")[:12] in done.stdout + done.stderr


def test_nothing_computed_no_headline(tmp_path):
    path = opsbook.new_workbook("project", "en", tmp_path / "p.xlsx", sample=True)
    wb = openpyxl.load_workbook(path)
    wb["Tasks"]["E3"] = "soon"
    wb.save(path)
    port = FileBook(path)
    handlers.calculate(port)
    said = port.messages[-1]
    assert "Written" not in said and "project(s)" not in said
    assert said.startswith("Checked: 1 error(s)")
