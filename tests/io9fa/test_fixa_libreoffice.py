"""Formula values kept on a workbook LibreOffice saved (its own ``<f aca="false">``, ``&quot;``
in formulas, ``t="n"`` on every number), and the written workbook opened by LibreOffice
again: converted to PDF, it shows every value."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import _soffice
from fixabooks import package
from test_fixa_formula_values import READ, ROWS, STRINGS, _calculated_in_place, _values

from opsbook.io.formulas import scan_package

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None or
                                 shutil.which("pdftotext") is None,
                                 reason="LibreOffice (soffice) or pdftotext is not installed")]


def _converted(home: Path, book: Path, to: str) -> Path:
    out = home / to
    log = _soffice(home / "profile", "--convert-to", to, "--outdir", str(out), str(book))
    made = out / f"{book.stem}.{to}"
    assert made.exists(), log
    return made


def test_a_workbook_libreoffice_saved_keeps_its_values_and_opens_again(tmp_path):
    source = package(tmp_path / "book.xlsx", {"Data": ROWS}, STRINGS)
    saved = _converted(tmp_path, source, "xlsx")
    assert _values(saved) == READ
    _calculated_in_place(saved)
    assert _values(saved) == READ
    assert scan_package(str(saved)).formulas["Data"] == (set(), {"D1": "#DIV/0!"})
    pdf = _converted(tmp_path, saved, "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, timeout=60).stdout
    first = next(line.split() for line in text.splitlines() if "beta" in line)
    # LibreOffice shows a boolean in a General cell as 1, as it does the file it saved itself
    assert first == ["1", "2", "beta", "&", "co", "#DIV/0!", "1", "x1"]
    assert any(line.split() == ["2", "4"] for line in text.splitlines())
    assert any(line.split() == ["3", "6"] for line in text.splitlines())
