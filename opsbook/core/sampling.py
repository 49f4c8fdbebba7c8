"""Seeded sample people and departments, shared by the kinds' sample data."""

from __future__ import annotations

import numpy as np
import pandas as pd

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高")
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明",
         "超", "秀英", "华", "慧", "建国", "晓东", "雨桐", "子涵", "思远"]
ENGLISH = ["Alice Chen", "Brian Wong", "Carol Li", "David Zhang", "Emma Liu", "Frank Huang",
           "Grace Lin", "Henry Zhao", "Ivy Sun", "Jack Ma", "Karen Xu", "Leo Guo"]
DEPARTMENTS = {"zh": ["运营部", "市场部", "销售部", "客户服务部", "财务部"],
               "en": ["Operations", "Marketing", "Sales", "Customer Service", "Finance"]}


def names(rng: np.random.Generator, count: int) -> list[str]:
    """Chinese names with an English name now and then."""
    out = []
    for i in range(count):
        if i % 6 == 5:
            out.append(ENGLISH[(i // 6) % len(ENGLISH)])
        else:
            out.append(rng.choice(SURNAMES) + rng.choice(GIVEN))
    return out


def employees(rng: np.random.Generator, count: int, lang: str) -> pd.DataFrame:
    """employee_id, name, department for ``count`` people spread over the departments."""
    departments = DEPARTMENTS[lang]
    return pd.DataFrame({
        "employee_id": [f"E{n:04d}" for n in range(1, count + 1)],
        "name": names(rng, count),
        "department": [departments[n % len(departments)] for n in range(count)],
    })


def settings(**values: object) -> pd.DataFrame:
    """Settings as key/value rows for a sample workbook."""
    return pd.DataFrame({"key": list(values), "value": list(values.values())})
