"""The JSON form of a Report: stable, documented by ``opsbook/report.schema.json``."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from conftest import run_cli
from jsonschema import Draft202012Validator

import opsbook
from opsbook.core.issues import ISSUE_FIELDS

SCHEMA = json.loads((resources.files("opsbook") / "report.schema.json").read_text("utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)


def check(report: dict) -> None:
    """Valid against the schema, and consistent with itself."""
    errors = sorted(VALIDATOR.iter_errors(report), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    assert list(report) == ["valid", "readable", "files", "summary", "issues"]
    issues = report["issues"]
    summary = report["summary"]
    assert summary == {
        "files": len(report["files"]),
        "errors": sum(i["severity"] == "error" for i in issues),
        "warnings": sum(i["severity"] == "warning" for i in issues),
        "issues": len(issues),
    }
    assert report["valid"] == (summary["errors"] == 0)
    assert report["readable"] == all(i["category"] != "file" for i in issues)
    for issue in issues:
        assert tuple(issue) == ISSUE_FIELDS
        if issue["cell"] is not None:
            assert int(re.sub(r"^[A-Z]+", "", issue["cell"])) == issue["row"]


def test_the_schema_is_a_valid_schema_of_exactly_the_issue_fields():
    Draft202012Validator.check_schema(SCHEMA)
    issue = SCHEMA["$defs"]["issue"]
    assert tuple(issue["required"]) == ISSUE_FIELDS
    assert tuple(issue["properties"]) == ISSUE_FIELDS
    assert SCHEMA["required"] == ["valid", "readable", "files", "summary", "issues"]


def test_json_of_workbooks_with_errors_and_warnings(quirk_book):
    wrong, dates = quirk_book("wrong-type"), quirk_book("dates-as-text")
    done = run_cli("validate", wrong, dates, "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    check(report)
    assert report["valid"] is False and report["readable"] is True
    assert report["files"] == [str(wrong), str(dates)]
    assert report["summary"] == {"files": 2, "errors": 1, "warnings": 3, "issues": 4}
    first = report["issues"][0]
    assert first == {
        "file": str(wrong), "sheet": "Scores", "cell": "E4", "row": 4, "column": "Score",
        "field": "score", "value": "ninety", "code": "type-error", "severity": "error",
        "category": "data", "message": "'Score' should be a number, found 'ninety'.",
    }
    assert {i["cell"] for i in report["issues"][1:]} == {"B2", "B3", "B4"}


def test_json_values_keep_their_type(quirk_book):
    report = json.loads(run_cli("validate", quirk_book("finish-before-start"),
                                quirk_book("quarters-mismatch"), quirk_book("dates-as-serials"),
                                "--format", "json").stdout)
    check(report)
    values = {(i["code"], i["cell"]): i["value"] for i in report["issues"]}
    assert values["date-order", "E3"] == "2026-07-20"
    assert values["quarters-mismatch", "J2"] == 1100
    assert values["coerced-value", "B2"] == 46328


def test_json_of_a_valid_workbook(quirk_book):
    path = quirk_book("valid-plan")
    done = run_cli("validate", path, "--format", "json")
    assert done.returncode == 0
    report = json.loads(done.stdout)
    check(report)
    assert report == {"valid": True, "readable": True, "files": [str(path)],
                      "summary": {"files": 1, "errors": 0, "warnings": 0, "issues": 0},
                      "issues": []}


def test_json_of_a_file_that_cannot_be_read(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    done = run_cli("validate", path, "--format", "json")
    assert done.returncode == 2
    report = json.loads(done.stdout)
    check(report)
    assert report["readable"] is False
    (issue,) = report["issues"]
    assert (issue["code"], issue["category"], issue["file"]) == ("empty-file", "file", str(path))
    assert issue["sheet"] is issue["cell"] is issue["row"] is None


def test_json_in_chinese(quirk_book):
    path = quirk_book("wrong-type")
    report = json.loads(run_cli("validate", path, "--format", "json", "--lang", "zh").stdout)
    check(report)
    assert report["issues"][0]["message"] == "“Score”应为数字，实际为“ninety”。"


@pytest.mark.parametrize("name", ["blank-tokens", "merged-header", "missing-sheet",
                                  "overlapping-grades", "times-as-text", "error-cells"])
def test_report_to_json_matches_the_schema(quirk_book, name):
    report = json.loads(opsbook.validate(quirk_book(name)).to_json())
    check(report)
    assert report["issues"]


def test_a_whole_number_is_written_as_the_cell_shows_it():
    """A score of 120 typed in a cell (a float to the reader) is 120 in the JSON, as in the
    message; a fraction stays one, and what JSON cannot hold (NaN, infinity) is null."""
    from opsbook.core.issues import Issue

    def value(number):
        return Issue("out-of-range", value=number).to_dict()["value"]

    assert value(120.0) == 120 and isinstance(value(120.0), int)
    assert value(85.5) == 85.5
    assert value(float("nan")) is None and value(float("inf")) is None
    assert json.loads(json.dumps(value(1e300))) == 1e300
