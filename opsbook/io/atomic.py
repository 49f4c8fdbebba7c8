"""Writing files so that a failed run leaves nothing half-written and the original intact."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Callable


def _mode_for(target: Path) -> int:
    """The permissions the written file should have: the old file's, or the umask default."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write`` on a temporary file beside ``target``, then rename it into place.

    The temporary file keeps the target's suffix (writers look at it); a symbolic link is
    followed, so the file it points to is replaced and the link stays; permissions are kept.
    If ``write`` fails, the temporary file is removed and ``target`` is left exactly as it
    was.
    """
    target = Path(os.path.realpath(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix,
                                    dir=target.parent)
    os.close(handle)
    temp = Path(name)
    try:
        write(temp)
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target
