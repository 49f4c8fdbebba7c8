"""project status given only files it skips (a status workbook opsbook wrote) has nothing to
compute: a no-tracker-read error in English and Chinese, exit 2, nothing written — before,
exit 1 and "not written; correct the errors above first" under "0 error(s)". With one real
tracker beside it, the tracker is computed (exit 0) and the other file listed as skipped."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import opsbook
from opsbook.cli import app


@pytest.fixture
def status_workbook(tmp_path):
    tracker = opsbook.new_workbook("project", "en", tmp_path / "t.xlsx", sample=True)
    out = tmp_path / "status.xlsx"
    assert CliRunner().invoke(app, ["project", "status", str(tracker), "-o", str(out)]
                              ).exit_code == 0
    return tracker, out


def test_only_a_result_workbook(tmp_path, status_workbook):
    _, made = status_workbook
    for lang, said in (("en", "[no-tracker-read] No project tracker could be read: every file "
                              "given was skipped (see above); no status workbook is written."),
                       ("zh", "[no-tracker-read] 没有可读取的项目跟踪表：所给文件均已跳过"
                              "（见上文）；未生成项目状态工作簿。")):
        out = tmp_path / f"again.{lang}.xlsx"
        run = CliRunner().invoke(app, ["project", "status", str(made), "-o", str(out),
                                       "--lang", lang])
        assert run.exit_code == 2, run.output
        assert said in run.output
        assert not out.exists()
    done = opsbook.project_status([made])
    assert done.result is None and done.report.exit_code == 2
    assert [i.code for i in done.report.issues] == ["output-workbook", "no-tracker-read"]


def test_a_tracker_beside_it_is_computed(tmp_path, status_workbook):
    tracker, made = status_workbook
    out = tmp_path / "both.xlsx"
    run = CliRunner().invoke(app, ["project", "status", str(made), str(tracker), "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "no-tracker-read" not in run.output and out.exists()
