"""A plan left out of the company plan says whose it was: its row on the Conflicts sheet
names the department the file is for (its Settings department), beside the missing
department it leaves; a file that says no department (not a workbook) leaves it blank."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from planbooks import write


def test_the_left_out_row_names_its_department(tmp_path):
    plans = write(tmp_path / "plans", "en")
    book = openpyxl.load_workbook(plans["ops2"])
    book["Plan"]["D3"] = None  # the KPI column gone: not a plan that can be read
    for row in book["Settings"].iter_rows():
        if row[0].value == "department":
            row[1].value = "财务部"
    book.save(tmp_path / "plans" / "fin.xlsx")
    plans["ops2"].unlink()
    (tmp_path / "plans" / "notes.xlsx").write_bytes(b"not a workbook")
    out = tmp_path / "company.xlsx"
    run = run_cli("plan", "consolidate", str(tmp_path / "plans"), "-o", str(out),
                  "--departments", "销售部,运营部,财务部", "--lang", "en")
    assert run.returncode == 1, run.stdout + run.stderr
    rows = list(openpyxl.load_workbook(out)["Conflicts"].iter_rows(min_row=3, values_only=True))
    left = {r[4]: r for r in rows if r[0] == "Plan left out"}
    assert left["fin.xlsx"][2] == "财务部"
    assert left["notes.xlsx"][2] is None
    assert [r[8] for r in rows if r[0] == "Department missing"] == [
        "Department 财务部 was expected but sent no plan that could be read (fin.xlsx: left "
        "out)."]
