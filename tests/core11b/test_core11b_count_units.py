"""Numbers typed with 千, 百万 or 千万 ("5千", "3千万") were type errors while "1万" was
read: the one number parser now knows every Chinese unit of count (千, 万, 十万, 百万,
千万, 亿), in full width too, with 元 after it; in a plan row counting in 万元 the figure is
said in that unit."""

from __future__ import annotations

import datetime as dt

import pytest
from quirkbooks import write

import opsbook
from opsbook.core.parse import number_as_shown, parse_number


@pytest.mark.parametrize(("typed", "number"), [
    ("5千", 5_000), ("1.5千", 1_500), ("２千", 2_000), ("3千万", 30_000_000),
    ("1百万", 1_000_000), ("2.5百万", 2_500_000), ("1十万", 100_000), ("3亿", 300_000_000),
    ("1万", 10_000), ("3千元", 3_000), ("5千万元", 50_000_000), ("¥5千", 5_000),
    ("5 千", 5_000), ("-5千", -5_000), ("(5千)", -5_000), ("1,200千", 1_200_000),
    ("0.1千万", 1_000_000)])
def test_every_unit_of_count(typed, number):
    assert parse_number(typed) == number
    assert number_as_shown(typed) == number


@pytest.mark.parametrize("typed", ["千", "千万", "5千%", "5百", "12,00千", "千5"])
def test_no_number(typed):
    assert parse_number(typed) is None and number_as_shown(typed) is None


def test_a_plan_with_thousands_and_ten_millions(tmp_path):
    path = write(tmp_path / "plan.xlsx", {
        "Plan": [["Item ID", "Department", "Objective", "KPI", "Unit", "Annual Target",
                  "Budget", "Start", "End"],
                 ["OPS-01", "运营部", "销售额", "销售额", "元", "3千万", "5千",
                  dt.date(2027, 1, 1), dt.date(2027, 12, 31)],
                 ["OPS-02", "运营部", "回款", "回款额", "万元", "5千", "２千",
                  dt.date(2027, 1, 1), dt.date(2027, 12, 31)],
                 ["OPS-03", "运营部", "订单", "订单额", "万元", "1.5千万元", "1.5千",
                  dt.date(2027, 1, 1), dt.date(2027, 12, 31)]],
        "Settings": [["Key", "Value"], ["year", 2027]]})
    book = opsbook.load(path)
    assert [i.code for i in book.issues if i.severity == "error"] == []
    plan = book["Plan"]
    # 3千万 元 = 30,000,000; 5千 in a 万元 row = 5,000 / 10,000 = 0.5 万元; 1.5千万元 = 1,500 万元
    assert plan["target"].tolist() == [30_000_000, 0.5, 1_500]
    assert plan["budget"].tolist() == [5_000, 2_000, 1_500]
    said = {i.cell: i for i in book.issues if i.code == "coerced-value"}
    assert said["F3"].message("en") == (
        "'Annual Target': '5千' was read as a number, 0.5 (万元); check it, and enter the "
        "value in the cell's own format to be sure.")
    assert said["F3"].message("zh") == (
        "“Annual Target”：“5千”被识别为数字 0.5（万元）；建议按数字格式录入。")
    assert "30000000" in said["F2"].message("en") and "30000000" in said["F2"].message("zh")
