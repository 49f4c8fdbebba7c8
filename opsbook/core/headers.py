"""Header matching: English or Chinese, full-width or half-width, simplified or traditional."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOISE = re.compile(r"[\s\*::()()\[\]【】<>《》_\-—·./、,,']+")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def normalize(text: object) -> str:
    """A header as a comparable key: NFKC, simplified Chinese, lower case, no spaces or marks.

    ``"  員工編號\\n"``, ``"员工编号"`` and ``"员工 编号*"`` give the same key; so do
    ``"Ｅｍｐｌｏｙｅｅ ＩＤ"`` and ``"employee id"``.
    """
    if text is None:
        return ""
    value = unicodedata.normalize("NFKC", str(text)).strip()
    if any(ord(ch) > 0x2E80 for ch in value):
        value = _t2s().convert(value)
    return _NOISE.sub("", value).lower()


def is_chinese(text: object) -> bool:
    """True when the text holds CJK ideographs."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in str(text))
