"""An Excel lock file named on the command line is a file of the run, as a missing or a
.csv file named is: counted, and refused with the workbook it stands for named."""

from __future__ import annotations

import json

from conftest import run_cli

from opsbook.api import new_workbook


def test_a_lock_file_named_counts_as_one_file(tmp_path):
    new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True)  # open in Excel
    lock = tmp_path / "~$plan.xlsx"
    lock.write_bytes(b"\x0bsomeone" + b"\x00" * 100)
    done = run_cli("validate", lock, "--format", "json")
    assert done.returncode == 2
    data = json.loads(done.stdout)
    assert data["files"] == [str(lock)]
    assert (data["summary"]["files"], data["summary"]["errors"]) == (1, 1)
    issue = data["issues"][0]
    assert (issue["code"], issue["file"]) == ("not-a-workbook", str(lock))
    assert "plan.xlsx" in issue["message"]
