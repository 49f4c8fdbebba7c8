"""What commands write: never over an input, never in another file type, keeping the file's
permissions and links; and messages in each workbook's own language."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from opsbook.api import new_workbook


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "opsbook.cli", *args], capture_output=True,
                          text=True, timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def appraisal(tmp_path: Path) -> Path:
    path = tmp_path / "appraisal.xlsx"
    new_workbook("appraisal", "zh", path, sample=True)
    return path


@pytest.mark.parametrize("args", [
    ("appraisal", "score", "{in}", "-o", "{in}"),
    ("appraisal", "score", "{in}", "-o", "{dir}/results.csv"),
    ("calculate", "{in}", "-o", "{dir}/results.csv"),
    ("calculate", "{in}", "-o", "{dir}/results.xlsm"),
    ("validate", "{in}", "--annotate", "{in}"),
    ("appraisal", "score", "{in}", "-o", "{dir}/results.xlsm"),
], ids=["score-over-input", "score-as-csv", "calculate-as-csv", "calculate-changes-type",
        "annotate-over-input", "new-results-as-xlsm"])
def test_refused_outputs_leave_everything_as_it_was(appraisal: Path, args: tuple[str, ...]):
    before = digest(appraisal)
    words = [a.format(**{"in": appraisal, "dir": appraisal.parent}) for a in args]
    done = run(*words)
    assert done.returncode == 2
    assert done.stderr.startswith("opsbook: error: ") and "Traceback" not in done.stderr
    assert digest(appraisal) == before
    assert sorted(p.name for p in appraisal.parent.iterdir()) == ["appraisal.xlsx"]


def test_calculate_on_a_kind_without_a_calculation_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Every kind shipped has a computation, so the plan kind is registered here without
    one (as a kind added later may be): its workbook is refused in both languages, exit 2,
    and not touched."""
    from opsbook import cli, registry

    kinds = dict(registry.kinds())
    kinds["plan"] = kinds["plan"].replace(calculate=None)
    monkeypatch.setattr(registry, "kinds", lambda: kinds)
    path = tmp_path / "plan.xlsx"
    new_workbook("plan", "en", path, sample=True)
    before = digest(path)
    monkeypatch.setattr("sys.argv", ["opsbook", "calculate", str(path)])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        f"opsbook: error: {path}: annual operations plan workbooks have no Calculate step; "
        "'opsbook validate' checks them",
        f"opsbook 错误：{path}：年度运营计划工作簿没有“计算”步骤；请用“opsbook validate”检查。"]
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_score_says_which_kind_a_workbook_is(tmp_path: Path):
    path = tmp_path / "plan.xlsx"
    new_workbook("plan", "en", path, sample=True)
    done = run("appraisal", "score", str(path), "-o", str(tmp_path / "out.xlsx"))
    assert done.returncode == 2
    assert "looks like a workbook for annual operations plan" in done.stderr


@pytest.mark.skipif(os.name != "posix", reason="permissions and links as on POSIX")
def test_calculate_in_place_keeps_permissions_and_follows_links(appraisal: Path):
    appraisal.chmod(0o640)
    link = appraisal.with_name("link.xlsx")
    link.symlink_to(appraisal.name)
    assert run("calculate", str(link)).returncode == 0
    assert link.is_symlink()
    assert stat.S_IMODE(appraisal.stat().st_mode) == 0o640
    assert "考核结果" in openpyxl.load_workbook(appraisal).sheetnames


def test_each_issue_is_told_in_its_own_workbooks_language(tmp_path: Path):
    zh, en = tmp_path / "zh.xlsx", tmp_path / "en.xlsx"
    new_workbook("appraisal", "zh", zh, sample=True)
    new_workbook("plan", "en", en, sample=True)
    for path, sheet, cell in ((zh, "评分", "E4"), (en, "Plan", "G4")):
        book = openpyxl.load_workbook(path)
        book[sheet][cell] = "lots"
        book.save(path)
    for _ in range(3):  # the same every time
        data = json.loads(run("validate", str(zh), str(en), "--format", "json").stdout)
        messages = {Path(i["file"]).name: i["message"] for i in data["issues"]}
        assert messages["zh.xlsx"] == "“分数”应为数字，实际为“lots”。"
        assert messages["en.xlsx"] == "'Annual Target' should be a number, found 'lots'."
    forced = json.loads(run("validate", str(zh), str(en), "-f", "json", "--lang", "en").stdout)
    assert all("应为" not in i["message"] for i in forced["issues"])


def test_a_new_results_workbook_named_xlsm_is_refused_from_python(appraisal: Path,
                                                                  tmp_path: Path):
    """A workbook written from scratch has no macros: Excel refuses one named .xlsm."""
    from opsbook.api import CannotWrite, score_appraisal, write_output

    done = score_appraisal(appraisal)
    with pytest.raises(CannotWrite) as refused:
        write_output(tmp_path / "results.xlsm", done.sheets)
    assert "name it .xlsx" in str(refused.value) and "请使用 .xlsx" in refused.value.zh
    assert not (tmp_path / "results.xlsm").exists()
