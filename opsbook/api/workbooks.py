"""``opsbook new`` and ``opsbook workbooks build``: templates and the macro workbooks."""

from __future__ import annotations

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
    FileNotFoundError outside a checkout of the repository (no ``macros/``)."""
    from opsbook.excel.build import MACROS_DIR
    from opsbook.excel.build import build_workbooks as build
    from opsbook.io.template import write_template

    if not MACROS_DIR.is_dir():
        raise FileNotFoundError("the VBA sources (macros/) are not installed with the package; "
                                "run 'opsbook workbooks build' in a checkout of the opsbook "
                                "repository")
    return build(Path(out_dir), write_template, list(registry.kinds().values()))
