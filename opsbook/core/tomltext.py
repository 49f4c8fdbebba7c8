"""A TOML file as people write it (a pipeline file, ``opsbook.toml``): its text decoded as
Notepad or PowerShell saved it, and a syntax error said in words, in English and Chinese,
with its line and column."""

from __future__ import annotations

import codecs
import contextlib
import re


class NotText(Exception):
    """Bytes that are not UTF-8 text, with the line and column where they start."""

    def __init__(self, byte: int, line: int, column: int):
        super().__init__(byte)
        self.byte, self.line, self.column = byte, line, column


def decoded(raw: bytes) -> str:
    """A TOML file's text: UTF-8, with or without the byte-order mark Notepad writes,
    or UTF-16 with its mark (PowerShell's ``>``). Raises :class:`NotText` at the first
    byte that is not UTF-8."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        with contextlib.suppress(UnicodeDecodeError):
            return raw.decode("utf-16")
    start = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        at = start + error.start
        begins = raw.rfind(b"\n", 0, at) + 1
        column = len(raw[max(begins, start):at].decode("utf-8", "replace")) + 1
        raise NotText(raw[at], raw.count(b"\n", 0, at) + 1, column) from None


#: Where tomllib says a syntax error is: "(at line L, column C)" or "(at end of document)".
_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def syntax(text: str, error: Exception) -> tuple[int | None, int | None, str, str]:
    """A TOML syntax error of ``text`` in words: (line, column, English, Chinese), with the
    line and column tomllib gives; at the end of the file, just after its last character
    (blank lines after it aside). The English names what is wrong and what to type instead
    where that is known; the Chinese says the same, ending in 。."""
    message = str(error)
    line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
    found = _AT.search(message)
    at_end = False
    if found:
        message = message[:found.start()]
        if found.group(1):
            line, column = int(found.group(1)), int(found.group(2))
        else:
            end = text.rstrip()
            line, column = end.count("\n") + 1, len(end) - end.rfind("\n")
            at_end = True
    # a table's name as written, not as Python's tuple: [batch], [steps.extra]
    message = re.sub(r"\(((?:'[^']*',?\s*)+)\)", lambda m: "[" + ".".join(
        re.findall(r"'([^']*)'", m.group(1))) + "]", message)
    zh = next((said.format(*hit.groups()) for pattern, said in TOML_ZH
               if (hit := re.fullmatch(pattern, message))), f"（{message}）")
    hint = TOML_HINTS.get(message)
    wide = _full_width(text, line, column)
    if wide is not None:  # what a Chinese keyboard types: said instead of the general hint
        hint, zh = wide[0], f"{zh.rstrip('。')}；{wide[1]}"
    return (line, column, f"not valid TOML: {message}"
            + (" at the end of the file" if at_end else "") + (f" ({hint})" if hint else ""),
            f"不是有效的 TOML{'（文件末尾）' if at_end else ''}：{zh.rstrip('。')}。")


#: Full-width characters a Chinese keyboard types where TOML needs their half-width forms.
FULL_WIDTH = {"＝": "=", "“": '"', "”": '"', "‘": "'", "’": "'", "，": ",", "［": "[",
              "］": "]", "｛": "{", "｝": "}", "：": ":", "＃": "#", "\u3000": " "}


def _full_width(text: str, line: int | None, column: int | None) -> tuple[str, str] | None:
    """What to type instead of the full-width character where a syntax error is (at its
    line and column), in English and Chinese; None when the character there is another."""
    rows = text.splitlines()
    if not line or not column or line > len(rows) or column > len(rows[line - 1]):
        return None
    char = rows[line - 1][column - 1]
    if char not in FULL_WIDTH:
        return None
    if char == "\u3000":
        return ("a full-width space: type an ordinary space", "全角空格请改为半角空格")
    half = FULL_WIDTH[char]
    return (f"the full-width {char} must be typed as {half}",
            f"全角字符 {char} 请改为半角字符 {half}")


#: What to write instead, after tomllib's words for the mistakes made most.
TOML_HINTS = {"Invalid value": "text goes in quotes, a list in [\"…\"]",
              "Unescaped '\\' in a string": "write paths with / or in 'single quotes'",
              "Illegal character '\\n'": "a text in quotes has no closing quote on its line",
              "Cannot overwrite a value": "the same key is given twice"}
#: tomllib's syntax errors in Chinese (its message as a pattern → the Chinese); any other
#: is given in brackets as tomllib says it.
TOML_ZH = (
    (r"Invalid value", "值的写法无效（文字要加引号，列表写作 [\"…\"]）"),
    (r"Invalid statement", "这一行既不是 键 = 值，也不是 [表]"),
    (r"Expected '=' after a key in a key/value pair", "键后面应有 ="),
    (r"Expected newline or end of document after a statement", "一行只能写一个 键 = 值"),
    (r"Expected '\]' at the end of a table declaration", "表头缺少结尾的 ]"),
    (r"Expected '\]\]' at the end of an array declaration", "表头缺少结尾的 ]]"),
    (r"Unclosed array", "列表缺少结尾的 ]"),
    (r"Unclosed inline table", "内联表缺少结尾的 }"),
    (r"Unterminated string", "字符串缺少结尾的引号"),
    (r"Invalid initial character for a key part", "键的开头字符无效"),
    (r"Cannot overwrite a value", "同一个键写了两次"),
    (r"Cannot declare (.+) twice", "{0} 声明了两次"),
    (r"Invalid date or datetime", "日期或时间的写法无效"),
    (r"Unescaped '\\' in a string", "字符串中的 \\ 未转义（路径请用 / 或单引号）"),
    (r"Illegal character '\\n'", "引号中的文字在本行缺少结尾的引号"),
    (r"Illegal character (.+)", "非法字符 {0}"),
    (r"Found invalid character (.+)", "无效字符 {0}"),
)
