"""The HTML page (self-contained, readable on a phone) and the PDF printed from it."""

from __future__ import annotations

import base64
import re
import subprocess

import pytest

from opsbook.reports.html import render_html
from opsbook.reports.pdf import NoBrowser, find_browser, screenshot
from opsbook.reports.render import write_report


def browser_or_skip() -> None:
    try:
        find_browser()
    except NoBrowser as reason:
        pytest.skip(str(reason))


def test_page_is_self_contained(tmp_path, zh_report):
    summary = zh_report[0]
    page = write_report(tmp_path / "report.html", summary).read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    images = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert len(images) == 2
    svg = base64.b64decode(images[0]).decode("utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg and "<text" not in svg  # glyphs as paths
    for heading in ("目的", "方法", "结果", "建议"):
        assert f"<h2>{heading}</h2>" in page
    assert '<div class="value">77.50</div>' in page
    assert "+7.50" in page and "上期 70.00" in page
    assert "<li>表彰王伟，并记入个人档案。</li>" in page
    assert 'name="viewport"' in page


def test_restricted_page_leaves_the_bonus_out(zh_report):
    summary = zh_report[0]
    assert "49,000" in render_html(summary, ["", ""])
    page = render_html(summary.redacted(), ["", ""])
    assert "49,000" not in page and "绩效奖金合计" not in page and "本副本不含保密数据" in page


@pytest.mark.slow
def test_page_on_a_phone_screen(tmp_path, zh_report):
    """The page in headless Chromium at a phone's width: a screenshot with content."""
    browser_or_skip()
    import numpy as np
    from PIL import Image

    page = write_report(tmp_path / "report.html", zh_report[0])
    shot = screenshot(page, tmp_path / "phone.png", width=390, height=1400)
    image = np.asarray(Image.open(shot).convert("L"))
    assert image.shape == (1400, 390)
    # the title band is dark blue text on white; the charts below have many shades
    assert image[:60].min() < 120 and image[:60].max() > 240
    assert len(np.unique(image[600:])) > 20


@pytest.mark.slow
def test_pdf_has_its_pages_and_chinese_text(tmp_path, zh_report):
    browser_or_skip()
    pdf = write_report(tmp_path / "report.pdf", zh_report[0])
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    assert pages >= 2
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for words in ("2026Q4 绩效考核报告", "目的", "建议", "表彰王伟", "77.50"):
        assert words in text
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5000


def test_unknown_suffix_and_missing_browser_are_said_clearly(tmp_path, zh_report, monkeypatch):
    with pytest.raises(ValueError, match=r"\.xlsx, \.html, \.pdf; not 'report\.docx'"):
        write_report(tmp_path / "report.docx", zh_report[0])
    monkeypatch.setenv("OPSBOOK_BROWSER", "no-such-browser-here")
    with pytest.raises(NoBrowser, match="apt-get install chromium fonts-noto-cjk"):
        write_report(tmp_path / "report.pdf", zh_report[0])
    assert not list(tmp_path.iterdir())
