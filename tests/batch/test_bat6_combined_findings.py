"""The manifest of a command that combines its inputs counts what only the combination finds
(an employee ID given to two people, a project in two trackers, a conflict between plans) in
the entry of the input it is located in: that input is invalid there, as the report and the
exit code say, and --skip-unchanged reads it again instead of calling the output up to
date."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import jsonschema

import opsbook
from opsbook.api import new_workbook, write_output
from opsbook.batch import BatchOptions
from opsbook.batch import manifest as manifests

SKIP = BatchOptions(jobs=1, skip_unchanged=True)


def written(done, out: Path) -> dict:
    """Write ``done``'s sheets to ``out``; the manifest written beside it, checked against
    its schema."""
    assert done.computed
    write_output(out, done.sheets)
    manifest = json.loads(manifests.beside(out).read_text(encoding="utf-8"))
    jsonschema.validate(manifest, json.loads(manifests.SCHEMA.read_text(encoding="utf-8")),
                        format_checker=jsonschema.FormatChecker())
    return manifest


def per_file(report, severity: str) -> Counter:
    return Counter(i.file for i in report.issues if i.severity == severity)


def agrees(manifest: dict, report) -> None:
    """Every input's counts in the manifest are those of the run's report."""
    errors, warnings = per_file(report, "error"), per_file(report, "warning")
    for entry in manifest["inputs"]:
        assert (entry["errors"], entry["warnings"]) == (errors[entry["path"]],
                                                        warnings[entry["path"]]), entry
        assert entry["status"] == ("invalid" if errors[entry["path"]] else "valid")
    assert manifest["summary"]["invalid"] == sum(1 for e in manifest["inputs"] if e["errors"])


def test_an_employee_id_of_two_people_makes_the_later_workbook_invalid(tmp_path: Path):
    folder = tmp_path / "att"
    for n in (1, 2):  # the same IDs, other names: employee-id-clash in the second
        new_workbook("attendance", "en", folder / f"a{n}.xlsx", sample=True, seed=n)
    out = tmp_path / "summary.xlsx"
    done = opsbook.api.summarize_attendance(folder, options=SKIP, output=out)
    clashes = [i for i in done.report.issues if i.code == "employee-id-clash"]
    assert clashes and {i.file for i in clashes} == {str(folder / "a2.xlsx")}
    manifest = written(done, out)
    agrees(manifest, done.report)
    second = manifest["inputs"][1]
    assert (second["status"], second["errors"]) == ("invalid", len(clashes))
    assert done.exit_code == 1
    # not "up to date" (exit 0): an input with errors is read again, as its exit 1 says
    again = opsbook.api.summarize_attendance(folder, options=SKIP, output=out)
    assert again.exit_code == 1
    assert manifests.without_timings(written(again, out)) == \
        manifests.without_timings(manifest)


def test_a_project_in_two_trackers_makes_the_later_one_invalid(tmp_path: Path):
    first = new_workbook("project", "zh", tmp_path / "p1.xlsx", sample=True, seed=3)
    second = new_workbook("project", "en", tmp_path / "p2.xlsx", sample=True, seed=3)
    out = tmp_path / "status.xlsx"
    done = opsbook.api.project_status([first, second], options=SKIP, output=out)
    assert any(i.code == "duplicate-project" for i in done.report.issues)
    manifest = written(done, out)
    agrees(manifest, done.report)
    assert [e["status"] for e in manifest["inputs"]] == ["valid", "invalid"]


def test_plan_conflicts_are_counted_once(tmp_path: Path):
    """Plan consolidation counted its conflicts already: recounting never doubles them."""
    from opsbook.plan.sample import department_plans

    folder = tmp_path / "plans"
    for department, frames in department_plans(conflicts=True).items():
        new_workbook("plan", "zh", folder / f"{department}.xlsx", frames=frames)
    out = tmp_path / "company.xlsx"
    done = opsbook.api.consolidate_plans(folder, options=BatchOptions(jobs=2), output=out)
    manifest = written(done, out)
    agrees(manifest, done.report)
    assert manifest["summary"]["invalid"] >= 2
