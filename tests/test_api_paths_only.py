"""Every Python function that reads workbooks by path refuses, in words and in both
languages, what is not a path — a Book already loaded, a number, None — before reading
anything (a ValueError), never a KeyError or TypeError from inside the reading; one path, a
list, a tuple or a generator of paths are read alike. (A Book alone is what ``validate``
also takes.)"""

from __future__ import annotations

import re

import pytest

import opsbook
from opsbook import api
from opsbook.api.common import Refused


@pytest.fixture(scope="module")
def attendance(tmp_path_factory):
    return opsbook.new_workbook("attendance", "en",
                                tmp_path_factory.mktemp("paths") / "a.xlsx", sample=True)


@pytest.mark.parametrize("function", ["summarize_attendance", "validate", "consolidate_plans"])
@pytest.mark.parametrize("wrong", ["book", "books", 3, None])
def test_what_is_no_path_is_refused_in_words(attendance, function, wrong):
    book = opsbook.load(attendance)
    given = {"book": book, "books": [attendance, book]}.get(wrong, wrong)
    if function == "validate" and wrong == "book":
        assert opsbook.validate(book).exit_code == 0  # a Book alone is validated
        return
    with pytest.raises(Refused) as caught:
        getattr(opsbook, function)(given)
    what = {"book": "Book", "books": "Book", 3: "int", None: "NoneType"}[wrong]
    assert f"paths (files, folders or glob patterns), got {what}: give the file" \
        in str(caught.value)
    assert f"的路径（文件、文件夹或通配符），当前为 {what}：请传入文件路径" in caught.value.zh


def test_paths_in_any_container(attendance):
    codes = {opsbook.validate(given).exit_code
             for given in (attendance, str(attendance), [attendance], (str(attendance),),
                           (p for p in [attendance]))}
    assert codes == {0}
    employees = {len(opsbook.summarize_attendance(given).result.monthly)
                 for given in ([attendance], (p for p in [attendance]))}
    assert len(employees) == 1 and employees.pop() > 0


@pytest.mark.parametrize(("output", "said"), [
    ("", "the output is an empty path, which names no file"),
    (5, "the output is a file's path (a str or Path), got int")])
def test_an_output_that_is_no_path_is_refused_in_words(attendance, tmp_path, output, said):
    with pytest.raises(Refused, match=re.escape(said)):
        opsbook.summarize_attendance([attendance], output=output)
    done = opsbook.summarize_attendance([attendance])
    with pytest.raises(Refused, match=re.escape(said)) as caught:
        api.write_output(output, done.sheets)
    assert caught.value.zh.startswith("输出")


def test_options_that_are_no_batch_options_are_refused_in_words(attendance):
    for call in (lambda: opsbook.validate(attendance, options="x"),
                 lambda: opsbook.summarize_attendance([attendance], options={"jobs": 2})):
        with pytest.raises(Refused, match="options are a BatchOptions") as caught:
            call()
        assert "options 应为 BatchOptions" in caught.value.zh


def test_a_reports_punches_and_history_are_paths(attendance):
    from opsbook.api.report import summarize

    with pytest.raises(Refused, match=r"the punch exports' paths \(files\), got int"):
        summarize(attendance, punches=5)
    empty = summarize(attendance, punches=[""])  # an unset variable: no file, not this folder
    assert [i.code for i in empty.report.issues if i.severity == "error"] == ["file-not-found"]
    with pytest.raises(Refused, match="the earlier cycles' workbooks' paths"):
        summarize(attendance, history=[None])
