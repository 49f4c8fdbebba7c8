"""Bad input to the report, email, appraisal and workbooks commands: a clear answer in the
language asked for (both without one), the documented exit code, never "could not finish",
and the user's files left as they were."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli, sha256

from opsbook.api import new_workbook
from opsbook.api.report import summarize

UNEXPECTED = "could not finish"


def said(done) -> str:
    text = done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert UNEXPECTED not in text, text
    return text


@pytest.fixture()
def appraisal(tmp_path) -> Path:
    return new_workbook("appraisal", "en", tmp_path / "appraisal.xlsx", sample=True)


@pytest.fixture()
def no_scores(tmp_path, appraisal) -> Path:
    """The sample appraisal with every row of its Scores sheet deleted (headers kept)."""
    book = openpyxl.load_workbook(appraisal)
    sheet = book["Scores"]
    sheet.delete_rows(4, sheet.max_row)
    target = tmp_path / "no-scores.xlsx"
    book.save(target)
    return target


# --- opsbook workbooks build --out: a file, or a folder that cannot be made ---------------

def test_workbooks_build_into_a_file_is_refused_in_both_languages(tmp_path):
    taken = tmp_path / "workbooks"
    taken.write_text("a user's notes\n", encoding="utf-8")
    before = sha256(taken)
    done = run_cli("workbooks", "build", "--out", taken)
    text = said(done)
    assert done.returncode == 2
    assert f"{taken} is a file; give a folder" in text
    assert f"{taken} 是一个文件；请给出存放工作簿的文件夹" in text
    assert sha256(taken) == before


def test_workbooks_build_under_a_file_names_the_folder_and_why(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    where = tmp_path / "notes.txt" / "workbooks"
    done = run_cli("workbooks", "build", "--out", where)
    text = said(done)
    assert done.returncode == 2
    assert f"{where}: the workbooks cannot be written there" in text
    assert f"{where}：无法在此写出工作簿（路径中有一部分不是文件夹）" in text


# --- opsbook report -o: refusals told in --lang -------------------------------------------

@pytest.mark.parametrize(("target", "zh", "en"), [
    ("report.docx", "报告只能写成 .xlsx、.html、.pdf 文件", "a report is written as"),
    ("folder.html", "是一个文件夹；请给出报告文件的名称", "is a folder; give the name"),
    ("{book}", "就是工作簿本身；请将报告写入另一个文件", "is the workbook itself"),
], ids=["docx", "folder", "itself"])
def test_a_report_target_refused_in_the_language_asked(tmp_path, appraisal, target, zh, en):
    (tmp_path / "folder.html").mkdir()
    out = appraisal if target == "{book}" else tmp_path / target
    before = sha256(appraisal)
    chinese = run_cli("report", appraisal, "-o", out, "--lang", "zh")
    assert chinese.returncode == 2
    assert zh in said(chinese) and en not in chinese.stderr
    english = run_cli("report", appraisal, "-o", out, "--lang", "en")
    assert english.returncode == 2
    assert en in said(english) and zh not in english.stderr
    assert sha256(appraisal) == before


# --- an appraisal with no scores at all: a report of its own cycle, no crash --------------

def test_report_of_an_appraisal_with_no_scores_is_of_its_own_cycle(tmp_path, no_scores):
    before = sha256(no_scores)
    built = summarize(no_scores)
    assert built.summary is not None
    assert built.summary.period == "2026Q4"                 # the Settings' cycle
    assert "2026Q4" in built.summary.title and "2026Q3" not in built.summary.title
    done = run_cli("report", no_scores, "-o", tmp_path / "r.html", "-o", tmp_path / "r.xlsx",
                   "--lang", "en")
    text = said(done)
    assert done.returncode == 0, text
    assert f"{tmp_path / 'r.html'}: Appraisal report 2026Q4" in text
    assert "[no-scores]" in text                            # every employee, as a warning
    assert (tmp_path / "r.xlsx").stat().st_size > 0
    assert sha256(no_scores) == before


def test_email_of_an_appraisal_with_no_scores_is_written(tmp_path, no_scores):
    config = tmp_path / "opsbook.toml"
    config.write_text('[mail]\nsender = "ops@example.com"\nallowed_domains = ["example.com"]\n',
                      encoding="utf-8")
    before = sha256(no_scores)
    done = run_cli("email", no_scores, "--to", "lead@example.com", "--config", config,
                   "--outbox", tmp_path / "outbox", "--lang", "zh")
    assert done.returncode == 0, said(done)
    assert "已写出" in said(done)
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1
    assert sha256(no_scores) == before


# --- appraisal score: the wrong kind, and history files that cannot be read ---------------

def test_scoring_another_kind_of_workbook_says_so_in_chinese(tmp_path):
    plan = new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True)
    done = run_cli("appraisal", "score", plan, "-o", tmp_path / "s.xlsx", "--lang", "zh",
                   "--jobs", "1")
    text = said(done)
    assert done.returncode == 2
    assert (f"{plan}：工作簿类型不对：此命令读取绩效考核工作簿，"
            "而此文件看起来是年度运营计划工作簿") in text
    assert "Wrong kind of workbook" not in text  # the same wrong-kind answer as elsewhere
    assert not (tmp_path / "s.xlsx").exists()


def test_a_history_file_that_cannot_be_read_is_told_once(tmp_path, appraisal):
    word = tmp_path / "notes.xlsx"
    word.write_bytes(b"PK\x03\x04 not really a zip")
    missing = tmp_path / "2026Q3-results.xlsx"
    done = run_cli("appraisal", "score", appraisal, "--history", missing, "--history", word,
                   "-o", tmp_path / "s.xlsx", "--lang", "en", "--jobs", "1")
    text = said(done)
    assert done.returncode == 2                             # an input could not be read
    assert text.count("[file-not-found]") == 1, text
    assert text.count(f"{missing}: ✗ 1 error(s)") == 1, text
    assert text.count(f"{word}: ✗ 1 error(s)") == 1, text
    assert "3 file(s), 2 error(s)" in text                  # the history files counted too
    assert not (tmp_path / "s.xlsx").exists()


# --- numbers so large that a product or weighted sum would overflow to infinity -----------

def _setting(sheet, key: str, value) -> None:
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value == key:
            sheet.cell(row, 2).value = value
            return
    sheet.append([key, value])


@pytest.mark.parametrize(("damage", "cell", "code"), [
    ("scale", "Settings!B", "invalid-setting"),
    ("bonus base", "Employees!F4", "out-of-range"),
    ("coefficient", "Grades!C4", "out-of-range"),
], ids=["scale", "bonus-base", "coefficient"])
def test_a_huge_number_is_an_error_at_its_cell_not_a_crash(tmp_path, appraisal, damage, cell,
                                                            code):
    book = openpyxl.load_workbook(appraisal)
    if damage == "scale":                                   # a 1e308 scale and a score on it
        _setting(book["Settings"], "scale_max", 1e308)
        book["Scores"]["E4"] = 1e308
    elif damage == "bonus base":
        book["Employees"]["F4"] = 1e308
    else:
        book["Grades"]["C4"] = 1e308
    huge = tmp_path / "huge.xlsx"
    book.save(huge)
    before = sha256(huge)
    done = run_cli("appraisal", "score", huge, "-o", tmp_path / "s.xlsx", "--lang", "en",
                   "--jobs", "1")
    text = said(done)
    assert done.returncode == 1, text
    assert any(cell in line and f"[{code}]" in line for line in text.splitlines()), text
    assert not (tmp_path / "s.xlsx").exists()
    assert sha256(huge) == before


# --- scores in wide form: columns that are no indicator, or one indicator twice -----------

def _wide(tmp_path: Path, appraisal: Path, extra: dict[str, object] | None = None,
          first: dict[str, object] | None = None) -> Path:
    """The sample's scores turned into wide form (one column per indicator ID), with
    ``extra`` columns (header → value in every row) and ``first`` values in the first row."""
    book = openpyxl.load_workbook(appraisal)
    long = [r for r in book["Scores"].iter_rows(min_row=4, values_only=True) if r[0]]
    indicators = sorted({r[3] for r in long})
    rows: dict[tuple, dict] = {}
    for employee, rater, role, indicator, score, _comment in long:
        rows.setdefault((employee, rater, role), {})[indicator] = score
    at = book.sheetnames.index("Scores")
    book.remove(book["Scores"])
    sheet = book.create_sheet("Scores", at)
    header = ["Employee ID", "Rater ID", "Rater Role", *indicators, *(extra or {})]
    sheet.append(header)
    for key, scores in rows.items():
        sheet.append([*key, *(scores.get(i) for i in indicators), *(extra or {}).values()])
    for name, value in (first or {}).items():
        sheet.cell(2, header.index(name) + 1).value = value
    target = tmp_path / "wide.xlsx"
    book.save(target)
    return target


def _validate(path: Path, lang: str = "en") -> str:
    done = run_cli("validate", path, "--lang", lang, "--jobs", "1")
    return said(done)


def test_a_wide_column_that_is_no_indicator_is_a_warning_at_its_header(tmp_path, appraisal):
    wide = _wide(tmp_path, appraisal, extra={"K99": 50, "Remarks": "ok"})
    english = _validate(wide)
    line = next(x for x in english.splitlines() if "[unknown-indicator-column]" in x)
    assert "Scores!" in line and "1  [" in line and "'K99'" in line    # its header cell
    assert "Remarks" not in english                        # a column of words is kept quietly
    chinese = _validate(wide, "zh")
    assert "列“K99”中有数字，但不是“考核指标”表中的指标" in chinese


def test_an_indicator_headed_by_its_id_and_its_name_keeps_the_first(tmp_path, appraisal):
    indicators = openpyxl.load_workbook(appraisal)["Indicators"]
    first_id, first_name = indicators["A4"].value, indicators["C4"].value
    plain = run_cli("appraisal", "score", _wide(tmp_path, appraisal), "-o",
                    tmp_path / "plain.xlsx", "--jobs", "1")
    assert plain.returncode == 0, said(plain)
    twice = _wide(tmp_path, appraisal, extra={first_name: 10})
    text = _validate(twice)
    assert f"[duplicate-column] Column '{first_name}' appears twice" in text
    done = run_cli("appraisal", "score", twice, "-o", tmp_path / "twice.xlsx", "--jobs", "1")
    assert done.returncode == 0, said(done)
    first = openpyxl.load_workbook(tmp_path / "plain.xlsx")["Results"]
    second = openpyxl.load_workbook(tmp_path / "twice.xlsx")["Results"]
    assert [[c.value for c in r] for r in first.iter_rows()] == \
        [[c.value for c in r] for r in second.iter_rows()]   # the 10s under the name: unused
    assert first_id


def test_a_wide_score_off_the_scale_is_named_by_its_column(tmp_path, appraisal):
    wide = _wide(tmp_path, appraisal, first={"K03": 1000})
    line = next(x for x in _validate(wide).splitlines() if "[out-of-range]" in x)
    assert "Scores!F2" in line and "'K03' must be between 0 and 100" in line, line
    assert "'score'" not in line


def test_bad_cells_of_a_history_file_are_told_and_nothing_is_scored(tmp_path, appraisal):
    earlier = openpyxl.load_workbook(appraisal)
    history = earlier["History"]
    history["C4"] = "abc"                                   # a total that is no number
    history["B5"] = None                                    # a row without its cycle
    past = tmp_path / "2026Q3.xlsx"
    earlier.save(past)
    before = sha256(past)
    done = run_cli("appraisal", "score", appraisal, "--history", past, "-o",
                   tmp_path / "s.xlsx", "--lang", "en", "--jobs", "1")
    text = said(done)
    assert done.returncode == 1, text
    assert "History!C4  [type-error] 'Total Score' should be a number, found 'abc'." in text
    assert "History!B5  [missing-value]" in text
    assert f"{past}: ✗ 2 error(s)" in text
    assert not (tmp_path / "s.xlsx").exists()
    assert sha256(past) == before
