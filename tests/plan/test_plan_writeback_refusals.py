"""Plans whose status cannot be written into them (.xls, write-protected) and a --year no plan
can have: one readable line in English and Chinese, exit 2, nothing touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import msoffcrypto.format.ooxml
import planbooks
import pytest
from conftest import run_cli, sha256, store_with_libreoffice

from opsbook import CannotWrite, set_plan_status
from opsbook.io.decrypt import DEFAULT_PASSWORD


def _no_traceback(done) -> None:
    assert "Traceback" not in done.stderr and "could not finish" not in done.stderr, done.stderr


@pytest.fixture(scope="module")
def plan_xls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sales department's plan saved by LibreOffice as an .xls workbook."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    home = tmp_path_factory.mktemp("plan-xls")
    sales = planbooks.write(home / "plans")["sales"]
    target = home / "sales.xls"
    log = store_with_libreoffice(home, [(sales, target, None)])
    if not target.exists():
        pytest.fail(f"LibreOffice did not write {target.name}:\n{log}")
    return target


@pytest.mark.slow
def test_the_status_of_an_xls_plan_is_refused_in_both_languages(tmp_path, plan_xls):
    path = Path(shutil.copy(plan_xls, tmp_path))
    before = sha256(path)
    done = run_cli("plan", "status", path, "--set", "submitted")
    _no_traceback(done)
    assert done.returncode == 2
    en, zh = done.stderr.strip().splitlines()
    assert str(path) in en and ".xls format" in en and "Save it as .xlsx first" in en
    assert str(path) in zh and "另存为 .xlsx" in zh and zh.endswith("。")
    assert sha256(path) == before
    with pytest.raises(CannotWrite) as refused:  # the library says the same
        set_plan_status(path, "submitted")
    assert ".xlsx" in str(refused.value) and "另存为" in refused.value.zh
    assert sha256(path) == before


def test_the_status_of_a_write_protected_plan_is_refused(tmp_path):
    sales = planbooks.write(tmp_path / "plans")["sales"]
    path = tmp_path / "protected.xlsx"
    with sales.open("rb") as plain, path.open("wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt(DEFAULT_PASSWORD, out)
    before = sha256(path)
    done = run_cli("plan", "status", path, "--set", "submitted")
    _no_traceback(done)
    assert done.returncode == 2
    en, zh = done.stderr.strip().splitlines()
    assert "write-protected" in en and "写保护" in zh
    assert sha256(path) == before


def test_a_year_no_plan_can_have_is_one_line_in_each_language(tmp_path):
    planbooks.write(tmp_path / "plans")
    out = tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", tmp_path / "plans", "-o", out, "--year", "1899")
    _no_traceback(done)
    assert done.returncode == 2 and not out.exists()
    assert "pydantic" not in done.stderr and "validation error" not in done.stderr
    en, zh = done.stderr.strip().splitlines()
    assert "--year 1899" in en and "1900" in en and "2200" in en
    assert "--year 1899：计划年度应在 1900 到 2200 之间" in zh
    chosen = run_cli("plan", "consolidate", tmp_path / "plans", "-o", out, "--lang", "zh",
                     "--year", "2201")
    assert chosen.returncode == 2 and not out.exists()
    assert chosen.stderr.strip().splitlines() == [
        "opsbook 错误：--year 2201：计划年度应在 1900 到 2200 之间，如 2027。"]


@pytest.mark.parametrize("year", [1900, 2027, 2200, None])
def test_the_plan_years_are_let_through(year):
    from opsbook.cli.plan import _plan_year

    assert _plan_year(year) == year
