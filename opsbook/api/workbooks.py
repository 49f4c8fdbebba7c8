"""``opsbook new`` and ``opsbook workbooks build``: templates and the macro workbooks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from opsbook import registry
from opsbook.api.common import PathLike
from opsbook.core.said import Said

if TYPE_CHECKING:
    import pandas as pd


def new_workbook(kind: str, lang: str, target: PathLike, *, sample: bool = False,
                 seed: int = 7, frames: dict[str, pd.DataFrame] | None = None) -> Path:
    """Write the standard template of ``kind`` ("appraisal", "attendance", …) in ``lang``
    ("zh" or "en") to ``target`` (.xlsx), styled, with drop-down lists; ``sample`` fills it
    with seeded sample data, ``frames`` with your own (frames by sheet id, columns by field
    id, and "Settings" as key/value rows). Raises ValueError for an unknown kind, a ``lang``
    other than "zh" or "en" or a ``target`` not named .xlsx (:class:`~opsbook.api.Refused`,
    its ``zh`` in Chinese), and
    :class:`~opsbook.api.workbook.CannotWrite` (a ValueError) when ``target`` is a workbook
    open in Excel (its ``~$`` lock file beside it), which is left as it is."""
    from opsbook.api.common import Refused, check_lang
    from opsbook.api.workbook import check_not_open
    from opsbook.io.template import write_template

    check_lang(lang, each_own=False)  # a template has one language: None is no choice here
    if Path(target).suffix.lower() != ".xlsx":  # what is written is an .xlsx, whatever its name
        raise Refused(f"{target}: templates are .xlsx files", f"{target}：模板是 .xlsx 文件。")
    if Path(target).exists():
        check_not_open(Path(target), copy_option=False)
    return write_template(registry.get(kind), lang, Path(target), sample=sample, seed=seed,
                          frames=frames)


def build_workbooks(out_dir: PathLike) -> list[Path]:
    """Rebuild every kind's macro workbook (Chinese and English) from ``macros/`` and the
    templates into ``out_dir``; the same sources give the same bytes. Raises
    :class:`NoMacroSources` (a FileNotFoundError) outside a checkout of the repository (no
    ``macros/``) and :class:`CannotBuildHere` when ``out_dir`` is a file or cannot be
    written, or one of the workbooks there is open in Excel (nothing is written then)."""
    from opsbook.api.workbook import CannotWrite, check_not_open
    from opsbook.excel.build import LANGS, MACROS_DIR, workbook_name
    from opsbook.excel.build import build_workbooks as build
    from opsbook.io.atomic import REASONS_ZH
    from opsbook.io.template import write_template

    if not MACROS_DIR.is_dir():
        raise NoMacroSources()
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise CannotBuildHere(
            f"{out} is a file; give a folder for the workbooks (it is created if needed)",
            f"{out} 是一个文件；请给出存放工作簿的文件夹（不存在时会新建）。")
    for kind in registry.names():
        for lang in LANGS:
            try:
                check_not_open(out / workbook_name(kind, lang), copy_option=False)
            except CannotWrite as error:
                raise CannotBuildHere(str(error), error.zh) from None
    try:
        return build(out, write_template, list(registry.kinds().values()))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        reason_zh = REASONS_ZH.get(error.errno or 0, reason)
        raise CannotBuildHere(f"{out}: the workbooks cannot be written there ({reason})",
                              f"{out}：无法在此写出工作簿（{reason_zh}）。") from None


class NoMacroSources(FileNotFoundError):
    """The VBA sources (``macros/``) are not installed: the workbooks are built in a checkout
    of the repository. ``zh`` says the same in Chinese."""

    zh = ("包中未安装 VBA 源文件（macros/）；请在 opsbook 代码仓库的检出目录中运行"
          "“opsbook workbooks build”。")

    def __init__(self) -> None:
        super().__init__("the VBA sources (macros/) are not installed with the package; run "
                         "'opsbook workbooks build' in a checkout of the opsbook repository")


class CannotBuildHere(Said, OSError):
    """The folder given for the workbooks cannot take them (a file, not writable): the
    message in English, ``zh`` in Chinese."""
