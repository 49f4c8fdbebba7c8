"""A run that writes several outputs (a report as .xlsx and .html): the manifest lists each,
and --skip-unchanged calls the run up to date only when every one of them is there and was
written by the last run — a deleted .html, or a format asked for the first time, is
written again."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsbook.api import new_workbook
from opsbook.api.common import load_many
from opsbook.batch import BatchOptions, UpToDate
from opsbook.batch import manifest as manifests

SKIP = BatchOptions(jobs=1, skip_unchanged=True)


def run(source: Path, outputs: list[Path]) -> None:
    """Read ``source`` for ``outputs`` and write each (as a command would), then the
    manifest beside the first."""
    books, report = load_many(source, "attendance", options=SKIP, command="report",
                              output=outputs)
    assert books and report.valid
    for out in outputs:
        out.write_text(f"report of {len(books)} workbook(s)", encoding="utf-8")
    manifests.settle(outputs[0])


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return new_workbook("attendance", "en", tmp_path / "sales.xlsx", sample=True, seed=1)


def test_every_output_is_listed_and_must_be_there(book: Path, tmp_path: Path):
    xlsx, html = tmp_path / "r.xlsx", tmp_path / "r.html"
    run(book, [xlsx, html])
    assert manifests.read(tmp_path / "r.manifest.json")["outputs"] == [str(xlsx), str(html)]
    with pytest.raises(UpToDate):
        run(book, [xlsx, html])
    html.unlink()
    run(book, [xlsx, html])  # not up to date: the .html is written again
    assert html.exists()


def test_an_output_asked_for_the_first_time_is_written(book: Path, tmp_path: Path):
    xlsx, html = tmp_path / "r.xlsx", tmp_path / "r.html"
    run(book, [xlsx])
    html.write_text("a page of the user's", encoding="utf-8")  # not written by the run
    run(book, [xlsx, html])
    assert html.read_text(encoding="utf-8").startswith("report of")
    with pytest.raises(UpToDate):
        run(book, [xlsx, html])


def test_the_manifest_may_be_none_of_the_outputs(book: Path, tmp_path: Path):
    from opsbook.batch import BatchProblem

    with pytest.raises(BatchProblem):
        load_many(book, "attendance", command="report",
                  options=BatchOptions(jobs=1, manifest=tmp_path / "r.html"),
                  output=[tmp_path / "r.xlsx", tmp_path / "r.html"])
