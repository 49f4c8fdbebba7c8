"""Any workbook a spreadsheet program opens is read, and one file never stops a run (issue 15).

Real packages are rearranged (parts moved, relationships updated, backslash names) and
damaged (a relationship missing or broken, XML cut short, junk after the zip, the file cut
short): every one gives a report, never an exception, and a rearranged package reads exactly
as the original.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import msoffcrypto.format.ooxml
import packages
import pytest
import quirkbooks
from conftest import sha256
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opsbook
from opsbook.api import validate_file
from opsbook.io.decrypt import DEFAULT_PASSWORD

#: Valid workbooks (and one with formulas whose values were never saved) to rearrange.
SOURCES = ("valid-attendance", "valid-appraisal", "formula-no-value")


@cache
def source(name: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return quirkbooks.build(name, Path(folder) / f"{name}.xlsx").read_bytes()


def seen(report: opsbook.Report) -> list[tuple]:
    return [(i.code, i.severity, i.sheet, i.cell, i.params.get("detail")) for i in report.issues]


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# --- layouts other than Excel's own: read exactly as the original -------------------------


@pytest.mark.parametrize("layout", sorted(packages.LAYOUTS))
def test_package_layouts_read_like_the_original(tmp_path, layout):
    original = write(tmp_path, "original.xlsx", source("formula-no-value"))
    moved = write(tmp_path, f"{layout}.xlsx", packages.LAYOUTS[layout](original.read_bytes()))
    expected = opsbook.validate(original)
    assert [(i.code, i.cell) for i in expected.issues] == [
        ("formula-no-value", "D2"), ("formula-no-value", "D3")]
    assert seen(opsbook.validate(moved)) == seen(expected)
    assert opsbook.load(moved)["Indicators"].equals(opsbook.load(original)["Indicators"])


def test_missing_sheet_relationship_is_skipped_with_a_note(tmp_path):
    data = packages.drop_sheet_relationship(source("valid-attendance"), 0)
    report = opsbook.validate(write(tmp_path, "no-sheet-rel.xlsx", data))
    assert report.files == [str(tmp_path / "no-sheet-rel.xlsx")]
    assert not any(i.code == "file-unreadable" for i in report.issues)


def test_scan_that_cannot_find_the_workbook_part_notes_it_and_reads_on(tmp_path):
    data = packages.cut_part(source("valid-attendance"), "_rels/.rels", 0.0)
    report = opsbook.validate(write(tmp_path, "no-package-rels.xlsx", data))
    assert report.issues, "either read with a note or reported as damaged"
    assert all(i.code in ("formula-scan-skipped", "corrupt-file") for i in report.issues)


# --- damaged or rearranged at random: a report every time --------------------------------

DAMAGE = st.one_of(
    st.sampled_from(sorted(packages.LAYOUTS)).map(lambda n: (n, packages.LAYOUTS[n])),
    st.integers(0, 3).map(lambda i: ("drop-sheet-rel",
                                     lambda d: packages.drop_sheet_relationship(d, i))),
    st.tuples(st.sampled_from(["workbook.xml", "workbook.xml.rels", "sheet1.xml", "sheet2.xml",
                               ".rels", "styles.xml", "sharedStrings.xml"]),
              st.floats(0, 0.99)).map(
        lambda a: (f"cut-{a[0]}", lambda d: packages.cut_part(d, a[0], a[1]))),
    st.sampled_from(["workbook.xml", "workbook.xml.rels", "sheet1.xml", "styles.xml",
                     "[Content_Types].xml"]).map(
        lambda s: (f"remove-{s}", lambda d: packages.remove_part(d, s))),
    st.binary(min_size=1, max_size=64).map(
        lambda j: ("junk", lambda d: packages.append_junk(d, j))),
    st.floats(0.01, 0.99).map(lambda k: ("cut-file", lambda d: packages.cut_file(d, k))),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(SOURCES), damages=st.lists(DAMAGE, min_size=1, max_size=3))
def test_damaged_or_rearranged_packages_always_give_a_report(name, damages):
    data = source(name)
    for _label, damage in damages:
        try:
            data = damage(data)
        except Exception:  # noqa: BLE001 - an earlier damage left no zip to damage further
            break
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), "damaged.xlsx", data)
        report = validate_file(path)
    assert report.files == [str(path)] or [i.file for i in report.issues] == [str(path)]
    for issue in report.issues:
        for lang in ("en", "zh"):
            message = issue.message(lang)
            assert message and "Error" not in message and "EOCD" not in message, message
    if len(damages) == 1 and damages[0][0] in packages.LAYOUTS:  # whole, only laid out anew
        with tempfile.TemporaryDirectory() as folder:
            original = write(Path(folder), "damaged.xlsx", source(name))
            assert seen(report) == seen(validate_file(original))


def test_a_folder_of_damaged_and_good_files_reports_every_file(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    valid = source("valid-attendance")
    files = {
        "good.xlsx": valid,
        "root.xlsx": packages.move_workbook(valid, ""),
        "backslash.xlsx": packages.backslash_names(valid),
        "cut-sheet.xlsx": packages.cut_part(valid, "sheet1.xml", 0.5),
        "junk.xlsx": packages.append_junk(valid, b"\x00junk"),
        "cut-file.xlsx": packages.cut_file(valid, 0.6),
        "no-rels.xlsx": packages.remove_part(valid, "workbook.xml.rels"),
    }
    paths = [write(folder, name, data) for name, data in files.items()]
    before = {p: sha256(p) for p in paths}
    one = opsbook.validate(folder)
    assert {Path(f).name for f in one.files} | {Path(i.file).name for i in one.issues} == set(files)
    for name in ("good.xlsx", "root.xlsx", "backslash.xlsx"):
        assert not [i for i in one.issues if Path(i.file).name == name]
    assert [i.code for i in one.issues if Path(i.file).name == "cut-file.xlsx"] == [
        "corrupt-file"]
    two = opsbook.validate(folder, jobs=2)
    assert seen(two) == seen(one)
    assert {p: sha256(p) for p in paths} == before


def test_an_unexpected_failure_in_one_file_is_a_file_issue_and_the_run_goes_on(
        tmp_path, monkeypatch):
    import opsbook.api.common as api

    good = quirkbooks.build("dates-as-text", tmp_path / "good.xlsx")
    odd = quirkbooks.build("valid-plan", tmp_path / "odd.xlsx")
    checks = api.validate_books

    def failing_on_odd(books, *skip):  # files checked together fail together, then one
        if any(Path(book.path).name == "odd.xlsx" for book in books):  # by one
            raise KeyError("There is no item named 'xl/workbook.xml' in the archive")
        return checks(books, *skip)

    monkeypatch.setattr(api, "validate_books", failing_on_odd)
    for jobs in (1, 2):
        report = opsbook.validate([odd, good], jobs=jobs)
        (issue,) = [i for i in report.issues if i.file == str(odd)]
        assert (issue.code, issue.category, issue.severity) == ("file-unreadable", "file",
                                                                "error")
        assert "KeyError" not in issue.message("en") and "xl/workbook.xml" not in issue.message()
        assert "save it again as .xlsx" in issue.message("en")
        assert "KeyError" in issue.params["reason"]
        assert [i.code for i in report.issues if i.file == str(good)] == ["coerced-value"] * 3
        assert report.exit_code == 2
    books, report = api.load_many([odd, good])  # what the commands that compute read with
    assert [Path(b.path).name for b in books] == ["good.xlsx"]
    assert [(i.code, Path(i.file).name) for i in report.issues if i.category == "file"] == [
        ("file-unreadable", "odd.xlsx")]


# --- encrypted workbooks ----------------------------------------------------------------


def encrypt(source_path: Path, target: Path, password: str) -> Path:
    with source_path.open("rb") as plain, target.open("wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt(password, out)
    return target


def test_write_protected_workbook_opens_with_excels_default_key(tmp_path):
    plain = quirkbooks.build("dates-as-text", tmp_path / "plain.xlsx")
    path = encrypt(plain, tmp_path / "write-protected.xlsx", DEFAULT_PASSWORD)
    before = sha256(path)
    report = opsbook.validate(path)
    assert [(i.code, i.severity) for i in report.issues] == [
        ("write-protected", "info")] + [("coerced-value", "warning")] * 3
    assert "write-protected" in report.issues[0].message("en")
    assert report.exit_code == 0
    assert opsbook.load(path)["Clock"].equals(opsbook.load(plain)["Clock"])
    assert sha256(path) == before


def test_a_real_password_is_still_password_protected(tmp_path):
    plain = quirkbooks.build("valid-attendance", tmp_path / "plain.xlsx")
    path = encrypt(plain, tmp_path / "secret.xlsx", "not the default")
    assert [i.code for i in opsbook.validate(path).issues] == ["password-protected"]


def test_write_protected_workbook_is_calculated_into_a_copy_never_in_place(tmp_path):
    from conftest import run_cli

    plain = quirkbooks.build("valid-appraisal", tmp_path / "plain.xlsx")
    path = encrypt(plain, tmp_path / "write-protected.xlsx", DEFAULT_PASSWORD)
    before = sha256(path)
    done = run_cli("calculate", path)
    assert done.returncode == 2
    line, zh = done.stderr.strip().splitlines()  # English, then Chinese
    assert f"Cannot write {path}: the workbook is write-protected." in line
    assert "another file" in line and "写保护" in zh and "另一个文件" in zh
    assert sha256(path) == before
    copy = tmp_path / "results.xlsx"
    done = run_cli("calculate", path, "-o", copy)
    assert done.returncode == 0, done.stderr
    assert opsbook.load(copy)["Scores"].equals(opsbook.load(plain)["Scores"])
    assert sha256(path) == before
