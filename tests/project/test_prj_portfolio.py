"""Several trackers with their own settings in one status: each project is judged by its own
file's thresholds, and the sheets and the report say which rule holds for which file."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from trackers import D, project, status, task, tracker

from opsbook.project.outputs import sheets
from opsbook.project.summary import summary


def _two(tmp_path):
    """The same project in two files: SPI 0.9 and CPI 0.9 (PV 500, EV 450, AC 500); the
    second file sets its thresholds lower, another EAC method and another currency."""
    folder = tmp_path / "two-rules"
    folder.mkdir()
    rows = {"status_date": D(2026, 11, 6)}
    tracker(folder / "strict.xlsx", [project("P-1")],
            [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.45, 500, pid="P-1")], **rows)
    tracker(folder / "lenient.xlsx", [project("P-2")],
            [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.45, 500, pid="P-2")],
            spi_green=0.85, spi_amber=0.7, cpi_green=0.875, cpi_amber=0.7,
            eac_method="remaining", currency="USD", **rows)
    return folder


def test_each_file_has_its_rule_under_the_tables(tmp_path) -> None:
    folder = _two(tmp_path)
    result, _ = status(folder / "strict.xlsx", folder / "lenient.xlsx")
    s = result.status.set_index("project_id")
    assert (s.loc["P-1", "spi"], s.loc["P-1", "cpi"]) == (0.9, 0.9)
    assert (s.loc["P-1", "rag"], s.loc["P-2", "rag"]) == ("amber", "green")
    assert (s.loc["P-1", "eac"], s.loc["P-2", "eac"]) == (round(1000 / 0.9, 9), 1050.0)
    status_sheet, tasks_sheet = sheets(result, "en")[:2]
    assert status_sheet.notes == [
        "strict.xlsx: RAG: green when SPI ≥ 1.00 and CPI ≥ 1.00; red when SPI < 0.90 or "
        "CPI < 0.90; amber otherwise. An index with no basis is left out.",
        "strict.xlsx: ETC and VAC use EAC = BAC/CPI (setting eac_method); amounts in CNY.",
        "lenient.xlsx: RAG: green when SPI ≥ 0.85 and CPI ≥ 0.875; red when SPI < 0.70 or "
        "CPI < 0.70; amber otherwise. An index with no basis is left out.",
        "lenient.xlsx: ETC and VAC use EAC = AC+(BAC−EV) (setting eac_method); amounts in "
        "USD."]
    assert tasks_sheet.notes == status_sheet.notes  # its ETC and VAC: which EAC, currency
    zh = sheets(result, "zh")[0].notes
    assert zh[2].startswith("lenient.xlsx：红黄绿规则：SPI ≥ 0.85 且 CPI ≥ 0.875 为绿")


def test_one_rule_for_all_is_said_once(tmp_path) -> None:
    path = tracker(tmp_path / "one.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.45, 500)],
                   status_date=D(2026, 11, 6))
    result, _ = status(path)
    notes = sheets(result, "en")[0].notes
    assert len(notes) == 2 and notes[0].startswith("RAG: green when SPI ≥ 1.00")


def test_amounts_in_two_currencies_are_not_added_up(tmp_path) -> None:
    folder = _two(tmp_path)
    result, _ = status(folder / "strict.xlsx", folder / "lenient.xlsx")
    report = summary(result, "en")
    money = {f.label: f.value for f in report.figures if f.confidential}
    assert money == {"Total BAC": None, "Total AC": None, "Total VAC": None}
    assert any("several currencies (CNY, USD)" in line for line in report.method)
    assert "不计算金额合计" in " ".join(summary(result, "zh").method)
    one, _ = status(folder / "strict.xlsx")
    totals = {f.label: f.value for f in summary(one, "en").figures if f.confidential}
    assert totals == {"Total BAC": 1000.0, "Total AC": 500.0,
                      "Total VAC": round(1000 - 1000 / 0.9, 2)}


def test_the_written_status_names_each_files_rule(tmp_path) -> None:
    folder = _two(tmp_path)
    out = tmp_path / "status.xlsx"
    run = run_cli("project", "status", folder, "-o", out, "--quiet", "--jobs", "1")
    assert run.returncode == 0, run.stderr
    sheet = openpyxl.load_workbook(out)["Status"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("lenient.xlsx: RAG: green when SPI ≥ 0.85") for t in texts)
    assert any(t.startswith("strict.xlsx: RAG: green when SPI ≥ 1.00") for t in texts)
