"""A folder does not differ from the file named: an Excel template (.xltx, .xltm, .xlt), a WPS
spreadsheet (.et, .ett) and an OpenDocument template (.ots), read when named, are read when
a folder or a pattern holds them; an Excel add-in in a folder is skipped as what it is."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

from conftest import run_cli

from opsbook.api import new_workbook

_SPEC = importlib.util.spec_from_file_location(
    "rawfiles", Path(__file__).resolve().parents[1] / "io11" / "rawfiles.py")
_RAW = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_RAW)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "计划 2027"
    folder.mkdir()
    plan = new_workbook("plan", "zh", folder / "a-plan.xlsx", sample=True, seed=1)
    for suffix in ("xltx", "xltm"):
        shutil.copy(plan, folder / f"b-template.{suffix}")
    shutil.copy(plan, folder / "c-addin.xlam")
    (folder / "d-notes.txt").write_text("notes", encoding="utf-8")
    return folder


def test_templates_in_a_folder_are_read_as_when_named(tmp_path):
    folder = _folder(tmp_path)
    named = run_cli("validate", "--lang", "en", "--format", "json",
                  str(folder / "b-template.xltx"))
    alone = json.loads(named.stdout)
    assert named.returncode == 0 and alone["files"] == [str(folder / "b-template.xltx")]
    code = run_cli("validate", "--lang", "en", "--format", "json", str(folder))
    report = json.loads(code.stdout)
    assert code.returncode == 0
    assert report["files"] == [str(folder / n) for n in
                               ("a-plan.xlsx", "b-template.xltm", "b-template.xltx")]
    skipped = {Path(i["file"]).name: i["message"] for i in report["issues"]
               if i["code"] == "skipped-file"}
    assert skipped == {
        "c-addin.xlam": "Skipped: an Excel add-in (code for Excel, no data to read).",
        "d-notes.txt": "Skipped: not a workbook."}


def test_an_add_in_is_said_as_one_in_chinese_and_a_pattern_reads_templates(tmp_path):
    folder = _folder(tmp_path)
    given = run_cli("validate", "--lang", "zh", "--format", "json", str(folder / "*"))
    report = json.loads(given.stdout)
    assert [Path(f).name for f in report["files"]] == \
        ["a-plan.xlsx", "b-template.xltm", "b-template.xltx"]
    (addin,) = [i for i in report["issues"] if Path(i["file"]).name == "c-addin.xlam"]
    assert addin["message"] == "已跳过：Excel 加载项（只含代码，没有可读取的数据）。"


def test_wps_files_in_a_folder_are_read(tmp_path):
    """WPS's .et and .ett are .xls inside (a compound file holding a BIFF8 Workbook stream),
    written here byte by byte: read from the folder as when named (one sheet of numbers, no
    standard workbook: unknown-kind, never skipped)."""
    folder = tmp_path / "wps"
    folder.mkdir()
    xls = _RAW.compound({"Workbook": _RAW.xls_stream("Sheet1", {(0, 0): 1.0, (1, 0): 2.0})})
    for suffix in ("et", "ett"):
        (folder / f"plan.{suffix}").write_bytes(xls)
    given = run_cli("validate", "--lang", "en", "--format", "json", str(folder / "plan.et"))
    alone = json.loads(given.stdout)
    code = run_cli("validate", "--lang", "en", "--format", "json", str(folder))
    report = json.loads(code.stdout)
    assert code.returncode == 2
    assert [Path(f).name for f in report["files"]] == ["plan.et", "plan.ett"]
    assert [(Path(i["file"]).name, i["code"]) for i in report["issues"]] == \
        [("plan.et", "unknown-kind"), ("plan.ett", "unknown-kind")]
    assert [i["code"] for i in alone["issues"]] == ["unknown-kind"]
