"""A password-protected .ods is told where LibreOffice removes the password.

Before: "remove the password to open it (File > Info > Protect Workbook)", Excel's menu, for
a file LibreOffice encrypted as it saved it (its manifest lists the encryption, its
content.xml is ciphertext). Now LibreOffice's Save As; an Excel workbook keeps Excel's menu.
"""

from __future__ import annotations

import os

from conftest import run_cli, sha256
from rawfiles import write_ods

import opsbook

_ENCRYPTED = (  # the manifest entry of content.xml as LibreOffice writes it for a password
    ' manifest:size="4000"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:'
    'tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">'
    '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc"'
    ' manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-'
    'name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" '
    'manifest:salt="AAAA"/></manifest:encryption-data>')


def test_an_encrypted_ods_is_told_libreoffices_way(tmp_path):
    path = tmp_path / "考勤.ods"
    write_ods(path, os.urandom(1500), _ENCRYPTED)
    before = sha256(path)
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.message("en"), issue.message("zh")) == (
        "password-protected",
        "The workbook is password-protected; remove the password to open it (in LibreOffice: "
        "File > Save As, with Save with password cleared).",
        "工作簿受密码保护；请先取消密码（在 LibreOffice 中：文件 > 另存为，"
        "取消勾选“使用密码保存”）。")
    done = run_cli("attendance", "summarize", path, "-o", tmp_path / "out.xlsx", "--lang", "zh")
    assert done.returncode == 2 and "取消勾选“使用密码保存”" in done.stdout + done.stderr
    assert sha256(path) == before
