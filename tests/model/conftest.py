import pytest

from evaldesk.model.report import new_report
from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template


@pytest.fixture
def blank_report():
    """A new 2021 report on the Yunxi sheet with the three placeholder units of part 二."""
    return new_report(2021, builtin_template(DEFAULT_TEMPLATE_ID), "测试单位")
