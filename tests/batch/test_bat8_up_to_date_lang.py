"""A combining run that is up to date says in what language its inputs were read
(``UpToDate.lang``), so that the notice can be said in it as the command's status line is;
inputs of both languages give none (the notice is then said in both)."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsbook.api import new_workbook
from opsbook.api.common import load_many
from opsbook.batch import BatchOptions, UpToDate
from opsbook.batch import manifest as manifests

SKIP = BatchOptions(jobs=1, skip_unchanged=True)


def run(sources: list[Path], output: Path) -> None:
    """Read ``sources`` for ``output`` and write it (as a command would), then the
    manifest beside it."""
    books, report = load_many(sources, "attendance", options=SKIP, command="report",
                              output=output)
    assert books and report.valid
    output.write_text(f"report of {len(books)} workbook(s)", encoding="utf-8")
    manifests.settle(output)


@pytest.mark.parametrize(("langs", "said"), [(["zh"], "zh"), (["en"], "en"),
                                             (["zh", "en"], None)])
def test_the_up_to_date_notice_knows_the_inputs_language(tmp_path: Path, langs: list[str],
                                                         said: str | None):
    books = [new_workbook("attendance", lang, tmp_path / f"{n}-{lang}.xlsx", sample=True,
                          seed=n + 1) for n, lang in enumerate(langs)]
    out = tmp_path / "report.xlsx"
    run(books, out)
    with pytest.raises(UpToDate) as done:
        run(books, out)
    assert done.value.lang == said
    assert "is up to date" in done.value.en and "已是最新" in done.value.zh
