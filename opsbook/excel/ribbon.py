"""The opsbook tab of the add-in: its customUI source, and its texts in English and Chinese.

The ribbon is ``macros/addin/customUI14.xml`` (the Office 2010 customUI schema). Its labels
and tips are not in the XML: every control asks ``OpsbookGetLabel`` / ``OpsbookGetSupertip``
(``macros/addin/OpsbookRibbon.bas``), which look the control's id up on the add-in's
``labels`` sheet and answer in the Office UI language. :func:`label_rows` is that sheet.
VBA source cannot hold Chinese (it is stored as cp1252), a worksheet can.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from opsbook.core.kind import BUTTONS
from opsbook.excel.build import LANGS, MACROS_DIR

#: The add-in's sources: the customUI XML and the callbacks' VBA module.
ADDIN_DIR = MACROS_DIR / "addin"
RIBBON_FILE = "customUI14.xml"
#: The customUI 2009/07 namespace (Office 2010 and later).
NAMESPACE = "http://schemas.microsoft.com/office/2009/07/customui"
#: The add-in sheet that holds the tab's texts: key, English, Chinese.
LABELS_SHEET = "labels"

_LANG_NAMES = {"zh": {"en": "Chinese workbook", "zh": "中文工作簿"},
               "en": {"en": "English workbook", "zh": "英文工作簿"}}

_TEXTS: dict[str, tuple[str, str]] = {
    "opsbookTab": ("opsbook", "opsbook"),
    "opsbookWorkbookGroup": ("Workbook", "工作簿"),
    "opsbookNew": ("New workbook", "新建工作簿"),
    "opsbookNew.tip": (
        "A blank standard workbook of the kind you choose, in Chinese or English: saved "
        "where you say, then opened.",
        "新建所选类型的标准工作簿（中文或英文）：保存到您指定的位置后打开。"),
    "opsbookCheckGroup": ("Check and compute", "校验与计算"),
    "opsbookValidate": BUTTONS["validate"],
    "opsbookValidate.tip": (
        "Checks the active workbook: cells with a problem turn red or yellow and get a note, "
        "and every problem is listed on an Issues sheet.",
        "校验当前工作簿：有问题的单元格标红或标黄并加批注，所有问题列入问题清单工作表。"),
    "opsbookCalculate": BUTTONS["calculate"],
    "opsbookCalculate.tip": (
        "Validates the active workbook, then writes its results sheets with the rules on its "
        "Settings sheet; the data you entered is not changed.",
        "先校验当前工作簿，再按其“设置”工作表中的规则生成结果工作表；已填写的数据不会改动。"),
    "opsbookHelpGroup": ("Settings and help", "设置与帮助"),
    "opsbookSettings": ("Settings", "设置"),
    "opsbookSettings.tip": (
        "Goes to the Settings sheet of the active workbook: the rules its checks and results "
        "follow.",
        "转到当前工作簿的“设置”工作表：校验和计算所依据的规则。"),
    "opsbookHelp": ("Help", "帮助"),
    "opsbookHelp.tip": ("What each button does, and where to get help.",
                        "各按钮的作用，以及在哪里获得帮助。"),
    "opsbookNoWorkbook": (
        "Open or select a workbook first. A workbook in Protected View needs Enable Editing "
        "first.",
        "请先打开或选中一个工作簿。处于受保护视图的工作簿，请先点击“启用编辑”。"),
    "opsbookHelp.text": (
        "The opsbook tab works on the workbook you are looking at (.xlsx or .xlsm):\n\n"
        "New workbook: a blank standard workbook (appraisal, attendance, project tracker, "
        "annual plan), in Chinese or English.\n"
        "Validate: marks cells with a problem and lists every problem on an Issues sheet.\n"
        "Calculate: validates, then writes the results sheets.\n"
        "Settings: goes to the workbook's Settings sheet.\n\n"
        "The buttons run Python with opsbook installed. Which Python: run "
        "'opsbook addin status' in a terminal; 'opsbook addin install' sets it. When a "
        "button reports a problem, the details are in opsbook-last-error.txt in the "
        "temporary folder.",
        "opsbook 选项卡处理您正在查看的工作簿（.xlsx 或 .xlsm）：\n\n"
        "新建工作簿：新建空白的标准工作簿（绩效考核、考勤、项目管理、年度运营计划），中文或英文。\n"
        "校验：标出有问题的单元格，并在问题清单工作表中列出所有问题。\n"
        "计算：先校验，再生成结果工作表。\n"
        "设置：转到工作簿的“设置”工作表。\n\n"
        "按钮需要安装了 opsbook 的 Python。使用哪个 Python：在终端运行"
        "“opsbook addin status”查看，运行“opsbook addin install”设置。按钮报告问题时，"
        "详细信息在临时文件夹的 opsbook-last-error.txt 中。"),
}


@dataclass(frozen=True)
class Callback:
    """One callback the ribbon names: the attribute (``onAction``, ``getLabel``…), the VBA
    Sub, and the control's id."""

    attribute: str
    sub: str
    control: str


def ribbon_xml(addin_dir: Path = ADDIN_DIR) -> bytes:
    """The customUI part as stored in the add-in: the source file's bytes."""
    return (Path(addin_dir) / RIBBON_FILE).read_bytes()


def controls(xml: bytes) -> list[ET.Element]:
    """Every element of the ribbon that has an ``id``, in document order."""
    return [element for element in ET.fromstring(xml).iter() if "id" in element.attrib]


def callbacks(xml: bytes) -> list[Callback]:
    """Every ``on…``/``get…`` callback the ribbon names, with its control."""
    found = []
    for element in ET.fromstring(xml).iter():
        for attribute, value in element.attrib.items():
            if attribute.startswith(("on", "get", "load")):
                found.append(Callback(attribute, value, element.attrib.get("id", "")))
    return found


def new_items(xml: bytes) -> list[tuple[str, str, str]]:
    """(control id, kind, language) of every item of the New workbook menu (its ``tag``)."""
    items = []
    for element in controls(xml):
        if element.attrib.get("onAction") == "OpsbookNew":
            kind, lang = element.attrib["tag"].split()
            items.append((element.attrib["id"], kind, lang))
    return items


def label_rows(xml: bytes, titles: dict[str, dict[str, str]]) -> list[tuple[str, str, str]]:
    """The ``labels`` sheet: (key, English, Chinese) rows, a header first.

    ``titles`` gives each kind's title by language (kind id → {"en": …, "zh": …}).
    Keys are control ids (their label), ``id.tip`` (their tip), ``id.file`` (the file name
    a New item proposes) and the texts the VBA shows itself. Raises ``ValueError`` when a
    control has no text, so the tab never shows a bare id.
    """
    texts = dict(_TEXTS)
    for lang in LANGS:
        texts[f"opsbookNew{lang.title()}"] = (_LANG_NAMES[lang]["en"], _LANG_NAMES[lang]["zh"])
    for control, kind, lang in new_items(xml):
        texts[control] = (titles[kind]["en"], titles[kind]["zh"])
        name = f"{titles[kind][lang]}.xlsx"
        texts[f"{control}.file"] = (name, name)
    wanted = {c.control + (".tip" if c.attribute == "getSupertip" else "")
              for c in callbacks(xml) if c.attribute in ("getLabel", "getSupertip", "getTitle")}
    missing = sorted(wanted - texts.keys())
    if missing:
        raise ValueError(f"no text for ribbon control(s) {', '.join(missing)}")
    return [("key", "en", "zh"), *((key, en, zh) for key, (en, zh) in sorted(texts.items()))]
