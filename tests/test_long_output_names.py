"""An output whose name is longer than the disk can hold is refused before anything is read,
in both languages, and not as a failure of the system; the input stays as it was."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from opsbook.api import CannotWrite, new_workbook
from opsbook.api.workbook import check_not_open, check_output

LONG = "长" * 90 + ".xlsx"  # 275 bytes in UTF-8: over the 255 of common file systems


def test_check_output_says_the_name_is_too_long(tmp_path):
    with pytest.raises(CannotWrite) as refused:
        check_output(tmp_path / LONG)
    assert "too long" in str(refused.value) and "文件名过长" in refused.value.zh


def test_a_name_whose_lock_file_could_not_exist_is_not_open(tmp_path):
    name = "长" * 83 + ".xlsx"  # 254 bytes: the file fits, its ~$ lock file would not
    (tmp_path / name).write_bytes(b"")
    check_not_open(tmp_path / name)  # no error: Excel could not have locked it


@pytest.mark.parametrize("args", [["calculate", "{input}", "-o", LONG],
                                  ["project", "status", "{input}", "-o", LONG]])
def test_the_commands_refuse_it_with_exit_code_2(tmp_path, args):
    tracker = tmp_path / "tracker.xlsx"
    new_workbook("project", "en", tracker, sample=True)
    before = hashlib.md5(tracker.read_bytes()).hexdigest()
    done = subprocess.run([sys.executable, "-m", "opsbook.cli",
                           *[a.replace("{input}", str(tracker)) for a in args]],
                          capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "OSError" not in done.stderr
    assert "the name is too long" in done.stderr and "文件名过长" in done.stderr
    assert hashlib.md5(tracker.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]


def test_a_name_that_fits_is_written_though_its_temporary_name_would_not(tmp_path):
    """An output of 250 bytes passes the check before the run; the temporary file written
    beside it first must fit too, or the run would fail only after all its work."""
    from opsbook.io.atomic import replace_atomically

    target = tmp_path / ("长" * 81 + "ab.xlsx")  # 250 bytes
    assert len(target.name.encode()) == 250
    check_output(target)
    replace_atomically(target, lambda temp: temp.write_bytes(b"done"))
    assert target.read_bytes() == b"done" and [p.name for p in tmp_path.iterdir()] == [target.name]
