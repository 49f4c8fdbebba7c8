"""Appraisal settings, with the defaults of the standard workbook."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Callable, Literal

from pydantic import BeforeValidator

from opsbook.appraisal.schema import SCORE_UNITS
from opsbook.core.setting_numbers import typed_number
from opsbook.core.settings import Amount, Fraction, SettingsModel, Text, setting

#: The widest score scale read: scores are summed with their weights, and a scale of, say,
#: 1e308 would overflow to infinity; no appraisal scores beyond a million.
SCALE_LIMIT = 1_000_000




def _unit_words(*words: str) -> Callable[[Any], Any]:
    """A number setting read as :func:`typed_number` reads it, after one of ``words`` (the
    setting's own unit, compared case-folded) typed after its digits: ``100分`` is 100."""
    read = typed_number()

    def strip(value: Any) -> Any:
        if isinstance(value, str):
            text = unicodedata.normalize("NFKC", value).strip()
            for word in words:
                head = text[:-len(word)].rstrip()
                if text.casefold().endswith(word) and head[-1:].isdigit():
                    return read(head)
        return read(value)

    return strip


#: A count (min_peers: a word after it, 2人, is refused), a count of cycles
#: (consecutive_failure_limit, 3次) and a score (scale_min, scale_max, 100分, as a score cell
#: reads it), read as numbers are; said in messages as a whole number and as a number.
Count = Annotated[int, BeforeValidator(typed_number())]
Cycles = Annotated[int, BeforeValidator(_unit_words("次", "期", "个周期", "cycles", "times"))]

#: The calibration as people name it: Z-score, 标准分 (zscore); 无, 不校准, off (none).
_CALIBRATIONS = {"z-score": "zscore", "z score": "zscore", "z_score": "zscore",
                 "z分数": "zscore", "标准分": "zscore", "标准分校准": "zscore",
                 "无": "none", "不校准": "none", "否": "none", "off": "none", "no": "none"}


def _calibration(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    key = " ".join(unicodedata.normalize("NFKC", value).split()).lower()
    return _CALIBRATIONS.get(key, key)


Calibration = Annotated[Literal["none", "zscore"], BeforeValidator(_calibration)]
Number = Annotated[float, BeforeValidator(_unit_words(*SCORE_UNITS))]


class AppraisalSettings(SettingsModel):
    share_prefixes = ("max_share_",)

    cycle: Text = setting(
        "", "The cycle these scores belong to, written the same way every time and "
        "zero-padded (2026Q4, 2026-03): history is ordered by it as text.",
        "本次考核所属周期，每次写法一致并补零（如 2026Q4、2026-03）；历史考核按此排序。",
        "考核周期")
    weight_superior: Fraction = setting(
        0.6, "Share of the direct superior's rating in each indicator score; 0.6, 60 and "
        "60% are the same. The three role weights add up to 100%.",
        "直属上级评分在每项指标得分中的占比，0.6、60 和 60% 含义相同；三个角色权重合计 100%。",
        "上级权重", ge=0, le=1)
    weight_peer: Fraction = setting(
        0.3, "Share of the peers' rating (their average); when a role is missing the others "
        "are re-balanced, never counted as 0.",
        "同事评分（取平均）的占比；某一角色缺评时按其余角色重新分配，不按 0 分计。", "同事权重",
        ge=0, le=1)
    weight_self: Fraction = setting(
        0.1, "Share of the employee's own rating; 0 leaves self-ratings out.",
        "员工自评的占比；为 0 时不计自评。", "自评权重", ge=0, le=1)
    min_peers: Count = setting(
        2, "Fewest peer raters that count; fewer are left out, with a warning.",
        "同事评价最少人数；不足时不计同事评价并提示。", "最少同事人数", ge=0)
    scale_min: Number = setting(0, "Lowest score a rater may give; lower scores are errors.",
                                "评分人可给的最低分，低于此分视为错误。", "评分下限",
                                ge=-SCALE_LIMIT)
    scale_max: Number = setting(
        100, "Highest score a rater may give; grade bands use the same scale.",
        "评分人可给的最高分，等级分数段采用同一分制。", "评分上限", le=SCALE_LIMIT)
    consecutive_failure_limit: Cycles = setting(
        2, "Failed cycles in a row (outcome improve) that trigger escalation.",
        "连续考核不达标（改进面谈）达到此次数时，按公司规定处理。", "连续不达标上限", ge=1)
    calibration: Calibration = setting(
        "none", "none, or zscore: rescale each rater to the mean and spread of all raters.",
        "none 不校准；zscore 将每位评分人的分数按全体评分人的均值和离散度校准。", "校准方式")
    bonus_budget: Amount | None = setting(
        None, "Optional total bonus budget; a total above it is reported.",
        "可选：绩效奖金总预算，超出时提示。", "奖金预算", ge=0)

    def max_shares(self) -> dict[str, float]:
        """Forced-distribution caps given as ``max_share_<grade>`` keys (the key as typed,
        ``MAX_SHARE_优秀`` too, so that what is said of it finds its cell → share)."""
        from opsbook.core.settings import fraction

        shares = {}
        for key, value in self.extra_items().items():
            if key.lower().startswith("max_share_") and value not in (None, ""):
                share = fraction(value)
                if isinstance(share, float) and 0 <= share <= 1:  # others are reported
                    shares[key] = share
        return shares


#: The default grade bands: grade, minimum score, bonus coefficient, outcome.
DEFAULT_GRADES = (
    ("S", 90, 1.5, "commend"),
    ("A", 80, 1.2, "none"),
    ("B", 70, 1.0, "none"),
    ("C", 60, 0.8, "none"),
    ("D", 0, 0.0, "improve"),
)

__all__ = ["AppraisalSettings", "DEFAULT_GRADES"]
