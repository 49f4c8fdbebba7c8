"""``opsbook addin …``: the opsbook.xlam add-in (an opsbook tab in every workbook)."""

from __future__ import annotations

from pathlib import Path

import typer

from opsbook.cli import printing
from opsbook.cli.common import CannotRun, Lang, given_path, lang_option

app = typer.Typer(no_args_is_help=True,
                  help="The opsbook.xlam add-in: an opsbook ribbon tab in every workbook.")


@app.command("build")
def build(out: Path = typer.Option(Path("workbooks"), "--out",
                                   parser=given_path, help="Folder for opsbook.xlam.")) -> None:
    """Rebuild opsbook.xlam from macros/addin/ (same sources, same bytes)."""
    from opsbook import api
    from opsbook.api.workbooks import CannotBuildHere

    try:
        path = api.build_addin(out)
    except (FileNotFoundError, CannotBuildHere) as error:
        raise CannotRun.of(error) from None
    printing.say(str(path))


@app.command("install")
def install(file: Path | None = typer.Option(None, "--file", parser=given_path,
                                             help="The add-in to install "
                                                  "(default: workbooks/opsbook.xlam)."),
            lang: Lang | None = lang_option("Language of the tab's labels (default: "
                                            "Office's own) and of the lines printed "
                                            "(default: English, then Chinese).")) -> None:
    """Put the add-in into Excel's start-up folder, to run with this Python."""
    from opsbook import api
    from opsbook.api.addin import NotAnAddin

    try:
        place = api.install_addin(file, lang=lang.value if lang else None)
    except (FileNotFoundError, NotAnAddin, api.NoExcelHere) as error:
        raise CannotRun.of(error) from None
    except OSError as error:
        raise CannotRun(f"could not write the add-in ({error}); quit Excel and try again",
                        f"无法写入加载项（{error}）；请退出 Excel 后重试。") from None
    now = api.addin_status()
    _say(f"installed: {place.addin}", f"已安装：{place.addin}")
    _say(f"Python: {now.python}", f"Python：{now.python_in('zh')}")
    _say(f"settings: {place.config}", f"设置文件：{place.config}")
    if place.system == "Darwin":
        _say("The opsbook tab appears when you quit Excel (Cmd-Q) and start it again.",
             "用 Cmd-Q 退出 Excel 并重新启动后，即出现 opsbook 选项卡。")
    else:
        _say("The opsbook tab appears when you restart Excel.",
             "重新启动 Excel 后，即出现 opsbook 选项卡。")


@app.command("remove")
def remove(lang: Lang | None = lang_option("Language of the lines printed (default: "
                                           "English, then Chinese).")) -> None:
    """Take the add-in out of Excel's start-up folder (its settings file stays)."""
    from opsbook import api

    try:
        removed = api.remove_addin()
    except api.NoExcelHere as error:
        raise CannotRun.of(error) from None
    except OSError as error:
        raise CannotRun(f"could not remove the add-in ({error}); quit Excel and try again",
                        f"无法移除加载项（{error}）；请退出 Excel 后重试。") from None
    if removed:
        _say(f"removed: {removed}", f"已移除：{removed}")
    else:
        _say("the add-in was not installed", "加载项未安装，无需移除。")


@app.command("status")
def status(lang: Lang | None = lang_option("Language of the lines printed (default: "
                                           "English, then Chinese).")) -> None:
    """Say whether the add-in is installed and which Python it starts."""
    from opsbook import api

    try:
        now = api.addin_status()
    except api.NoExcelHere as error:
        raise CannotRun.of(error) from None
    where = now.layout.addin
    if now.installed:
        state = {True: (" (current)", "（最新版本）"),
                 False: (" (differs from workbooks/opsbook.xlam)",
                         "（与 workbooks/opsbook.xlam 不同）"),
                 None: ("", "")}[now.current]
        _say(f"installed: {where}{state[0]}", f"已安装：{where}{state[1]}")
    else:
        _say(f"not installed; 'opsbook addin install' puts it at {where}",
             f"未安装；“opsbook addin install”会把它放到 {where}")
    _say(f"Python: {now.python}", f"Python：{now.python_in('zh')}")
    written = now.layout.config.is_file()
    _say(f"settings: {now.layout.config}" + ("" if written else " (not written yet)"),
         f"设置文件：{now.layout.config}" + ("" if written else "（尚未写入）"))
    if now.layout.applescript is not None:
        there = now.layout.applescript.is_file()
        _say(f"RunPython script: {now.layout.applescript}"
             + ("" if there else " (missing: run 'opsbook addin install')"),
             f"RunPython 脚本：{now.layout.applescript}"
             + ("" if there else "（缺失：请运行“opsbook addin install”）"))


def _say(en: str, zh: str) -> None:
    """A line in the command's ``--lang``; without one, in English and then in Chinese."""
    lang = printing.chosen_lang()
    if lang != "zh":
        printing.say(en)
    if lang != "en":
        printing.say(zh)
