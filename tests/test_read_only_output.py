"""A file its owner marked read-only is never replaced: the command says so in English and
Chinese, exits 2, and the file keeps its bytes."""

from __future__ import annotations

import hashlib
import stat
import subprocess
import sys

import pytest

from opsbook.api import new_workbook
from opsbook.io.atomic import WriteFailed, replace_atomically


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def read_only(tmp_path):
    path = tmp_path / "plan.xlsx"
    new_workbook("plan", "en", path, sample=True)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield path
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_replacing_a_read_only_file_is_refused(read_only):
    before = digest(read_only)
    with pytest.raises(WriteFailed) as refused:
        replace_atomically(read_only, lambda temp: temp.write_bytes(b"new"))
    assert "read-only" in str(refused.value) and "只读" in refused.value.zh
    assert digest(read_only) == before
    assert list(read_only.parent.iterdir()) == [read_only]  # no temporary file left


def test_calculate_leaves_a_read_only_workbook_as_it_was(read_only):
    before = digest(read_only)
    done = subprocess.run([sys.executable, "-m", "opsbook.cli", "calculate", str(read_only)],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "read-only" in done.stderr and "文件为只读" in done.stderr
    assert digest(read_only) == before


def test_the_refusal_names_the_file_as_it_was_written(read_only, monkeypatch):
    """A relative name (or one through a link) is said as typed, not as the absolute path
    the file was found at."""
    monkeypatch.chdir(read_only.parent)
    link = read_only.parent / "linked.xlsx"
    link.symlink_to(read_only.name)
    for name in ("plan.xlsx", "linked.xlsx"):
        with pytest.raises(WriteFailed) as refused:
            replace_atomically(type(read_only)(name), lambda temp: temp.write_bytes(b"new"))
        assert str(refused.value).startswith(f"Cannot write {name}:")
