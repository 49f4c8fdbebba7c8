"""A workbook Excel asks a password to modify, or recommends opening read-only, is not
encrypted: the ``fileSharing`` element of its workbook part says so (ECMA-376 Part 1,
18.2.12). It is read with the ``write-protected`` note, and nothing writes into it in place:
``plan status`` and ``calculate`` refuse (exit 2, the file byte for byte as it was), as they
do for a workbook under Excel's default password; a copy (``calculate -o``) is written.
Before, ``plan status`` rewrote it and the protection was gone. Real files on disk."""

from __future__ import annotations

import base64
import zipfile

import pytest
from conftest import run_cli, sha256

from opsbook import new_workbook

#: What Excel writes for "Password to modify" (hash form) and for "Read-only recommended".
SHARING = {
    "password": ('<fileSharing userName="Ann" algorithmName="SHA-512" hashValue="'
                 + base64.b64encode(bytes(range(64))).decode() + '" saltValue="'
                 + base64.b64encode(bytes(range(16))).decode() + '" spinCount="100000"/>'),
    "read-only": '<fileSharing readOnlyRecommended="1"/>',
}


def shared(source, target, element):
    """``source`` with ``element`` first in its workbook part, as Excel places it."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/workbook.xml":
                text = data.decode("utf-8")
                at = text.index(">", text.index("<workbook")) + 1
                data = (text[:at] + element + text[at:]).encode("utf-8")
            new.writestr(info, data)
    return target


@pytest.mark.parametrize("how", sorted(SHARING))
def test_a_plan_protected_by_file_sharing_is_read_with_a_note_and_not_written(tmp_path, how):
    plan = new_workbook("plan", "zh", tmp_path / "plan.xlsx", sample=True)
    path = shared(plan, tmp_path / "protected.xlsx", SHARING[how])
    before = sha256(path)
    checked = run_cli("validate", path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "[write-protected]" in checked.stdout
    status = run_cli("plan", "status", path, "--set", "submitted")
    assert status.returncode == 2, status.stdout + status.stderr
    en, zh = status.stderr.strip().splitlines()
    assert "write-protected" in en and "写保护" in zh and "Traceback" not in status.stderr
    assert sha256(path) == before
    calculated = run_cli("calculate", path)
    assert calculated.returncode == 2, calculated.stdout + calculated.stderr
    assert "write-protected" in calculated.stderr and sha256(path) == before
    copy = tmp_path / "copy.xlsx"
    assert run_cli("calculate", path, "-o", copy).returncode in (0, 1) and copy.exists()
    assert sha256(path) == before


def test_a_file_sharing_element_without_protection_is_no_protection(tmp_path):
    """A ``fileSharing`` naming only who saved it (no password, not read-only
    recommended) protects nothing: the status is written."""
    plan = new_workbook("plan", "zh", tmp_path / "plan.xlsx", sample=True)
    path = shared(plan, tmp_path / "named.xlsx", '<fileSharing userName="Ann"/>')
    done = run_cli("plan", "status", path, "--set", "submitted")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_protected_company_plan_at_the_output_is_not_replaced(tmp_path):
    """Consolidating again into a company plan Excel asks a password to modify: replacing it
    would lose that protection (and nothing of it is written into in place): refused, exit
    2, the file as it was."""
    plans = tmp_path / "plans"
    new_workbook("plan", "zh", plans / "sales.xlsx", sample=True)
    made = tmp_path / "made.xlsx"
    assert run_cli("plan", "consolidate", plans, "-o", made).returncode in (0, 1)
    company = shared(made, tmp_path / "company.xlsx", SHARING["password"])
    before = sha256(company)
    done = run_cli("plan", "consolidate", plans, "-o", company)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "[earlier-plan-protected]" in done.stdout and "写保护" in done.stdout
    assert sha256(company) == before
