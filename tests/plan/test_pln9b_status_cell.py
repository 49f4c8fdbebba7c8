"""A plan whose status cell holds none of the four statuses (a typo such as "reviewd"): its
step is unknown, so plan status moves it nowhere (before, the cell was read as the default,
draft, and ``--set submitted`` silently moved a reviewed plan back). Real workbooks on disk
(the standard template, filled in with openpyxl)."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import load, set_plan_status


def typed_status(tmp_path, lang, status):
    """A one-item plan whose Settings status cell holds ``status`` as typed."""
    return plan_book(tmp_path / "plan.xlsx", lang,
                     [item("S1", "销售部", "销售额", "万元", 1000, (250, 250, 250, 250))],
                     {"year": 2027, "department": "销售部", "status": status})


@pytest.mark.parametrize("asked", ["submitted", "reviewed", "final"])
def test_a_mistyped_status_moves_nowhere_in_python(tmp_path, asked):
    path = typed_status(tmp_path, "en", "reviewd")
    before = path.read_bytes()
    done = set_plan_status(path, asked)
    assert done.result is None
    assert [(i.code, i.sheet, i.field, i.row, i.value) for i in done.report.issues] == [
        ("invalid-setting", "Settings", "status", 5, "reviewd")]
    assert done.report.issues[0].file == str(path)
    assert done.headline == "status not changed: correct the errors below first."
    assert path.read_bytes() == before  # the file is untouched


def test_a_mistyped_status_moves_nowhere_on_the_command_line(tmp_path):
    path = typed_status(tmp_path, "zh", "drfat")
    before = path.read_bytes()
    run = run_cli("plan", "status", path, "--set", "submitted")
    assert run.returncode == 1
    assert "状态未变更：请先修正以下错误。" in run.stdout
    assert "设置!B5" in run.stdout and "[invalid-setting]" in run.stdout
    assert "“drfat”，不在可选值中" in run.stdout
    assert path.read_bytes() == before
    assert load(path).settings.status == "draft"  # still read as the default, untouched
    cell = openpyxl.load_workbook(path)["设置"]["B5"].value
    assert cell == "drfat"


def test_a_status_typed_as_its_label_or_in_capitals_still_moves(tmp_path):
    """Only a cell that is no status is refused: 已审核 and ' Submitted ' are read."""
    path = typed_status(tmp_path, "zh", "已审核")
    assert set_plan_status(path, "final").result.status == "final"
    other = tmp_path / "other"
    other.mkdir()
    path = typed_status(other, "en", " Submitted ")
    assert set_plan_status(path, "reviewed").result.status == "reviewed"
