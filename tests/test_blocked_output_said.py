"""An output under a file (``-o afile/x.xlsx``, afile a file) is said as the user named it:
the option they gave (``-o``, not a ``--manifest`` they never gave) and the path as typed,
not its absolute form."""

from __future__ import annotations

from conftest import run_cli

from opsbook.api import new_workbook


def test_an_output_under_a_file_is_said_as_given(tmp_path):
    new_workbook("appraisal", "en", tmp_path / "a.xlsx", sample=True)
    (tmp_path / "afile").write_text("mine")
    scored = run_cli("appraisal", "score", "a.xlsx", "-o", "afile/x.xlsx", cwd=tmp_path)
    assert scored.returncode == 2
    assert "-o afile/x.xlsx cannot be written: afile is a file, not a folder" in scored.stderr
    assert "--manifest" not in scored.stderr
    calculated = run_cli("calculate", "a.xlsx", "-o", "afile/x.xlsx", cwd=tmp_path)
    assert calculated.returncode == 2
    assert "a file stands where its folder afile should be" in calculated.stderr
    assert str(tmp_path) not in calculated.stderr
    assert (tmp_path / "afile").read_text() == "mine"
