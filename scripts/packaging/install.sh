#!/bin/sh
# Installs evaldesk from this folder with no network: a virtualenv in ~/.local/share/evaldesk/venv, the command
# ~/.local/bin/evaldesk, and a menu entry with its icon. Needs Python 3.11, 3.12 or 3.13 (python3 -V).
# Usage: sh install.sh [python3.11]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PYTHON=${1:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)' 2>/dev/null; then
  echo "需要 Python 3.11、3.12 或 3.13（现有：$("$PYTHON" -V 2>&1 || echo 无)）。没有合适的 Python 时请改用离线程序包（evaldesk-*-linux-x86_64.tar.gz）。" >&2
  exit 1
fi
TARGET=${EVALDESK_VENV:-$HOME/.local/share/evaldesk/venv}
"$PYTHON" -m venv "$TARGET"
"$TARGET/bin/python" -m pip install --no-index --find-links "$HERE" --quiet evaldesk
mkdir -p "$HOME/.local/bin" "$HOME/.local/share/applications"
ln -sf "$TARGET/bin/evaldesk" "$HOME/.local/bin/evaldesk"
ln -sf "$TARGET/bin/evaldesk-cli" "$HOME/.local/bin/evaldesk-cli"
ICON=$("$TARGET/bin/python" -c 'from evaldesk.resources import ICON; print(ICON)')
sed -e "s|@EXEC@|$TARGET/bin/evaldesk|" -e "s|@ICON@|$ICON|" "$HERE/evaldesk.desktop" \
  > "$HOME/.local/share/applications/evaldesk.desktop"
echo "已安装：$("$TARGET/bin/evaldesk-cli" --version)。从应用菜单“办公”中打开，或运行 ~/.local/bin/evaldesk"
