"""The words of ``invalid-setting`` messages: what a setting takes, what is wrong with a
value, in English and Chinese (see :mod:`opsbook.core.settings`)."""

from __future__ import annotations

#: What a setting's value should be, by its shape (see ``core.settings.setting_problem``):
#: the noun (English, Chinese); ``{choices}`` lists a choice's values.
SETTING_SHAPES: dict[str, tuple[str, str]] = {
    "integer": ("a whole number", "整数"),
    "number": ("a number", "数字"),
    "share": ("a share", "比例"),
    "amount": ("an amount", "金额"),
    "ratio": ("a ratio", "比值"),
    "date": ("a date", "日期"),
    "time": ("a time of day", "时间"),
    "month": ("a month written as YYYY-MM", "年月，格式为 YYYY-MM"),
    "text": ("text", "文本"),
    "bool": ("yes or no", "是或否"),
    "choice": ("one of {choices}", "以下之一：{choices}"),
    "any": ("a value this setting takes", "该设置项可接受的值"),
}

#: An example after a shape's noun: "…, e.g. 2026-11" / "…，例如 2026-11".
SETTING_EXAMPLES: dict[str, tuple[str, str]] = {
    "share": ("0.6, 60 or 60%", "0.6、60 或 60%"),
    "amount": ("50000 or 50,000", "50000 或 50,000"),
    "ratio": ("0.9 or 90%", "0.9 或 90%"),
    "date": ("2026-11-20", "2026-11-20"),
    "time": ("09:00", "09:00"),
    "month": ("2026-11", "2026-11"),
}

#: A range around a shape's noun, by the bounds a setting has.
SETTING_RANGES: dict[str, tuple[str, str]] = {
    "ge": ("{noun} of {low} or more", "大于或等于 {low} 的{noun}"),
    "gt": ("{noun} greater than {low}", "大于 {low} 的{noun}"),
    "le": ("{noun} of {high} or less", "小于或等于 {high} 的{noun}"),
    "lt": ("{noun} less than {high}", "小于 {high} 的{noun}"),
    "between": ("{noun} from {low} to {high}", "{low} 到 {high} 之间的{noun}"),
}

#: What is wrong with a setting's value, by pydantic's error type (``{ge}`` and the like
#: are the error's bounds); :data:`SETTING_ERROR_OTHER` for any other type.
SETTING_ERRORS: dict[str, tuple[str, str]] = {
    "greater_than_equal": ("less than {ge}", "小于 {ge}"),
    "greater_than": ("not more than {gt}", "不大于 {gt}"),
    "less_than_equal": ("more than {le}", "大于 {le}"),
    "less_than": ("not less than {lt}", "不小于 {lt}"),
    "multiple_of": ("not a multiple of {multiple_of}", "不是 {multiple_of} 的倍数"),
    "int_parsing": ("not a whole number", "不是整数"),
    "int_type": ("not a whole number", "不是整数"),
    "int_from_float": ("not a whole number", "不是整数"),
    "float_parsing": ("not a number", "不是数字"),
    "float_type": ("not a number", "不是数字"),
    "finite_number": ("not a finite number", "不是有限的数字"),
    "bool_parsing": ("not yes or no", "不是“是”或“否”"),
    "bool_type": ("not yes or no", "不是“是”或“否”"),
    "date_parsing": ("not a date", "不是日期"),
    "date_type": ("not a date", "不是日期"),
    "date_from_datetime_parsing": ("not a date", "不是日期"),
    "date_from_datetime_inexact": ("a date with a time of day", "是带时间的日期"),
    "datetime_parsing": ("not a date or date-time", "不是日期或日期时间"),
    "datetime_type": ("not a date or date-time", "不是日期或日期时间"),
    "time_parsing": ("not a time of day", "不是时间"),
    "time_type": ("not a time of day", "不是时间"),
    "month_parsing": ("not a month", "不是有效的年月"),
    "string_type": ("not text", "不是文本"),
    "string_pattern_mismatch": ("not in the expected form", "格式不符"),
    "string_too_short": ("too short", "太短"),
    "string_too_long": ("too long", "太长"),
    "literal_error": ("not one of the choices", "不在可选值中"),
    "enum": ("not one of the choices", "不在可选值中"),
    "missing": ("missing", "缺失"),
    "value_error": ("not accepted", "无法识别"),
    "assertion_error": ("not accepted", "无法识别"),
}
SETTING_ERROR_OTHER = ("not accepted", "不符合要求")

#: The sentence of an ``invalid-setting`` issue from the settings reader: where (the cell,
#: when known), what was found, what is wrong with it and what was expected.
SETTING_SENTENCE = {
    "cell": ("cell {place} holds '{found}', which is {reason}; expected{expected}{hint}.",
             "单元格 {place} 的值为“{found}”，{reason}；应为{expected}{hint}。"),
    "value": ("the value '{found}' is {reason}; expected{expected}{hint}.",
              "取值“{found}”{reason}；应为{expected}{hint}。"),
}

#: Said of a date cell in a text setting: Excel makes a date of "2026-03" typed in a cell.
SETTING_DATE_HINT = (
    " (Excel turns some text, such as 2026-03, into a date: format the cell as Text and type "
    "the value again)",
    "（Excel 会把部分输入内容（如 2026-03）自动转换为日期：请将单元格设为文本格式后重新输入）",
)
