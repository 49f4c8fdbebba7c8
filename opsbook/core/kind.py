"""A workbook kind: everything the rest of the package needs to know about it, in one place.

Each kind's folder builds its :class:`Kind` (``opsbook/<kind>/kind.py``) and
``opsbook.registry`` lists them; no other module names a kind.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from opsbook.core.issues import Report
from opsbook.core.output import SheetOut
from opsbook.core.spec import Sheet

if TYPE_CHECKING:
    import pandas as pd

    from opsbook.core.book import Book
    from opsbook.core.issues import Issue
    from opsbook.core.messages import Code
    from opsbook.core.settings import SettingsModel

#: A rule between rows and sheets: a read Book in, the problems it finds out.
Check = Callable[["Book"], Iterable["Issue"]]


@dataclass(frozen=True)
class Output:
    """A sheet a kind's computation writes, named in both languages."""

    id: str
    en: str
    zh: str

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def names(self) -> tuple[str, str]:
        return (self.en, self.zh)


@dataclass
class Calculation:
    """What a computation gives: its findings, the kind's result and the sheets to write.

    ``report`` holds the validation of the inputs and the computation's own findings, every
    issue located; ``result`` is the kind's result object (frames), None when the inputs had
    errors and nothing was computed; ``sheets`` are what Calculate writes into the workbook
    and a command writes into its output workbook.
    """

    report: Report = field(default_factory=Report)
    result: Any = None
    sheets: list[SheetOut] = field(default_factory=list)
    #: One line in the workbook's language on what was computed, for the status cell.
    headline: str = ""

    @property
    def computed(self) -> bool:
        return self.result is not None

    @property
    def exit_code(self) -> int:
        """0 computed and valid, 1 the input has errors, 2 some file could not be read."""
        if not self.report.readable:
            return 2
        return 0 if self.computed and self.report.valid else 1


#: The buttons every workbook gets, and what each is called in either language.
BUTTONS: dict[str, tuple[str, str]] = {
    "validate": ("Validate", "校验"),
    "calculate": ("Calculate", "计算"),
    "report": ("Report", "生成报告"),
    "email": ("Email summary", "发送摘要"),
}
HELP: dict[str, tuple[str, str]] = {
    "validate": (
        "Checks the data on every sheet: cells with a problem turn red and get a note, and "
        "every problem is listed on an Issues sheet.",
        "校验各工作表中的数据：有问题的单元格标红并加批注，所有问题列入问题清单工作表。",
    ),
    "calculate": (
        "Computes the results with the rules on the Settings sheet and writes them to new "
        "sheets; the data you entered is not changed.",
        "按“设置”工作表中的规则计算结果，写入新的工作表；已填写的数据不会改动。",
    ),
    "report": (
        "Writes the report next to this workbook: a summary workbook with charts and an HTML "
        "page (purpose, method, results, recommendations).",
        "在本工作簿所在文件夹生成报告：带图表的汇总工作簿和网页（目的、方法、结果、建议）。",
    ),
    "email": (
        "Emails the summary as opsbook.toml beside this workbook says (without a mail server, "
        "into the outbox folder); confidential figures only to those allowed them.",
        "按本工作簿旁 opsbook.toml 的设置发送摘要邮件（未设置邮件服务器时写入 outbox 文件夹）；"
        "保密数据只发给有权查看的人。",
    ),
}


@dataclass(frozen=True)
class Kind:
    """A workbook kind: sheets, settings, rules, computation, outputs, sample and buttons.

    ``calculate(books, **options)`` computes from valid Books (one for the Calculate button,
    several for a command) and returns a :class:`Calculation`; ``outputs`` names every sheet
    it may write. ``sample(seed, lang)`` gives sample frames by sheet id (and "Settings" as
    key/value rows). ``codes`` are the kind's own issue codes. ``setting_prefixes`` are
    prefixes of free-form setting keys (``max_share_`` + a grade). ``help`` overrides the
    Control sheet's text of a button (action → (English, Chinese)). ``summary(result,
    lang)`` gives the report content of a computed result.
    """

    id: str
    en: str
    zh: str
    sheets: tuple[Sheet, ...]
    settings: type[SettingsModel]
    checks: tuple[Check, ...] = ()
    #: Steps run on a freshly read Book before validation (e.g. reshaping a wide sheet).
    prepare: tuple[Callable[[Book], None], ...] = ()
    instructions_en: tuple[str, ...] = ()
    instructions_zh: tuple[str, ...] = ()
    codes: Mapping[str, Code] = field(default_factory=dict)
    sample: Callable[[int, str], dict[str, pd.DataFrame]] | None = None
    calculate: Callable[..., Calculation] | None = None
    outputs: tuple[Output, ...] = ()
    setting_prefixes: tuple[str, ...] = ()
    help: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    summary: Callable[[Any, str], Any] | None = None
    #: How a results sheet this kind wrote is read back as an earlier cycle's history.
    results_as_history: Sheet | None = None
    #: Computed from one workbook at a time (an appraisal cycle, a plan's tracking): a
    #: report of several is refused before anything is computed.
    one_book: bool = False
    #: The ids of the outputs the Calculate button writes; empty: every output (a plan's
    #: button writes its tracking, never the sheets of a consolidation or a diff).
    calculate_outputs: tuple[str, ...] = ()
    #: ``recognize(raw_sheets, file)``: the Issue telling what a file that fits no kind is
    #: when it is this kind's input in another form (an attendance app's punch export,
    #: to give with --punches), else None; asked only of files no kind reads.
    recognize: Callable[[list[Any], str | None], Any] | None = None

    def title(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def __reduce_ex__(self, protocol: Any) -> Any:
        """Pickled as the module that makes it, when a registry named it so (see
        :func:`made_in`): a Book sent back from a worker process carries its kind's name,
        not a copy of its whole spec, and arrives with the very Kind of the registry."""
        home = _HOMES.get(self.id)
        if home is not None and home[0] is self:
            return _made_in, (home[1],)
        return super().__reduce_ex__(protocol)

    def sheet(self, sheet_id: str) -> Sheet:
        for s in self.sheets:
            if s.id == sheet_id:
                return s
        raise KeyError(sheet_id)

    def sheet_by_name(self, name: str) -> Sheet | None:
        """The input sheet called ``name`` in either language (or by its id), else None."""
        for s in self.sheets:
            if name in (s.id, s.en, s.zh):
                return s
        return None

    def output(self, output_id: str) -> Output:
        for o in self.outputs:
            if o.id == output_id:
                return o
        raise KeyError(output_id)

    def button_outputs(self) -> tuple[Output, ...]:
        """The outputs the Calculate button may write (see ``calculate_outputs``)."""
        return tuple(o for o in self.outputs
                     if not self.calculate_outputs or o.id in self.calculate_outputs)

    @property
    def buttons(self) -> tuple[str, ...]:
        """The buttons a workbook of this kind gets, in order."""
        if self.calculate is None:
            return ("validate",)
        reports = ("report", "email") if self.summary is not None else ()
        return ("validate", "calculate", *reports)

    def help_text(self, action: str, lang: str) -> str:
        """The Control sheet's line about a button."""
        en, zh = self.help.get(action, HELP[action])
        return zh if lang == "zh" else en

    def replace(self, **changes: Any) -> Kind:
        return dataclasses.replace(self, **changes)


#: The kinds a registry has named, by id: the Kind and the module whose ``KIND`` it is.
_HOMES: dict[str, tuple[Kind, str]] = {}


def made_in(kind: Kind, module: str) -> None:
    """Note that ``kind`` is the ``KIND`` of ``module``: it is pickled as that name."""
    _HOMES[kind.id] = (kind, module)


def _made_in(module: str) -> Kind:
    """The ``KIND`` of ``module`` (a pickled Kind unpickled)."""
    from importlib import import_module

    return import_module(module).KIND
