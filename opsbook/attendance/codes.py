"""Issue codes of the attendance workbook: a stable slug, its category and its messages."""

from __future__ import annotations

from opsbook.core.messages import Code

CODES: dict[str, Code] = {
    "approval-after-start": Code(
        "data",
        "Approved on {value}, after it started on {expected}; approval must come first.",
        "审批日期 {value} 晚于开始日期 {expected}；应经批准后方可休假或加班。",
    ),
    "leave-no-time": Code(
        "data",
        "'{column}' ({value}) is the same moment as '{other}': the request covers no time and "
        "counts as no leave. Give the moment the leave ends.",
        "“{column}”（{value}）与“{other}”为同一时刻：该申请不涵盖任何时间，不计为请假。"
        "请填写请假结束的时间。",
    ),
    "not-approved": Code(
        "data",
        "Request {value} is approved but {detail}.",
        "申请 {value} 状态为已批准，但{detail_zh}。",
    ),
    "employee-id-clash": Code(
        "data",
        "Employee ID {value} is {name} here but {first_name} in {first_file} (row "
        "{first_row}): the workbooks summarised together must give one person one ID; the "
        "two are counted as one.",
        "工号 {value} 在此处是 {name}，在 {first_file}（第 {first_row} 行）却是 {first_name}："
        "一起汇总的工作簿中，一人一号；两者被当作同一人计算。",
    ),
    "employee-listed-twice": Code(
        "data",
        "Employee {value} is {detail}, and {first_file} covers {months} too: for {months} "
        "they are counted once, as {first_file} lists them and under its settings, and this "
        "row is not used.",
        "员工 {value} {detail_zh}，该工作簿也涵盖 {months_zh}：{months_zh} 该员工只计算一次，按 "
        "{first_file} 所列的部门和其设置计算，此行不使用。",
    ),
    "request-conflict": Code(
        "data",
        "Request {value} differs in {fields} from its copy in {first_file} (row {first_row}): "
        "both rows are read as they are (the days under an approved one are leave or "
        "overtime); correct the one that is wrong.",
        "申请 {value} 的{fields_zh}与 {first_file}（第 {first_row} 行）中的同一申请不同："
        "两行均按原样读取（已批准的一行所涵盖的日期计为请假或加班）；请更正有误的一行。",
    ),
    "holiday-conflict": Code(
        "data",
        "{value} is a {kind} here but a {first_kind} in {first_file} (row {first_row}): the "
        "workbooks summarised together share one calendar, and the {first_kind} of "
        "{first_file} is used.",
        "{value} 在此处为“{kind_zh}”，在 {first_file}（第 {first_row} 行）却为"
        "“{first_kind_zh}”：一起汇总的工作簿共用一个日历，按 {first_file} 的“{first_kind_zh}”"
        "计算。",
    ),
    "duplicate-clock": Code(
        "data",
        "Employee {value} has more than one clock row on {date} (also row {other}); the "
        "earliest check-in and the latest check-out are used, and the day is listed.",
        "员工 {value} 在 {date} 有多条打卡记录（另见第 {other} 行）；取最早上班和最晚下班打卡，"
        "并列入违规记录。",
    ),
    "clock-outside-employment": Code(
        "data",
        "Employee {value} has a clock row on {date}, {detail} (Employees sheet); the day is "
        "counted all the same: check the dates.",
        "员工 {value} 在 {date} 有打卡记录，{detail_zh}（见员工表）；该日仍计入考勤，请核对日期。",
    ),
    "clock-outside-month": Code(
        "data",
        "{value} clock row(s) from {first} to {last} are outside {months} and are left out.",
        "{value} 条打卡记录（{first} 至 {last}）不在 {months_zh} 内，未计入。",
    ),
    "no-clock-data": Code(
        "data",
        "No clock data for {months}: nothing to summarise. Check the month setting and the "
        "dates of the Clock sheet, the Punches sheet and the punch exports.",
        "{months_zh} 没有任何打卡记录，无法汇总。请检查考勤月份设置，以及打卡记录、打卡明细和"
        "打卡导出文件中的日期。",
    ),
    "unknown-clock-ids": Code(
        "data",
        "The {value} clock row(s) or punch(es) for {months} are all of IDs no Employees sheet "
        "lists (such as {expected}); check these IDs against the Employees sheet.",
        "{months_zh} 的 {value} 条打卡记录所用工号（如 {expected_zh}）都不在员工表中；"
        "请对照员工表核对这些工号。",
    ),
    "no-month": Code(
        "data",
        "No month to summarise: the month setting is blank and no clock row has a date.",
        "无法确定考勤月份：月份设置为空，且打卡记录中没有日期。",
    ),
    "unknown-punch-name": Code(
        "data",
        "Name '{value}' matches no employee; the punches are left out.",
        "姓名“{value}”与任何员工都不匹配；相关打卡未计入。",
    ),
    "punch-without-employee": Code(
        "data",
        "A punch on a row with neither an employee ID nor a name: whose it is cannot be told, "
        "and it is left out. Fill in the employee.",
        "该行有打卡，但工号和姓名均为空：无法确定是谁的打卡，未计入。请填写员工。",
    ),
    "ambiguous-punch-name": Code(
        "data",
        "Name '{value}' matches several employees ({expected}); the punches are left out. "
        "Add the employee ID to the export.",
        "姓名“{value}”对应多名员工（{expected_zh}）；相关打卡未计入。请在导出中包含工号。",
    ),
    "no-clock-sheet": Code(
        "structure",
        "No Clock sheet and no Punches sheet: the clock data can only come from a punch "
        "export (--punches).",
        "没有“打卡记录”表，也没有“打卡明细”表：打卡数据只能来自打卡导出文件（--punches）。",
    ),
    "punch-without-date": Code(  # {detail}: why there is no date (see punch_cells.NO_DATE)
        "data",
        "'{column}': '{value}' {detail}, so its day is unknown and it is left out; write "
        "the date year first with the time (2026-11-03 08:58) or fill in a Date column.",
        "“{column}”：“{value}”{detail_zh}，无法确定是哪一天，未计入；请按年份在前的形式写成带"
        "日期的时间（2026-11-03 08:58）或填写“日期”列。",
    ),
    "no-punches": Code(
        "data",
        "The export has punch columns but not one punch under them: nothing of it is "
        "counted.",
        "导出文件有打卡列，但其中没有任何打卡记录：未计入任何数据。",
    ),
    "punch-export-text": Code(
        "file",
        "{detail} cannot be read as a punch export: open it in Excel and save it as .xlsx, its "
        "columns as they are, then give that file to --punches.",
        "{detail_zh}无法作为打卡导出文件读取：请用 Excel 打开并另存为 .xlsx（各列保持原样），"
        "再用 --punches 指定该文件。",
    ),
    "no-attendance-read": Code(
        "file",
        "No attendance workbook could be read: every file given was skipped (see above); no "
        "summary workbook is written.",
        "没有可读取的考勤工作簿：所给文件均已跳过（见上文）；未生成考勤汇总工作簿。",
    ),
    "punch-export-as-workbook": Code(
        "file",
        "This file holds punches (sheet '{sheet}') and no sheet of an attendance workbook "
        "(Employees, Clock, Leave …): it is a punch export. Give it with --punches, beside "
        "the workbook that lists the employees: opsbook attendance summarize WORKBOOK "
        "--punches {name} -o OUT.",
        "该文件含打卡数据（工作表“{sheet}”），但没有考勤工作簿的工作表（员工、打卡记录、请假等）："
        "这是打卡导出文件。请用 --punches 指定它，并同时给出列有员工的考勤工作簿：opsbook "
        "attendance summarize 工作簿 --punches {name} -o 输出文件。",
    ),
    "no-punch-columns": Code(
        "structure",
        "No punch columns found: expected an employee (ID or name) and a punch time "
        "(such as {expected}).",
        "未找到打卡列：应包含员工（工号或姓名）和打卡时间（如 {expected_zh}）。",
    ),
}
