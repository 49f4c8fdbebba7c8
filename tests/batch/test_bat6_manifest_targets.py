"""Where a manifest may not go, refused before anything is read: a file that is no manifest
(a workbook, an earlier pipeline step's results), a path under a file. A pipeline says so
at the line of the step's ``manifest`` before any step runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from batchbooks import pipeline_refused

import opsbook
from opsbook.api import new_workbook
from opsbook.batch import BatchOptions, BatchProblem
from opsbook.batch import manifest as manifests

HEAD = 'kind = "plan"\ninputs = ["plans/"]\noutputs = "out"\n'


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    for n in (1, 2):
        new_workbook("plan", "zh", folder / f"d{n}.xlsx", sample=True, seed=n)
    return folder


def test_a_workbook_that_is_no_input_is_not_replaced_by_a_manifest(plans: Path, tmp_path: Path):
    results = new_workbook("project", "en", tmp_path / "results.xlsx", sample=True, seed=1)
    before = results.read_bytes()
    with pytest.raises(BatchProblem) as refused:
        opsbook.validate(plans, options=BatchOptions(jobs=1, manifest=results))
    assert "no run manifest" in refused.value.en and "不是运行清单" in refused.value.zh
    assert results.read_bytes() == before
    # an earlier manifest is replaced, as before
    target = tmp_path / "run.json"
    opsbook.validate(plans, options=BatchOptions(jobs=1, manifest=target))
    opsbook.validate(plans, options=BatchOptions(jobs=1, manifest=target))
    assert manifests.read(target)["command"] == "validate"


def test_a_manifest_under_a_file_is_refused_before_the_output_is_written(plans: Path,
                                                                        tmp_path: Path):
    (tmp_path / "afile").write_text("notes", encoding="utf-8")
    out = tmp_path / "company.xlsx"
    with pytest.raises(BatchProblem) as refused:
        opsbook.api.consolidate_plans(plans, output=out, options=BatchOptions(
            jobs=1, manifest=tmp_path / "afile" / "run" / "m.json"))
    assert "is a file, not a folder" in refused.value.en and "不是文件夹" in refused.value.zh
    assert not out.exists()


def test_a_steps_manifest_on_its_own_output_is_told_at_its_line(tmp_path: Path):
    text = HEAD + '[[steps]]\nstep = "compute"\nout = "c.xlsx"\nmanifest = "c.xlsx"\n'
    error = pipeline_refused(tmp_path, text)
    assert [(p.line, p.key) for p in error.problems] == [(7, "steps[0].manifest")]
    assert "steps[0].out" in str(error) and "请为清单另取文件名" in error.zh


def test_a_steps_manifest_on_an_earlier_steps_results_is_told(tmp_path: Path):
    text = HEAD + ('[[steps]]\nstep = "compute"\nout = "c.xlsx"\n\n'
                   '[[steps]]\nstep = "validate"\nmanifest = "./c.xlsx"\n\n'
                   '[[steps]]\nstep = "validate"\nmanifest = "v.json"\n\n'
                   '[[steps]]\nstep = "validate"\nmanifest = "v.json"\n')
    error = pipeline_refused(tmp_path, text)
    assert [(p.line, p.key) for p in error.problems] == [(10, "steps[1].manifest"),
                                                         (18, "steps[3].manifest")]
    assert "v.json is written by steps[2].manifest too" in str(error)


def test_steps_writing_their_own_manifests_are_accepted(tmp_path: Path):
    from opsbook.cli.run import arguments
    from opsbook.pipeline import read

    (tmp_path / "plans").mkdir()
    new_workbook("plan", "zh", tmp_path / "plans" / "d1.xlsx", sample=True, seed=1)
    path = tmp_path / "p.toml"
    path.write_text(HEAD + '[[steps]]\nstep = "compute"\nout = "c.xlsx"\n'
                    'manifest = "c.manifest.json"\n\n[[steps]]\nstep = "validate"\n'
                    'manifest = "v.json"\n', encoding="utf-8")
    pipeline = read(path, lambda step, p: arguments(step, p)[2])
    assert [s.name for s in pipeline.steps] == ["compute", "validate"]


def test_a_pipeline_without_inputs_says_they_are_missing(tmp_path: Path):
    error = pipeline_refused(tmp_path, 'kind = "plan"\n[[steps]]\nstep = "validate"\n'
                                       'inputs = ["plans/sales.xlsx"]\n')
    assert "inputs: missing; give a list" in str(error) and "缺少此键" in error.zh


def test_a_manifest_cut_short_is_replaced(plans: Path, tmp_path: Path):
    target = tmp_path / "run.manifest.json"
    target.write_text('{"manifest": 1, "inputs": [', encoding="utf-8")
    report = opsbook.validate(plans, options=BatchOptions(jobs=1, manifest=target,
                                                          skip_unchanged=True))
    assert report.valid
    assert manifests.read(target)["summary"]["valid"] == 2
