"""Seeded sample people and departments, shared by the kinds' sample data."""

from __future__ import annotations

import numpy as np
import pandas as pd

DEPARTMENTS = {
    "zh": ("运营部", "市场部", "销售部", "财务部", "客户服务部"),
    "en": ("Operations", "Marketing", "Sales", "Finance", "Customer Service"),
}
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"
PINYIN_SURNAMES = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Wu",
                   "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao")
PINYIN_GIVEN = ("Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yong",
                "Yan", "Jie", "Juan", "Tao", "Ming", "Chao", "Xia", "Ping", "Gang", "Hua")
FIRST = ("David", "Emma", "Michael", "Sophie", "James", "Olivia", "Daniel", "Grace", "Thomas",
         "Hannah", "Lucas", "Mia", "Ethan", "Chloe", "Ryan", "Anna", "Kevin", "Laura")
LAST = ("Miller", "Smith", "Brown", "Wilson", "Taylor", "Clark", "Walker", "Young", "King",
        "Wright", "Scott", "Green", "Baker", "Adams", "Hill", "Turner", "Moore", "Lee")

def names(rng: np.random.Generator, n: int, lang: str) -> np.ndarray:
    """Mostly Chinese names in a Chinese sheet, a mix of English and pinyin in an English one."""
    surnames, given = np.array(list(SURNAMES), dtype=object), np.array(list(GIVEN), dtype=object)
    chinese = surnames[rng.integers(len(surnames), size=n)] + given[rng.integers(len(given),
                                                                                 size=n)]
    second = given[rng.integers(len(given), size=n)]
    chinese = np.where(rng.random(n) < 0.6, chinese + second, chinese)
    first, last = np.array(FIRST, dtype=object), np.array(LAST, dtype=object)
    english = first[rng.integers(len(first), size=n)] + " " + last[rng.integers(len(last),
                                                                                 size=n)]
    py_s, py_g = np.array(PINYIN_SURNAMES, dtype=object), np.array(PINYIN_GIVEN, dtype=object)
    pinyin = py_s[rng.integers(len(py_s), size=n)] + " " + py_g[rng.integers(len(py_g), size=n)]
    if lang == "zh":
        return np.where(rng.random(n) < 0.85, chinese, english)
    return np.where(rng.random(n) < 0.6, english, pinyin)


def employees(rng: np.random.Generator, count: int, lang: str) -> pd.DataFrame:
    """employee_id, name, department for ``count`` people spread over the departments."""
    departments = DEPARTMENTS[lang]
    return pd.DataFrame({
        "employee_id": [f"E{n:04d}" for n in range(1, count + 1)],
        "name": names(rng, count, lang),
        "department": [departments[n % len(departments)] for n in range(count)],
    })


def settings(**values: object) -> pd.DataFrame:
    """Settings as key/value rows for a sample workbook."""
    return pd.DataFrame({"key": list(values), "value": list(values.values())})
