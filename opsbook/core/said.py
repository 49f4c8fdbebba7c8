"""Errors that carry their message in Chinese too: every refusal the command line shows in
the language of ``--lang``."""

from __future__ import annotations


class Said(Exception):
    """An error whose message is given in English and, as ``zh``, in Chinese (the command
    line shows the one of ``--lang``, or both)."""

    def __init__(self, text: str, zh: str | None = None):
        super().__init__(text)
        self.zh = zh


class Refused(Said, ValueError):
    """A request that cannot be taken as given (an argument out of its form): the message
    in English, ``zh`` the same in Chinese (the command line shows the one of ``--lang``)."""


def check_lang(lang: str | None, *, each_own: bool = True) -> None:
    """Raise :class:`Refused` (a ValueError, in both languages) for a ``lang`` that is
    neither "en" nor "zh", nor None (each workbook's own) where ``each_own`` allows it."""
    if lang not in (("en", "zh", None) if each_own else ("en", "zh")):
        raise Refused(f"lang must be 'en' or 'zh' (got {lang!r})",
                      f"lang 应为 en 或 zh（当前为“{lang}”）。")
