"""Settings: a pydantic model per kind, kept in the workbook's two-column Settings sheet.

Each field of a settings model carries its English description and, in
``json_schema_extra``, its Chinese label and description; templates write them, readers
accept the key or the Chinese label.
"""

from __future__ import annotations

import datetime as dt
import types
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Literal, Union, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from opsbook.core.parse import percent_text, unstopped, visible


def setting(default: Any, en: str, zh: str, label: str, aliases: tuple[str, ...] = (),
            **kwargs: Any) -> Any:
    """A settings field: default, English description, Chinese description and label, and
    other names a Settings sheet may give it (``aliases``; besides those every setting of
    its label takes, :data:`~opsbook.core.setting_labels.SYNONYMS`)."""
    extra: dict[str, Any] = {"zh": zh, "label": label}
    if aliases:
        extra["aliases"] = list(aliases)
    return Field(default, description=en, json_schema_extra=extra, **kwargs)


def fraction(value: Any) -> Any:
    """0.6, 60, "60%", "60 %" and "0.6" all mean 0.6."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        from opsbook.core.parse import clean_text, parse_number

        text = clean_text(value)
        percent = text.endswith("%")
        number = parse_number(text.rstrip("%").strip())  # "nan", "1_000" and "6,0" are none
        if number is None:
            return value
        return number / 100 if percent or number > 1 else number
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value / 100 if value > 1 else float(value)
    return value


def _time(value: Any) -> Any:
    """Times given as "09:00", "下午 6:00", "6:00 PM", 0.375 (a day fraction) or a datetime.
    A time of the next day ("次日 01:30") is no time of day and is left for pydantic to
    refuse; a number that is no day fraction (9) raises a ``time_parsing`` error."""
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 0 <= value < 1:  # 9 is no 09:00 (pydantic would take 9 seconds)
            raise PydanticCustomError("time_parsing", "not a time of day")
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60, minutes % 60)
    if isinstance(value, str):
        from opsbook.core.dates import parse_time

        since = parse_time(value)
        if since is not None and since.days == 0:
            seconds = int(since.total_seconds())
            return dt.time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    return value


def _day(value: Any) -> Any:
    """Dates given as a date, a datetime at midnight, an Excel serial or text (read by
    :func:`opsbook.core.dates.parse_date`); a number that is no serial of a date raises a
    ``date_parsing`` error."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 59 < value < 2958466:  # no serial of a date (pydantic would take 0 as 1970)
            raise PydanticCustomError("date_parsing", "not a date")
        from opsbook.core.cellvalues import EXCEL_EPOCH

        return (EXCEL_EPOCH + dt.timedelta(days=float(value))).date()
    if isinstance(value, str) and value.strip():
        from opsbook.core.dates import parse_date

        parsed = parse_date(value)
        if parsed is None:  # never pydantic's own reading: "46346" would be a Unix time
            raise PydanticCustomError("date_parsing", "not a date")
        return parsed.date()
    return value


def _month(value: Any) -> str:
    """A month as ``YYYY-MM`` (blank stays blank), from a date cell (Excel makes 2026-11-01
    of "2026-11" typed into a cell), the number 202611, or text such as "2026/11",
    "2026年11月" or "Nov 2026" (see :func:`opsbook.core.dates.parse_month`). Raises a
    ``month_parsing`` error for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    from opsbook.core.dates import parse_month

    month = parse_month(value)
    if month is None:
        raise PydanticCustomError("month_parsing", "not a month written as YYYY-MM")
    return month


def _text(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _amount(value: Any) -> Any:
    """Amounts typed as text, with thousands separators or a currency sign: "1,000" → 1000."""
    if isinstance(value, str) and value.strip():
        from opsbook.core.coerce import parse_number

        number = parse_number(value)
        return value if number is None else number
    return value


def _ratio(value: Any) -> Any:
    """Ratios such as an SPI threshold: 0.9, "0.9" or "90%" (a percentage is the ratio it
    says); a number is taken as it is (1.2 is 1.2, not 1.2 %)."""
    return _amount(value)


Fraction = Annotated[float, BeforeValidator(fraction)]
Amount = Annotated[float, BeforeValidator(_amount)]
Ratio = Annotated[float, BeforeValidator(_ratio)]
TimeOfDay = Annotated[dt.time, BeforeValidator(_time)]
Text = Annotated[str, BeforeValidator(_text)]
Day = Annotated[dt.date, BeforeValidator(_day)]
Month = Annotated[str, BeforeValidator(_month)]


class SettingsModel(BaseModel):
    """Base of every kind's settings: blank values take the default, unknown keys are kept."""

    model_config = ConfigDict(extra="allow", validate_default=True, allow_inf_nan=False)
    #: Prefixes of free-form keys whose values are shares (appraisal's ``max_share_``).
    share_prefixes: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def rows(cls) -> list[tuple[str, Any, str, str, str]]:
        """(key, default, English description, Chinese description, Chinese label) per field."""
        out = []
        for key, info in cls.model_fields.items():
            extra = info.json_schema_extra or {}
            out.append((key, info.default, info.description or "", extra.get("zh", ""),
                        extra.get("label", key)))
        return out

    @classmethod
    def key_for(cls, text: object) -> str | None:
        """The settings key for a key or Chinese label as typed in a sheet, read as a header
        is (:func:`opsbook.core.headers.header_field`): in any case, spacing or width, with
        its words joined by spaces, "_", "-" or nothing ("Late Grace Minutes",
        "late-grace-minutes"), a colon after it, traditional characters, a unit in brackets
        ("迟到宽限（分钟）") or both languages ("迟到宽限分钟 / late_grace_minutes"), or
        one of its other names (年度 for 计划年度: see :func:`_lookup`).
        None for anything else (and for a unit that scales the value, "奖金预算（万元）")."""
        if text in ("", None):
            return None
        return _key_for(cls, text) if type(text) is str else _key_for(cls, str(text))

    @classmethod
    def near_key(cls, text: object) -> str | None:
        """The key a setting's name nearly is (a typo: "late_grace_minute", "迟到宽线分钟"),
        or None when none is near enough."""
        from difflib import get_close_matches

        from opsbook.core.headers import normalize

        lookup = _lookup(cls)
        near = get_close_matches(normalize(text), list(lookup), n=1, cutoff=0.8)
        return lookup[near[0]] if near else None

    def extra_items(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


@lru_cache(maxsize=4096)
def _key_for(model: type[SettingsModel], text: str) -> str | None:
    """:meth:`SettingsModel.key_for` of a text, kept: every file of a kind names its
    settings alike."""
    from opsbook.core.headers import header_field

    return header_field(visible(text), _lookup(model))


@lru_cache(maxsize=16)
def _lookup(model: type[SettingsModel]) -> dict[str, str]:
    """Every name of a model's settings (its keys and Chinese labels, then their aliases and
    :data:`~opsbook.core.setting_labels.SYNONYMS`) as a header key
    (:func:`opsbook.core.headers.normalize`) → settings key; a key or label wins over
    another setting's alias."""
    from opsbook.core.headers import normalize
    from opsbook.core.setting_labels import SYNONYMS

    table: dict[str, str] = {}
    for key, _default, _en, _zh, label in model.rows():
        for name in (key, label):
            table.setdefault(normalize(name), key)
    for key, info in model.model_fields.items():
        extra = info.json_schema_extra or {}
        label = extra.get("label", key)
        for name in (*extra.get("aliases", ()), *SYNONYMS.get(label, ())):
            table.setdefault(normalize(name), key)
    return table


def unknown_key(model: type[SettingsModel], text: object) -> dict[str, str]:
    """The params of an ``unknown-setting`` issue for a key typed as ``text``: ``hint`` and
    ``hint_zh`` name the setting it nearly is (see :meth:`SettingsModel.near_key`), else
    are empty."""
    key = model.near_key(text)
    if key is None:
        return {}
    label = dict((k, lab) for k, _d, _e, _z, lab in model.rows()).get(key, key)
    named = f"'{key}'" + (f" ({label})" if label != key else "")
    named_zh = f"“{label}”" + (f"（{key}）" if label != key else "")
    return {"hint": f" Did you mean {named}?", "hint_zh": f"是否应为{named_zh}？"}


def setting_problem(model: type[SettingsModel], error: dict[str, Any], value: Any = None,
                    sheet: str | None = None, cell: str | None = None) -> dict[str, str]:
    """The params of an ``invalid-setting`` issue for one error of ``model``'s validation.

    ``error`` is one of ``ValidationError.errors()``; ``value`` the value as found in the
    sheet (else the error's input is shown) at ``cell`` of ``sheet``. Returns ``detail`` and
    ``detail_zh``: where the value is, what was found, what is wrong with it (by the error's
    type, :data:`~opsbook.core.setting_words.SETTING_ERRORS`) and what the setting takes (by the
    field's type and bounds, else its description) — never pydantic's own words — and
    ``label_zh``, the setting's Chinese label in brackets ("" when it has none).
    """
    from opsbook.core.setting_words import SETTING_DATE_HINT, SETTING_ERROR_OTHER, SETTING_ERRORS

    key = str(error["loc"][0]) if error.get("loc") else ""
    info = model.model_fields.get(key)
    shape, bounds, choices = _shape(info)
    percent = shape == "share"
    context = {name: _bound(v, percent) if isinstance(v, (int, float)) else v
               for name, v in (error.get("ctx") or {}).items()}
    reason = SETTING_ERRORS.get(error.get("type", ""), SETTING_ERROR_OTHER)
    if error.get("type") != "string_type" and shape in ("", "text") and info is not None \
            and info.description:
        zh = (info.json_schema_extra or {}).get("zh") or info.description
        expected = (f": {info.description.rstrip('.')}", f"：{zh.rstrip('。.')}")
    else:
        expected = _expected(shape or "any", bounds, choices)
    found = value if value is not None else error.get("input")
    hint = SETTING_DATE_HINT if error.get("type") == "string_type" \
        and isinstance(found, (dt.date, dt.datetime)) else ("", "")
    label = (info.json_schema_extra or {}).get("label", key) if info is not None else key
    return {**{name: _sentence(name, sheet, cell, _shown(found), reason[n], expected[n],
                               hint[n], context)
               for n, name in enumerate(("detail", "detail_zh"))},
            "label_zh": f"（{label}）" if label and label != key else ""}


def _sentence(name: str, sheet: str | None, cell: str | None, found: str, reason: str,
              expected: str, hint: str, context: dict[str, Any]) -> str:
    from opsbook.core.setting_words import SETTING_SENTENCE

    where = "cell" if cell else "value"
    template = SETTING_SENTENCE[where][name == "detail_zh"]
    place = f"{sheet}!{cell}" if sheet else str(cell)
    try:
        reason = reason.format(**context)
    except (KeyError, IndexError, ValueError):
        reason = reason.split("{")[0].strip()
    return template.format(place=place, found=found, reason=reason, expected=expected,
                           hint=hint)


def as_shown(model: type[SettingsModel], key: str, value: Any) -> Any:
    """A share's number as its cell shows it when the cell is formatted as a percentage:
    the percentage text it shows ("120%" for 1.2, never read as 1.2 % by the rule that a
    share above 1 is in percent points). Any other setting keeps its number: a threshold
    such as an SPI of 0.9 shown as 90% is 0.9."""
    share = (_shape(model.model_fields.get(key))[0] == "share"
             or key.lower().startswith(model.share_prefixes))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and share:
        return percent_text(value)
    return value


def as_chosen(model: type[SettingsModel], key: str, value: Any) -> Any:
    """A choice setting's text (a Literal's, or yes/no) as a choice cell is read: without
    the marks a sentence ends in ("定稿。", "cpi!": see :func:`opsbook.core.parse.unstopped`),
    and a choice in any case, width or spacing as the choice ("CPI", "Cpi Spi" → "cpi",
    "cpi_spi"); any other value as it is."""
    shape, _bounds, choices = _shape(model.model_fields.get(key))
    if not isinstance(value, str) or shape not in ("choice", "bool"):
        return value
    from opsbook.core.headers import choice_key

    typed = choice_key(value)
    return next((c for c in choices if isinstance(c, str) and choice_key(c) == typed),
                unstopped(value) or value)


def as_dated(model: type[SettingsModel], key: str, value: Any, epoch: dt.datetime) -> Any:
    """A number in a date setting as the date it stands for, a datetime (see
    :func:`opsbook.core.dates.number_date`: a serial counts from the workbook's own
    ``epoch``, so 45000 is 2027-03-16 in Excel for Mac's 1904 date system, not 2023-03-15;
    20261103 is 2026-11-03); any other value as it is (a number that is no date, or a serial
    of January or February 1900, is left for the setting's reader to refuse)."""
    if (isinstance(value, (int, float)) and not isinstance(value, bool) and value > 59
            and _shape(model.model_fields.get(key))[0] == "date"):
        from opsbook.core.dates import number_date

        day = number_date(value, epoch)
        return value if day is None else day
    return value


def _shape(info: Any) -> tuple[str, dict[str, float], tuple[Any, ...]]:
    """(shape, bounds, choices) of a settings field: shape is a key of ``SETTING_SHAPES``
    (or "" when unknown), bounds its ``ge``/``gt``/``le``/``lt``, choices a Literal's."""
    if info is None:
        return "", {}, ()
    annotation, metadata = info.annotation, list(info.metadata)
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else annotation
    if get_origin(annotation) is Annotated:
        annotation, *more = get_args(annotation)
        metadata += more
    bounds = {name: getattr(m, name) for m in metadata for name in ("ge", "gt", "le", "lt")
              if getattr(m, name, None) is not None}
    validators = {getattr(m, "func", None) for m in metadata}
    for func, shape in ((fraction, "share"), (_amount, "amount"), (_ratio, "ratio"),
                        (_month, "month"),
                        (_day, "date"), (_time, "time"), (_text, "text")):
        if func in validators:
            return shape, bounds, ()
    if get_origin(annotation) is Literal:
        return "choice", bounds, get_args(annotation)
    shapes = {bool: "bool", int: "integer", float: "number", dt.date: "date", dt.time: "time",
              str: "text"}
    return shapes.get(annotation, ""), bounds, ()


def _expected(shape: str, bounds: dict[str, float], choices: tuple[Any, ...]
              ) -> tuple[str, str]:
    """What a setting of ``shape`` within ``bounds`` takes, in English and Chinese."""
    from opsbook.core.setting_words import SETTING_EXAMPLES, SETTING_RANGES, SETTING_SHAPES

    percent = shape == "share"
    low = next((bounds[k] for k in ("ge", "gt") if k in bounds), None)
    high = next((bounds[k] for k in ("le", "lt") if k in bounds), None)
    if low is not None and high is not None:
        form = "between"
    else:
        form = next((k for k in ("ge", "gt", "le", "lt") if k in bounds), "")
    out = []
    for n, before, sep, comma in ((0, " ", ", ", ", e.g. "), (1, "", "、", "，例如 ")):
        noun = SETTING_SHAPES[shape][n].format(choices=sep.join(map(str, choices)))
        if form:
            noun = SETTING_RANGES[form][n].format(noun=noun, low=_bound(low, percent),
                                                  high=_bound(high, percent))
        if n and noun[:1].isascii() and noun[:1].isalnum():
            before = " "  # 应为 0 到 1 之间…: a space between Chinese and a number
        example = SETTING_EXAMPLES.get(shape)
        out.append(before + noun + (comma + example[n] if example else ""))
    return out[0], out[1]


def _bound(value: Any, percent: bool = False) -> str:
    if value is None:
        return ""
    if percent:
        return f"{float(value) * 100:g}%"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _shown(value: Any) -> str:
    """A value as a person sees it in the cell: 2026-11-01, 09:00, -5, abc."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else \
            value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M") if not value.second else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)
