"""--skip-unchanged on a command that combines its inputs: the output is up to date only when
the same files, in the same places, are read again unchanged; an input gone since, or two
inputs that changed places, make it read everything again."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest

import opsbook
from opsbook.api import new_workbook, write_output
from opsbook.batch import BatchOptions, UpToDate
from opsbook.batch import manifest as manifests

SKIP = BatchOptions(jobs=1, skip_unchanged=True)


@pytest.fixture
def attendance(tmp_path: Path) -> Path:
    """Two attendance workbooks (different seeds: different clock rows), of different
    people: the second's employee IDs are F0001… (the same ID for two names is an error of
    the combination, and an input with an error is read again)."""
    folder = tmp_path / "att"
    folder.mkdir()
    for n in (1, 2):
        new_workbook("attendance", "en", folder / f"a{n}.xlsx", sample=True, seed=n)
    book = openpyxl.load_workbook(folder / "a2.xlsx")
    for cell in (c for sheet in book.worksheets for row in sheet.iter_rows() for c in row):
        if isinstance(cell.value, str) and re.fullmatch(r"E\d{4}", cell.value):
            cell.value = f"F{cell.value[1:]}"
    book.save(folder / "a2.xlsx")
    return folder


def summarize(sources, out: Path):
    done = opsbook.api.summarize_attendance(sources, options=SKIP, output=out)
    if done.computed:
        write_output(out, done.sheets)
    return done


def test_an_input_gone_since_the_last_run_means_the_output_is_made_again(attendance: Path,
                                                                       tmp_path: Path):
    out = tmp_path / "summary.xlsx"
    both = summarize(attendance, out)
    with pytest.raises(UpToDate):  # nothing changed: the output stands
        summarize(attendance, out)
    (attendance / "a2.xlsx").unlink()
    one = summarize(attendance, out)  # not up to date: a2's rows must leave the output
    assert one.computed
    assert one.headline != both.headline
    assert one.headline == summarize(attendance / "a1.xlsx", tmp_path / "a1.xlsx").headline
    manifest = manifests.read(out.with_name("summary.manifest.json"))
    assert [Path(i["path"]).name for i in manifest["inputs"]] == ["a1.xlsx"]
    with pytest.raises(UpToDate):
        summarize(attendance, out)


def test_inputs_in_other_places_are_read_again(tmp_path: Path):
    """The cycle scored and its history swapped: same files, same settings, other result."""
    first = new_workbook("appraisal", "en", tmp_path / "q1.xlsx", sample=True, seed=1)
    second = new_workbook("appraisal", "en", tmp_path / "q2.xlsx", sample=True, seed=2)
    out = tmp_path / "scores.xlsx"

    def score(main: Path, history: Path):
        done = opsbook.api.score_appraisal(main, [history], options=SKIP, output=out)
        write_output(out, done.sheets)
        return done

    a = score(first, second)
    with pytest.raises(UpToDate):
        score(first, second)
    b = score(second, first)  # swapped: scored again, not "up to date"
    assert b.computed
    assert not a.result.results.equals(b.result.results)


def test_a_manifest_of_another_opsbook_version_skips_nothing(tmp_path: Path):
    """Another version may check by other rules: what it found valid is checked again."""
    plan = new_workbook("plan", "zh", tmp_path / "sales.xlsx", sample=True, seed=1)
    where = tmp_path / "runs.manifest.json"
    options = BatchOptions(jobs=1, skip_unchanged=True, manifest=where)
    opsbook.validate(plan, options=options)
    again = opsbook.validate(plan, options=options)
    assert [i.code for i in again.issues] == ["unchanged-file"]
    last = json.loads(where.read_text(encoding="utf-8"))
    last["opsbook"] = "0.0.1"
    where.write_text(json.dumps(last), encoding="utf-8")
    checked = opsbook.validate(plan, options=options)
    assert [i.code for i in checked.issues] == [] and checked.valid
    assert json.loads(where.read_text(encoding="utf-8"))["inputs"][0]["status"] == "valid"


def test_an_output_the_last_run_did_not_write_is_not_up_to_date(tmp_path: Path):
    """The manifest says the last run wrote a.xlsx: b.xlsx, there from another run of other
    inputs, is not what these inputs make."""
    sales = new_workbook("plan", "zh", tmp_path / "sales.xlsx", sample=True, seed=1)
    other = new_workbook("plan", "en", tmp_path / "ops.xlsx", sample=True, seed=2)
    where = tmp_path / "plans.manifest.json"
    options = BatchOptions(jobs=1, skip_unchanged=True, manifest=where)

    def consolidate(source: Path, out: Path, **extra):
        done = opsbook.api.consolidate_plans(source, options=extra.get("options", options),
                                             output=out)
        write_output(out, done.sheets)
        return done

    consolidate(sales, tmp_path / "a.xlsx")
    consolidate(other, tmp_path / "b.xlsx", options=BatchOptions(jobs=1))
    made = consolidate(sales, tmp_path / "b.xlsx")  # not "up to date": b.xlsx is ops' plan
    assert made.computed and made.result is not None
    with pytest.raises(UpToDate):
        consolidate(sales, tmp_path / "b.xlsx")
