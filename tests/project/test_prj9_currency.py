"""One currency written several ways (CNY, cny, 人民币, ￥, 元) is one currency: the trackers'
amounts are added up and one rule is said, not "several currencies (CNY, cny, 人民币)"."""

from __future__ import annotations

from trackers import D, project, status, task, tracker

from opsbook.project.settings import currency_code
from opsbook.project.summary import summary


def _trackers(tmp_path, currencies):
    """One tracker per currency, each with one project of one task (2–6 November, 1 000,
    half done, 500 spent)."""
    return [tracker(tmp_path / f"{n}.xlsx", [project(f"P-{n}")],
                    [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 500, pid=f"P-{n}")],
                    currency=c, status_date=D(2026, 11, 13))
            for n, c in enumerate(currencies)]


def test_one_currency_written_several_ways_is_added_up(tmp_path):
    """Five trackers of 1 000 each, as of the 13th all due: BAC 5 000, AC 2 500, VAC 0
    (CPI 1), portfolio SPI 0.5 — one rule line, amounts in CNY."""
    result, _ = status(*_trackers(tmp_path, ["CNY", "cny", "人民币", "￥", " 元 "]))
    assert result.config["currency"].tolist() == ["CNY"] * 5
    made = summary(result, "en")
    figures = {f.label: f.value for f in made.figures}
    assert (figures["Total BAC"], figures["Total AC"], figures["Total VAC"]) == (5000, 2500, 0)
    assert figures["Portfolio SPI"] == 0.5
    assert made.method[-1] == "ETC and VAC use EAC = BAC/CPI (setting eac_method); " \
                              "amounts in CNY."
    zh = summary(result, "zh")
    assert zh.method[-1].endswith("金额单位：元（人民币）。")


def test_two_currencies_stay_apart_each_under_its_code(tmp_path):
    """美元 and USD are one currency, CNY another: no totals, and the method says so with
    the two codes."""
    result, _ = status(*_trackers(tmp_path, ["CNY", "美元", "usd"]))
    made = summary(result, "en")
    figures = {f.label: f.value for f in made.figures}
    assert figures["Total BAC"] is None and figures["Portfolio SPI"] is None
    assert "several currencies (CNY, USD)" in made.method[-1]


def test_currency_names():
    assert [currency_code(t) for t in ("ＣＮＹ", "Rmb", "$", "hk$", "万元", " eur ", "Yen",
                                       "Pesos")] == \
        ["CNY", "CNY", "USD", "HKD", "万元", "EUR", "JPY", "Pesos"]
