"""The Risks sheet: risks ranked by probability × impact, a 5 × 5 heat map beside them."""

from __future__ import annotations

from opsbook.core.output import SheetOut
from opsbook.project.compute import ProjectResult
from opsbook.project.risks import HIGH, MEDIUM
from opsbook.project.tables import table
from opsbook.project.texts import OUTPUTS, pick

COLUMNS = ["rank", "project_id", "project_name", "risk_id", "description", "probability",
           "impact", "score", "level", "owner", "mitigation", "status"]
LEVEL_FILL = {"low": "C6EFCE", "medium": "FFEB9C", "high": "FFC7CE"}
#: Stronger colours for heat-map cells that hold risks.
HEAT_FILL = {"low": "63BE7B", "medium": "FFC000", "high": "F8696B"}


def _level(score: int) -> str:
    return "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"


def risks_sheet(result: ProjectResult, lang: str) -> SheetOut:
    """Ranked risks (open first) and, two columns to their right, the heat map: rows
    probability 5 … 1, columns impact 1 … 5, each cell the number of open risks, filled by
    the level of its score."""
    ranked = result.risks
    name = pick(OUTPUTS["risks"], lang)
    live = int(ranked["open"].sum())
    title = (f"风险：{len(ranked)} 项，未关闭 {live} 项，按可能性×影响排序" if lang == "zh" else
             f"Risks: {len(ranked)}, {live} open, ranked by probability × impact")
    # several trackers may each have a risk R-1: the file tells them apart
    columns = [*(["source"] if result.config.index.nunique() > 1 else []), *COLUMNS]
    out = table(name, title, ranked, columns, lang, key_columns=columns.index("risk_id") + 1)
    out.filter_columns = len(columns)  # sorting the risks never moves the heat map
    level_col = columns.index("level")
    for offset, level in enumerate(ranked["level"]):
        if level in LEVEL_FILL:
            out.fills[(offset, level_col)] = LEVEL_FILL[level]
    start = len(columns) + 1
    corner = "可能性 ↓ 影响 →" if lang == "zh" else "Probability ↓ Impact →"
    out.headers += ["", corner, *[str(i) for i in range(1, 6)]]
    out.formats += [""] * 7
    out.widths += [3, 14 if lang == "en" else 16, *[6] * 5]
    width = len(out.headers)
    while len(out.rows) < 6:
        out.rows.append([None] * len(columns))
    for row in out.rows:
        row.extend([None] * (width - len(row)))
    for r, probability in enumerate(result.heat.index):
        out.rows[r][start] = int(probability)
        for c, impact in enumerate(result.heat.columns):
            count = int(result.heat.loc[probability, impact])
            level = _level(int(probability) * int(impact))
            out.rows[r][start + 1 + c] = count or None
            out.fills[(r, start + 1 + c)] = (HEAT_FILL if count else LEVEL_FILL)[level]
    out.rows[5][start] = "未关闭风险数" if lang == "zh" else "open risks per cell"
    out.empty = "没有风险。" if lang == "zh" else "No risks."
    if ranked.empty:  # the heat map's rows are there: say it where the first risk would be
        out.rows[0][0] = out.empty
    out.notes = (["热力图：格内数字为未关闭风险数；风险值 ≥ 15 为高（红），5–12 为中（黄），"
                  "≤ 4 为低（绿）。"] if lang == "zh" else
                 ["Heat map: each cell counts open risks; score ≥ 15 high (red), 5–12 medium "
                  "(amber), ≤ 4 low (green)."])
    unscored = ranked[ranked["open"] & ranked["score"].isna()]
    if len(unscored):  # said, or the heat map would count fewer risks than the title
        named = unscored["risk_id"].astype(str)
        if ranked["risk_id"].astype(str).duplicated().any():  # R-1 of two trackers: whose
            named = unscored["project_id"].astype(str) + " " + named
        ids = ("、" if lang == "zh" else ", ").join(named)
        out.notes.append(
            f"{len(unscored)} 项未关闭风险缺少可能性或影响，无法评分：排在最后，不计入热力图"
            f"（{ids}）。" if lang == "zh" else
            f"{len(unscored)} open risk(s) without a probability or an impact cannot be "
            f"scored: ranked last and left out of the heat map ({ids}).")
    return out
