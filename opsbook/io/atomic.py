"""Writing files so that a failed run leaves nothing half-written and the original intact."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable


def stat_error(path: Path) -> int | None:
    """The errno the system answers when ``path`` is looked up (its links followed), or
    None when it is found."""
    try:
        os.stat(path)
    except OSError as error:
        return error.errno
    return None


def name_too_long(path: Path) -> bool:
    """Whether the disk cannot hold ``path``'s name (ENAMETOOLONG: over 255 bytes on most
    file systems); a file that does not exist yet is asked about all the same."""
    return stat_error(path) == errno.ENAMETOOLONG


def _mode_for(target: Path) -> int:
    """The permissions the written file should have: the old file's, or the umask default."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


#: The bytes a file name may have on most file systems, and what mkstemp adds to a prefix
#: and a suffix: a dot before, a dot after and eight random characters.
NAME_BYTES, TEMP_BYTES = 255, 10


def _short(target: Path) -> str:
    """The target's stem, cut so that the temporary name beside it fits where the target's
    own name fits (a name that passed the check before the run never fails after it)."""
    room = NAME_BYTES - TEMP_BYTES - len(target.suffix.encode())
    return target.stem.encode()[:max(room, 1)].decode("utf-8", "ignore")


def replace_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write`` on a temporary file beside ``target``, then rename it into place.

    The temporary file keeps the target's suffix (writers look at it); a symbolic link is
    followed, so the file it points to is replaced and the link stays; permissions are kept.
    If ``write`` fails, the temporary file is removed and ``target`` is left exactly as it
    was.
    """
    given = target  # named in messages as the user wrote it
    target = Path(os.path.realpath(target))
    if target.is_file() and not target.stat().st_mode & stat.S_IWUSR:
        raise WriteFailed(errno.EACCES, READ_ONLY, str(given))  # the owner said: keep it
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{_short(target)}.", suffix=target.suffix,
                                        dir=target.parent)
    except (FileExistsError, NotADirectoryError) as error:  # a file where a folder should be
        error.errno = errno.ENOTDIR  # the Chinese is chosen by the number
        blocked = next((p for p in Path(given).parents if p.exists() and not p.is_dir()),
                       error.filename or "")  # as the user named it, not its real path
        error.strerror = f"a file stands where its folder {blocked} should be"
        raise _about(error, target, shown=given) from None
    except OSError as error:
        raise _about(error, target, shown=given) from None
    os.close(handle)
    temp = Path(name)
    try:
        write(temp)
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise _about(error, target, temp, shown=given) from None
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
    advice_zh = "请选择有写入权限的文件夹，或先在其他程序中关闭该文件，然后重新运行。"

    def __str__(self) -> str:
        reason = (self.strerror or "").rstrip(".") or "the system refused"
        reason = reason[:1].lower() + reason[1:]
        return f"Cannot write {self.filename}: {reason}. {self.advice}"

    #: the reason in Chinese, when it is none of :data:`REASONS_ZH`
    reason_zh = ""

    @property
    def zh(self) -> str:
        """The same in Chinese."""
        reason = self.reason_zh or REASONS_ZH.get(self.strerror or "") or REASONS_ZH.get(
            self.errno or 0) or (self.strerror or "系统拒绝").rstrip(".")
        return f"无法写入 {self.filename}：{reason}。{self.advice_zh}"


#: Why a workbook protected by Excel's default password is not written in place.
WRITE_PROTECTED = "the workbook is write-protected"
#: Why a file cannot be written when it is marked read-only.
READ_ONLY = "the file is read-only (clear its read-only mark to let opsbook replace it)"
#: The usual reasons a file cannot be written, in Chinese (by errno, or by our own reason).
REASONS_ZH: dict[int | str, str] = {
    READ_ONLY: "文件为只读（取消只读属性后 opsbook 才能替换它）",
    WRITE_PROTECTED: "工作簿设置了写保护",
    errno.ENOENT: "路径不存在", errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限",
    errno.EROFS: "只读文件系统", errno.ENOSPC: "磁盘空间不足",
    errno.ENOTDIR: "路径中有一部分不是文件夹", errno.EISDIR: "这是一个文件夹",
    errno.EEXIST: "已有同名文件", errno.ENAMETOOLONG: "文件名太长",
}


def _about(error: OSError, target: Path, temp: Path | None = None,
           shown: Path | None = None) -> WriteFailed:
    """The error as a WriteFailed about ``target``, named ``shown`` (as the user wrote it)."""
    text = error.strerror or type(error).__name__
    if temp is not None:
        text = text.replace(str(temp), str(target)).replace(temp.name, target.name)
    return WriteFailed(error.errno or 0, text, str(shown if shown is not None else target))
