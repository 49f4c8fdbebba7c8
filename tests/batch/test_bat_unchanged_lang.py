"""An input skipped as unchanged is told in the language the last run read it in: the
manifest records each input's language."""

from __future__ import annotations

import json

from conftest import run_cli

import opsbook


def test_an_unchanged_chinese_workbook_is_told_in_chinese(tmp_path):
    folder = tmp_path / "books"
    folder.mkdir()
    opsbook.new_workbook("plan", "zh", folder / "plan.xlsx", sample=True)
    manifest = tmp_path / "run.json"
    args = ("validate", folder, "--skip-unchanged", "--manifest", manifest, "--quiet")
    run_cli(*args)
    [entry] = json.loads(manifest.read_text(encoding="utf-8"))["inputs"]
    assert entry["lang"] == "zh"
    again = run_cli(*args)
    assert "未检查" in again.stdout and "自上次运行以来未改动" in again.stdout
    assert again.stdout.strip().splitlines()[-1].startswith("共 1 个文件")
