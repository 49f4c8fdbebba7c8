"""Reading a Settings sheet: keys and values down two columns (the template's layout), or
across two rows (keys in one, values in the row below), below any title block."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from opsbook.core.cells import a1, split
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue
from opsbook.core.settings import (
    SettingsModel,
    as_chosen,
    as_dated,
    as_shown,
    setting_problem,
    unknown_key,
)
from opsbook.core.table import RawSheet

#: What the cell over a column of keys (or before a row of them) says: no setting.
KEY_WORDS = frozenset(normalize(w) for w in (
    "key", "setting", "参数", "设置项", "键", "项目", "名称", "value", "值", "取值", "设置值",
    "序号", "no", "#"))

#: Fewest keys in one row for the sheet to be read across.
ACROSS_KEYS = 2


def _across(raw: RawSheet, model: type[SettingsModel]) -> int | None:
    """The (0-based) row of keys of a sheet laid out across: the first row in which a
    setting's key stands right after another's (so it is no value), else None."""
    for index, row in enumerate(raw.rows[:-1]):
        keys = [c for c, v in enumerate(row) if v not in ("", None) and model.key_for(v)]
        if len(keys) >= ACROSS_KEYS and any(b == a + 1 for a, b in zip(keys, keys[1:])):
            return index
    return None


def _pairs(raw: RawSheet, model: type[SettingsModel], prefixes: tuple[str, ...] = ()
           ) -> Iterator[tuple[int, int, Any, int, int, Any]]:
    """(key row, key column, key as typed, value row, value column, value) of every key
    the sheet holds (0-based rows and columns): a row's key is the first cell holding a
    setting's key (a row number, 序号, may come before it), else its first text."""
    across = _across(raw, model)
    if across is not None:
        below = raw.rows[across + 1]
        for col, key_text in enumerate(raw.rows[across]):
            if key_text not in ("", None):
                yield across, col, key_text, across + 1, col, \
                    below[col] if col < len(below) else ""
        return
    for index, row in enumerate(raw.rows):
        filled = [(c, v) for c, v in enumerate(row) if v not in ("", None)]
        if filled:  # the key: a setting's, else the first text (after a row number, 序号)
            col, key_text = next((p for p in filled if _is_key(p[1], model, prefixes)), None) \
                or next((p for p in filled if isinstance(p[1], str)), filled[0])
            yield index, col, key_text, index, col + 1, row[col + 1] if col + 1 < len(row) else ""


def _is_key(value: Any, model: type[SettingsModel], prefixes: tuple[str, ...]) -> bool:
    """Whether a cell holds a key of ``model``'s settings or a free-form one (``prefixes``)."""
    return model.key_for(value) is not None or bool(
        prefixes and isinstance(value, str) and value.strip().lower().startswith(prefixes))


def read_settings(raw: RawSheet | None, model: type[SettingsModel], file: str | None,
                  prefixes: tuple[str, ...] = (),
                  ) -> tuple[Any, dict[str, tuple[str, str]], list[Issue]]:
    """Settings from a key/value sheet (down or across, see :func:`_pairs`), as the model
    (``model``) with its defaults for what is blank or bad; the cell (sheet, A1) of every
    key given; and the issues found: bad values reported at their cells (and taking the
    default), unknown keys (with the key they nearly are), keys given twice.

    Keys starting with one of ``prefixes`` (a kind's free-form keys) are kept as they are.
    """
    values: dict[str, Any] = {}
    typed: dict[str, Any] = {}  # a date setting's number as typed, before it is a date
    cells: dict[str, tuple[str, str]] = {}
    issues: list[Issue] = []
    pairs = _pairs(raw, model, prefixes) if raw is not None else iter(())
    for index, col, key_text, vrow, vcol, value in pairs:
        key = model.key_for(key_text)
        if key is None:
            text = str(key_text).strip()
            if prefixes and text.lower().startswith(prefixes):
                key = text
            elif value in ("", None) or normalize(text) in KEY_WORDS:
                continue
            else:
                issues.append(Issue("unknown-setting", "warning", file, raw.name,
                                    a1(index + 1, col + 1), index + 1, value=text,
                                    params=unknown_key(model, text)))
                continue
        cell = a1(vrow + 1, vcol + 1)
        if key in cells:  # given twice: the first counts, as a person reads top down
            issues.append(Issue("duplicate-setting", "warning", file, raw.name,
                                a1(index + 1, col + 1), index + 1, value=str(key_text).strip(),
                                params={"other": cells[key][1]}))
            continue
        cells[key] = (raw.name, cell)
        if cell in raw.formulas_without_value or cell in raw.errors:  # never a blank
            issues.append(Issue("formula-no-value" if cell not in raw.errors
                                else "formula-error", "error", file, raw.name, cell,
                                vrow + 1, column=key, field=key, value=raw.errors.get(cell)))
            continue
        if cell in raw.percent_cells:
            value = as_shown(model, key, value)
        value = as_chosen(model, key, value)
        dated = as_dated(model, key, value, raw.epoch)
        if dated is not value:  # a serial number: the date it is, and said
            typed[key], value = value, dated
        if value not in ("", None):
            values[key] = value
    settings, cells, issues = validate_settings(model, values, cells, file, issues)
    refused = {i.field for i in issues if i.code == "invalid-setting"}
    for key, value in {**values, **typed}.items():  # a date typed as text or a number
        day = getattr(settings, key, None) if key not in refused else None
        if isinstance(value, (str, int, float)) and isinstance(day, dt.date):
            sheet, cell = cells[key]
            issues.append(Issue("coerced-value", "warning", file, sheet, cell, split(cell)[0],
                                column=key, field=key, value=value,
                                params={"expected": "a date", "expected_zh": "日期",
                                        "result": day.isoformat()}))
    return settings, cells, issues


def validate_settings(model: type[SettingsModel], values: dict[str, Any],
                      cells: dict[str, tuple[str, str]], file: str | None,
                      issues: list[Issue]) -> tuple[Any, dict[str, tuple[str, str]], list[Issue]]:
    """Validate with pydantic; each bad value is reported at its cell and takes the default."""
    from pydantic import ValidationError

    while True:
        try:
            return model.model_validate(values), cells, issues
        except ValidationError as error:
            dropped = False
            for err in error.errors():
                key = str(err["loc"][0]) if err["loc"] else ""
                sheet, cell = cells.get(key, (None, None))
                issues.append(Issue(
                    "invalid-setting", file=file, sheet=sheet, cell=cell,
                    row=split(cell)[0] if cell else None, column=key, field=key,
                    value=values.get(key),
                    params=setting_problem(model, err, values.get(key), sheet, cell)))
                dropped |= values.pop(key, None) is not None
            if not dropped:
                return model(), cells, issues
