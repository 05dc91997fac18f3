"""Chinese typing on a fcitx desktop (统信UOS, 银河麒麟, most Chinese Linux desktops), chosen before Qt starts.

Qt 6 reaches an input method only through a platform input-context plugin, and PySide6's wheels carry only the
ibus and compose ones. A fcitx desktop sets QT_IM_MODULE=fcitx: with no fcitx plugin, Qt falls back to no input
method and the filler cannot type Chinese. fcitx 5 also answers the ibus protocol (its ibusfrontend addon, on by
default) through the session bus's org.freedesktop.portal.IBus: so, when the desktop asks for fcitx and no fcitx
plugin is there, the window uses Qt's ibus plugin through that portal. Proven with Debian's fcitx5 and its pinyin
(tests/packaging/test_fcitx.py); fcitx 4 has no ibus frontend, so there this changes nothing (docs/platforms.md).
No Qt import here: it must run before the QApplication exists.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path


def _has_fcitx_plugin() -> bool:
    spec = importlib.util.find_spec("PySide6")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if any((Path(location) / "Qt" / "plugins" / "platforminputcontexts").glob("*fcitx*")):
            return True
    return False


def reach_fcitx_through_ibus(environ=os.environ) -> bool:
    """Point Qt at fcitx 5's ibus portal when the desktop asks for fcitx that Qt cannot load; True if it did."""
    module = environ.get("QT_IM_MODULE", "").lower()
    asks_fcitx = module.startswith("fcitx") or (not module and "fcitx" in environ.get("XMODIFIERS", ""))
    if not asks_fcitx or _has_fcitx_plugin():
        return False
    environ["QT_IM_MODULE"] = "ibus"
    environ.setdefault("IBUS_USE_PORTAL", "1")
    return True
