"""Workbooks for the handler tests, made in the tests: samples, samples with typical mistakes
typed in, and macro workbooks built with mistakes already in their data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from opsbook.api import new_workbook
from opsbook.core.kind import Kind
from opsbook.excel.build import build_workbooks, workbook_name
from opsbook.io import template

SCORES = {"zh": "评分", "en": "Scores"}
#: The mistakes typed into a sample appraisal: (cell on the Scores sheet, value).
MISTAKES = (("E4", 120), ("E5", "八十"), ("A6", "E9999"))
#: A cell whose mistake is fixed in the "fix and validate again" tests, and its good value.
FIXED = ("E4", 88)


def sample(folder: Path, lang: str = "zh", kind: str = "appraisal") -> Path:
    """A sample workbook of ``kind``, as ``opsbook new KIND --sample`` writes it."""
    return new_workbook(kind, lang, folder / f"{kind}-sample.{lang}.xlsx", sample=True)


def broken(folder: Path, lang: str = "zh") -> Path:
    """A sample appraisal with an out-of-range score, a score in words, an unknown employee."""
    source = sample(folder, lang)
    target = folder / f"appraisal-mistakes.{lang}.xlsx"
    book = openpyxl.load_workbook(source)
    for ref, value in MISTAKES:
        book[SCORES[lang]][ref] = value
    book.save(target)
    return target


def set_cells(path: Path, sheet: str, values: dict[str, Any]) -> None:
    """Type values into an .xlsx workbook, as a user would (the built .xlsm files are never
    edited this way: see ``built_with_mistakes``)."""
    book = openpyxl.load_workbook(path)
    for ref, value in values.items():
        book[sheet][ref] = value
    book.save(path)


def built_with_mistakes(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The macro workbooks with sample data, the appraisal ones with two mistakes in it.

    The mistakes go into the sample data before the workbook is written, so the .xlsm comes
    straight from XlsxWriter, as ``opsbook workbooks build`` makes it.
    """
    def frames(kind: Kind, lang: str) -> dict[str, Any]:
        out = kind.sample(seed=7, lang=lang)
        if kind.id == "appraisal":
            scores = out["Scores"].copy()
            scores["score"] = scores["score"].astype(object)
            scores.iloc[0, scores.columns.get_loc("score")] = 120  # E4
            scores.iloc[2, scores.columns.get_loc("employee_id")] = "E9999"  # A6
            out["Scores"] = scores
        return out

    def write(kind: Kind, lang: str, target: Path, **options: Any) -> Path:
        return template.write_template(kind, lang, target, frames=frames(kind, lang),
                                       before=options.get("before"))

    return build_workbooks(folder, write)


def built(paths: list[Path], kind: str, lang: str) -> Path:
    """The one of ``paths`` that is the workbook of ``kind`` in ``lang``."""
    return next(path for path in paths if path.name == workbook_name(kind, lang))
