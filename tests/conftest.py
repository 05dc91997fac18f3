"""Shared test set-up: a private data folder per test, Qt offscreen, the reference sample at hand."""

import os

# Plain assignment (not setdefault): a developer's DISPLAY must not pull tests onto a real screen. The offscreen
# screens (Qt's offscreen default is one of 800×600) are the office PCs': "office", 1366×768, the primary one every
# window opens on, and "small", 1280×720, beside it — tests/ui/conftest.py's ``move_to_screen`` puts a window there.
SCREEN = os.path.join(os.path.dirname(__file__), "screens.json")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"

import pytest

from evaldesk.exchange.report_json import read_json
from evaldesk.resources import SAMPLE_REPORT


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path, monkeypatch):
    """Every test gets its own data folder, so nothing touches the developer's real reports."""
    home = tmp_path / "evaldesk-home"
    monkeypatch.setenv("EVALDESK_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return home


@pytest.fixture
def sample():
    """A fresh copy of the reference report (岳阳市云溪区委编办, 2021), not stored anywhere."""
    return read_json(SAMPLE_REPORT)


@pytest.fixture
def store(tmp_path):
    from evaldesk.datafile.store import Store

    opened = Store(tmp_path / "test.sqlite")
    yield opened
    opened.close()
