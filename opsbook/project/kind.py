"""The project kind as the registry sees it: sheets, settings, rules, codes, sample."""

from __future__ import annotations

from opsbook.core.kind import Kind
from opsbook.project.codes import CODES
from opsbook.project.rules import RULES
from opsbook.project.sample import sample_frames
from opsbook.project.schema import ACTIONS, PROJECTS, RISKS, TASKS
from opsbook.project.settings import ProjectSettings

KIND = Kind(
    "project", "Project Tracker", "项目管理",
    (PROJECTS, TASKS, RISKS, ACTIONS), ProjectSettings, RULES,
    instructions_en=(
        "Projects: one row per project with its phase, baseline dates and budget (BAC).",
        "Tasks: the work breakdown (WBS) with planned and actual dates, % complete and costs.",
        "Risks: probability and impact from 1 to 5, owner and mitigation.",
        "Actions: a corrective action with an owner for every deviation.",
        "Settings: status date and SPI/CPI thresholds; blank means default.",
    ),
    instructions_zh=(
        "项目：每个项目一行，填写阶段（启动/规划/执行/监控/收尾）、计划日期和预算。",
        "任务：任务分解（WBS），填写计划与实际日期、完成百分比、计划与实际成本。",
        "风险：可能性和影响按 1–5 评分，填写负责人和应对措施。",
        "纠正措施：对每项偏差制定纠正措施并指定负责人。",
        "设置：状态日期与 SPI/CPI 阈值；留空即用默认值。",
    ),
    codes=CODES,
    sample=sample_frames,
)
