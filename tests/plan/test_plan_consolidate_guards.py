"""What keeps a consolidation honest: its output never replaces a department's plan, an
earlier company plan is not read back as one, a run that writes nothing leaves no manifest,
and the manifest counts the conflicts found in each department's file."""

from __future__ import annotations

import json
import shutil

import planbooks
from conftest import run_cli, sha256


def test_the_output_never_replaces_a_plan_it_reads(tmp_path):
    paths = planbooks.write(tmp_path / "plans")
    before = sha256(paths["sales"])
    done = run_cli("plan", "consolidate", tmp_path / "plans", "-o", paths["sales"])
    assert done.returncode == 2 and "also one of the inputs" in done.stderr
    assert sha256(paths["sales"]) == before


def test_an_earlier_company_plan_in_the_folder_is_not_a_department_plan(tmp_path):
    planbooks.write(tmp_path / "plans")
    company = tmp_path / "plans" / "company.xlsx"
    first = run_cli("plan", "consolidate", tmp_path / "plans", "-o", company)
    again = run_cli("plan", "consolidate", tmp_path / "plans", "-o", company)
    assert first.returncode == again.returncode == 1  # conflicts to follow up, both times
    items = first.stdout.splitlines()[0].split("，")[1]  # "8 个计划项" both times
    assert items in again.stdout and "[skipped-file]" in again.stdout
    shutil.copy(company, tmp_path / "plans" / "company-v1.xlsx")
    third = run_cli("plan", "consolidate", tmp_path / "plans", "-o", company)
    assert items in third.stdout and "[company-plan-left-out]" in third.stdout


def test_a_run_that_writes_nothing_leaves_no_manifest(tmp_path):
    planbooks.write(tmp_path / "plans")
    (tmp_path / "plans" / "broken.xlsx").write_bytes(b"PK\x03\x04 cut short")
    company = tmp_path / "out" / "company.xlsx"
    refused = run_cli("plan", "consolidate", tmp_path / "plans", "-o", company, "--strict")
    # 1, as for a plan with a required value missing: plans were read, one was not
    assert refused.returncode == 1 and not company.exists()
    assert not (tmp_path / "out" / "company.manifest.json").exists()
    nothing = run_cli("plan", "consolidate", tmp_path / "plans" / "broken.xlsx", "-o", company)
    assert nothing.returncode == 2 and "[no-plan-consolidated]" in nothing.stdout
    assert "Traceback" not in nothing.stderr and not company.parent.exists()


def test_the_manifest_counts_the_conflicts_of_each_file(tmp_path):
    paths = planbooks.write(tmp_path / "plans")
    company = tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", tmp_path / "plans", "-o", company)
    assert done.returncode == 1
    manifest = json.loads((tmp_path / "company.manifest.json").read_text(encoding="utf-8"))
    sales = next(i for i in manifest["inputs"] if i["path"] == str(paths["sales"]))
    assert sales["status"] == "invalid" and sales["errors"] > 0
    assert manifest["outputs"] == [str(company)]
    # a conflict is told under the file's own path, not under a second name for it
    assert done.stdout.count(f"{paths['sales']}：") + done.stdout.count(f"{paths['sales']}:") == 1
    again = run_cli("plan", "consolidate", tmp_path / "plans", "-o", company,
                    "--skip-unchanged")
    assert again.returncode == 1 and "up to date" not in again.stdout  # read again
