"""Fields shared by several kinds."""

from __future__ import annotations

from opsbook.core.spec import Field, ident, text

EMPLOYEE_ID = ident("employee_id", "Employee ID", "工号", required=True, unique=True,
                    aliases=("staff id", "emp id", "员工编号", "员工工号"), width=12)
NAME = text("name", "Name", "姓名", required=True, aliases=("员工姓名",), width=12)
DEPARTMENT = text("department", "Department", "部门", required=True, aliases=("所属部门",))


def employee_ref(**kw) -> Field:
    """An employee_id column that must name an employee of the Employees sheet."""
    return ident("employee_id", "Employee ID", "工号", ref="Employees.employee_id",
                 aliases=("staff id", "emp id", "员工编号", "员工工号"), width=12, **kw)
