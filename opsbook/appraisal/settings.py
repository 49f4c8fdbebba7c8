"""Appraisal settings, with the defaults of the standard workbook."""

from __future__ import annotations

from typing import Literal

from opsbook.core.settings import Amount, Fraction, SettingsModel, Text, setting


class AppraisalSettings(SettingsModel):
    cycle: Text = setting("", "Appraisal cycle, e.g. 2026Q4.", "考核周期，如 2026Q4。", "考核周期")
    weight_superior: Fraction = setting(
        0.6, "Weight of the direct superior's rating (0.6 or 60%).",
        "直属上级评价权重（0.6 或 60%）。", "上级权重", ge=0, le=1)
    weight_peer: Fraction = setting(
        0.3, "Weight of the peers' average rating.", "同事评价（平均）权重。", "同事权重",
        ge=0, le=1)
    weight_self: Fraction = setting(
        0.1, "Weight of the self-rating.", "自我评价权重。", "自评权重", ge=0, le=1)
    min_peers: int = setting(
        2, "Fewest peer raters that count; fewer are left out, with a warning.",
        "同事评价最少人数；不足时不计同事评价并提示。", "最少同事人数", ge=0)
    scale_min: float = setting(0, "Lowest allowed score.", "评分下限。", "评分下限")
    scale_max: float = setting(100, "Highest allowed score.", "评分上限。", "评分上限")
    consecutive_failure_limit: int = setting(
        2, "Failed cycles in a row (outcome improve) that trigger escalation.",
        "连续考核不达标（改进面谈）达到此次数时，按公司规定处理。", "连续不达标上限", ge=1)
    calibration: Literal["none", "zscore"] = setting(
        "none", "none, or zscore: rescale each rater to the mean and spread of all raters.",
        "none 不校准；zscore 将每位评分人的分数按全体评分人的均值和离散度校准。", "校准方式")
    bonus_budget: Amount | None = setting(
        None, "Optional total bonus budget; a total above it is reported.",
        "可选：绩效奖金总预算，超出时提示。", "奖金预算", ge=0)

    def max_shares(self) -> dict[str, float]:
        """Forced-distribution caps given as ``max_share_<grade>`` keys (grade → share)."""
        from opsbook.core.settings import fraction

        shares = {}
        for key, value in self.extra_items().items():
            if key.lower().startswith("max_share_") and value not in (None, ""):
                share = fraction(value)
                if isinstance(share, float) and 0 <= share <= 1:  # others are reported
                    shares[key[len("max_share_"):]] = share
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
