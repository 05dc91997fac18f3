"""Fixtures for scoring tests: the Yunxi 2021 sheet and a blank report on it."""

import copy

import pytest

from evaldesk.model.report import new_report
from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template


@pytest.fixture
def yunxi():
    return builtin_template(DEFAULT_TEMPLATE_ID)


@pytest.fixture
def yunxi_data(yunxi):
    """The Yunxi template's file content, to change one rule in a test."""
    return copy.deepcopy(yunxi.data)


@pytest.fixture
def blank(yunxi):
    """A new 2021 report on the Yunxi sheet: nothing typed yet, the three placeholder units of part 二."""
    return new_report(2021, yunxi, "测试单位")

