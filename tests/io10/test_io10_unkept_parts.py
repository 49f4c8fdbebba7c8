"""What openpyxl drops beyond the shapes and controls found before: pictures placed in cells
(Excel's rich values, WPS's cell images), formulas whose results spill (Excel 365's dynamic
arrays), data connections and Power Query queries, a Power Pivot data model. A workbook
holding one is never written in place (calculate, plan status: exit 2, both languages, the
file unchanged); a copy (-o) is still written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
import quirkbooks
from conftest import run_cli, sha256

from opsbook.io.unkept import unkept

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#: thing → (parts added, relationships of the workbook part, English, Chinese)
ADDED = {
    "excel-picture-in-cell": (
        {"xl/metadata.xml": "<metadata/>", "xl/richData/rdrichvalue.xml": "<rvData/>"},
        f'<Relationship Id="rId90" Type="{_REL}sheetMetadata" Target="metadata.xml"/>',
        "pictures or data types placed in cells", "嵌入单元格的图片或数据类型"),
    "wps-cell-images": (
        {"xl/cellimages.xml": '<etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/'
                              '2017/etCustomData"/>'},
        '<Relationship Id="rId90" Type="http://www.wps.cn/officeDocument/2020/cellImage" '
        'Target="cellimages.xml"/>',
        "pictures or data types placed in cells", "嵌入单元格的图片或数据类型"),
    "dynamic-arrays": (
        {"xl/metadata.xml": '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                            '2006/main"><metadataTypes count="1"><metadataType name="XLDAPR" '
                            'minSupportedVersion="120000"/></metadataTypes></metadata>'},
        f'<Relationship Id="rId90" Type="{_REL}sheetMetadata" Target="metadata.xml"/>',
        "formulas whose results spill (dynamic arrays)", "结果会溢出的公式（动态数组）"),
    "power-query": (
        {"xl/connections.xml": '<connections xmlns="http://schemas.openxmlformats.org/'
                               'spreadsheetml/2006/main"><connection id="1" name="Query - '
                               'Tasks" type="5"/></connections>'},
        f'<Relationship Id="rId90" Type="{_REL}connections" Target="connections.xml"/>',
        "data connections or queries (Power Query)", "数据连接或查询（Power Query）"),
    "query-table": (
        {"xl/queryTables/queryTable1.xml": "<queryTable/>"}, "",
        "data connections or queries (Power Query)", "数据连接或查询（Power Query）"),
    "data-model": (
        {"xl/model/item.data": "\x00"},
        '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/powerPivotData" Target="model/item.data"/>',
        "a data model (Power Pivot)", "数据模型（Power Pivot）"),
}


def _valid(kind: str, folder: Path) -> Path:
    return quirkbooks.write(folder / f"{kind}.xlsx", quirkbooks.base(kind))


def _said(*args: object) -> tuple[int, str]:
    done = run_cli(*args)
    text = done.stdout + done.stderr
    assert "Traceback" not in text and "could not finish" not in text, text
    return done.returncode, text


def _with(source: Path, target: Path, thing: str) -> Path:
    parts, relationship, _en, _zh = ADDED[thing]
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>",
                                    relationship.encode() + b"</Relationships>")
            new.writestr(info, data)
        for name, text in parts.items():
            new.writestr(name, text)
    return target


@pytest.mark.parametrize("thing", ADDED)
def test_openpyxl_drops_it_and_it_is_found(tmp_path, thing):
    book = _with(_valid("project", tmp_path), tmp_path / f"{thing}.xlsx", thing)
    resaved = tmp_path / "resaved.xlsx"
    openpyxl.load_workbook(book).save(resaved)  # what saving in place would leave
    added = set(ADDED[thing][0])
    assert added - set(zipfile.ZipFile(resaved).namelist()) == added
    assert unkept(book) == [ADDED[thing][2:]]


@pytest.mark.parametrize("thing", ADDED)
def test_calculate_in_place_refuses_and_a_copy_is_written(tmp_path, thing):
    book = _with(_valid("project", tmp_path), tmp_path / f"{thing}.xlsx", thing)
    before = sha256(book)
    code, text = _said("calculate", book)
    english, chinese = ADDED[thing][2:]
    assert code == 2, text
    assert (f"Cannot write {book}: it holds {english}, which opsbook cannot keep in saving "
            "it. Give -o OUT") in text
    assert f"工作簿中有{chinese}，opsbook 保存时无法保留。" in text
    assert sha256(book) == before
    copy = tmp_path / "copy.xlsx"
    code, text = _said("calculate", book, "-o", copy)
    assert code == 0, text
    assert "Status" in openpyxl.load_workbook(copy).sheetnames and sha256(book) == before


def test_plan_status_refuses_a_plan_with_a_query(tmp_path):
    plan = _with(_valid("plan", tmp_path), tmp_path / "plan-query.xlsx", "power-query")
    before = sha256(plan)
    code, text = _said("plan", "status", plan, "--set", "submitted")
    assert code == 2
    assert "data connections or queries (Power Query)" in text
    assert "数据连接或查询（Power Query）" in text
    assert sha256(plan) == before
