"""Workbooks encrypted under Excel's built-in default password.

Excel encrypts a workbook that is only write-protected (or marked read-only recommended) with
the fixed password "VelvetSweatshop" and opens it without asking. Such a file is opened the
same way here (msoffcrypto-tool knows the key); a file that really needs a password is not.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

DEFAULT_PASSWORD = "VelvetSweatshop"
#: Where a workbook's password is removed, for the ``password-protected`` message (en, zh):
#: Excel's menu, or LibreOffice's for an .ods (LibreOffice encrypts an .ods as it saves it).
UNLOCK = {"excel": ("File > Info > Protect Workbook", "文件 > 信息 > 保护工作簿"),
          "ods": ("in LibreOffice: File > Save As, with Save with password cleared",
                  "在 LibreOffice 中：文件 > 另存为，取消勾选“使用密码保存”")}


def open_default(path: Path) -> bytes | None:
    """The decrypted bytes of an encrypted .xlsx/.xlsm/.xlsb/.xls whose password is Excel's
    default, or None when it needs another password (or cannot be decrypted at all)."""
    import msoffcrypto

    try:
        with path.open("rb") as handle:
            office = msoffcrypto.OfficeFile(handle)
            if not office.is_encrypted():
                return None
            try:
                office.load_key(password=DEFAULT_PASSWORD, verify_password=True)
            except TypeError:  # the .xls reader checks the key while decrypting
                office.load_key(password=DEFAULT_PASSWORD)
            out = io.BytesIO()
            office.decrypt(out)
    except Exception:  # noqa: BLE001 - any failure means the default key does not open it
        return None
    data = out.getvalue()
    return data or None


def inner_format(path: Path, data: bytes) -> str:
    """The format of a workbook decrypted into ``data``: "xls", "xlsb", "xlsm" or "xlsx"
    (an .xlsm by its name: the two are alike inside)."""
    if data[:2] != b"PK":
        return "xls"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if any(n.replace("\\", "/").lower().endswith("workbook.bin") for n in archive.namelist()):
            return "xlsb"
    return "xlsm" if path.suffix.lower() == ".xlsm" else "xlsx"
