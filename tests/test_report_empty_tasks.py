"""A project tracker whose Tasks sheet has no rows still gets its report: findings name each
project by its name, or by its ID where the name is blank."""

from __future__ import annotations

import openpyxl

import opsbook
from opsbook.api import new_workbook
from opsbook.project.summary import _names


def test_a_tracker_without_tasks_is_reported(tmp_path):
    path = tmp_path / "project.xlsx"
    new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["Tasks"].delete_rows(4, book["Tasks"].max_row)
    book.save(path)
    built = opsbook.build_report(path, tmp_path / "report.html")
    assert (tmp_path / "report.html").stat().st_size > 0
    assert built.summary is not None
    assert not [i for i in built.report.issues if i.severity == "error"]


def test_names_fall_back_to_the_project_id():
    import pandas as pd

    frame = pd.DataFrame({"project_id": ["P-1", "P-2", "P-3"],
                          "name": pd.array(["Alpha", None, " "], dtype="string")})
    assert _names(frame) == ("Alpha", "P-2", "P-3")
