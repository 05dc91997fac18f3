"""The licence notices: NOTICE.txt (shown in 关于, carried by the wheel and the program folder) is what
scripts/packaging/licences.py makes from the installed pinned distributions, names Qt's LGPL-3.0, and the full
LGPL-3.0 / GPL-3.0 texts are there beside it."""

from __future__ import annotations

import sys
from pathlib import Path

from evaldesk.resources import RESOURCES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "packaging"))
import licences  # noqa: E402


def test_the_notice_is_what_the_script_makes_from_the_installed_distributions():
    shipped = (RESOURCES / "licenses" / "NOTICE.txt").read_text(encoding="utf-8")
    assert shipped == licences.notice(), "run: python scripts/packaging/licences.py --notice resources/licenses/NOTICE.txt"


def test_the_notice_names_every_runtime_distribution_and_qt_s_licence_with_its_full_text():
    shipped = (RESOURCES / "licenses" / "NOTICE.txt").read_text(encoding="utf-8")
    for distribution in licences.runtime_distributions():
        assert f"{distribution.metadata['Name']} {distribution.version}：" in shipped
    assert "PySide6_Essentials 6.9.3：LGPL-3.0-only OR" in shipped and "本程序按 LGPL-3.0-only 使用" in shipped
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (RESOURCES / "licenses" / "LGPL-3.txt").read_text()
    assert "GNU GENERAL PUBLIC LICENSE" in (RESOURCES / "licenses" / "GPL-3.txt").read_text()


def test_about_lists_the_licences():
    from evaldesk.ui.help import licence_notice

    text = licence_notice()
    assert "LGPL-3.0" in text and "PSF" in text and "SQLAlchemy" in text and str(RESOURCES / "licenses") in text
