"""An empty manifest path given from Python (an unset variable in a script) is refused in
both languages, as on the command line: never a run that silently writes no manifest, nor
one that writes a manifest named " "."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batchbooks import _made, books  # noqa: F401 - fixtures

import opsbook
from opsbook.batch import BatchOptions, BatchProblem


@pytest.mark.parametrize("given", ["", " ", "\t"])
def test_an_empty_manifest_is_refused_before_anything_is_read(
        books: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str):  # noqa: F811
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BatchProblem) as refused:
        opsbook.validate(books, options=BatchOptions(jobs=1, manifest=given))
    assert "an empty path names no file" in str(refused.value)
    assert "空路径不指向任何文件" in refused.value.zh
    assert sorted(p.name for p in tmp_path.iterdir()) == ["books"]  # no file named " "


def test_a_manifest_named_is_written(books: Path, tmp_path: Path):  # noqa: F811
    where = tmp_path / "run.manifest.json"
    opsbook.validate(books, options=BatchOptions(jobs=1, manifest=str(where)))
    manifest = json.loads(where.read_text(encoding="utf-8"))  # the run's, every input in it
    assert [(Path(i["path"]).name, i["status"]) for i in manifest["inputs"]] == [
        ("a1-plan.xlsx", "valid"), ("a2-plan.xlsx", "valid"), ("a3-project.xlsx", "valid"),
        ("a4-appraisal.xlsx", "valid"), ("a5-attendance.xlsx", "valid"),
        ("b-invalid.xlsx", "invalid")]
    assert (manifest["summary"]["valid"], manifest["summary"]["invalid"]) == (5, 1)
