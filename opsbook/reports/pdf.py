"""PDF: the HTML page printed by headless Chromium (Debian's ``chromium`` package).

Chromium is started with a throw-away profile, no network services, and a time limit; the
page itself makes no requests. Without a browser, :class:`NoBrowser` says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from opsbook.core.said import Said
from opsbook.io.atomic import replace_atomically

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Seconds a print may take before the browser is stopped.
TIMEOUT = 120
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--mute-audio")


class NoBrowser(Said, RuntimeError):
    """No headless browser to print or take screenshots with (``zh`` says it in Chinese)."""


class BrowserFailed(Said, RuntimeError):
    """The browser ran but printed nothing (it failed, or ran out of time)."""


def find_browser() -> str:
    """The path of a Chromium-family browser: ``OPSBOOK_BROWSER``, else the first of
    :data:`BROWSERS` on the PATH. Raises :class:`NoBrowser` when there is none."""
    wanted = os.environ.get("OPSBOOK_BROWSER")
    for name in ([wanted] if wanted else BROWSERS):
        found = shutil.which(name)
        if found:
            return found
    raise NoBrowser("PDF needs Chromium: install it (Debian/Ubuntu: apt-get install chromium "
                    "fonts-noto-cjk) or set OPSBOOK_BROWSER to a Chrome or Chromium program",
                    "生成 PDF 需要 Chromium：请安装（Debian/Ubuntu：apt-get install chromium "
                    "fonts-noto-cjk），或将 OPSBOOK_BROWSER 设为 Chrome 或 Chromium 程序。")


def run_browser(page: Path, *options: str) -> None:
    """Open ``page`` (a local file) in headless Chromium with extra ``options``
    (``--print-to-pdf=…``, ``--screenshot=…``); raises :class:`BrowserFailed` when it
    fails."""
    browser = find_browser()
    with tempfile.TemporaryDirectory(prefix="opsbook-chromium-") as profile:
        command = [browser, *FLAGS, f"--user-data-dir={profile}", *options,
                   Path(page).resolve().as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                                  stdin=subprocess.DEVNULL, start_new_session=True)
        except subprocess.TimeoutExpired:
            raise BrowserFailed(f"{Path(browser).name} did not finish in {TIMEOUT} s; nothing "
                                "was printed",
                                f"{Path(browser).name} 未在 {TIMEOUT} 秒内完成；未能输出。"
                                ) from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [""])[-1]
        name = Path(browser).name
        raise BrowserFailed(f"{name} failed (exit {done.returncode}{': ' + last if last else ''})"
                            "; nothing was printed",
                            f"{name} 运行失败（退出码 {done.returncode}"
                            f"{'：' + last if last else ''}）；未能输出。")


def print_pdf(html: Path, target: Path) -> Path:
    """Print the HTML file ``html`` to the PDF ``target`` (A4, no header or footer)."""

    def write(temp: Path) -> None:
        temp.unlink(missing_ok=True)
        run_browser(html, f"--print-to-pdf={temp}", "--no-pdf-header-footer",
                    "--print-to-pdf-no-header")
        if not temp.exists() or temp.stat().st_size == 0:
            raise BrowserFailed("the browser wrote no PDF", "浏览器未生成 PDF。")

    return replace_atomically(Path(target), write)


def screenshot(html: Path, target: Path, width: int = 390, height: int = 1600) -> Path:
    """A PNG of the page as a phone of ``width`` CSS pixels shows it."""
    run_browser(html, f"--screenshot={Path(target).resolve()}",
                f"--window-size={width},{height}")
    return Path(target)
