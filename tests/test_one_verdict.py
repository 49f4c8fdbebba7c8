"""One verdict whichever way a workbook is run: validate, appraisal score, calculate, the Python
API. Each workbook is named after the fault it carries."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli, sha256

import opsbook

SCORES = "评分"
HEADER_ROW = 3


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return opsbook.new_workbook("appraisal", "zh", tmp_path_factory.mktemp("s") / "s.xlsx",
                                sample=True)


def copy_with(sample: Path, target: Path, edit) -> Path:
    book = openpyxl.load_workbook(sample)
    edit(book)
    book.save(target)
    return target


def last_row(ws) -> int:
    return max(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value not in (None, ""))


@pytest.fixture
def duplicate_rating(sample: Path, tmp_path: Path) -> Path:
    """A second row for an existing (employee, rater, role, indicator), scored 0."""

    def edit(book):
        ws = book[SCORES]
        first, end = HEADER_ROW + 1, last_row(ws) + 1
        for col in range(1, ws.max_column + 1):
            ws.cell(end, col).value = ws.cell(first, col).value
        ws.cell(end, 5).value = 0

    return copy_with(sample, tmp_path / "duplicate-rating.xlsx", edit)


def test_duplicate_rating_is_a_validation_error_at_both_rows(duplicate_rating: Path):
    report = opsbook.validate(duplicate_rating)
    dups = [i for i in report.issues if i.code == "duplicate-rating"]
    assert not report.valid
    assert sorted(i.row for i in dups) == [HEADER_ROW + 1, last_row(
        openpyxl.load_workbook(duplicate_rating)[SCORES])]
    assert {i.severity for i in dups} == {"error"} and {i.cell[0] for i in dups} == {"E"}


def test_score_and_calculate_refuse_a_duplicate_rating(duplicate_rating: Path, tmp_path: Path):
    before = sha256(duplicate_rating)
    out = tmp_path / "results.xlsx"
    scored = run_cli("appraisal", "score", duplicate_rating, "-o", out)
    assert scored.returncode == 1, scored.stdout + scored.stderr
    assert "duplicate-rating" in scored.stdout and not out.exists()
    calculated = run_cli("calculate", duplicate_rating, "-o", tmp_path / "calc.xlsx")
    assert calculated.returncode == 1
    status = calculated.stdout.splitlines()[0]
    assert "2 个错误" in status  # the status line counts what the report lists
    assert "✗ 2 个错误" in calculated.stdout
    done = opsbook.score_appraisal(duplicate_rating)
    assert done.result is None and not done.computed and done.exit_code == 1
    assert [i.code for i in done.report.errors] == ["duplicate-rating", "duplicate-rating"]
    assert sha256(duplicate_rating) == before


def test_equal_duplicate_is_a_warning_counted_once(sample: Path, tmp_path: Path):
    def edit(book):
        ws = book[SCORES]
        first, end = HEADER_ROW + 1, last_row(ws) + 1
        for col in range(1, ws.max_column + 1):
            ws.cell(end, col).value = ws.cell(first, col).value

    path = copy_with(sample, tmp_path / "duplicate-same-score.xlsx", edit)
    done = opsbook.score_appraisal(path)
    assert done.computed and done.report.valid
    dups = [i for i in done.report.issues if i.code == "duplicate-rating"]
    assert len(dups) == 2 and {i.severity for i in dups} == {"warning"}
    plain = opsbook.score_appraisal(sample).result.results.set_index("employee_id")["total"]
    again = done.result.results.set_index("employee_id")["total"]
    assert (plain == again).all()


def test_manager_rating_as_peer_too_is_located(sample: Path, tmp_path: Path):
    """One person, one role per employee: the manager's peer rows are flagged."""
    book = opsbook.load(sample)
    scores, staff = book["Scores"], book["Employees"].set_index("employee_id")
    superior = scores[scores["rater_role"] == "superior"].iloc[0]
    employee, manager = superior["employee_id"], superior["rater_id"]
    assert staff.at[employee, "manager_id"] == manager

    def edit(wb):
        ws = wb[SCORES]
        row = int(superior.name)
        end = last_row(ws) + 1
        for col in range(1, ws.max_column + 1):
            ws.cell(end, col).value = ws.cell(row, col).value
        ws.cell(end, 3).value = "同事"

    path = copy_with(sample, tmp_path / "manager-also-peer.xlsx", edit)
    report = opsbook.validate(path)
    (issue,) = [i for i in report.issues if i.code == "rater-two-roles"]
    assert issue.row == last_row(openpyxl.load_workbook(path)[SCORES]) and issue.cell[0] == "C"
    assert manager in issue.message("en") and "superior" in issue.message("en")
    assert "上级" in issue.message("zh")


def test_the_api_never_scores_a_score_out_of_range(sample: Path, tmp_path: Path):
    def edit(book):
        book[SCORES]["E4"] = 120

    path = copy_with(sample, tmp_path / "score-120.xlsx", edit)
    done = opsbook.score_appraisal(path)
    assert done.result is None
    assert [(i.code, i.cell) for i in done.report.errors] == [("out-of-range", "E4")]


def test_max_issues_caps_the_list_never_the_counts(duplicate_rating: Path):
    done = run_cli("validate", duplicate_rating, "--max-issues", "1")
    assert "✗ 2 个错误" in done.stdout and "共 1 个文件，2 个错误" in done.stdout
    assert done.stdout.count("[duplicate-rating]") == 1


def test_a_mark_inside_a_merged_range_goes_on_its_top_left_cell(sample: Path, tmp_path: Path):
    """The employee ID typed once over two rows (A4:A5 merged), and an unknown ID there."""

    def edit(book):
        ws = book[SCORES]
        ws["A4"] = "E9999"
        ws.merge_cells("A4:A5")

    path = copy_with(sample, tmp_path / "merged-data-cells.xlsx", edit)
    out = tmp_path / "annotated.xlsx"
    done = run_cli("validate", path, "--annotate", out)
    assert done.returncode == 1, done.stderr
    ws = openpyxl.load_workbook(out)[SCORES]
    assert ws["A4"].fill.fgColor.rgb.endswith("FFC7CE")
    assert ws["A4"].comment is not None and "E9999" in ws["A4"].comment.text
    calculated = tmp_path / "calculated.xlsx"
    assert run_cli("calculate", path, "-o", calculated).returncode == 1
    assert openpyxl.load_workbook(calculated)[SCORES]["A4"].comment is not None


def test_demo_into_an_existing_file_says_so(tmp_path: Path):
    target = tmp_path / "a-file"
    target.write_text("x")
    done = run_cli("demo", target)
    assert done.returncode == 2
    assert "is a file" in done.stderr and "Errno" not in done.stderr


def test_book_reads_a_sheet_by_its_chinese_name(sample: Path):
    book = opsbook.load(sample)
    assert book["评分"].equals(book["Scores"]) and "评分" in book
    with pytest.raises(KeyError, match="not a sheet"):
        book["Payroll"]


def test_a_button_that_cannot_reach_its_workbook_says_so_in_one_line(capsys):
    """xlwings' Book.caller() fails outside Excel: one clear line, no traceback."""
    pytest.importorskip("xlwings")
    from opsbook.excel import buttons

    assert buttons.press("validate") is None
    err = capsys.readouterr().err
    assert "could not reach the workbook" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_copy_of_a_workbook_is_not_touched(sample: Path, tmp_path: Path):
    path = tmp_path / "copy.xlsx"
    shutil.copyfile(sample, path)
    before = sha256(path)
    opsbook.validate(path)
    opsbook.score_appraisal(path)
    assert sha256(path) == before


def test_a_value_read_then_out_of_range_is_one_error_not_a_warning_too(tmp_path: Path):
    """'60%' in a 1–5 impact is read as 60 and is out of range: the error alone is said, not
    also a "read as 60" warning at the same cell; a value read and within range keeps its
    warning. (A probability of 60% is read on PMBOK's scale instead, one warning.)"""
    tracker = opsbook.new_workbook("project", "zh", tmp_path / "t.xlsx", sample=True)
    book = openpyxl.load_workbook(tracker)
    book["风险"]["E4"], book["风险"]["D4"] = "60%", "３"
    book.save(tracker)
    at = [(i.cell, i.code, i.severity) for i in opsbook.validate(tracker).issues
          if i.sheet == "风险"]
    assert ("E4", "out-of-range", "error") in at
    assert not [a for a in at if a[0] == "E4" and a[1] != "out-of-range"], at
    assert ("D4", "coerced-value", "warning") in at  # full-width 3: read as 3, within 1–5
