"""A failure nobody foresaw (a fault of opsbook) is one line in English and one in Chinese,
exit 2, with its traceback kept in the error log, never printed."""

from __future__ import annotations

import gc
import signal
import sys

import pytest

from opsbook import cli


def test_an_unexpected_failure_is_said_in_both_languages(tmp_path, monkeypatch, capsys):
    def boom() -> None:
        raise RuntimeError("a fault of opsbook")

    log = tmp_path / "last-error.txt"
    monkeypatch.setattr(cli, "ERROR_LOG", log)
    monkeypatch.setattr(sys, "argv", ["opsbook", "boom-for-test"])
    threshold, term = gc.get_threshold(), signal.getsignal(signal.SIGTERM)
    cli.app.command("boom-for-test")(boom)
    try:
        with pytest.raises(SystemExit) as ended:
            cli.main()
    finally:
        cli.app.registered_commands.pop()
        gc.unfreeze()
        gc.set_threshold(*threshold)
        signal.signal(signal.SIGTERM, term)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert (f"opsbook: error: opsbook could not finish (RuntimeError: a fault of opsbook). If "
            f"this persists, report it with the details kept in {log}.") in err
    assert (f"opsbook 错误：opsbook 未能完成（RuntimeError: a fault of opsbook）。如果再次出现，"
            f"请报告此问题，并附上 {log} 中保存的详细信息。") in err
    assert "Traceback" not in err
    assert "RuntimeError: a fault of opsbook" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")
