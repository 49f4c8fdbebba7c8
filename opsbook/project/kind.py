"""The project kind as the registry sees it: sheets, settings, rules, codes, sample."""

from __future__ import annotations

from opsbook.core.kind import Kind
from opsbook.core.lazy import Lazy
from opsbook.project.codes import CODES
from opsbook.project.levels import level_words
from opsbook.project.rules import RULES
from opsbook.project.schema import ACTIONS, OUTPUTS, PROJECTS, RISKS, TASKS
from opsbook.project.settings import ProjectSettings
from opsbook.project.undated import unscheduled

KIND = Kind(
    "project", "Project Tracker", "项目管理",
    (PROJECTS, TASKS, RISKS, ACTIONS), ProjectSettings, RULES,
    prepare=(unscheduled, level_words),
    instructions_en=(
        "Projects: one row per project with its phase, baseline dates and budget (BAC).",
        "Tasks: the work breakdown (WBS) with planned and actual dates, % complete and costs.",
        "Risks: probability and impact from 1 to 5, owner and mitigation.",
        "Actions: a corrective action with an owner for every deviation.",
        "Settings: status date, SPI/CPI thresholds, EAC method, work days; blank means default.",
        "Validate checks every cell; Calculate adds the status, Gantt and risk sheets.",
    ),
    instructions_zh=(
        "项目：每个项目一行，填写阶段（启动/规划/执行/监控/收尾）、计划日期和预算。",
        "任务：任务分解（WBS），填写计划与实际日期、完成百分比、计划与实际成本。",
        "风险：可能性和影响按 1–5 评分，填写负责人和应对措施。",
        "纠正措施：对每项偏差制定纠正措施并指定负责人。",
        "设置：状态日期、SPI/CPI 阈值、完工估算方法、工作日；留空即用默认值。",
        "点击“校验”检查每个单元格；点击“计算”生成项目状态、甘特图和风险表。",
    ),
    codes=CODES,
    sample=Lazy("opsbook.project.sample:sample_frames"),
    calculate=Lazy("opsbook.project.calculate:calculate"),
    outputs=OUTPUTS,
    summary=Lazy("opsbook.project.summary:summary"),
    help={"calculate": (
        "Computes earned value as of the status date (PV, EV, AC, SPI, CPI, EAC …), the RAG "
        "status, deviations with their corrective actions, phase gates, a risk heat map and "
        "a Gantt chart, on new sheets; the data you entered is not changed.",
        "按状态日期计算挣值（PV、EV、AC、SPI、CPI、EAC 等）、红黄绿状态、偏差及纠正措施、"
        "阶段检查、风险热力图和甘特图，写入新的工作表；已填写的数据不会改动。")},
)
