"""A Book: a workbook read against its kind — typed tables, settings and what reading found."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Sequence

import pandas as pd

from opsbook.core.headers import normalize
from opsbook.core.issues import Issue
from opsbook.core.kind import Kind, Output
from opsbook.core.setting_sheet import read_settings  # noqa: F401 - re-exported
from opsbook.core.table import (
    Layout,
    RawSheet,
    Table,
    empty_frame,
    lay_out,
    match_count,
    read_tables,
)


@dataclass
class Book:
    """A standard workbook, read.

    ``book["Scores"]`` is the Scores sheet as a DataFrame whose columns are field ids and
    whose index is the spreadsheet row. ``issues`` holds what reading found; validation adds
    the rules between sheets.
    """

    kind: Kind
    path: str | None
    lang: str
    tables: dict[str, Table]
    settings: Any
    settings_cells: dict[str, tuple[str, str]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    format: str = "xlsx"
    sheet_names: list[str] = field(default_factory=list)

    def __getitem__(self, sheet_id: str) -> pd.DataFrame:
        spec = self.kind.sheet_by_name(sheet_id)
        if spec is None:
            raise KeyError(f"{sheet_id!r} is not a sheet of the {self.kind.en.lower()} workbook; "
                           f"its sheets are {', '.join(s.id for s in self.kind.sheets)}")
        sheet_id = spec.id
        table = self.tables.get(sheet_id)
        return table.frame if table is not None else empty_frame(self.kind.sheet(sheet_id))

    def __contains__(self, sheet_id: str) -> bool:
        spec = self.kind.sheet_by_name(sheet_id)
        return spec is not None and spec.id in self.tables

    def where(self, sheet_id: str, field_id: str | None = None,
              row: int | None = None) -> dict[str, Any]:
        """Location fields for an Issue about a sheet, a column or a cell."""
        table = self.tables.get(sheet_id)
        if table is None:
            return {"file": self.path, "sheet": self.kind.sheet(sheet_id).name(self.lang),
                    "field": field_id, "row": row}
        return {"file": self.path, **table.where(field_id, row)}

    def setting_where(self, key: str) -> dict[str, Any]:
        sheet, cell = self.settings_cells.get(key, (self._settings_sheet_name(), None))
        return {"file": self.path, "sheet": sheet, "cell": cell, "field": key, "column": key}

    def setting_issue(self, key: str, value: Any, en: str, zh: str,
                      severity: str = "error") -> Issue:
        """An ``invalid-setting`` issue at a setting's cell, found by a kind's rule: ``en`` and
        ``zh`` say what is wrong; the Chinese names the setting by its label as the settings'
        own messages do (设置项“shift_end”（下班时间）：…)."""
        info = self.kind.settings.model_fields.get(key)
        extra = info.json_schema_extra if info is not None else None
        label = extra.get("label") if isinstance(extra, dict) else None
        return Issue("invalid-setting", severity, value=value, params={
            "detail": en, "detail_zh": zh,
            "label_zh": f"（{label}）" if label and label != key else ""},
            **self.setting_where(key))

    def _settings_sheet_name(self) -> str:
        """The workbook's Settings sheet as it is named ("参数", "配置" …), else the name
        the template gives it in the workbook's language."""
        return next((name for name in self.sheet_names if _is_settings_name(name)),
                    "设置" if self.lang == "zh" else "Settings")


#: The names of a Settings sheet (參數 too: read as simplified; in any case or width).
SETTINGS_NAMES = ("settings", "设置", "参数", "设定", "参数设置", "基本设置", "配置")


def _sheet_key(name: str) -> str:
    return normalize(name)


def assign_sheets(raw: list[RawSheet], kind: Kind) -> dict[str, RawSheet]:
    """Which workbook sheet holds which sheet of the kind: by name, then by headers."""
    return place_sheets(raw, kind)[0]


def _is_settings(sheet: RawSheet) -> bool:
    return _is_settings_name(sheet.name)


def _is_settings_name(name: str) -> bool:
    return _sheet_key(name) in map(normalize, SETTINGS_NAMES)


def written_sheet(name: str, kinds: Iterable[Kind]) -> bool:
    """Whether a sheet called ``name`` is one opsbook writes into a workbook of one of
    ``kinds`` and no input sheet of theirs: a results sheet (in either language), the Issues,
    Control or xlwings.conf sheet, or one placed beside a user's sheet of its name ("Status
    (opsbook)"). Such a sheet is never read as input, whatever its headers."""
    from opsbook.core.output import CONF_SHEET, CONTROL_SHEET, ISSUES_SHEET, is_own_name

    kinds = tuple(kinds)
    name = name.strip()
    inputs = {n.casefold() for k in kinds for s in k.sheets for n in s.names()}
    made = {n.casefold() for n in (*ISSUES_SHEET.values(), *CONTROL_SHEET.values(), CONF_SHEET,
                                   *(n for k in kinds for o in k.outputs for n in o.names()))}
    return is_own_name(name) or name.casefold() in made - inputs


def place_sheets(raw: list[RawSheet], kind: Kind, file: str | None = None, *,
                 guess: bool = False) -> tuple[dict[str, RawSheet], list[Issue]]:
    """Which workbook sheet holds which sheet of the kind, and what to say about it.

    A sheet named as the kind names it (in English, Chinese or an alias) is taken. Else a
    sheet whose headers name enough of the sheet's fields (and no more of another's) is
    taken, with a
    ``sheet-found-by-headers`` warning naming it; never a sheet opsbook wrote
    (:func:`written_sheet`: an earlier Calculate's results are not its input). When two
    sheets qualify equally (two names, or a backup copy with the same headers), neither is
    taken: ``ambiguous-sheet``, an error.
    Returns (sheet id → sheet, issues); an ambiguous sheet id is left out, unless ``guess``
    (for telling which kind a workbook is) takes the first of the candidates.
    """
    assigned: dict[str, RawSheet] = {}
    issues: list[Issue] = []
    used: set[str] = set()
    ambiguous: set[str] = set()
    for spec in kind.sheets:
        keys = {_sheet_key(name) for name in spec.names()}
        hits = [s for s in raw if _sheet_key(s.name) in keys and s.name not in used]
        if len(hits) == 1:
            assigned[spec.id] = hits[0]
            used.add(hits[0].name)
        elif len(hits) > 1:
            issues.append(_ambiguous(spec, hits, file))
            ambiguous.add(spec.id)
            if guess:
                assigned[spec.id] = hits[0]
            used.update(s.name for s in hits)
    for spec in kind.sheets:
        if spec.id in assigned or spec.id in ambiguous:
            continue
        needed = max(2, sum(f.required for f in spec.fields) // 2 + 1)
        scored = [(match_count(s.rows, spec, s.merged)[1], s) for s in raw
                  if s.name not in used and not _is_settings(s)
                  and not written_sheet(s.name, (kind,))]
        # never one whose headers fit another sheet of the kind better ("Tasks (old)" shares
        # Project ID and WBS with Actions, but is a copy of Tasks)
        scored = [(score, s) for score, s in scored if score >= needed and not any(
            match_count(s.rows, other, s.merged)[1] > score for other in kind.sheets)]
        if not scored:
            continue
        top = max(score for score, _ in scored)
        best = [s for score, s in scored if score == top]
        used.update(s.name for s in best)
        if len(best) > 1:
            issues.append(_ambiguous(spec, best, file))
            if guess:
                assigned[spec.id] = best[0]
            continue
        assigned[spec.id] = best[0]
        issues.append(Issue("sheet-found-by-headers", "warning", file, best[0].name,
                            params={"expected": spec.en, "expected_zh": spec.zh}))
    return assigned, issues


def _ambiguous(spec, sheets: list[RawSheet], file: str | None) -> Issue:
    names = ", ".join(f"'{s.name}'" for s in sheets)
    names_zh = "、".join(f"“{s.name}”" for s in sheets)
    return Issue("ambiguous-sheet", file=file, sheet=sheets[0].name, value=names,
                 params={"expected": spec.en, "expected_zh": spec.zh, "value_zh": names_zh})


def kind_score(raw: list[RawSheet], kind: Kind) -> tuple[int, int]:
    """How well a workbook fits a kind: (sheets found, header fields matched)."""
    assigned = place_sheets(raw, kind, guess=True)[0]
    fields = sum(match_count(sheet.rows, kind.sheet(sid), sheet.merged)[1]
                 for sid, sheet in assigned.items())
    distinct = sum(1 for sid in assigned if kind.sheet(sid).required)
    return distinct, fields


def best_kinds(raw: list[RawSheet], kinds: dict[str, Kind]) -> list[Kind]:
    """The kinds whose sheets and headers the workbook matches best: one, several when they
    match it equally well (an Employees sheet alone fits attendance and appraisal), or none
    when fewer than 3 header fields of any kind are found."""
    scores = {kid: kind_score(raw, kind) for kid, kind in kinds.items()}
    top = max(scores.values())
    if top[1] < 3:
        return []
    best = [kinds[kid] for kid, score in scores.items() if score == top]
    if len(best) > 1:  # the Settings sheet's keys may tell them apart
        keys = {k.id: _settings_keys(raw, k) for k in best}
        best = [k for k in best if keys[k.id] == max(keys.values())]
    return best


def _settings_keys(raw: list[RawSheet], kind: Kind) -> int:
    """How many keys of the Settings sheet(s) are the kind's own settings."""
    return sum(1 for sheet in raw if _is_settings(sheet) for row in sheet.rows
               if row and isinstance(row[0], str) and kind.settings.key_for(row[0]))


def detect_kind(raw: list[RawSheet], kinds: dict[str, Kind]) -> Kind | None:
    """The one kind the workbook matches best (see :func:`best_kinds`), or None when it
    matches none, or several equally."""
    best = best_kinds(raw, kinds)
    return best[0] if len(best) == 1 else None


def fits(raw: list[RawSheet], kind: Kind, *, exactly: bool = False) -> bool:
    """Whether a workbook has one of the kind's required sheets, by name or by its headers
    (read as that kind, it may be a workbook of the kind with faults). With ``exactly``:
    every required sheet of the kind, by name (the quick answer for the common case)."""
    required = {s.id for s in kind.sheets if s.required}
    named = {found.id for s in raw if (found := kind.sheet_by_name(s.name.strip())) is not None}
    if exactly:
        return required <= named
    return bool(required & named) or kind_score(raw, kind)[0] > 0


def output_kind(raw: list[RawSheet], kinds: dict[str, Kind]) -> Kind | None:
    """The kind whose computation wrote this workbook, when it holds only that kind's output
    sheets (and a report's summary sheet, an Issues sheet), at least one of them no input
    sheet of any kind, and no input sheet of any kind that it does not write itself:
    an earlier run's result in a folder of inputs, or one named by mistake. None for an
    input workbook (one with its results written into it included)."""
    names = {s.name.strip().casefold() for s in raw}
    inputs = {s.name.strip().casefold() for k in kinds.values() for s in raw
              if k.sheet_by_name(s.name.strip())}
    extra = _beside_outputs()
    for kind in kinds.values():
        made = _written(kind.outputs)
        # an input sheet the kind also writes (appraisal's History, carried on in its
        # results for the next cycle) does not make an input workbook of its results
        if names - extra - inputs and names <= made | extra and inputs <= made:
            return kind
    return None


@lru_cache(maxsize=1)
def _beside_outputs() -> frozenset[str]:
    """The sheets any result may hold besides its kind's outputs (an Issues sheet, a
    report's summary), case folded."""
    from opsbook.core.output import ISSUES_SHEET
    from opsbook.core.summary import LABELS

    return frozenset(n.casefold() for n in (
        *ISSUES_SHEET.values(), *(LABELS[lang]["summary_sheet"] for lang in LABELS)))


@lru_cache(maxsize=16)
def _written(outputs: tuple[Output, ...]) -> frozenset[str]:
    """The names of a kind's output sheets in both languages, case folded."""
    return frozenset(n.casefold() for o in outputs for n in o.names())


def build_book(raw: list[RawSheet], kind: Kind, *, file: str | None = None,
               format: str = "xlsx") -> Book:
    """Read every sheet of a kind from raw values; issues for what is missing or wrong."""
    return build_books([(raw, file, format)], kind)[0]


def build_books(inputs: Sequence[tuple[list[RawSheet], str | None, str]],
                kind: Kind) -> list[Book]:
    """:func:`build_book` for many workbooks of one kind at once, given as (raw sheets, file
    name, format): each field is typed over the rows of every workbook together, so a folder
    of small workbooks costs little more than one large one. One Book per input, in order."""
    placed = [place_sheets(raw, kind, file) for raw, file, _ in inputs]
    layouts: list[dict[str, Layout]] = [{} for _ in inputs]
    for spec in kind.sheets:
        for (_, file, _), (assigned, _), laid in zip(inputs, placed, layouts):
            if spec.id in assigned:
                laid[spec.id] = lay_out(assigned[spec.id], spec, file=file)
        read_tables([laid[spec.id] for laid in layouts if spec.id in laid])
    return [_book(raw, kind, file, format, issues, laid)
            for (raw, file, format), (_, issues), laid in zip(inputs, placed, layouts)]


def _book(raw: list[RawSheet], kind: Kind, file: str | None, format: str,
          issues: list[Issue], laid: dict[str, Layout]) -> Book:
    unsure = {i.params["expected"] for i in issues if i.code == "ambiguous-sheet"}
    tables: dict[str, Table] = {}
    for spec in kind.sheets:
        layout = laid.get(spec.id)
        if layout is None:
            if spec.required and spec.en not in unsure:
                issues.append(Issue("missing-sheet", file=file,
                                    sheet=f"{spec.en} / {spec.zh}"))
            continue
        issues.extend(layout.issues)
        table = layout.table
        if table.header_row:
            tables[spec.id] = table
            if table.frame.empty and spec.required:
                issues.append(Issue("empty-sheet", "warning", file, layout.raw.name))
    chinese = sum(t.chinese_headers for t in tables.values())
    english = sum(t.english_headers for t in tables.values())
    lang = "zh" if chinese > english else "en"
    settings_raw = next((s for s in raw if _is_settings(s)), None)
    settings, cells, more = read_settings(settings_raw, kind.settings, file,
                                         kind.setting_prefixes)
    issues.extend(more)
    if settings_raw is None:
        issues.append(Issue("missing-settings", "warning", file, "Settings / 设置"))
    book = Book(kind=kind, path=file, lang=lang, tables=tables, settings=settings,
                settings_cells=cells, issues=issues, format=format,
                sheet_names=[s.name for s in raw])
    for step in kind.prepare:
        step(book)
    return book
