"""Settings: a pydantic model per kind, kept in the workbook's two-column Settings sheet.

Each field of a settings model carries its English description and, in
``json_schema_extra``, its Chinese label and description; templates write them, readers
accept the key or the Chinese label.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def setting(default: Any, en: str, zh: str, label: str, **kwargs: Any) -> Any:
    """A settings field: default, English description, Chinese description and label."""
    return Field(default, description=en, json_schema_extra={"zh": zh, "label": label}, **kwargs)


def fraction(value: Any) -> Any:
    """0.6, 60, "60%", "60 %" and "0.6" all mean 0.6."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip().replace("%", "").replace("%", "")
        percent = text != value.strip()
        try:
            number = float(text)
        except ValueError:
            return value
        return number / 100 if percent or number > 1 else number
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value / 100 if value > 1 else float(value)
    return value


def _time(value: Any) -> Any:
    """Times given as "09:00", 0.375 (a day fraction) or a datetime."""
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60, minutes % 60)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{1,2})[::](\d{2})(?:[::](\d{2}))?\s*", value)
        if match:
            return dt.time(int(match[1]), int(match[2]), int(match[3] or 0))
    return value


def _day(value: Any) -> Any:
    """Dates given as a date, a datetime at midnight, an Excel serial or text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 59:
        from opsbook.core.coerce import EXCEL_EPOCH

        return (EXCEL_EPOCH + dt.timedelta(days=float(value))).date()
    if isinstance(value, str) and value.strip():
        from opsbook.core.coerce import parse_date

        parsed = parse_date(value)
        return parsed.date() if parsed is not None else value
    return value


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


Fraction = Annotated[float, BeforeValidator(fraction)]
Amount = Annotated[float, BeforeValidator(_amount)]
TimeOfDay = Annotated[dt.time, BeforeValidator(_time)]
Text = Annotated[str, BeforeValidator(_text)]
Day = Annotated[dt.date, BeforeValidator(_day)]


class SettingsModel(BaseModel):
    """Base of every kind's settings: blank values take the default, unknown keys are kept."""

    model_config = ConfigDict(extra="allow", validate_default=True)

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
    def key_for(cls, text: str) -> str | None:
        """The settings key for a key or Chinese label as typed in a sheet."""
        cleaned = re.sub(r"\s+", "", str(text)).lower()
        for key, _default, _en, _zh, label in cls.rows():
            if cleaned in (key.lower(), re.sub(r"\s+", "", label).lower()):
                return key
        return None

    def extra_items(self) -> dict[str, Any]:
        return dict(self.model_extra or {})
