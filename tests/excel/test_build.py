"""The macro workbooks: reproducible builds, VBA as written, buttons that call the right Python."""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from lo import STUB_XLWINGS, LibreOffice, soffice
from oletools.olevba import VBA_Parser

from opsbook import registry
from opsbook.core.kind import Kind
from opsbook.excel import build, vba
from opsbook.excel.build import (
    CONF_ROWS,
    CONF_SHEET,
    CONTROL_SHEET,
    build_workbooks,
    decorate,
    macro_name,
    project_modules,
    workbook_name,
)

HERE = Path(__file__).parent
CAPTIONS = {"zh": {"validate": "校验", "calculate": "计算", "report": "生成报告",
                   "email": "发送摘要"},
            "en": {"validate": "Validate", "calculate": "Calculate", "report": "Report",
                   "email": "Email summary"}}
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) not on PATH")


def write_template(
    kind: Kind,
    lang: str,
    target: Path,
    *,
    sample: bool = False,
    before: Callable[[xlsxwriter.Workbook], None] | None = None,
) -> Path:
    """Stand-in for opsbook.io.template.write_template: one Settings sheet per kind."""
    workbook = xlsxwriter.Workbook(str(target), {"strings_to_numbers": False})
    if before is not None:
        before(workbook)
    sheet = workbook.add_worksheet("设置" if lang == "zh" else "Settings")
    sheet.write_row(0, 0, ["键", "值"] if lang == "zh" else ["Key", "Value"])
    sheet.write_row(1, 0, [f"{kind.id}_setting", "1"])
    workbook.close()
    return target


def expected_call(action: str) -> str:
    return f"import opsbook.excel; opsbook.excel.{action}()"


def kind_lang(path: Path) -> tuple[str, str]:
    kind, *rest = path.name.removesuffix(".xlsm").split(".")
    return kind, rest[0] if rest else "zh"


#: Template writers the workbooks are built with: the stand-in above, and the real one.
WRITERS = {"stand-in": "test_build:write_template",
           "opsbook.io": "opsbook.io.template:write_template"}


@pytest.fixture(scope="session", params=list(WRITERS))
def writer(request: pytest.FixtureRequest) -> str:
    if request.param == "opsbook.io":
        pytest.importorskip("opsbook.io.template")
    return WRITERS[request.param]


def load_writer(spec: str) -> Callable[..., Path]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, writer: str) -> list[Path]:
    return build_workbooks(tmp_path_factory.mktemp("built"), load_writer(writer))


@pytest.fixture(scope="session")
def office(tmp_path_factory: pytest.TempPathFactory) -> LibreOffice:
    return LibreOffice(tmp_path_factory.mktemp("libreoffice"))


def build_with_every_writer(folder: Path, **options) -> list[Path]:
    """The workbooks built by each writer in a folder of its own (``folder / writer``), in
    one list: LibreOffice then opens them all in a single run, not once per writer."""
    return [path for name, spec in WRITERS.items()
            for path in build_workbooks(folder / name, load_writer(spec), **options)]


@pytest.fixture(scope="session")
def built_by_both(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build_with_every_writer(tmp_path_factory.mktemp("built-by-both"))


def test_every_kind_and_language_is_built(built: list[Path]) -> None:
    assert [path.name for path in built] == [
        "appraisal.xlsm", "appraisal.en.xlsm", "attendance.xlsm", "attendance.en.xlsm",
        "project.xlsm", "project.en.xlsm", "plan.xlsm", "plan.en.xlsm",
    ]
    assert workbook_name("plan", "en") == "plan.en.xlsm"


def test_same_sources_give_same_bytes(built: list[Path], writer: str, tmp_path: Path) -> None:
    vba._make_vba_project.cache_clear()
    again = build_workbooks(tmp_path / "again", load_writer(writer))
    assert [path.read_bytes() for path in again] == [path.read_bytes() for path in built]


def test_same_bytes_from_another_process(built: list[Path], writer: str, tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from test_build import load_writer;"
        "from opsbook.excel.build import build_workbooks;"
        "build_workbooks(Path(sys.argv[3]), load_writer(sys.argv[2]))"
    )
    root = str(Path(build.__file__).resolve().parents[2])
    path = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "PYTHONHASHSEED": "12345", "TZ": "Asia/Shanghai"}
    subprocess.run([sys.executable, "-c", script, str(HERE), writer, str(tmp_path)],
                   check=True, env=env, timeout=120)
    for built_path in built:
        again = tmp_path / built_path.name
        assert again.read_bytes() == built_path.read_bytes(), built_path.name


def test_creation_date_is_fixed(built: list[Path]) -> None:
    with zipfile.ZipFile(built[0]) as package:
        core = package.read("docProps/core.xml").decode()
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z<" in core


def test_vba_modules_are_their_sources(built: list[Path]) -> None:
    xlwings_dir = vba.xlwings_dir()
    sources = {
        "opsbook": (build.MACROS_DIR / "opsbook.bas").read_bytes().decode("cp1252"),
        "xlwings": (xlwings_dir / "xlwings.bas").read_bytes().decode("cp1252"),
        "Dictionary": vba.xlwings_modules()[1].source,
    }
    for path in built:
        parser = VBA_Parser(str(path))
        try:
            found = {Path(name).stem: code for _, _, name, code in parser.extract_macros()}
        finally:
            parser.close()
        assert sorted(found) == sorted([*sources, "ThisWorkbook", "Sheet1"]), path.name
        for name, source in sources.items():
            assert vba.crlf(found[name]) == vba.crlf(source), (path.name, name)


def test_embedded_xlwings_is_the_installed_version() -> None:
    import xlwings

    module, dictionary = vba.xlwings_modules()
    assert f"'Version: {xlwings.__version__}\r\n" in module.source
    assert "Function RunPython(" in module.source
    assert dictionary.kind == "class" and 'Attribute VB_Name = "Dictionary"' in dictionary.source


def test_vba_text_is_cp1252_with_crlf() -> None:
    for module in project_modules():
        assert "\n" not in module.source.replace("\r\n", "")
        module.source.encode("cp1252")


def _vml_buttons(path: Path) -> list[tuple[str, str]]:
    """(caption, macro) of every button, from the VML drawings."""
    with zipfile.ZipFile(path) as package:
        drawings = [name for name in package.namelist() if name.endswith(".vml")]
        text = "".join(package.read(name).decode("utf-8") for name in drawings)
    return re.findall(r"<font [^>]*>([^<]*)</font>.*?<x:FmlaMacro>([^<]*)</x:FmlaMacro>",
                      text, re.S)


def test_every_button_names_an_existing_sub(built: list[Path]) -> None:
    subs = {sub for module in project_modules() for sub in module.public_subs()}
    for path in built:
        kind, lang = kind_lang(path)
        buttons = _vml_buttons(path)
        assert buttons == [(CAPTIONS[lang][action], f"[0]!{macro_name(action)}")
                           for action in registry.get(kind).buttons], path.name
        for _, macro in buttons:
            assert macro.removeprefix("[0]!") in subs


def test_buttons_live_on_the_first_sheet(built: list[Path]) -> None:
    for path in built:
        with zipfile.ZipFile(path) as package:
            workbook = package.read("xl/workbook.xml").decode()
            first = re.search(r'<sheet name="([^"]+)"', workbook)
            rels = package.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
            drawing = re.search(r'Target="\.\./drawings/(vmlDrawing\d+\.vml)"', rels)
            assert first and drawing, path.name
            macros = {name: package.read(name).decode().count("<x:FmlaMacro>")
                      for name in package.namelist() if name.endswith(".vml")}
        _, lang = kind_lang(path)
        assert first.group(1) == CONTROL_SHEET[lang]
        assert sum(macros.values()) == macros[f"xl/drawings/{drawing.group(1)}"] > 0


def test_opens_with_openpyxl(built: list[Path]) -> None:
    for path in built:
        kind, lang = kind_lang(path)
        book = openpyxl.load_workbook(path)
        assert book.sheetnames[0] == CONTROL_SHEET[lang]
        assert book.active.title == CONTROL_SHEET[lang]
        control = book[CONTROL_SHEET[lang]]
        assert control.sheet_state == "visible"
        assert control["A1"].value.endswith("操作面板" if lang == "zh" else "Control")
        conf = book[CONF_SHEET]
        assert conf.sheet_state == "hidden"
        rows = [(row[0].value, row[1].value) for row in conf.iter_rows(max_col=2)]
        assert rows == [(key, value if value != "" else None) for key, value in CONF_ROWS]


def test_conf_keys_are_spelled_as_xlwings_reads_them() -> None:
    source = (vba.xlwings_dir() / "xlwings.bas").read_text(encoding="cp1252")
    for key, _ in CONF_ROWS:
        assert f'GetConfig("{key}"' in source, key


def test_decorate_refuses_what_it_cannot_build(tmp_path: Path) -> None:
    cases = [("appraisal", "fr", ["validate"]), ("payroll", "en", ["validate"]),
             ("appraisal", "en", ["publish"])]
    for kind, lang, actions in cases:
        workbook = xlsxwriter.Workbook(str(tmp_path / "x.xlsm"))
        with pytest.raises(ValueError):
            decorate(workbook, registry.get(kind), lang, actions)
    with pytest.raises(ValueError, match="xlsm"):
        decorate(xlsxwriter.Workbook(str(tmp_path / "z.xlsx")), registry.get("plan"), "en",
                 ["validate"])
    started = xlsxwriter.Workbook(str(tmp_path / "w.xlsm"))
    started.add_worksheet()
    with pytest.raises(ValueError, match="no sheets"):
        decorate(started, registry.get("plan"), "en", ["validate"])
    no_subs = [vba.module_from_text('Attribute VB_Name = "other"\nSub Other()\nEnd Sub\n')]
    workbook = xlsxwriter.Workbook(str(tmp_path / "y.xlsm"))
    with pytest.raises(ValueError, match="OpsbookValidate"):
        decorate(workbook, registry.get("plan"), "en", ["validate"], modules=no_subs)


def test_module_text_outside_cp1252_is_refused() -> None:
    with pytest.raises(ValueError, match="cp1252"):
        vba.module_from_text('Attribute VB_Name = "m"\n\' 校验\n')


def test_template_sheets_follow_control_and_conf(built: list[Path]) -> None:
    for path in built:
        _, lang = kind_lang(path)
        names = openpyxl.load_workbook(path, read_only=True).sheetnames
        assert names[:2] == [CONTROL_SHEET[lang], CONF_SHEET] and len(names) > 2


@pytest.mark.slow
@needs_soffice
def test_libreoffice_converts_each_workbook_to_pdf(
    built_by_both: list[Path], office: LibreOffice, tmp_path: Path
) -> None:
    named = [shutil.copy(path, tmp_path / f"{path.parent.name}-{path.name}")
             for path in built_by_both]  # one output folder: a name of its own each
    pdfs = office.convert(named, tmp_path / "pdf")
    assert len(pdfs) == 16
    for pdf in pdfs:
        assert pdf.read_bytes().startswith(b"%PDF-"), pdf.name


@pytest.mark.slow
@needs_soffice
def test_libreoffice_loads_modules_sheets_and_buttons(
    built_by_both: list[Path], office: LibreOffice
) -> None:
    assert len(built_by_both) == 16
    for path, report in zip(built_by_both, office.inspect(built_by_both), strict=True):
        kind, lang = kind_lang(path)
        assert report.errors == [] and report.closed, path.name
        assert sorted(report.modules["VBAProject"]) == [
            "Dictionary", "Sheet1", "ThisWorkbook", "opsbook", "xlwings"]
        assert list(report.sheets)[:2] == [CONTROL_SHEET[lang], CONF_SHEET]
        assert report.sheets[CONTROL_SHEET[lang]] and not report.sheets[CONF_SHEET]
        assert [(b.sheet, b.label) for b in report.buttons] == [
            (CONTROL_SHEET[lang], CAPTIONS[lang][action]) for action in registry.get(kind).buttons]


@pytest.mark.slow
@needs_soffice
def test_each_button_runs_its_sub_and_calls_its_python(
    office: LibreOffice, tmp_path: Path
) -> None:
    """Pressed in LibreOffice with RunPython stubbed, each button makes exactly its call."""
    modules = (*vba.read_modules(build.MACROS_DIR), vba.module_from_text(STUB_XLWINGS),
               vba.xlwings_modules()[1])
    paths = build_with_every_writer(tmp_path, modules=modules)
    assert len(paths) == 16
    for path, report in zip(paths, office.press_buttons(paths), strict=True):
        kind, lang = kind_lang(path)
        assert report.errors == [] and report.closed, path.name
        actions = registry.get(kind).buttons
        assert [b.label for b in report.buttons] == [CAPTIONS[lang][a] for a in actions]
        for button, action in zip(report.buttons, actions, strict=True):
            assert [(b.event, b.script) for b in button.bindings] == [(
                "XActionListener.actionPerformed",
                f"vnd.sun.star.script:VBAProject.opsbook.{macro_name(action)}"
                "?language=Basic&location=document",
            )], path.name
            assert button.calls == [expected_call(action)], (path.name, button.label)


# --- the committed workbooks and the command that builds them ------------------------------

REPO = Path(build.__file__).resolve().parents[2]


def test_committed_workbooks_are_a_fresh_build(tmp_path: Path) -> None:
    """workbooks/*.xlsm are current: rebuilt from today's sources, they are the same bytes."""
    from opsbook.io.template import write_template

    fresh = build_workbooks(tmp_path, write_template)
    committed = sorted((REPO / "workbooks").glob("*.xlsm"))
    assert sorted(p.name for p in committed) == sorted(p.name for p in fresh)
    for path in fresh:
        assert (REPO / "workbooks" / path.name).read_bytes() == path.read_bytes(), (
            f"workbooks/{path.name} is stale: run 'opsbook workbooks build'")


def test_workbooks_build_command_writes_and_lists_every_workbook(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from opsbook.cli import app

    result = CliRunner().invoke(app, ["workbooks", "build", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    listed = [Path(line) for line in result.output.splitlines()]
    assert [p.name for p in listed] == [workbook_name(k, lang) for k in registry.names()
                                         for lang in build.LANGS]
    assert all(p.exists() for p in listed)


def test_workbooks_build_without_macros_says_so_in_a_line_per_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from opsbook import cli

    monkeypatch.setattr(build, "MACROS_DIR", tmp_path / "macros")
    monkeypatch.setattr("sys.argv", ["opsbook", "workbooks", "build", "--out", str(tmp_path)])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and all("macros/" in line for line in lines)
    assert lines[0].startswith("opsbook: error:") and lines[1].startswith("opsbook 错误：")
    assert not list(tmp_path.glob("*.xlsm"))
