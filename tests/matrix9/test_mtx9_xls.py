"""A real .xls (saved by LibreOffice, made once per session) given to every command: read
for checking and computing, refused in both languages where a command would write into it,
never changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import mtx9books as books
import pytest
from conftest import _soffice, sha256
from mtx9cli import clean, opsbook

pytestmark = pytest.mark.slow
OUT = "out.xlsx"


@pytest.fixture(scope="session")
def xls_books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """kind → the small valid workbook of that kind saved as .xls, by one LibreOffice run."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    home = tmp_path_factory.mktemp("mtx9-xls")
    sources = [books.valid(kind, home) for kind in books.DATA]
    out = home / "xls"
    out.mkdir()
    log = _soffice(home / "profile", "--convert-to", "xls", "--outdir", str(out),
                   *map(str, sources))
    made = {kind: out / f"{kind}.xls" for kind in books.DATA}
    missing = [kind for kind, path in made.items() if not path.exists()]
    if missing:
        pytest.fail(f"LibreOffice did not write {missing}:\n{log}")
    return made


@pytest.fixture
def xls(xls_books, tmp_path) -> callable:
    def copy(kind: str) -> Path:
        return Path(shutil.copy(xls_books[kind], tmp_path / f"{kind}.xls"))
    return copy


COMPUTE = {
    "appraisal": lambda f, o: ["appraisal", "score", f, "-o", o / OUT],
    "attendance": lambda f, o: ["attendance", "summarize", f, "-o", o / OUT],
    "project": lambda f, o: ["project", "status", f, "--as-of", "2026-11-20", "-o", o / OUT],
    "plan": lambda f, o: ["plan", "track", f, "-o", o / OUT],
}
REFUSED = {
    "annotate": (lambda f, o: ["validate", f, "--annotate", o / "marked.xlsx"],
                 "annotating needs an .xlsx or .xlsm workbook", "标注需要 .xlsx 或 .xlsm 工作簿"),
    "calculate": (lambda f, o: ["calculate", f], "so it needs .xlsx or .xlsm",
                  "只能用于 .xlsx 或 .xlsm 文件"),
    "calculate-o": (lambda f, o: ["calculate", f, "-o", o / OUT], "save it as .xlsx first",
                    "请先另存为 .xlsx"),
}


@pytest.mark.parametrize("kind", books.DATA)
def test_an_xls_is_read_and_computed_and_never_changed(xls, tmp_path, kind):
    file = xls(kind)
    before = sha256(file)
    checked = opsbook("validate", file)
    assert checked.code == 0 and "[read-only-format]" in clean(checked)
    computed = opsbook(*COMPUTE[kind](file, tmp_path))
    assert computed.code == 0, computed.text
    assert (tmp_path / OUT).exists()
    assert opsbook("report", file, "-o", tmp_path / "report.html").code == 0
    assert sha256(file) == before


@pytest.mark.parametrize("command", REFUSED)
@pytest.mark.parametrize("kind", books.DATA)
def test_writing_into_an_xls_is_refused_in_both_languages(xls, tmp_path, kind, command):
    file = xls(kind)
    before = sha256(file)
    arguments, english, chinese = REFUSED[command]
    said = opsbook(*arguments(file, tmp_path))
    text = clean(said)
    assert said.code == 2
    assert file.name in text and english in text and chinese in text, text
    assert sha256(file) == before and not (tmp_path / OUT).exists()


def test_plan_status_of_an_xls_is_refused_in_both_languages(xls):
    file = xls("plan")
    before = sha256(file)
    said = opsbook("plan", "status", file, "--set", "submitted")
    text = clean(said)
    assert said.code == 2
    assert "Save it as .xlsx first" in text and "请先另存为 .xlsx" in text
    assert sha256(file) == before
