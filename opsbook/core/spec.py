"""Sheet specs: the fields of each sheet with their English and Chinese headers and rules."""

from __future__ import annotations

from dataclasses import dataclass

#: Field types; see ``opsbook.core.coerce`` for how each is read.
TYPES = ("text", "id", "number", "integer", "percent", "date", "time", "datetime", "bool",
         "choice", "month")


@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice field: the canonical value and its labels."""

    value: str
    en: str
    zh: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Field:
    """One column of a sheet."""

    id: str
    en: str
    zh: str
    type: str = "text"
    required: bool = False
    unique: bool = False
    choices: tuple[Choice, ...] = ()
    min: float | None = None
    max: float | None = None
    min_exclusive: bool = False
    ref: str | None = None  # "Sheet.field" that values must exist in
    ref_severity: str = "error"  # of a value missing there ("warning": the row is left out)
    confidential: bool = False
    aliases: tuple[str, ...] = ()
    default: str | None = None
    width: int = 14
    #: Units a figure of this field may be typed with after its number ("85分" is 85): for
    #: a field whose unit is unambiguous (a score's 分, never a money column's cent)
    units: tuple[str, ...] = ()
    #: A number field that is a multiple (a bonus coefficient of 1.2): a percentage is a
    #: share of 1 ("120%" and 1.2 shown as 120% are 1.2), not the points shown
    fraction: bool = False
    note_en: str = ""
    note_zh: str = ""

    def header(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def headers(self) -> tuple[str, ...]:
        return (self.en, self.zh, self.id, *self.aliases)

    def range_text(self, lang: str) -> str:
        """The allowed range in words, for messages (a percentage's as percentages)."""
        low, high = self.min, self.max
        if self.type == "percent":
            low, high = (None if v is None else f"{_num(v * 100)}%" for v in (low, high))
        if lang == "zh":
            if low is not None and high is not None:
                return f"在 {_num(low)} 到 {_num(high)} 之间"
            if low is not None:
                return f"{'大于' if self.min_exclusive else '不小于'} {_num(low)}"
            return f"不大于 {_num(high)}"
        if low is not None and high is not None:
            return f"between {_num(low)} and {_num(high)}"
        if low is not None:
            return f"{'greater than' if self.min_exclusive else 'at least'} {_num(low)}"
        return f"at most {_num(high)}"


#: The size of number from which a cell value means nothing as an amount, count or rate (15
#: digits): refused as a value, and shown in exponent form (1e+30) in messages.
REACH = 1e15


def _num(value: float | str) -> str:
    if isinstance(value, str):
        return value
    if abs(float(value)) >= REACH:
        return f"{float(value):.6g}"
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook kind."""

    id: str
    en: str
    zh: str
    fields: tuple[Field, ...]
    required: bool = True
    aliases: tuple[str, ...] = ()
    #: Headers of columns read as extra columns that count as a field to find the header
    #: of a sheet found by its name (a Punches sheet's Name beside its Punch Time), never
    #: to take a sheet of another name for this one
    header_extras: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def names(self) -> tuple[str, ...]:
        return (self.en, self.zh, self.id, *self.aliases)

    def field(self, field_id: str) -> Field:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)


# Common choices, shared by several kinds.
YES_NO = (
    Choice("yes", "yes", "是", ("y", "true", "1", "√", "✓", "✔", "☑", "✅", "x", "done",
                               "已完成", "有")),
    Choice("no", "no", "否", ("n", "false", "0", "×", "✗", "✘", "☒", "❌", "✕", "✖", "☐",
                             "未完成", "无")),
)


def text(id: str, en: str, zh: str, **kw) -> Field:
    return Field(id, en, zh, "text", **kw)


def ident(id: str, en: str, zh: str, **kw) -> Field:
    return Field(id, en, zh, "id", **kw)


def number(id: str, en: str, zh: str, **kw) -> Field:
    return Field(id, en, zh, "number", **kw)


def date(id: str, en: str, zh: str, **kw) -> Field:
    return Field(id, en, zh, "date", width=kw.pop("width", 12), **kw)


def choice(id: str, en: str, zh: str, choices: tuple[Choice, ...], **kw) -> Field:
    return Field(id, en, zh, "choice", choices=choices, **kw)


def choices(*items: tuple[str, str] | tuple[str, str, tuple[str, ...]]) -> tuple[Choice, ...]:
    """Choices from (value, zh) or (value, zh, aliases) pairs; the English label is the value."""
    out = []
    for item in items:
        value, zh = item[0], item[1]
        aliases = item[2] if len(item) > 2 else ()
        out.append(Choice(value, value, zh, aliases))
    return tuple(out)
