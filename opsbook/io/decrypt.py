"""Workbooks encrypted under Excel's built-in default password.

Excel encrypts a workbook that is only write-protected (or marked read-only recommended) with
the fixed password "VelvetSweatshop" and opens it without asking. Such a file is opened the
same way here (msoffcrypto-tool knows the key); a file that really needs a password is not.
"""

from __future__ import annotations

import io
from pathlib import Path

DEFAULT_PASSWORD = "VelvetSweatshop"


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
