"""``opsbook addin …``: the opsbook.xlam add-in, built, installed into Excel's start-up
folder, removed, and its status."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from opsbook.api.common import PathLike
from opsbook.core.said import Said
from opsbook.excel.startup import Layout, NoExcelHere, Status

__all__ = ["NoAddin", "NoExcelHere", "NotAnAddin", "addin_status", "build_addin", "install_addin",
           "remove_addin"]


class NoAddin(Said, FileNotFoundError):
    """No add-in file to install, or no sources to build it from; ``zh`` in Chinese."""


class NotAnAddin(Said, ValueError):
    """The file given to install is no Excel add-in; ``zh`` in Chinese."""


def build_addin(out_dir: PathLike | None = None) -> Path:
    """Build ``opsbook.xlam`` from ``macros/addin/`` into ``out_dir`` (default: the
    checkout's ``workbooks/``); the same sources give the same bytes. Returns its path
    under ``out_dir`` as given. Raises :class:`NoAddin` (a FileNotFoundError) outside a
    checkout of the repository (no ``macros/addin/``) or when ``out_dir`` is a file, and
    :class:`~opsbook.api.workbooks.CannotBuildHere` (an OSError, ``zh`` in Chinese) when
    the add-in there is open in Excel (its ``~$`` lock file beside it) or the folder cannot
    take it; nothing is written then."""
    from opsbook.api.workbook import CannotWrite, check_not_open
    from opsbook.api.workbooks import CannotBuildHere
    from opsbook.excel import addin
    from opsbook.excel.ribbon import ADDIN_DIR
    from opsbook.io.atomic import REASONS_ZH

    out = Path(out_dir) if out_dir is not None else None
    if out is not None and out.exists() and not out.is_dir():
        raise NoAddin(f"--out {out} is a file; give the folder opsbook.xlam goes into",
                      f"--out {out} 是一个文件；请给出存放 opsbook.xlam 的文件夹。")
    if not ADDIN_DIR.is_dir():
        raise NoAddin("the add-in's sources (macros/addin/) are not installed with the "
                      "package; run 'opsbook addin build' in a checkout of the opsbook "
                      "repository",
                      "加载项的源文件（macros/addin/）不随软件包安装；请在 opsbook 仓库的检出"
                      "目录中运行“opsbook addin build”。")
    folder = out if out is not None else addin.WORKBOOKS_DIR
    try:
        check_not_open(folder / addin.ADDIN_NAME, copy_option=False)
        return addin.build_addin(folder)
    except CannotWrite as error:
        raise CannotBuildHere(str(error), error.zh) from None
    except OSError as error:  # a file where a folder should be, a folder not writable
        said = getattr(error, "zh", None)  # a write refused: already in words
        reason = error.strerror or type(error).__name__
        raise CannotBuildHere(
            str(error) if said else f"{folder}: the add-in cannot be written there ({reason})",
            said or f"{folder}：无法在此写出加载项（{REASONS_ZH.get(error.errno or 0, reason)}）。",
        ) from None


def default_addin() -> Path:
    """The add-in ``install`` copies by default: the checkout's ``workbooks/opsbook.xlam``."""
    from opsbook.excel.addin import ADDIN_NAME, WORKBOOKS_DIR

    return WORKBOOKS_DIR / ADDIN_NAME


def install_addin(source: PathLike | None = None, *, lang: str | None = None,
                  system: str | None = None, home: PathLike | None = None,
                  environ: Mapping[str, str] | None = None,
                  executable: str | None = None) -> Layout:
    """Copy the add-in (default :func:`default_addin`) into Excel's start-up folder, and set
    the Python it starts (default: this one) and, if given, its labels' language (zh, en)
    in the user's ``opsbook.conf``. Raises :class:`NoAddin` (a FileNotFoundError) when there
    is no add-in file, :class:`NotAnAddin` for a file that is no add-in package,
    :class:`NoExcelHere` on a system without desktop Excel, OSError when the folder cannot
    be written (Excel holding the old add-in open)."""
    from opsbook.excel import startup

    path = Path(source) if source is not None else default_addin()
    if not path.is_file():
        raise NoAddin(f"no add-in at {path}: run 'opsbook addin build' in a checkout of the "
                      "opsbook repository, or give the .xlam with --file",
                      f"{path} 处没有加载项：请在 opsbook 仓库的检出目录中运行“opsbook addin "
                      "build”，或用 --file 指定 .xlam 文件。")
    if not is_addin(path):
        raise NotAnAddin(f"{path} is no Excel add-in (.xlam): Excel would open it as a "
                         "workbook at every start; give opsbook.xlam, as 'opsbook addin "
                         "build' makes it",
                         f"{path} 不是 Excel 加载项（.xlam）：Excel 每次启动都会把它当作工作簿"
                         "打开；请给出“opsbook addin build”生成的 opsbook.xlam。")
    return startup.install(path, system=system, home=Path(home) if home else None,
                           environ=environ, executable=executable, lang=lang)


def is_addin(path: Path) -> bool:
    """Whether ``path`` is an Excel add-in package (its main part is an add-in's)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            types = package.read("[Content_Types].xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return b"ms-excel.addin.macroEnabled.main+xml" in types


def remove_addin(*, system: str | None = None, home: PathLike | None = None,
                 environ: Mapping[str, str] | None = None) -> Path | None:
    """Take the add-in out of Excel's start-up folder; the file removed, or None if it was
    not there. The user's ``opsbook.conf`` is kept."""
    from opsbook.excel import startup

    return startup.remove(system=system, home=Path(home) if home else None, environ=environ)


def addin_status(*, system: str | None = None, home: PathLike | None = None,
                 environ: Mapping[str, str] | None = None) -> Status:
    """Whether the add-in is installed, whether it equals :func:`default_addin`, and which
    Python it starts."""
    from opsbook.excel import startup

    return startup.status(source=default_addin(), system=system,
                          home=Path(home) if home else None, environ=environ)
