"""Chinese typed through fcitx 5 reaches the window and the data file, as on a 统信/麒麟 desktop with fcitx 5.

A real desktop in miniature: Xvfb, a D-Bus session (dbus-run-session), Debian's fcitx5 with its pinyin engine
(fcitx5-chinese-addons), QT_IM_MODULE=fcitx as such a desktop sets it. The window (ime_window.py) focuses the
cover's 部门（单位）名称; xdotool types "nihao" and a space, as a filler would; 你好 must arrive in the field and in
the data file. Skipped only when one of those programs is missing (make system-deps installs them)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from evaldesk.ui.input_method import reach_fcitx_through_ibus

TOOLS = ("xvfb-run", "dbus-run-session", "dbus-send", "fcitx5", "xdotool")
PINYIN = Path("/usr/share/fcitx5/addon/pinyin.conf")
missing = [tool for tool in TOOLS if shutil.which(tool) is None] + ([] if PINYIN.exists() else ["pinyin addon"])

PROFILE = """[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
"""
# each new input context starts in pinyin, as a filler's does once they switched to it (Ctrl+Space)
CONFIG = "[Behavior]\nActiveByDefault=True\n"

# Inside Xvfb and the D-Bus session: fcitx5 until its ibus portal is on the bus, the window until its field has
# the focus, then the keys. Every wait is for a condition, bounded.
SESSION = r"""
fcitx5 > "$T/fcitx5.log" 2>&1 &
fcitx=$!
for i in $(seq 300); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.freedesktop.portal.IBus 2>/dev/null | grep -q true && break
  sleep 0.1
done
"$PYTHON" "$WINDOW" "$T/report.sqlite" > "$T/window.log" 2>&1 &
window=$!
for i in $(seq 1200); do grep -q READY "$T/window.log" && break; kill -0 $window 2>/dev/null || break; sleep 0.1; done
xdotool type --delay 80 nihao
xdotool key space
for i in $(seq 600); do kill -0 $window 2>/dev/null || break; sleep 0.1; done
kill $window $fcitx 2>/dev/null
cat "$T/window.log"
"""


def test_a_fcitx_desktop_is_reached_through_the_ibus_portal_when_no_fcitx_plugin_is_there():
    environ = {"QT_IM_MODULE": "fcitx"}
    assert reach_fcitx_through_ibus(environ)
    assert environ == {"QT_IM_MODULE": "ibus", "IBUS_USE_PORTAL": "1"}
    for desktop in ({"QT_IM_MODULE": "ibus"}, {}, {"XMODIFIERS": "@im=ibus"}):
        unchanged = dict(desktop)
        assert not reach_fcitx_through_ibus(desktop) and desktop == unchanged


@pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)} (make system-deps)")
def test_pinyin_typed_with_fcitx5_is_stored_as_chinese(tmp_path):
    home = tmp_path / "home"
    (home / ".config" / "fcitx5").mkdir(parents=True)
    (home / ".config" / "fcitx5" / "profile").write_text(PROFILE)
    (home / ".config" / "fcitx5" / "config").write_text(CONFIG)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "IBUS_", "DBUS_", "XDG_", "GTK_")) and k not in ("DISPLAY", "XMODIFIERS")}
    env |= {"HOME": str(home), "XDG_RUNTIME_DIR": str(runtime), "EVALDESK_HOME": str(tmp_path / "data"),
            "QT_IM_MODULE": "fcitx", "XMODIFIERS": "@im=fcitx", "LANG": "C.UTF-8", "QT_LOGGING_RULES": "qt.qpa.input.methods=true",
            "PYTHONPATH": str(Path(__file__).resolve().parents[2]),  # this checkout's evaldesk
            "T": str(tmp_path), "PYTHON": sys.executable, "WINDOW": str(Path(__file__).with_name("ime_window.py"))}
    db = tmp_path / "report.sqlite"
    subprocess.run([sys.executable, "-c", "import sys; from evaldesk.cli import main; sys.exit(main())",
                    "--db", str(db), "new", "--year", "2024"], env=env, check=True, capture_output=True, timeout=120)

    session = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "dbus-run-session", "--",
                              "bash", "-c", SESSION], env=env, capture_output=True, text=True, timeout=300)

    log = session.stdout + session.stderr
    assert "READY" in log, log[-3000:]
    assert "TYPED 你好" in log, log[-3000:] + (tmp_path / "fcitx5.log").read_text()[-2000:]
    with sqlite3.connect(db) as data:
        stored = "\n".join(data.iterdump())
    assert "你好" in stored
