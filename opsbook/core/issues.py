"""Issues and the validation Report: problems as data, each with its place."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from dataclasses import asdict, dataclass
from typing import Any, Iterable

from opsbook.core.messages import category, render
from opsbook.core.said import check_lang
from opsbook.core.spec import REACH

SEVERITIES = ("error", "warning", "info")

#: The fields of one issue in JSON and in the Issues sheet, in order.
ISSUE_FIELDS = (
    "file", "sheet", "cell", "row", "column", "field", "value",
    "code", "severity", "category", "message",
)


@dataclass(slots=True)
class Issue:
    """One problem, located as precisely as it can be.

    ``row`` is the spreadsheet row (1-based), ``cell`` its A1 address, ``column`` the header
    text as found in the file. ``params`` fill the message template of ``code``.
    """

    code: str
    severity: str = "error"
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    column: str | None = None
    field: str | None = None
    value: Any = None
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def category(self) -> str:
        return category(self.code)

    def message(self, lang: str = "en") -> str:
        """The issue in words, in ``lang`` ("en" or "zh"; else :class:`Refused`)."""
        check_lang(lang, each_own=False)
        values = {
            "file": self.file, "sheet": self.sheet, "cell": self.cell, "row": self.row,
            "column": self.column or self.field, "field": self.field,
            "value": _said(self.value), **self.params,
        }
        return render(self.code, lang, values)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        data = asdict(self)
        data.pop("params")
        data["value"] = _jsonable(self.value)
        data["category"] = self.category
        data["message"] = self.message(lang)
        return {key: data[key] for key in ISSUE_FIELDS}


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and abs(value) >= REACH:  # 1e30, not 31 digits of binary noise
        return f"{value:.6g}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value == value and value.time() == dt.time(0):
        return value.date().isoformat()  # a date read into a datetime column (NaT != NaT)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _said(value: Any) -> str:
    """A value as a message shows it: as :func:`_show` (which the JSON keeps), but a time of
    day and a date-time as a cell shows them, ``2026-11-03 09:30`` and ``09:30``, never
    ``2026-11-03T09:30:00``; a logical cell as Excel shows it, TRUE or FALSE."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":  # numpy's too
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime) and value == value and value.time() != dt.time(0):
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    return _show(value)


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):  # 120 as the cell shows it, not 120.0; no NaN in JSON
        if not math.isfinite(value):
            return None
        return int(value) if value.is_integer() and abs(value) < 2 ** 53 else value
    if hasattr(value, "item"):  # numpy scalars
        return _jsonable(value.item())
    return _show(value)


@dataclass
class Report:
    """The outcome of validating one or more files.

    ``valid`` is true when no issue is an error. ``readable`` is false when some file could
    not be read at all (the command line exits 2 then).
    """

    issues: list[Issue] = dataclasses.field(default_factory=list)
    files: list[str] = dataclasses.field(default_factory=list)
    lang: str = "en"
    #: file → the language of its headers; each issue is told in its own file's language.
    langs: dict[str, str] = dataclasses.field(default_factory=dict)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not any(i.severity == "error" for i in self.issues)

    @property
    def readable(self) -> bool:
        return not any(i.category == "file" for i in self.issues)

    @property
    def exit_code(self) -> int:
        """0 valid, 1 the input has errors, 2 some file could not be read."""
        return 2 if not self.readable else (0 if self.valid else 1)

    @classmethod
    def of(cls, issues: Iterable[Issue], lang: str = "en") -> Report:
        """A Report of some issues, with the files they name."""
        issues = list(issues)
        return cls(issues=issues, files=list(dict.fromkeys(i.file for i in issues if i.file)),
                   lang=lang)

    def extend(self, issues: Iterable[Issue]) -> None:
        self.issues.extend(issues)

    def merge(self, other: Report) -> None:
        self.issues.extend(other.issues)
        self.files.extend(other.files)
        self.langs.update(other.langs)

    def lang_of(self, issue: Issue, lang: str | None = None) -> str:
        """The language to tell an issue in: ``lang`` if given, else its file's."""
        return lang or self.langs.get(issue.file or "", self.lang)

    def to_dicts(self, lang: str | None = None) -> list[dict[str, Any]]:
        """The issues as JSON objects, each in ``lang`` or, when None, its file's language;
        a ``lang`` other than "en", "zh" or None is :class:`Refused`."""
        check_lang(lang)
        return [i.to_dict(self.lang_of(i, lang)) for i in self.issues]

    def to_frame(self, lang: str | None = None):
        """The issues as a pandas DataFrame, one row per issue, columns as in JSON."""
        import pandas as pd

        return pd.DataFrame(self.to_dicts(lang), columns=list(ISSUE_FIELDS))

    def summary(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "issues": len(self.issues),
        }

    def to_json(self, lang: str | None = None, indent: int | None = 2) -> str:
        """The stable JSON form documented in the README."""
        data = {
            "valid": self.valid,
            "readable": self.readable,
            "files": self.files,
            "summary": self.summary(),
            "issues": self.to_dicts(lang),
        }
        return json.dumps(data, ensure_ascii=False, indent=indent)
