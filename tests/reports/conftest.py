"""Fixtures for the report tests: the small cycle's summary and detail sheets."""

from __future__ import annotations

import pytest

from opsbook.core.output import SheetOut
from opsbook.core.summary import Summary
from reports.smallcycle import made


@pytest.fixture(scope="module")
def zh_report() -> tuple[Summary, list[SheetOut]]:
    return made("zh")


@pytest.fixture(scope="module")
def en_report() -> tuple[Summary, list[SheetOut]]:
    return made("en")
