"""`opsbook new`: every kind in both languages makes a template people can fill in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli
from openpyxl.utils import get_column_letter
from typer.testing import CliRunner

import opsbook
from opsbook.cli import app
from opsbook.core.spec import YES_NO
from opsbook.registry import get, names

CASES = [(kind, lang) for kind in names() for lang in ("zh", "en")]
IDS = [f"{kind}-{lang}" for kind, lang in CASES]


def new(tmp_path: Path, kind: str, lang: str, *sample: str) -> Path:
    """``opsbook new`` in this process (the command, without a process start per case)."""
    path = tmp_path / f"{kind}-{lang}{'-sample' if sample else ''}.xlsx"
    done = CliRunner().invoke(app, ["new", kind, str(path), "--lang", lang, *sample])
    assert done.exit_code == 0, done.output
    return path


def header_row(ws, headers: list[str]) -> int:
    for row in ws.iter_rows(min_row=1, max_row=10):
        if [c.value for c in row[: len(headers)]] == headers:
            return row[0].row
    raise AssertionError(f"no header row {headers} in {ws.title}")


def test_new_from_the_command_line(tmp_path):
    path = tmp_path / "考核.xlsx"
    done = run_cli("new", "appraisal", path, "--lang", "zh", "--sample")
    assert done.returncode == 0, done.stderr
    assert opsbook.validate(path).errors == []
    again = run_cli("new", "appraisal", path)
    assert again.returncode == 2 and "--force" in again.stderr


@pytest.mark.parametrize(("kind", "lang"), CASES, ids=IDS)
def test_sample_template_validates_without_errors(tmp_path, kind, lang):
    report = opsbook.validate(new(tmp_path, kind, lang, "--sample"))
    assert report.readable
    assert report.errors == [], [i.message() for i in report.errors]


@pytest.mark.parametrize(("kind", "lang"), CASES, ids=IDS)
def test_blank_template_has_no_errors_only_empty_sheets(tmp_path, kind, lang):
    path = new(tmp_path, kind, lang)
    report = opsbook.validate(path)
    spec = get(kind)
    assert {(i.code, i.severity) for i in report.issues} <= {("empty-sheet", "warning")}
    required = {s.name(lang) for s in spec.sheets if s.required}
    assert {i.sheet for i in report.issues} == required
    book = opsbook.load(path)
    assert book.kind.id == kind and book.lang == lang


@pytest.mark.parametrize(("kind", "lang"), CASES, ids=IDS)
def test_headers_frozen_lists_and_language(tmp_path, kind, lang):
    wb = openpyxl.load_workbook(new(tmp_path, kind, lang))
    spec = get(kind)
    for sheet in spec.sheets:
        ws = wb[sheet.name(lang)]
        headers = [f.header(lang) for f in sheet.fields]
        if lang == "zh":
            assert all(any("\u4e00" <= ch <= "\u9fff" for ch in h) for h in headers[:3])
        row = header_row(ws, headers)
        assert ws.freeze_panes == f"A{row + 1}", ws.title
        lists = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
        for col, f in enumerate(sheet.fields, start=1):
            if f.type not in ("choice", "bool"):
                continue
            letter = get_column_letter(col)
            ranges = [ref for ref in lists if ref.startswith(f"{letter}{row + 1}:{letter}")]
            assert len(ranges) == 1, (ws.title, f.id, list(lists))
            dv = lists[ranges[0]]
            labels = [c.label(lang) for c in (f.choices or YES_NO)]
            assert dv.type == "list"
            assert dv.formula1 == '"' + ",".join(labels) + '"'


@pytest.mark.parametrize(("kind", "lang"), CASES, ids=IDS)
def test_settings_sheet_has_every_key_with_its_default(tmp_path, kind, lang):
    path = new(tmp_path, kind, lang)
    ws = openpyxl.load_workbook(path)["设置" if lang == "zh" else "Settings"]
    rows = {row[0]: row[1] for row in ws.iter_rows(min_row=2, values_only=True) if row[0]}
    model = get(kind).settings
    for key, default, *_ in model.rows():
        assert key in rows, key
        value = rows[key]
        if isinstance(default, dt.time):
            value = value if isinstance(value, dt.time) else value.time()
        assert value == default or (default in (None, "") and value in (None, "")), key
    assert opsbook.load(path).settings == model()


def test_dates_given_for_a_month_column_are_written_as_their_months(tmp_path):
    """new_workbook(frames=…) with dates in the Actuals Month column: written as YYYY-MM,
    read back as those months (a date cell without a date format came back a serial)."""
    import pandas as pd

    from opsbook.plan.sample import benchmark_plans

    frames = dict(next(iter(benchmark_plans(1, 3))))
    item = frames["Plan"]["item_id"].iloc[0]
    frames["Actuals"] = pd.DataFrame({
        "item_id": [item] * 3, "actual": [5, 6, 7],
        "month": [dt.datetime(2027, 3, 1), pd.Timestamp("2027-04-15"), dt.date(2027, 5, 1)]})
    path = opsbook.new_workbook("plan", "en", tmp_path / "plan.xlsx", frames=frames)
    assert [i for i in opsbook.validate(path).issues if i.sheet == "Actuals"] == []
    assert opsbook.load(path)["Actuals"]["month"].tolist() == ["2027-03", "2027-04", "2027-05"]
