"""The add-in opsbook.xlam: a valid add-in package with its ribbon, VBA as written, callbacks
that exist, handlers on the active workbook, and install paths for Windows and macOS."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from books import MISTAKES, SCORES, broken, sample
from hypothesis import given
from hypothesis import strategies as st
from lo import LibreOffice, soffice
from lo_addin import STUB_XLWINGS, run_addin
from oletools.olevba import VBA_Parser
from remote import remote_book

import opsbook.excel.tab
from opsbook.api import new_workbook
from opsbook.excel import addin, ribbon, startup, vba
from opsbook.excel.buttons import workbook_lang
from opsbook.excel.handlers import summary_line

REPO = Path(addin.__file__).resolve().parents[2]
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) not on PATH")
CUSTOMUI = "{" + ribbon.NAMESPACE + "}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return addin.build_addin(tmp_path_factory.mktemp("addin"))


def modules_of(path: Path) -> dict[str, str]:
    """Module name → source, as olevba extracts them from the add-in."""
    parser = VBA_Parser(str(path))
    try:
        return {Path(name).stem: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


# --- the package ------------------------------------------------------------------------

def test_same_sources_give_same_bytes(built: Path, tmp_path: Path) -> None:
    vba._make_vba_project.cache_clear()
    assert addin.build_addin(tmp_path).read_bytes() == built.read_bytes()


def test_same_bytes_from_another_process(built: Path, tmp_path: Path) -> None:
    script = ("import sys; from pathlib import Path; from opsbook.excel.addin import build_addin;"
              "build_addin(Path(sys.argv[1]))")
    path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "PYTHONHASHSEED": "4242", "TZ": "America/Lima"}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, env=env,
                   timeout=120)
    assert (tmp_path / addin.ADDIN_NAME).read_bytes() == built.read_bytes()


def test_committed_addin_is_a_fresh_build(built: Path) -> None:
    committed = REPO / "workbooks" / addin.ADDIN_NAME
    assert committed.read_bytes() == built.read_bytes(), (
        "workbooks/opsbook.xlam is stale: run 'opsbook addin build'")


def test_the_package_is_an_addin_whose_ribbon_the_package_links(built: Path) -> None:
    with zipfile.ZipFile(built) as package:
        types = ET.fromstring(package.read("[Content_Types].xml"))
        rels = ET.fromstring(package.read("_rels/.rels"))
        names = package.namelist()
        ribbon_part = package.read("customUI/customUI14.xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/xl/workbook.xml"] == "application/vnd.ms-excel.addin.macroEnabled.main+xml"
    links = [(r.get("Type"), r.get("Target")) for r in rels]
    assert ("http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",
            "customUI/customUI14.xml") in links
    assert names[0] == "[Content_Types].xml" and "xl/vbaProject.bin" in names
    assert ribbon_part == (ribbon.ADDIN_DIR / "customUI14.xml").read_bytes()
    assert len({r.get("Id") for r in rels}) == len(links)


def test_the_addin_sheets_hold_its_settings_and_every_label(built: Path) -> None:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(built))
    assert book.sheet_names == ["opsbook.conf", "labels"]
    assert book.get_sheet_by_name("opsbook.conf").to_python() == [
        ["ADD_WORKBOOK_TO_PYTHONPATH", False]]
    rows = book.get_sheet_by_name("labels").to_python()
    assert rows[0] == ["key", "en", "zh"]
    labels = {row[0]: tuple(row[1:]) for row in rows[1:]}
    assert labels["opsbookValidate"] == ("Validate", "校验")
    assert labels["opsbookNewAppraisalZh"] == ("Performance Appraisal", "绩效考核")
    assert labels["opsbookNewAppraisalZh.file"] == ("绩效考核.xlsx", "绩效考核.xlsx")
    assert labels["opsbookNewPlanEn.file"] == ("Annual Operations Plan.xlsx",) * 2
    assert all(en and zh for en, zh in labels.values())
    assert all(re.search("[\u4e00-\u9fff]", zh) for key, (en, zh) in labels.items()
               if key != "opsbookTab" and not key.endswith(".file"))


# --- the ribbon XML, against the customUI schema --------------------------------------------

#: From Microsoft's customUI schema for Office 2010 and later (customUI14.xsd, namespace
#: .../office/2009/07/customui, published in [MS-CUSTOMUI2]): for each element used here,
#: the attributes its type allows (AG_IDAttributes, AG_Label, AG_Image, AG_Action,
#: AG_Screentip, AG_Size, AG_Enabled, AG_Visible, AG_Keytip, AG_PositionAttributes, tag)
#: and the children it may have. The schema itself is not redistributed here.
_POSITION = {"insertAfterMso", "insertBeforeMso", "insertAfterQ", "insertBeforeQ"}
_ID = {"id", "idQ", "tag"}
_LABEL = {"label", "getLabel"}
_IMAGE = {"image", "imageMso", "getImage"}
_TIPS = {"screentip", "getScreentip", "supertip", "getSupertip"}
_STATE = {"enabled", "getEnabled", "visible", "getVisible", "keytip", "getKeytip"}
_SHOW = {"showLabel", "getShowLabel", "showImage", "getShowImage"}
SCHEMA = {
    "customUI": ({"onLoad", "loadImage"}, {"commands", "ribbon", "backstage", "contextMenus"}),
    "ribbon": ({"startFromScratch"}, {"qat", "tabs", "contextualTabs"}),
    "tabs": (set(), {"tab"}),
    "tab": (_ID | {"idMso"} | _LABEL | _POSITION | {"visible", "getVisible", "keytip",
                                                      "getKeytip"}, {"group"}),
    "group": (_ID | {"idMso"} | _LABEL | _IMAGE | _POSITION | _TIPS
              | {"visible", "getVisible", "keytip", "getKeytip", "autoScale",
                 "centerVertically"},
              {"button", "menu", "separator", "box", "toggleButton",
               "checkBox", "editBox", "comboBox", "dropDown", "gallery", "splitButton",
               "buttonGroup", "labelControl", "dynamicMenu", "control", "dialogBoxLauncher"}),
    "button": (_ID | {"idMso"} | _LABEL | _IMAGE | _POSITION | _TIPS | _STATE | _SHOW
               | {"onAction", "size", "getSize", "description", "getDescription"}, set()),
    "menu": (_ID | {"idMso"} | _LABEL | _IMAGE | _POSITION | _TIPS | _STATE | _SHOW
             | {"size", "getSize", "itemSize", "description", "getDescription"},
             {"button", "menuSeparator", "menu", "toggleButton", "checkBox", "gallery",
              "splitButton", "dynamicMenu", "control"}),
    "menuSeparator": ({"id", "idQ", "tag", "title", "getTitle"} | _POSITION, set()),
}
_CHOICES = {"size": {"normal", "large"}, "itemSize": {"normal", "large"}}
_NCNAME = re.compile(r"[A-Za-z_][\w.\-]*")
_PAIRS = (("label", "getLabel"), ("image", "imageMso", "getImage"), ("title", "getTitle"),
          ("supertip", "getSupertip"), ("screentip", "getScreentip"))


def test_the_ribbon_uses_only_what_the_customui_schema_allows() -> None:
    root = ET.fromstring(ribbon.ribbon_xml())
    assert root.tag == CUSTOMUI + "customUI"
    ids = []
    for parent in root.iter():
        name = parent.tag.removeprefix(CUSTOMUI)
        assert parent.tag.startswith(CUSTOMUI), parent.tag
        allowed, children = SCHEMA[name]
        assert set(parent.attrib) <= allowed, (name, set(parent.attrib) - allowed)
        for child in parent:
            assert child.tag.removeprefix(CUSTOMUI) in children, (name, child.tag)
        for attribute, value in parent.attrib.items():
            assert 1 <= len(value) <= 1024, (name, attribute)
            if attribute in _CHOICES:
                assert value in _CHOICES[attribute], (name, attribute, value)
            if attribute == "id" or attribute.startswith(("on", "get")):
                assert _NCNAME.fullmatch(value), (name, attribute, value)
        for pair in _PAIRS:  # a text given and asked for at once is a load error
            assert len(set(pair) & set(parent.attrib)) <= 1, (name, pair)
        if "id" in parent.attrib:
            ids.append(parent.attrib["id"])
    assert len(ids) == len(set(ids)), "control ids are unique"


def test_the_new_menu_offers_every_kind_in_both_languages() -> None:
    items = ribbon.new_items(ribbon.ribbon_xml())
    assert sorted((kind, lang) for _, kind, lang in items) == sorted(
        (kind, lang) for kind in addin.kind_titles() for lang in ("zh", "en"))


def test_every_callback_is_a_sub_with_the_ribbon_signature(built: Path) -> None:
    code = "\n".join(modules_of(built).values())
    signatures = {
        "onAction": r"\(control As IRibbonControl\)",
        "getLabel": r"\(control As IRibbonControl, ByRef \w+\)",
        "getSupertip": r"\(control As IRibbonControl, ByRef \w+\)",
        "getTitle": r"\(control As IRibbonControl, ByRef \w+\)",
    }
    found = ribbon.callbacks(ribbon.ribbon_xml())
    assert {c.attribute for c in found} == set(signatures)
    for callback in found:
        pattern = rf"^Public Sub {callback.sub}{signatures[callback.attribute]}\r?$"
        assert re.search(pattern, code, re.MULTILINE), callback


def test_a_ribbon_calling_a_missing_sub_or_lacking_a_label_is_not_built(tmp_path: Path) -> None:
    source = (ribbon.ADDIN_DIR / "customUI14.xml").read_text(encoding="utf-8")
    (tmp_path / "customUI14.xml").write_text(
        source.replace('onAction="OpsbookHelp"', 'onAction="OpsbookHelpMe"'), encoding="utf-8")
    (tmp_path / "OpsbookRibbon.bas").write_bytes(
        (ribbon.ADDIN_DIR / "OpsbookRibbon.bas").read_bytes())
    with pytest.raises(ValueError, match="OpsbookHelpMe, which no VBA module defines"):
        addin.addin_bytes(addin_dir=tmp_path)
    unlabelled = source.replace('id="opsbookHelp"', 'id="opsbookHelpMe"').encode()
    with pytest.raises(ValueError, match="opsbookHelpMe, opsbookHelpMe.tip"):
        ribbon.label_rows(unlabelled, addin.kind_titles())


def test_every_run_python_calls_an_existing_function_of_the_tab() -> None:
    source = (ribbon.ADDIN_DIR / "OpsbookRibbon.bas").read_text(encoding="cp1252")
    calls = re.findall(r'RunPython "import opsbook\.excel\.tab; opsbook\.excel\.tab\.(\w+)\(',
                       source)
    assert sorted(calls) == ["calculate", "new_workbook", "settings", "validate"]
    assert all(callable(getattr(opsbook.excel.tab, name)) for name in calls)


# --- the VBA as written ---------------------------------------------------------------------

def test_olevba_extracts_every_module_equal_to_its_source(built: Path) -> None:
    xlwings = (vba.xlwings_dir() / "xlwings_custom_addin.bas").read_bytes().decode("cp1252")
    found = modules_of(built)
    assert found["OpsbookRibbon"] == vba.crlf(
        (ribbon.ADDIN_DIR / "OpsbookRibbon.bas").read_bytes().decode("cp1252"))
    expected = xlwings.replace('PROJECT_NAME As String = "myaddin"',
                               'PROJECT_NAME As String = "opsbook"')
    assert expected != xlwings and found["xlwings"] == vba.crlf(expected)
    assert found["Dictionary"] == vba.xlwings_modules()[1].source
    assert {"OpsbookRibbon", "xlwings", "Dictionary"} <= set(found)


def test_the_addin_hands_python_the_active_workbook_not_itself(built: Path) -> None:
    """The add-in's RunPython names ActiveWorkbook where the standalone module names
    ThisWorkbook: on Windows in ``--wb=`` (what ``xw.Book.caller()`` reads), on macOS in
    the AppleScript's parameter string; its settings sheet is looked up there first."""
    code = modules_of(built)["xlwings"]
    windows = re.search(r'" --wb=" & """" & (\w+)\.Name & """ --from_xl=1"', code)
    mac = re.search(r'ParameterString = ParameterString \+ "\|" \+ (\w+)\.Name\r?$', code,
                    re.MULTILINE)
    assert windows and windows.group(1) == "ActiveWorkbook"
    assert mac and mac.group(1) == "ActiveWorkbook"
    first_sheet = re.search(r"SheetExists\((\w+), PROJECT_NAME & \"\.conf\"\)", code)
    assert first_sheet and first_sheet.group(1) == "ActiveWorkbook"
    assert "ThisWorkbook.Name" not in code
    assert re.search(r'^Public Const PROJECT_NAME As String = "opsbook"\r?$', code, re.M)


# --- LibreOffice --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> LibreOffice:
    return LibreOffice(tmp_path_factory.mktemp("libreoffice"))


@pytest.mark.slow
@needs_soffice
def test_libreoffice_opens_the_addin(built: Path, office: LibreOffice, tmp_path: Path) -> None:
    seen = run_addin(office, built, sample(tmp_path, "en"), [])
    assert seen.errors == [] and seen.closed
    assert {"OpsbookRibbon", "xlwings", "Dictionary"} <= set(seen.modules)
    assert seen.sheets == ["opsbook.conf", "labels"]


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_callbacks_call_python_and_label_in_the_ui_language(
        office: LibreOffice, tmp_path: Path, language: str) -> None:
    """With RunPython stubbed, each button's callback makes exactly its Python call, labels
    come in the language asked for, and a path survives the trip through HexText."""
    modules = (*vba.read_modules(ribbon.ADDIN_DIR), vba.module_from_text(STUB_XLWINGS))
    stubbed = addin.build_addin(tmp_path / "stubbed", modules=modules)
    path = "C:\\Users\\张三\\O'Brien \"Q4\" 报表.xlsx"
    seen = run_addin(office, stubbed, sample(tmp_path, "en"), [
        "OpsbookRibbon.OpsbookValidate", "OpsbookRibbon.OpsbookCalculate",
        "OpsbookRibbon.OpsbookSettings", "OpsbookRibbon.Text|opsbookValidate",
        "OpsbookRibbon.Text|opsbookCalculate.tip", "OpsbookRibbon.Text|noSuchKey",
        "OpsbookRibbon.HexText|" + path,
    ], language=language)
    assert seen.errors == [] and seen.closed
    calls = {call.script: call for call in seen.calls}
    for sub, function in (("Validate", "validate"), ("Calculate", "calculate"),
                          ("Settings", "settings")):
        call = calls[f"OpsbookRibbon.Opsbook{sub}"]
        assert call.errors == []
        assert call.run_python == [f"import opsbook.excel.tab; opsbook.excel.tab.{function}()"]
    texts = [call.result for call in seen.calls if call.script == "OpsbookRibbon.Text"]
    tip = dict((key, (en, zh)) for key, en, zh in ribbon.label_rows(
        ribbon.ribbon_xml(), addin.kind_titles()))["opsbookCalculate.tip"]
    assert texts == [{"zh": "校验", "en": "Validate"}[language],
                     tip[0] if language == "en" else tip[1], "noSuchKey"]
    hexed = calls["OpsbookRibbon.HexText"].result
    assert opsbook.excel.tab.decode_path(hexed) == Path(path)


# --- the handlers, on the active workbook (xlwings' remote engine) --------------------------

def alerts(actions: list[dict]) -> list[str]:
    return [a["args"][0] for a in actions if a["func"] == "alert"]


def test_the_tab_validates_the_active_plain_workbook(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import xlwings as xw

    active = tmp_path / "Q4 scores (final).xlsx"
    broken(tmp_path, "en").rename(active)
    scores = openpyxl.load_workbook(active).sheetnames.index(SCORES["en"])
    with remote_book(active, monkeypatch) as book:
        assert book.name == "Q4 scores (final).xlsx"
        book.set_mock_caller()
        try:
            report = opsbook.excel.tab.validate()
        finally:
            del xw.Book._mock_caller
        actions = book.json()["actions"]
    assert report is not None
    marked = {a["start_row"] + 1 for a in actions if a["func"] == "setRangeColor"
              and a["sheet_position"] == scores and a["args"][0]}
    assert {int(ref[1:]) for ref, _ in MISTAKES} <= marked
    assert "Issues" in {a["args"][1] for a in actions if a["func"] == "addSheet"}
    assert alerts(actions) == [summary_line(report, "en")]


def test_a_workbook_of_no_known_kind_is_left_alone_with_a_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "销售明细.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "数据"
    book.active.append(["日期", "金额"])
    book.active.append(["2026-01-05", 1200])
    book.save(path)
    with remote_book(path, monkeypatch) as remote:
        assert opsbook.excel.tab.calculate(remote) is None
        assert opsbook.excel.tab.settings(remote) is None
        actions = remote.json()["actions"]
    assert [a["func"] for a in actions] == ["alert", "alert"]
    assert all(text.startswith("“销售明细.xlsx”不是标准工作簿") for text in alerts(actions))


def test_settings_goes_to_the_settings_sheet(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample(tmp_path, "zh")
    names = openpyxl.load_workbook(path).sheetnames
    with remote_book(path, monkeypatch) as book:
        assert opsbook.excel.tab.settings(book) == "设置"
        actions = book.json()["actions"]
    assert [(a["func"], a["args"]) for a in actions] == [("activateSheet",
                                                          [names.index("设置")])]


def test_a_read_only_workbook_is_refused_before_anything_is_read() -> None:
    """A stand-in for Excel's object model: a workbook whose ReadOnly property is True."""
    book = SimpleNamespace(name="plan.xlsx", api=SimpleNamespace(ReadOnly=True),
                           sheets=[SimpleNamespace(name="计划")])
    assert workbook_lang(["计划"]) == "zh"
    text = opsbook.excel.tab.refusal(book, "validate")
    assert text is not None and text.startswith("“plan.xlsx”以只读方式打开") and "“校验”" in text
    assert opsbook.excel.tab.is_read_only(SimpleNamespace(api=SimpleNamespace(ReadOnly=False))) \
        is False


def test_new_workbook_writes_the_template_where_the_user_said(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "运营 2026" / "考勤表"
    target.parent.mkdir()
    hexed = str(target).encode("utf-16-be").hex().upper()
    with remote_book(sample(tmp_path, "en"), monkeypatch) as book:
        written = opsbook.excel.tab.new_workbook("attendance", "zh", hexed, book)
        actions = book.json()["actions"]
    assert written == target.with_name("考勤表.xlsx") and written.is_file()
    reference = new_workbook("attendance", "zh", tmp_path / "reference.xlsx")
    assert openpyxl.load_workbook(written).sheetnames == (
        openpyxl.load_workbook(reference).sheetnames)
    # the remote engine cannot open files: the user is told where it is
    assert alerts(actions) == [f"新工作簿已保存为 {written}，请用“文件 → 打开”打开。"]


@given(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40))
def test_decode_path_inverts_the_vba_encoding(name: str) -> None:
    units = name.encode("utf-16-be")
    hexed = "".join(f"{int.from_bytes(units[i:i + 2], 'big'):04X}"
                    for i in range(0, len(units), 2))
    assert str(opsbook.excel.tab.decode_path(hexed)) == str(Path(name))


# --- installing: Excel's start-up folder and the settings file ------------------------------

def test_windows_layout_under_a_fake_home(tmp_path: Path) -> None:
    env = {"APPDATA": str(tmp_path / "Roaming"), "USERPROFILE": str(tmp_path / "me")}
    place = startup.layout("Windows", tmp_path, env)
    assert place.startup == tmp_path / "Roaming" / "Microsoft" / "Excel" / "XLSTART"
    assert place.config == tmp_path / "me" / ".opsbook" / "opsbook.conf"
    assert place.addin.name == "opsbook.xlam" and place.applescript is None
    bare = startup.layout("Windows", tmp_path, {})
    assert bare.startup == tmp_path / "AppData" / "Roaming" / "Microsoft" / "Excel" / "XLSTART"


def test_macos_layout_under_a_fake_home(tmp_path: Path) -> None:
    place = startup.layout("Darwin", tmp_path, {})
    office = tmp_path / "Library" / "Group Containers" / "UBF8T346G9.Office"
    assert place.startup == office / "User Content" / "Startup" / "Excel"
    assert place.config == (tmp_path / "Library" / "Containers" / "com.microsoft.Excel" / "Data"
                            / "opsbook.conf")
    assert place.applescript == (tmp_path / "Library" / "Application Scripts"
                                 / "com.microsoft.Excel" / "xlwings-0.37.8.applescript")
    (office / "User Content.localized").mkdir(parents=True)
    assert startup.layout("Darwin", tmp_path, {}).startup == (
        office / "User Content.localized" / "Startup.localized" / "Excel")


def test_no_excel_add_ins_on_other_systems(tmp_path: Path) -> None:
    with pytest.raises(startup.NoExcelHere, match="Windows and macOS"):
        startup.layout("Linux", tmp_path, {})


@pytest.mark.parametrize("system", ["Windows", "Darwin"])
def test_install_status_remove(built: Path, tmp_path: Path, system: str) -> None:
    home = tmp_path / "home"
    python = str(tmp_path / "venv" / "python")
    assert startup.status(source=built, system=system, home=home, environ={}).installed is False
    place = startup.install(built, system=system, home=home, environ={}, executable=python,
                            lang="en")
    assert place.addin.read_bytes() == built.read_bytes()
    key = "INTERPRETER_WIN" if system == "Windows" else "INTERPRETER_MAC"
    assert place.config.read_text().splitlines() == [f'"{key}","{python}"', '"LANGUAGE","en"']
    if system == "Darwin":
        assert place.applescript.read_bytes() == (
            vba.xlwings_dir() / "xlwings-0.37.8.applescript").read_bytes()
    now = startup.status(source=built, system=system, home=home, environ={})
    assert (now.installed, now.current, now.python) == (True, True, python)
    assert startup.remove(system=system, home=home, environ={}) == place.addin
    assert not place.addin.exists() and place.config.exists()
    assert startup.remove(system=system, home=home, environ={}) is None
    assert startup.status(system=system, home=home, environ={}).installed is False


def test_reinstalling_replaces_the_interpreter_and_keeps_other_settings(tmp_path: Path,
                                                                        built: Path) -> None:
    place = startup.layout("Windows", tmp_path, {})
    place.config.parent.mkdir(parents=True)
    place.config.write_text('"CONDA PATH","C:\\old"\n"CONDA ENV","old"\n"SHOW CONSOLE","True"\n')
    venv = tmp_path / "venv" / "Scripts"
    venv.mkdir(parents=True)
    (venv / "pythonw.exe").write_bytes(b"")
    startup.install(built, system="Windows", home=tmp_path, environ={},
                    executable=str(venv / "python.exe"))
    assert startup.read_settings(place.config) == {
        "SHOW CONSOLE": "True", "INTERPRETER_WIN": str(venv / "pythonw.exe")}


def test_an_activated_conda_environment_is_what_windows_starts() -> None:
    env = {"CONDA_DEFAULT_ENV": "ops", "CONDA_EXE": "C:/Users/me/miniconda3/Scripts/conda.exe"}
    settings = startup.python_settings("Windows", environ=env)
    assert settings == {"CONDA PATH": str(Path("C:/Users/me/miniconda3")), "CONDA ENV": "ops"}
    assert startup.describe_python("Windows", settings) == (
        f"conda environment ops of {Path('C:/Users/me/miniconda3')}")
    assert startup.describe_python("Darwin", {}) == "python on the PATH (no interpreter set)"


# --- the commands -----------------------------------------------------------------------------

def test_addin_build_command_writes_the_same_bytes(built: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from opsbook.cli import app

    result = CliRunner().invoke(app, ["addin", "build", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(tmp_path / "opsbook.xlam")
    assert (tmp_path / "opsbook.xlam").read_bytes() == built.read_bytes()


def test_addin_commands_on_a_windows_layout(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """install, status, remove, status, with Windows' folders under a fake profile."""
    from typer.testing import CliRunner

    from opsbook.cli import app

    monkeypatch.setattr("platform.system", lambda: "Windows")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "me"))
    for name in ("CONDA_DEFAULT_ENV", "CONDA_EXE"):
        monkeypatch.delenv(name, raising=False)
    xlstart = tmp_path / "Roaming" / "Microsoft" / "Excel" / "XLSTART" / "opsbook.xlam"
    runner = CliRunner()
    installed = runner.invoke(app, ["addin", "install", "--lang", "zh"])
    assert installed.exit_code == 0, installed.output
    assert installed.output.splitlines() == [  # in the tab's language, chosen by --lang
        f"已安装：{xlstart}", f"Python：{sys.executable}",
        f"设置文件：{tmp_path / 'me' / '.opsbook' / 'opsbook.conf'}",
        "重新启动 Excel 后，即出现 opsbook 选项卡。"]
    assert xlstart.read_bytes() == (REPO / "workbooks" / "opsbook.xlam").read_bytes()
    status = runner.invoke(app, ["addin", "status", "--lang", "en"])
    assert status.output.splitlines()[:2] == [f"installed: {xlstart} (current)",
                                              f"Python: {sys.executable}"]
    assert runner.invoke(app, ["addin", "remove", "--lang", "en"]).output == (
        f"removed: {xlstart}\n")
    assert runner.invoke(app, ["addin", "status", "--lang", "en"]).output.splitlines()[0] == (
        f"not installed; 'opsbook addin install' puts it at {xlstart}")


def test_addin_status_without_excel_says_so_plainly(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from opsbook import cli

    monkeypatch.setattr("platform.system", lambda: "Linux")
    monkeypatch.setattr("sys.argv", ["opsbook", "addin", "status"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "opsbook: error: Excel add-ins install on Windows and macOS, not on Linux",
        "opsbook 错误：Excel 加载项只能安装在 Windows 和 macOS 上，不能安装在 Linux 上。"]
