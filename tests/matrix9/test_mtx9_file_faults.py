"""Files that cannot be read at all — zero bytes, a zip cut off half way, an encrypted
package, a .csv, a Word document, a PDF or a zip of workbooks named .xlsx — given to every
command that reads a workbook: exit 2, the file named, the reason in English and in
Chinese, no traceback, the file unchanged and no output written."""

from __future__ import annotations

import mtx9books as books
import pytest
from conftest import run_cli, sha256
from mtx9cli import Said, clean, opsbook

#: fault → what the message says, in English and in Chinese
WHY = {
    "zero-bytes": ("The file is empty (0 bytes)", "文件为空（0 字节）"),
    "truncated": ("damaged or incomplete", "文件已损坏或不完整"),
    "encrypted": ("password-protected", "受密码保护"),
    "csv": ("A CSV file holds one sheet", "CSV 文件只有一个工作表"),
    "word-as-xlsx": ("it is a Word document", "这是 Word 文档"),
    "pdf-as-xlsx": ("it is a PDF document under a spreadsheet's name",
                    "这是 PDF 文档，只是用了电子表格的文件名"),
    "zip-of-workbooks": ("it is a zip archive of workbooks ({name}) under",
                         "这是内含工作簿（{name}）的压缩包"),
}
#: (fault, command) → its own answer, where the command refuses the format before reading
ANSWER = {("csv", "validate-annotate"): ("annotating needs an .xlsx or .xlsm workbook",
                                         "标注需要 .xlsx 或 .xlsm 工作簿")}
OUT = "out.xlsx"


#: command → (the kind of workbook it reads, its arguments for FILE with outputs in OUT)
COMMANDS = {
    "validate": ("attendance", lambda f, o: ["validate", f]),
    "validate-annotate": ("attendance", lambda f, o: ["validate", f, "--annotate", o / OUT]),
    "calculate": ("project", lambda f, o: ["calculate", f]),
    "calculate-o": ("project", lambda f, o: ["calculate", f, "-o", o / OUT]),
    "report": ("appraisal", lambda f, o: ["report", f, "-o", o / "report.html"]),
    "email": ("appraisal", lambda f, o: ["email", f, "--to", "lead@localhost", "--outbox",
                                         o / "outbox"]),
    "appraisal-score": ("appraisal", lambda f, o: ["appraisal", "score", f, "-o", o / OUT]),
    "attendance-summarize": ("attendance", lambda f, o: ["attendance", "summarize", f,
                                                         "-o", o / OUT]),
    "project-status": ("project", lambda f, o: ["project", "status", f, "--as-of",
                                                "2026-11-20", "-o", o / OUT]),
    "plan-consolidate": ("plan", lambda f, o: ["plan", "consolidate", f, "-o", o / OUT]),
    "plan-diff": ("plan", lambda f, o: ["plan", "diff", f, books.valid("plan", o), "-o",
                                        o / OUT]),
    "plan-track": ("plan", lambda f, o: ["plan", "track", f, "-o", o / OUT]),
    "plan-status": ("plan", lambda f, o: ["plan", "status", f, "--set", "submitted"]),
    "run": ("attendance", lambda f, o: ["run", books.pipeline(f.parent, "attendance", f.name,
                                                               OUT)]),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("fault", books.FILE_FAULTS)
def test_an_unreadable_file_is_refused_in_words_and_left_as_it_was(tmp_path, fault, command):
    kind, arguments = COMMANDS[command]
    inputs = tmp_path / "in"
    inputs.mkdir()
    outputs = tmp_path / "out"
    outputs.mkdir()
    file = books.FILE_FAULTS[fault](kind, inputs)
    before = sha256(file)
    said = opsbook(*arguments(file, outputs))
    text = clean(said)
    assert said.code == 2, text
    assert file.name in text
    english, chinese = (w.format(name=f"{kind}.xlsx")
                        for w in ANSWER.get((fault, command), WHY[fault]))
    assert english in text and chinese in text, text
    assert sha256(file) == before
    assert not (outputs / OUT).exists() and not (inputs / "results" / OUT).exists()
    assert not (outputs / "outbox").exists() or not any((outputs / "outbox").iterdir())


@pytest.mark.parametrize("fault", ["truncated", "word-as-xlsx"])
def test_as_a_user_starts_it_an_unreadable_file_is_said_in_both_languages(tmp_path, fault):
    """The same answer from a real ``opsbook`` process (the console script, its encoding)."""
    file = books.FILE_FAULTS[fault]("attendance", tmp_path)
    before = sha256(file)
    done = run_cli("attendance", "summarize", file, "-o", tmp_path / OUT)
    text = clean(Said(done.returncode, done.stdout + done.stderr))
    assert done.returncode == 2
    english, chinese = WHY[fault]
    assert f"{file.name}" in text and english in text and chinese in text
    assert sha256(file) == before and not (tmp_path / OUT).exists()


@pytest.mark.parametrize("function", ["validate", "calculate", "score_appraisal",
                                      "summarize_attendance", "project_status", "track_plan",
                                      "diff_plans", "set_plan_status", "build_report"])
@pytest.mark.parametrize("fault", ["zero-bytes", "encrypted"])
def test_the_python_api_says_why_in_both_languages(tmp_path, fault, function):
    """Each function either raises NotAWorkbook (message and ``zh``) or returns a report
    that is not readable, with the issue at the file; never another exception."""
    import opsbook as api
    from opsbook.api.common import NotAWorkbook

    file = books.FILE_FAULTS[fault]("plan", tmp_path)
    before = sha256(file)
    calls = {
        "validate": lambda: api.validate(file),
        "calculate": lambda: api.calculate(file, out=tmp_path / OUT),
        "score_appraisal": lambda: api.score_appraisal(file),
        "summarize_attendance": lambda: api.summarize_attendance(file),
        "project_status": lambda: api.project_status(file),
        "track_plan": lambda: api.track_plan(file),
        "diff_plans": lambda: api.diff_plans(file, books.valid("plan", tmp_path)),
        "set_plan_status": lambda: api.set_plan_status(file, "submitted"),
        "build_report": lambda: api.build_report(file, [tmp_path / "r.html"]),
    }
    english, chinese = WHY[fault]
    try:
        done = calls[function]()
    except NotAWorkbook as refused:
        assert english in str(refused) and chinese in refused.zh
        assert str(file) in str(refused)
    else:
        report = getattr(done, "report", done)
        report = report[0] if isinstance(report, tuple) else report
        assert not report.readable
        assert [i.file for i in report.issues if i.severity == "error"] == [str(file)]
    assert sha256(file) == before and not (tmp_path / OUT).exists()
