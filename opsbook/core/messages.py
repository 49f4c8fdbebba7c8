"""Issue codes: a stable slug, its category and its message in English and Chinese.

Categories: ``file`` (the file could not be read at all), ``structure`` (sheets and
columns), ``data`` (cell values and the rules between them). Templates are filled with the
issue's own fields (``{field}``, ``{value}``, ``{sheet}``, ``{column}``) and any extras.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Code(NamedTuple):
    category: str
    en: str
    zh: str


CODES: dict[str, Code] = {
    # file: nothing of the file could be read
    "file-not-found": Code("file", "File not found{why}.", "找不到文件{why_zh}。"),  # why: ": …"
    "not-a-workbook": Code(
        "file",
        "Not a workbook that can be read: {detail}.",
        "不是可读取的工作簿：{detail_zh}。",
    ),
    "csv-file": Code(  # a .csv, .tsv or .txt named explicitly: {detail} says which
        "file",
        "{detail} holds one sheet and no types; save it from Excel as .xlsx and use the "
        "standard template.",
        "{detail_zh}只有一个工作表且没有数据类型；请在 Excel 中另存为 .xlsx 并使用标准模板。",
    ),
    "corrupt-file": Code(
        "file",
        "The file is damaged or incomplete and cannot be opened: {detail}.",
        "文件已损坏或不完整，无法打开：{detail_zh}。",
    ),
    "password-protected": Code(
        "file",
        "The workbook is password-protected; remove the password to open it ({detail}).",
        "工作簿受密码保护；请先取消密码（{detail_zh}）。",
    ),
    "empty-file": Code("file", "The file is empty (0 bytes).", "文件为空（0 字节）。"),
    "file-unreadable": Code(
        "file",
        "The file cannot be read: {detail}",
        "无法读取文件：{detail_zh}",
    ),
    "unknown-kind": Code(
        "file",
        "Not one of the standard workbooks ({kinds}): no known sheet or header found. Use "
        "--kind to say which it is.",
        "不是标准工作簿（{kinds_zh}）：未找到可识别的工作表或表头。可用 --kind 指定类型。",
    ),
    "wrong-kind": Code(  # the command reads {expected} workbooks; this one is {found}'s
        "file",
        "Wrong kind of workbook: this command reads {expected} workbooks, and this one looks "
        "like a workbook for {found} (its sheets fit that kind better). Give a workbook of "
        "the right kind, or use 'opsbook {kind} …' for this one.",
        "工作簿类型不对：此命令读取{expected_zh}工作簿，而此文件看起来是{found_zh}工作簿"
        "（其工作表更符合该类型）。请提供正确类型的工作簿，或对此文件使用“opsbook {kind} …”。",
    ),
    "ambiguous-kind": Code(  # {kinds}: the kinds it fits equally
        "file",
        "The kind of workbook cannot be told: its sheets fit {kinds} equally. Use --kind "
        "({ids}) to say which it is.",
        "无法判断工作簿类型：其工作表与{kinds_zh}同样吻合。请用 --kind（{ids}）指定类型。",
    ),
    # structure: sheets and columns
    "missing-sheet": Code(
        "structure",
        "Required sheet '{sheet}' is missing.",
        "缺少必需的工作表“{sheet}”。",
    ),
    "totals-row": Code(  # {value}: the word that makes it one (合计, Total)
        "structure",
        "Row {row} is a totals row ({value}) and is not read as data: opsbook adds up the "
        "rows itself.",
        "第 {row} 行是合计行（{value}），不作为数据读取：opsbook 会自行汇总。",
    ),
    "repeated-header": Code(  # the header again further down, as a printed report has it
        "structure",
        "Row {row} repeats the header and is not read as data.",
        "第 {row} 行是重复的表头，不作为数据读取。",
    ),
    "empty-sheet": Code(
        "structure",
        "Sheet '{sheet}' has no data rows.",
        "工作表“{sheet}”没有数据行。",
    ),
    "missing-header": Code(
        "structure",
        "No header row found in sheet '{sheet}' (no row names {expected}{named}).{hint}",
        "工作表“{sheet}”中找不到表头行（没有一行包含表头 {expected_zh}{named_zh}）。{hint_zh}",
    ),
    "missing-column": Code(
        "structure",
        "Required column '{column}' is missing from sheet '{sheet}'.{hint}",
        "工作表“{sheet}”缺少必需的列“{column}”。{hint_zh}",
    ),
    "ambiguous-sheet": Code(
        "structure",
        "Sheets {value} could each be the {expected} sheet; opsbook does not guess which. "
        "Rename the one to use to '{expected}' (or remove the other), then run again.",
        "工作表{value_zh}都可能是“{expected_zh}”工作表，opsbook 不会猜测使用哪一个。"
        "请将要使用的那个改名为“{expected_zh}”（或删除另一个）后重试。",
    ),
    "sheet-found-by-headers": Code(
        "structure",
        "Sheet '{sheet}' is read as the {expected} sheet: its name is not one opsbook knows, "
        "but its headers match. Rename it to '{expected}' to be sure.",
        "工作表“{sheet}”的名称不是 opsbook 认识的名称，但表头相符，已作为“{expected_zh}”"
        "工作表读取。建议将其改名为“{expected_zh}”。",
    ),
    "merged-cells": Code(
        "structure",
        "Cells {range} are merged; each cell of the range is read as '{value}', as it shows.",
        "单元格 {range} 已合并；按显示的内容，区域内每个单元格都读作“{value}”。",
    ),
    "duplicate-column": Code(
        "structure",
        "Column '{column}' appears twice{hint}; the second one is ignored.",
        "列“{column}”重复出现{hint_zh}；第二列被忽略。",
    ),
    "merged-header": Code(
        "structure",
        "Header cells {value} are merged; the columns under the merged area after the first "
        "have no header and are ignored.",
        "表头单元格 {value} 被合并；合并区域中第一列之后的列没有表头，已被忽略。",
    ),
    "blank-header": Code(
        "structure",
        "Column {cell_column} has data but no header; it is ignored.",
        "第 {cell_column} 列有数据但没有表头，已被忽略。",
    ),
    "unread-column": Code(  # {column}: the optional field it looks like; {hint}: what to do
        "structure",
        "Column {cell_column} is headed '{value}', which looks like the column '{column}', "
        "so its values are not read;{hint}",
        "第 {cell_column} 列的表头“{value}”与“{column}”列相似，但未作为该列读取，其中的数据未被"
        "使用；{hint_zh}",
    ),
    "skipped-file": Code(  # {detail}: not a workbook, or an Excel lock file (~$…)
        "structure",
        "Skipped: {detail}.",
        "已跳过：{detail_zh}。",
    ),
    "output-workbook": Code(  # {what}: the kind whose computation wrote it
        "structure",
        "Skipped: this is a result opsbook wrote (its {what} output sheets), not a workbook "
        "to read; give the workbook(s) it was made from.",
        "已跳过：这是 opsbook 生成的结果工作簿（{what_zh}的结果表），不是输入工作簿；"
        "请给出生成它的原工作簿。",
    ),
    "missing-settings": Code(
        "structure",
        "No Settings sheet: every setting takes its default.",
        "没有“设置”工作表：所有设置项均使用默认值。",
    ),
    "unknown-setting": Code(
        "structure",
        "Unknown setting '{value}' is ignored.{hint}",
        "未知的设置项“{value}”，已忽略。{hint_zh}",
    ),
    "duplicate-setting": Code(  # {other}: the cell of the value used
        "structure",
        "Setting '{value}' is given again; the first value (at {other}) is used, this one is "
        "ignored.",
        "设置项“{value}”重复出现；按首次出现的值（{other}）计算，此处的值被忽略。",
    ),
    "write-protected": Code(
        "structure",
        "The workbook is write-protected in Excel (a password to modify, read-only "
        "recommended, or Excel's own default password); it was read as "
        "Excel shows it. To write results into it, save a copy without the protection.",
        "工作簿在 Excel 中设置了写保护（修改权限密码、建议只读或 Excel 默认密码）；已按 Excel "
        "显示的内容读取。如需写入结果，"
        "请另存一份不带保护的副本。",
    ),
    "formula-scan-skipped": Code(
        "structure",
        "Some parts of the file could not be looked at for formulas without a saved value "
        "({detail}); those cells are read as last saved. If results look wrong, open the file "
        "in Excel, recalculate and save it.",
        "文件中有部分内容无法检查公式是否有保存的结果（{detail}）；这些单元格按上次保存的值读取。"
        "如结果有误，请在 Excel 中打开、重新计算并保存。",
    ),
    "read-only-format": Code(
        "structure",
        "{detail} files are read for checking only; annotating or writing results needs .xlsx "
        "or .xlsm.",
        "{detail_zh} 文件只能用于检查；标注或写入结果需要 .xlsx 或 .xlsm 格式。",
    ),
    # data: values
    "missing-value": Code(
        "data", "'{column}' is required but empty.", "“{column}”为必填项，但为空。"
    ),
    "type-error": Code(
        "data",
        "'{column}' should be {expected}, found '{value}'.{hint}",
        "“{column}”应为{expected_zh}，实际为“{value}”。{hint_zh}",
    ),
    "number-formatted-as-date": Code(
        "data",
        "'{column}': the cell holds the number {result} but is formatted as a date or time "
        "(read as {value}); the number was taken. Format the cell as a number.",
        "“{column}”：单元格中是数字 {result}，但设置了日期或时间格式（读作 {value}）；"
        "已按数字读取。请将单元格格式设为数字。",
    ),
    "value-truncated": Code(
        "data",
        "'{column}': '{value}' holds more than {expected}; only {result} was kept. Check that "
        "this is what was meant.",
        "“{column}”：“{value}”包含的内容多于{expected_zh}；只保留了 {result_zh}。"
        "请确认这是否为本意。",
    ),
    "coerced-value": Code(
        "data",
        "'{column}': '{value}' was read as {expected}{as_result}; check it, and enter the value "
        "in the cell's own format to be sure.",
        "“{column}”：“{value}”被识别为{expected_zh}{as_result_zh}；建议按{expected_zh}格式录入。",
    ),
    "invalid-choice": Code(
        "data",
        "'{column}' must be one of {expected}, found '{value}'.",
        "“{column}”应为以下之一：{expected_zh}；实际为“{value}”。",
    ),
    "out-of-range": Code(
        "data",
        "'{column}' must be {expected}, found {value}.",
        "“{column}”应{expected_zh}，实际为 {value}。",
    ),
    "duplicate-key": Code(
        "data",
        "'{column}' value '{value}' appears more than once (also in row {other}).",
        "“{column}”的值“{value}”重复出现（另见第 {other} 行）。",
    ),
    "unknown-reference": Code(
        "data",
        "'{column}' value '{value}' is not in {expected}.",
        "“{column}”的值“{value}”在 {expected} 中不存在。",
    ),
    "formula-no-value": Code(
        "data",
        "The formula in this cell has no calculated value (the file was never recalculated); "
        "open and save it in Excel, or enter the value.",
        "该单元格的公式没有计算结果（文件未重新计算）；请在 Excel 中打开并保存，或直接录入数值。",
    ),
    "formula-error": Code(
        "data",
        "The cell holds the error {value}.",
        "单元格包含错误值 {value}。",
    ),
    "invalid-setting": Code(
        "data",
        "Setting '{field}': {detail}",
        "设置项“{field}”{label_zh}：{detail_zh}",
    ),
    "date-order": Code(
        "data",
        "'{column}' ({value}) is before '{other}'.",
        "“{column}”（{value}）早于“{other}”。",
    ),
}

#: What to do about a value of a type that is not one (English, Chinese), after the
#: ``type-error`` sentence: a date whose day and month cannot be told apart (03/11/2026).
TYPE_HINTS: dict[str, tuple[str, str]] = {
    "date": (" Write a date year first, such as 2026-11-03 (or 3-Nov-2026).",
             "请按年份在前的形式填写日期，如 2026-11-03（或 3-Nov-2026）。"),
    "datetime": (" Write a date year first, such as 2026-11-03 09:00.",
                 "请按年份在前的形式填写日期，如 2026-11-03 09:00。"),
}
#: The Chinese hint under a Chinese header: a Chinese example, never the month in English.
CHINESE_HINTS: dict[str, str] = {
    "date": "请按年份在前的形式填写日期，如 2026-11-03 或 2026年11月3日。",
    "datetime": "请按年份在前的形式填写日期，如 2026-11-03 09:00 或 2026年11月3日 9:00。",
}
#: The hint instead, for a date written without its year (11月3日, 11/3, 8.5, 3-Nov): a
#: year is never guessed, and the sentence says what is missing.
NO_YEAR_HINTS: dict[str, tuple[str, str]] = {
    "date": (" It has no year: write the year too, year first, such as 2026-11-03.",
             "其中没有年份：请写上年份，年份在前，如 2026-11-03 或 2026年11月3日。"),
    "datetime": (" It has no year: write the year too, year first, such as 2026-11-03 09:00.",
                 "其中没有年份：请写上年份，年份在前，如 2026-11-03 09:00 或 2026年11月3日 9:00。"),
}
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NO_YEAR = re.compile(
    r"^(?:\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|\d{1,2}\s*[/／.\-－]\s*\d{1,2}"
    rf"|\d{{1,2}}[\s\-]*{_MONTHS}|{_MONTHS}[\s\-]*\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:[\s\u3000,，]+(?:上午|下午|早上|晚上|中午)?\s*\d{1,2}(?:[:：]\d{2}){1,2}.*)?$",
    re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

#: How a type is named in messages (English, Chinese).
TYPE_NAMES: dict[str, tuple[str, str]] = {
    "text": ("text", "文本"),
    "id": ("an ID", "编号"),
    "number": ("a number", "数字"),
    "integer": ("a whole number", "整数"),
    "percent": ("a percentage", "百分比"),
    "date": ("a date", "日期"),
    "time": ("a time", "时间"),
    "datetime": ("a date or date-time", "日期或日期时间"),
    "bool": ("yes or no", "是或否"),
    "month": ("a month (YYYY-MM)", "月份（YYYY-MM）"),
    "choice": ("one of the listed values", "列表中的值"),
}


#: Called once when a code is not known yet: the registry loads every kind's codes.
_LOADERS: list = []


def load_codes_with(loader) -> None:
    """Have ``loader()`` called the first time an unknown code is looked up (the registry
    registers every kind's codes that way, whoever imports what first)."""
    _LOADERS.append(loader)


def _known(code: str) -> bool:
    while code not in CODES and _LOADERS:
        _LOADERS.pop(0)()
    return code in CODES


def register(codes: dict[str, Code]) -> None:
    """Add a kind's own codes (the registry does this for every kind it lists)."""
    clash = [c for c in codes if c in CODES and CODES[c] != codes[c]]
    if clash:
        raise ValueError(f"issue code(s) {', '.join(clash)} registered twice, differently")
    CODES.update(codes)


def category(code: str) -> str:
    """The category of a code; unknown codes count as data."""
    return CODES[code].category if _known(code) else "data"


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def render(code: str, lang: str, values: dict[str, object]) -> str:
    """Fill the template of ``code`` in ``lang`` ("en" or "zh") with ``values``."""
    _known(code)
    template = CODES[code].zh if lang == "zh" else CODES[code].en
    fields = _Blank({k: "" if v is None else v for k, v in values.items()})
    if "detail_zh" not in values and "detail" in values:
        fields["detail_zh"] = fields["detail"]
    if "expected_zh" not in values and "expected" in values:
        fields["expected_zh"] = fields["expected"]
    if "result_zh" not in values and "result" in values:
        fields["result_zh"] = fields["result"]
    # under a Chinese header (a Chinese workbook) the Chinese says its own words only; under
    # an English one it keeps the English its drop-downs and cells show too
    chinese = bool(_CJK.search(str(fields["column"])))
    if code == "invalid-choice":
        fields["expected_zh"] = (_choices_zh(str(fields["expected"])) if chinese
                                 else fields["expected"])
    if code == "type-error":
        _date_hint(fields, chinese)
    if fields["result"] != "":  # what it was read as, when there is something to show
        fields["as_result"], fields["as_result_zh"] = (f", {fields['result']}",
                                                       f" {fields['result_zh']}")
    return template.format_map(fields)


def _choices_zh(expected: str) -> str:
    """The allowed values of a choice, given as ``en/zh`` pairs between `` / `` (``yes/是 /
    no/否``), as a Chinese sentence lists them: ``是、否``. Any other text is kept as it is."""
    pairs = [piece.split("/", 1) for piece in expected.split(" / ")]
    if not expected or any(len(pair) != 2 or not all(pair) for pair in pairs):
        return expected
    return "、".join(zh for _en, zh in pairs)


def _date_hint(fields: dict, chinese: bool) -> None:
    """The hint of a date or date-time that could not be read: one typed without its year
    (11月3日, 11/3, 3-Nov) is said to lack it; under a Chinese header the Chinese example is
    2026年11月3日 (never 3-Nov-2026)."""
    for kind, (en, _zh) in TYPE_HINTS.items():
        if fields.get("hint") != en:
            continue
        if _NO_YEAR.match(str(fields.get("value", "")).strip()):
            fields["hint"], fields["hint_zh"] = NO_YEAR_HINTS[kind]
        elif chinese:
            fields["hint_zh"] = CHINESE_HINTS[kind]
