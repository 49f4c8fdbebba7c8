"""--skip-unchanged on a command that writes an output: the output is up to date only while
it holds the bytes the last run wrote (their SHA-256 is in the manifest's run block). An
output edited by hand since (a cell typed over, a report's page changed) is made again
instead of being said up to date; the same bytes saved back, or the file only touched,
are still up to date."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import jsonschema
import openpyxl
from conftest import run_cli

from opsbook.api import new_workbook
from opsbook.batch.manifest import SCHEMA


def score(folder: Path) -> tuple[int, str, str]:
    """``appraisal score cycle.xlsx --history history -o out/results.xlsx --skip-unchanged``
    run in ``folder``: exit code, stdout, stderr."""
    done = run_cli("appraisal", "score", "cycle.xlsx", "--history", "history", "-o",
                   "out/results.xlsx", "--skip-unchanged", "--quiet", "--lang", "en",
                   cwd=folder)
    return done.returncode, done.stdout, done.stderr


def checked(manifest: Path) -> dict:
    """The manifest at ``manifest``, valid against the documented schema."""
    data = json.loads(manifest.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    return data


def test_a_results_workbook_edited_by_hand_is_made_again(tmp_path: Path):
    new_workbook("appraisal", "en", tmp_path / "cycle.xlsx", sample=True, seed=4)
    new_workbook("appraisal", "zh", tmp_path / "history" / "2025.xlsx", sample=True, seed=5)
    out = tmp_path / "out" / "results.xlsx"
    code, said, _ = score(tmp_path)
    assert code == 0 and said.startswith("out/results.xlsx: 36 employees")
    manifest = checked(tmp_path / "out" / "results.manifest.json")
    written = hashlib.sha256(out.read_bytes()).hexdigest()
    assert manifest["run"]["output_sha256"] == {"out/results.xlsx": written}
    first = openpyxl.load_workbook(out).worksheets[0]["A1"].value

    code, said, told = score(tmp_path)
    assert (code, said) == (0, "")
    assert told == ("out/results.xlsx is up to date: no input or setting changed since "
                    "out/results.manifest.json\n")

    # the same bytes saved back, and a touch: still the file the last run wrote
    kept = out.read_bytes()
    out.write_bytes(kept)
    os.utime(out, (1_900_000_000, 1_900_000_000))
    assert score(tmp_path)[2].endswith(" is up to date: no input or setting changed since "
                                       "out/results.manifest.json\n")

    book = openpyxl.load_workbook(out)
    book.worksheets[0]["A1"] = "typed over"
    book.save(out)
    code, said, told = score(tmp_path)  # it was said up to date, the typing left standing
    assert code == 0 and said.startswith("out/results.xlsx: 36 employees"), told
    assert openpyxl.load_workbook(out).worksheets[0]["A1"].value == first
    manifest = checked(tmp_path / "out" / "results.manifest.json")
    assert manifest["run"]["output_sha256"] == {
        "out/results.xlsx": hashlib.sha256(out.read_bytes()).hexdigest()}
    assert score(tmp_path)[:2] == (0, "")  # and up to date again


def test_a_report_page_edited_makes_the_report_again(tmp_path: Path):
    """A report written as .xlsx and .html: the .html edited, both are written again."""
    new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True, seed=1)
    args = ("report", "plan.xlsx", "-o", "r.xlsx", "-o", "r.html", "--skip-unchanged",
            "--quiet", "--lang", "en")
    assert run_cli(*args, cwd=tmp_path).returncode == 0
    sums = checked(tmp_path / "r.manifest.json")["run"]["output_sha256"]
    assert sorted(sums) == ["r.html", "r.xlsx"]
    assert sums["r.html"] == hashlib.sha256((tmp_path / "r.html").read_bytes()).hexdigest()
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    again = run_cli(*args, cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")
    assert "r.xlsx is up to date" in again.stderr

    (tmp_path / "r.html").write_text(page.replace("</body>", "<p>edited</p></body>"),
                                     encoding="utf-8")
    again = run_cli(*args, cwd=tmp_path)
    assert again.returncode == 0 and "up to date" not in again.stderr
    assert again.stdout.splitlines()[1].startswith("r.html: ")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == page


def test_a_manifest_that_recorded_no_output_checksum_runs_again(tmp_path: Path):
    """A manifest without ``run.output_sha256`` (written before it was recorded) cannot
    vouch for the output: the run is made again, once."""
    new_workbook("appraisal", "en", tmp_path / "cycle.xlsx", sample=True, seed=4)
    new_workbook("appraisal", "zh", tmp_path / "history" / "2025.xlsx", sample=True, seed=5)
    assert score(tmp_path)[0] == 0
    where = tmp_path / "out" / "results.manifest.json"
    manifest = json.loads(where.read_text(encoding="utf-8"))
    del manifest["run"]["output_sha256"]
    where.write_text(json.dumps(manifest), encoding="utf-8")
    code, said, _ = score(tmp_path)
    assert code == 0 and said.startswith("out/results.xlsx: 36 employees")
    assert "output_sha256" in checked(where)["run"]
