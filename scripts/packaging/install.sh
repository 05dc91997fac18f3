#!/bin/sh
# Installs or upgrades evaldesk from this folder with no network. The program (a virtualenv) goes to
# ~/.local/lib/evaldesk, apart from the data (~/.local/share/evaldesk/evaldesk.sqlite and its backups), which an
# install, an upgrade or uninstall.sh never touches. Also the commands ~/.local/bin/evaldesk and evaldesk-cli, and a
# menu entry with its icon. Needs Python 3.11, 3.12 or 3.13 (python3 -V).
# Usage: sh install.sh [python3.11]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PYTHON=${1:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)' 2>/dev/null; then
  echo "需要 Python 3.11、3.12 或 3.13（现有：$("$PYTHON" -V 2>&1 || echo 无)）。没有合适的 Python 时请改用离线程序包（evaldesk-*-linux-x86_64-glibc2.28.tar.gz）。" >&2
  exit 1
fi
if [ -f "$HERE/SHA256SUMS" ] && command -v sha256sum >/dev/null 2>&1; then  # a USB copy can come out short
  echo "正在校验文件……"
  if ! (cd "$HERE" && sha256sum --quiet -c SHA256SUMS); then
    echo "本文件夹中有文件损坏或不全（SHA256SUMS 校验未通过），请从原盘重新复制整个文件夹。" >&2
    exit 1
  fi
fi
TARGET=${EVALDESK_VENV:-$HOME/.local/lib/evaldesk}
OLD_VENV=$HOME/.local/share/evaldesk/venv  # where 0.1.0 put the program, inside the data folder
BEFORE=""
for old in "$TARGET" "$OLD_VENV"; do
  if [ -z "$BEFORE" ] && [ -x "$old/bin/evaldesk-cli" ]; then BEFORE=$("$old/bin/evaldesk-cli" --version 2>/dev/null || true); fi
done

# A fresh virtualenv (the Python may have changed since the last install); the old program is kept aside until the
# new one answers, and put back if it does not: a failed upgrade leaves the old program as it was.
mkdir -p "$(dirname "$TARGET")"
rm -rf "$TARGET.old"
if [ -d "$TARGET" ]; then mv "$TARGET" "$TARGET.old"; fi
echo "正在安装 evaldesk（约 1 分钟，请稍候）……"
"$PYTHON" -m venv "$TARGET"
# shellcheck disable=SC2086  # EVALDESK_PIP_OPTIONS: extra pip options, word-split on purpose
"$TARGET/bin/python" -m pip install --no-index --find-links "$HERE" --upgrade --progress-bar off \
  --disable-pip-version-check ${EVALDESK_PIP_OPTIONS:-} evaldesk 2>&1 | grep -E '^(Processing|Successfully|ERROR)' || true
if ! AFTER=$("$TARGET/bin/evaldesk-cli" --version 2>/dev/null); then
  rm -rf "$TARGET"
  if [ -d "$TARGET.old" ]; then mv "$TARGET.old" "$TARGET"; fi
  echo "安装失败：本文件夹中的 wheel 无法装入 $("$PYTHON" -V 2>&1)。原有程序未改动。" >&2
  exit 1
fi
rm -rf "$TARGET.old"
if [ -f "$OLD_VENV/pyvenv.cfg" ]; then rm -rf "$OLD_VENV"; fi  # 0.1.0's program only: the data beside it stays

mkdir -p "$HOME/.local/bin" "$HOME/.local/share/applications"
ln -sf "$TARGET/bin/evaldesk" "$HOME/.local/bin/evaldesk"
ln -sf "$TARGET/bin/evaldesk-cli" "$HOME/.local/bin/evaldesk-cli"
cp "$HERE/uninstall.sh" "$TARGET/uninstall.sh" 2>/dev/null || true
ICON=$("$TARGET/bin/python" -c 'from evaldesk.resources import ICON; print(ICON)' 2>/dev/null || true)
sed -e "s|@EXEC@|\"$TARGET/bin/evaldesk\"|" -e "s|@ICON@|$ICON|" "$HERE/evaldesk.desktop" \
  > "$HOME/.local/share/applications/evaldesk.desktop"
if [ -n "$BEFORE" ] && [ "$BEFORE" != "$AFTER" ]; then
  echo "已升级：$BEFORE → $AFTER。数据文件未改动。"
else
  echo "已安装：$AFTER。"
fi
echo "从应用菜单“办公”中打开，或运行 ~/.local/bin/evaldesk。卸载：sh $TARGET/uninstall.sh（不删除数据）"
