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
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix,
                                        dir=target.parent)
    except (FileExistsError, NotADirectoryError) as error:  # a file where a folder should be
        error.strerror = f"a file stands where its folder {error.filename or ''} should be"
        raise _about(error, target) from None
    except OSError as error:
        raise _about(error, target) from None
    os.close(handle)
    temp = Path(name)
    try:
        write(temp)
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise _about(error, target, temp) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


class WriteFailed(OSError):
    """An output file could not be written; ``str()`` says so in words a person understands,
    naming the file asked for (never the hidden temporary file beside it) and what to do."""

    #: what to do; the default fits a folder or file the system refuses
    advice = ("Choose a folder you can write to, or close the file if it is open in another "
              "program, then run again.")

    def __str__(self) -> str:
        reason = (self.strerror or "").rstrip(".") or "the system refused"
        reason = reason[:1].lower() + reason[1:]
        return f"Cannot write {self.filename}: {reason}. {self.advice}"


def _about(error: OSError, target: Path, temp: Path | None = None) -> WriteFailed:
    """The error as a WriteFailed about ``target``."""
    text = error.strerror or type(error).__name__
    if temp is not None:
        text = text.replace(str(temp), str(target)).replace(temp.name, target.name)
    return WriteFailed(error.errno or 0, text, str(target))
