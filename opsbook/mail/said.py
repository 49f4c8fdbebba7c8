"""The errors of the mail package carry their message in Chinese too."""

from __future__ import annotations


class Said(Exception):
    """An error whose message is given in English and, as ``zh``, in Chinese (the command
    line shows the one of ``--lang``, or both)."""

    def __init__(self, text: str, zh: str | None = None):
        super().__init__(text)
        self.zh = zh
