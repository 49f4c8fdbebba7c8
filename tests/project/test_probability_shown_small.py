"""A whole-number field whose cell shows a small percentage (0.05 formatted as 0% shows
5%) is read as the figure shown, and said: a probability level is no percentage, so 5%
is read on PMBOK's scale as level 1 with a warning, never silently as level 5."""

from __future__ import annotations

from test_prj10b_probability_percent import _risks

from opsbook.api import load


def test_a_small_percentage_shown_is_said_and_read_as_its_level(tmp_path):
    path = _risks(tmp_path, [(0.05, "0%"), (0.03, "0.0%"), (4, None)])
    book = load(path, "project")
    said = [(i.code, i.cell, i.params.get("result")) for i in
            sorted(book.issues, key=lambda i: i.row or 0) if i.field == "probability"]
    assert said == [("risk-probability-percent", "D4", "1"),
                    ("risk-probability-percent", "D5", "1")]
    assert book.tables["Risks"].frame["probability"].tolist() == [1, 1, 4]
