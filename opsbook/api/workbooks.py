"""``opsbook new`` and ``opsbook workbooks build``: templates and the macro workbooks."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

from opsbook import registry
from opsbook.api.common import PathLike

if TYPE_CHECKING:
    import pandas as pd


def new_workbook(kind: str, lang: str, target: PathLike, *, sample: bool = False,
                 seed: int = 7, frames: dict[str, pd.DataFrame] | None = None) -> Path:
    """Write the standard template of ``kind`` ("appraisal", "attendance", …) in ``lang``
    ("zh" or "en") to ``target`` (.xlsx), styled, with drop-down lists; ``sample`` fills it
    with seeded sample data, ``frames`` with your own (frames by sheet id, columns by field
    id, and "Settings" as key/value rows). Raises ValueError for an unknown kind."""
    from opsbook.io.template import write_template

    return write_template(registry.get(kind), lang, Path(target), sample=sample, seed=seed,
                          frames=frames)


def build_workbooks(out_dir: PathLike) -> list[Path]:
    """Rebuild every kind's macro workbook (Chinese and English) from ``macros/`` and the
    templates into ``out_dir``; the same sources give the same bytes. Raises
    :class:`NoMacroSources` (a FileNotFoundError) outside a checkout of the repository (no
    ``macros/``) and :class:`CannotBuildHere` when ``out_dir`` is a file or cannot be
    written."""
    from opsbook.excel.build import MACROS_DIR
    from opsbook.excel.build import build_workbooks as build
    from opsbook.io.template import write_template

    if not MACROS_DIR.is_dir():
        raise NoMacroSources()
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise CannotBuildHere(
            f"{out} is a file; give a folder for the workbooks (it is created if needed)",
            f"{out} 是一个文件；请给出存放工作簿的文件夹（不存在时会新建）。")
    try:
        return build(out, write_template, list(registry.kinds().values()))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        reason_zh = _REASONS_ZH.get(error.errno or 0, reason)
        raise CannotBuildHere(f"{out}: the workbooks cannot be written there ({reason})",
                              f"{out}：无法在此写出工作簿（{reason_zh}）。") from None


#: The usual reasons a folder cannot be written, in Chinese (errno → text).
_REASONS_ZH = {errno.ENOENT: "路径不存在", errno.EACCES: "没有写入权限",
               errno.EPERM: "没有写入权限", errno.EROFS: "只读文件系统",
               errno.ENOSPC: "磁盘空间不足", errno.ENOTDIR: "路径中有一部分不是文件夹",
               errno.EEXIST: "已有同名文件"}


class NoMacroSources(FileNotFoundError):
    """The VBA sources (``macros/``) are not installed: the workbooks are built in a checkout
    of the repository. ``zh`` says the same in Chinese."""

    zh = ("包中未安装 VBA 源文件（macros/）；请在 opsbook 代码仓库的检出目录中运行"
          "“opsbook workbooks build”。")

    def __init__(self) -> None:
        super().__init__("the VBA sources (macros/) are not installed with the package; run "
                         "'opsbook workbooks build' in a checkout of the opsbook repository")


class CannotBuildHere(OSError):
    """The folder given for the workbooks cannot take them (a file, not writable): the
    message in English, ``zh`` in Chinese."""

    def __init__(self, text: str, zh: str):
        super().__init__(text)
        self.zh = zh

    def __str__(self) -> str:
        return str(self.args[0])
