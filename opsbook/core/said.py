"""Errors that carry their message in Chinese too: every refusal the command line shows in
the language of ``--lang``."""

from __future__ import annotations


class Said(Exception):
    """An error whose message is given in English and, as ``zh``, in Chinese (the command
    line shows the one of ``--lang``, or both)."""

    def __init__(self, text: str, zh: str | None = None):
        super().__init__(text)
        self.zh = zh
