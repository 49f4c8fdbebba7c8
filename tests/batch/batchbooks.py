"""Fixtures, imported by name by the tests of this folder, for runs over many files: a
folder of real sample workbooks (made once per session, copied per test) with one invalid
workbook, and the quirks a folder holds."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from opsbook.api import new_workbook

#: The valid workbooks of the folder (kind, seed); names sort in this order.
SAMPLES = [("plan", 1), ("plan", 2), ("project", 3), ("appraisal", 4), ("attendance", 7)]


def sample_folder(target: Path) -> list[Path]:
    """``a1-plan.xlsx`` … ``a5-attendance.xlsx`` (valid) and ``b-invalid.xlsx`` (an appraisal
    with a score of 120 on 评分!E4: one error)."""
    target.mkdir(parents=True, exist_ok=True)
    paths = [new_workbook(kind, "zh" if n % 2 == 0 else "en", target / f"a{n}-{kind}.xlsx",
                          sample=True, seed=seed)
             for n, (kind, seed) in enumerate(SAMPLES, 1)]
    bad = new_workbook("appraisal", "zh", target / "b-invalid.xlsx", sample=True, seed=9)
    book = openpyxl.load_workbook(bad)
    book["评分"]["E4"] = 120
    book.save(bad)
    return [*paths, bad]


@pytest.fixture(scope="session")
def _made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("samples") / "books"
    sample_folder(folder)
    return folder


@pytest.fixture
def books(_made: Path, tmp_path: Path) -> Path:
    """A fresh copy of the sample folder: five valid workbooks and one with one error."""
    return Path(shutil.copytree(_made, tmp_path / "books"))


@pytest.fixture
def messy(books: Path) -> Path:
    """The sample folder plus a corrupt workbook, an Excel lock file, a .txt, a hidden file
    and a sub-folder holding one more workbook."""
    (books / "c-corrupt.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    shutil.copy(books / "a1-plan.xlsx", books / "~$a1-plan.xlsx")
    (books / "notes.txt").write_text("minutes of the meeting", encoding="utf-8")
    (books / ".DS_Store").write_bytes(b"\0")
    (books / "sub").mkdir()
    shutil.copy(books / "a2-plan.xlsx", books / "sub" / "d-plan.xlsx")
    return books


def pipeline_refused(folder: Path, text: str | bytes, given: str = "plans/sales.xlsx"):
    """The PipelineError that checking ``text`` (written as ``folder/p.toml``, beside an
    empty workbook file ``given`` for its inputs to name) raises, every step's options
    checked by its command's own parser."""
    from opsbook.cli.run import arguments
    from opsbook.pipeline import PipelineError, read

    (folder / given).parent.mkdir(parents=True, exist_ok=True)
    (folder / given).touch()
    path = folder / "p.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(PipelineError) as error:
        read(path, lambda step, pipeline: arguments(step, pipeline)[2])
    return error.value


def refused_once(error, where: str, en: str, zh: str) -> None:
    """``error`` (a PipelineError) tells exactly one mistake, at ``where`` (``FILE:LINE``
    and the key, as ``p.toml:5: steps[0].out``), as ``en`` and as ``zh`` in Chinese."""
    file, line, key = where.split(":", 2)
    assert str(error).splitlines() == [f"{file}:{line}:{key}: {en}"]
    assert error.zh.splitlines() == [f"{file}:{line}：{key.strip()}：{zh}"]
