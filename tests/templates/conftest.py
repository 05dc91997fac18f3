"""Fixtures for template tests: the Yunxi sheet's data, and a way to count what the data file holds."""

import copy

import pytest

from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template


@pytest.fixture
def yunxi_data():
    return copy.deepcopy(builtin_template(DEFAULT_TEMPLATE_ID).data)


@pytest.fixture
def stored_templates(store):
    """How many templates the data file holds right now (to prove a refusal stored nothing)."""
    return lambda: len(store.saved_templates())
