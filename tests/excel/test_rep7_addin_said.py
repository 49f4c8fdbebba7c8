"""``opsbook addin status``, ``remove`` and ``install`` print their lines in the command's
``--lang``, and without one in English and then in Chinese; the Python in words too."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli
from typer.testing import CliRunner

from opsbook.cli import app
from opsbook.excel.startup import describe_python


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Windows' folders under a made-up profile; the installed add-in's path."""
    monkeypatch.setattr("platform.system", lambda: "Windows")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "me"))
    for name in ("CONDA_DEFAULT_ENV", "CONDA_EXE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "Roaming" / "Microsoft" / "Excel" / "XLSTART" / "opsbook.xlam"


def _lines(*args: str) -> list[str]:
    done = CliRunner().invoke(app, list(args))
    assert done.exit_code == 0, done.output
    return done.output.splitlines()


def test_status_of_nothing_installed_in_each_language(windows: Path, tmp_path: Path):
    conf = tmp_path / "me" / ".opsbook" / "opsbook.conf"
    en = [f"not installed; 'opsbook addin install' puts it at {windows}",
          "Python: python on the PATH (no interpreter set)",
          f"settings: {conf} (not written yet)"]
    zh = [f"未安装；“opsbook addin install”会把它放到 {windows}",
          "Python：PATH 上的 python（未设置解释器）",
          f"设置文件：{conf}（尚未写入）"]
    assert _lines("addin", "status", "--lang", "en") == en
    assert _lines("addin", "status", "--lang", "zh") == zh
    both = _lines("addin", "status")
    assert both[0::2] == en and both[1::2] == zh


def test_install_remove_and_status_follow_lang(windows: Path):
    import sys

    installed = _lines("addin", "install")  # no --lang: both languages, English first
    assert installed[:2] == [f"installed: {windows}", f"已安装：{windows}"]
    assert installed[-1] == "重新启动 Excel 后，即出现 opsbook 选项卡。"
    assert _lines("addin", "status", "--lang", "zh")[:2] == [
        f"已安装：{windows}（最新版本）", f"Python：{sys.executable}"]
    assert _lines("addin", "remove", "--lang", "zh") == [f"已移除：{windows}"]
    assert _lines("addin", "remove") == ["the add-in was not installed",
                                         "加载项未安装，无需移除。"]


def test_a_conda_python_is_told_in_both_languages():
    settings = {"CONDA PATH": r"C:\conda", "CONDA ENV": "ops"}
    assert describe_python("Windows", settings) == r"conda environment ops of C:\conda"
    assert describe_python("Windows", settings, "zh") == r"C:\conda 的 conda 环境 ops"


def test_a_file_that_is_no_addin_is_not_installed(windows: Path, tmp_path: Path):
    import opsbook
    from opsbook.api.addin import NotAnAddin, install_addin

    workbook = tmp_path / "plan.xlsx"
    opsbook.new_workbook("plan", "en", workbook)
    with pytest.raises(NotAnAddin) as refused:
        install_addin(workbook, system="Windows", home=tmp_path, environ={
            "APPDATA": str(tmp_path / "Roaming"), "USERPROFILE": str(tmp_path / "me")})
    assert "is no Excel add-in (.xlam)" in str(refused.value)
    assert "不是 Excel 加载项（.xlam）" in refused.value.zh
    done = CliRunner().invoke(app, ["addin", "install", "--file", str(workbook), "--lang", "zh"])
    assert "不是 Excel 加载项" in getattr(done.exception, "zh", "") and not windows.exists()


def test_build_into_a_file_is_refused_in_words(tmp_path: Path):
    taken = tmp_path / "opsbook.xlam"
    taken.write_bytes(b"something else")
    done = run_cli("addin", "build", "--out", taken)
    assert done.returncode == 2 and "could not finish" not in done.stderr
    assert f"--out {taken} is a file; give the folder opsbook.xlam goes into" in done.stderr
    assert f"--out {taken} 是一个文件" in done.stderr
    assert taken.read_bytes() == b"something else"
