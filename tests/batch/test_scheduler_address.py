"""An unusable --scheduler is refused before anything is read: one line in English and one
in Chinese, exit 2, as every batch problem (never "could not finish"); a pipeline's check
refuses it with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from batchbooks import _made, books
from conftest import run_cli

from opsbook.batch import BatchOptions, BatchProblem
from opsbook.cli.run import arguments
from opsbook.pipeline import PipelineError, read


def test_a_scheduler_that_is_no_address_is_one_line_in_each_language(books: Path):
    done = run_cli("validate", books, "--scheduler", "bogus")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "opsbook: error: --scheduler 'bogus' cannot be used: give 'local' or a Dask "
        "scheduler's address, tcp://HOST:PORT",
        "opsbook 错误：--scheduler“bogus”无法使用：请写 local 或 Dask 调度器的地址"
        "（tcp://主机:端口）。",
    ]


@pytest.mark.parametrize("scheduler", ["bogus", "tcp://10.0.0.5", "tcp://10.0.0.5:99999",
                                       "10.0.0.5:port", "http://10.0.0.5:8786", ""])
def test_unusable_schedulers_are_refused(scheduler: str):
    with pytest.raises(BatchProblem) as refused:
        BatchOptions(scheduler=scheduler)
    assert refused.value.en.startswith(f"--scheduler {scheduler!r} cannot be used")
    assert refused.value.zh.endswith("。") and str(refused.value) == refused.value.en


@pytest.mark.parametrize("scheduler", ["local", "tcp://10.0.0.5:8786", "10.0.0.5:8786",
                                       "tls://scheduler.example.com:8786", "tcp://[::1]:8786"])
def test_addresses_dask_takes_are_accepted(scheduler: str):
    assert BatchOptions(scheduler=scheduler).scheduler == scheduler


def test_a_pipeline_with_an_unusable_scheduler_is_refused_with_its_line(tmp_path: Path):
    (tmp_path / "a1-plan.xlsx").touch()
    path = tmp_path / "p.toml"
    path.write_text('kind = "plan"\ninputs = ["a1-plan.xlsx"]\n\n[batch]\n'
                    'scheduler = "bogus"\n\n[[steps]]\nstep = "validate"\n'
                    'scheduler = "tcp://nowhere"\n', encoding="utf-8")
    with pytest.raises(PipelineError) as refused:
        read(path, lambda step, pipeline: arguments(step, pipeline)[2])
    assert [(p.line, p.key) for p in refused.value.problems] == [
        (5, "batch.scheduler"), (9, "steps[0].scheduler")]
    assert all("cannot be used" in p.message for p in refused.value.problems)
