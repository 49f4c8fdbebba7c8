"""Faults in a workbook's data — a required column missing, a header merged over a required
one, a wrong type, dates typed as text (one of them 2026-02-30), an empty data sheet, the
data sheet missing — for every kind and every command that reads that kind: the documented
exit code, the file named, the fault located at its sheet (and cell), in the workbook's
language (English here) or in ``--lang``, never a traceback, and the file unchanged."""

from __future__ import annotations

from pathlib import Path

import mtx9books as books
import pytest
from conftest import sha256
from mtx9cli import clean, opsbook

OUT = "out.xlsx"
COMMON = {
    "validate": lambda f, o: ["validate", f],
    "validate-annotate": lambda f, o: ["validate", f, "--annotate", o / "marked.xlsx"],
    "calculate-o": lambda f, o: ["calculate", f, "-o", o / OUT],
    "report": lambda f, o: ["report", f, "-o", o / "report.html"],
    "email": lambda f, o: ["email", f, "--to", "lead@localhost", "--outbox", o / "outbox"],
}
OWN = {
    "appraisal": {"appraisal-score": lambda f, o: ["appraisal", "score", f, "-o", o / OUT]},
    "attendance": {"attendance-summarize": lambda f, o: ["attendance", "summarize", f, "-o",
                                                         o / OUT]},
    "project": {"project-status": lambda f, o: ["project", "status", f, "--as-of",
                                                "2026-11-20", "-o", o / OUT]},
    "plan": {
        "plan-consolidate": lambda f, o: ["plan", "consolidate", f, "-o", o / OUT],
        "plan-diff": lambda f, o: ["plan", "diff", f, books.valid("plan", o)],
        "plan-track": lambda f, o: ["plan", "track", f, "-o", o / OUT],
    },
}
#: kind → {fault: what the answer says: the code and where}
WHERE = {
    "appraisal": {"missing-column": ("[missing-column]", "Required column 'Score /", "'Scores'"),
                  "merged-header": ("Required column 'Indicator ID /", "Scores!D1"),
                  "wrong-type": ("Scores!E2", "[type-error]", "'eighty'"),
                  "empty-sheet": ("Scores", "[empty-sheet]"),
                  "missing-sheet": ("[missing-sheet]", "Scores")},
    "attendance": {"missing-column": ("[missing-column]", "Required column 'Date /", "'Clock'"),
                   "merged-header": ("Required column 'Date /", "Clock!B1"),
                   "wrong-type": ("Clock!B2", "[type-error]", "'tomorrow'"),
                   "text-dates": ("Clock!B5", "[type-error]", "'2026-02-30'", "Clock!B3"),
                   "empty-sheet": ("Clock", "[no-clock-data]"),
                   "missing-sheet": ("Clock", "[no-clock-data]")},
    "plan": {"missing-column": ("[missing-column]", "Required column 'Item ID /", "'Plan'"),
             "merged-header": ("Required column 'Department /", "'Plan'"),
             "wrong-type": ("Plan!F2", "[type-error]", "'很多'"),
             "text-dates": ("Plan!M5", "[type-error]", "'2027-02-30'"),
             "empty-sheet": ("Plan", "[empty-sheet]"),
             "missing-sheet": ("Not one of the standard workbooks",
                               "no known sheet or header found")},
    "project": {"missing-column": ("[missing-column]", "Required column 'Planned Start /",
                                   "'Tasks'"),
                "merged-header": ("Required column 'Task /", "Tasks!C1"),
                "wrong-type": ("Tasks!G2", "[type-error]", "'a lot'"),
                "text-dates": ("Tasks!D5", "[type-error]", "'2026-02-30'"),
                "empty-sheet": ("Tasks", "[empty-sheet]"),
                "missing-sheet": ("[missing-sheet]", "Tasks")},
}
#: (kind, fault) → {command: exit code} where it is not 1 (the input has errors). An empty
#: data sheet is a blank template's state (a warning); a plan left out of a consolidation
#: leaves nothing to consolidate (2); a diff of a plan that cannot be read as one is 2.
CODES = {
    ("appraisal", "empty-sheet"): dict.fromkeys([*COMMON, "appraisal-score"], 0),
    ("attendance", "empty-sheet"): {"validate": 0, "validate-annotate": 0},
    ("attendance", "missing-sheet"): {"validate": 0, "validate-annotate": 0},
    ("plan", "empty-sheet"): dict.fromkeys([*COMMON, "plan-consolidate", "plan-track"], 0),
    ("plan", "missing-sheet"): {**dict.fromkeys([*COMMON, "plan-consolidate", "plan-diff"], 2),
                                "plan-track": 1},
    ("plan", "missing-column"): {"plan-consolidate": 2, "plan-diff": 2},
    ("plan", "merged-header"): {"plan-consolidate": 2, "plan-diff": 2},
    ("project", "empty-sheet"): dict.fromkeys([*COMMON, "project-status"], 0),
}
#: Answers that say the fault otherwise (a quiet blank-template state, a plan track's own
#: check of the missing Plan sheet).
SAID = {
    ("attendance", "empty-sheet", "validate"): (), ("attendance", "empty-sheet",
                                                    "validate-annotate"): (),
    ("attendance", "missing-sheet", "validate"): ("[no-clock-sheet]",),
    ("attendance", "missing-sheet", "validate-annotate"): ("[no-clock-sheet]",),
    **{("plan", "missing-sheet", command): ("[missing-sheet]", "Required sheet 'Plan / 计划'")
       for command in ("plan-consolidate", "plan-diff", "plan-track")},
    ("plan", "empty-sheet", "plan-diff"): ("2 added, 0 removed",),
    ("plan", "merged-header", "plan-diff"): ("Required column 'Department /", "'Plan'"),
}

CASES = [(kind, fault, command)
         for kind in books.DATA for fault in books.DATA_FAULTS
         if not (fault == "text-dates" and books.DATA[kind][2] is None)
         for command in [*COMMON, *OWN[kind]]]


@pytest.mark.parametrize(("kind", "fault", "command"), CASES)
def test_a_data_fault_is_located_and_the_file_left_as_it_was(tmp_path, kind, fault, command):
    inputs, outputs = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    outputs.mkdir()
    file = books.DATA_FAULTS[fault](kind, inputs)
    before = sha256(file)
    arguments = {**COMMON, **OWN[kind]}[command]
    said = opsbook(*arguments(file, outputs))
    text = clean(said)
    assert said.code == CODES.get((kind, fault), {}).get(command, 1), text
    if command != "plan-diff" or said.code != 1:  # a diff names the items, not the files
        assert file.name in text
    for words in SAID.get((kind, fault, command), WHERE[kind][fault]):
        assert words in text, text
    assert sha256(file) == before
    if said.code and command not in ("plan-consolidate", "calculate-o"):
        # calculate -o marks a copy, as the button does; consolidate writes its conflicts
        assert not (outputs / OUT).exists()


LOCATED_IN_CHINESE = [(kind, fault) for kind in books.DATA
                      for fault in ("missing-column", "wrong-type", "text-dates")
                      if not (fault == "text-dates" and books.DATA[kind][2] is None)]


@pytest.mark.parametrize(("kind", "fault"), LOCATED_IN_CHINESE)
def test_lang_zh_says_the_located_fault_in_chinese_only(tmp_path, kind, fault):
    file = books.DATA_FAULTS[fault](kind, tmp_path)
    said = opsbook("validate", file, "--lang", "zh")
    text = clean(said)
    assert said.code == 1
    where = [w for w in WHERE[kind][fault] if "!" in w or w.startswith("[")]
    assert all(w in text for w in where), text
    assert "Required column" not in text and "should be a" not in text, text
    assert "个错误" in text and ("缺少必需的列" in text or "应为" in text), text


def test_calculate_in_place_marks_a_wrong_type_and_keeps_every_value(tmp_path: Path):
    """calculate FILE with errors marks FILE (documented); it loses no value of the user's."""
    import openpyxl

    file = books.wrong_type("project", tmp_path)
    rows_before = [[c.value for c in row] for row in openpyxl.load_workbook(file)["Tasks"]]
    said = opsbook("calculate", file)
    assert said.code == 1 and "Tasks!G2" in clean(said)
    marked = openpyxl.load_workbook(file)
    assert [[c.value for c in row] for row in marked["Tasks"]] == rows_before
    assert marked["Tasks"]["G2"].comment is not None


@pytest.mark.parametrize("kind", books.DATA)
def test_a_pipeline_over_a_wrong_type_goes_on_and_exits_1(tmp_path, kind):
    """Every step exits 1 (findings to follow up), the pipeline goes on and exits 1; the
    cell is located at each step, the workbook is unchanged."""
    file = books.wrong_type(kind, tmp_path)
    before = sha256(file)
    said = opsbook("run", books.pipeline(tmp_path, kind, file.name, OUT))
    text = clean(said)
    sheet, column = books.DATA[kind][0], books.WRONG[kind][0]
    assert said.code == 1, text
    assert text.count("[type-error]") == 2 and f"{sheet}!" in text, text
    assert f"'{column}'" in text
    assert sha256(file) == before
    # a plan's compute step consolidates: its company plan is written with the error listed
    assert (tmp_path / "results" / OUT).exists() == (kind == "plan")
