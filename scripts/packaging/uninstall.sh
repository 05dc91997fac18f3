#!/bin/sh
# Removes the evaldesk program installed by install.sh: its virtualenv (~/.local/lib/evaldesk), the commands in
# ~/.local/bin and the menu entry. Never the data: ~/.local/share/evaldesk (evaldesk.sqlite, its backups) stays,
# and this says where it is. Usage: sh uninstall.sh
set -eu
TARGET=${EVALDESK_VENV:-$HOME/.local/lib/evaldesk}
for program in "$TARGET" "$HOME/.local/share/evaldesk/venv"; do
  if [ -f "$program/pyvenv.cfg" ]; then rm -rf "$program"; fi  # only a virtualenv: never a folder of data
done
for command in evaldesk evaldesk-cli; do
  link="$HOME/.local/bin/$command"
  case "$(readlink "$link" 2>/dev/null || true)" in
    */evaldesk/bin/$command|*/evaldesk/venv/bin/$command) rm -f "$link" ;;
  esac
done
if grep -qs "evaldesk/bin/evaldesk\|evaldesk/venv/bin/evaldesk" "$HOME/.local/share/applications/evaldesk.desktop"; then
  rm -f "$HOME/.local/share/applications/evaldesk.desktop"
fi
echo "已卸载 evaldesk 程序。数据未删除：${XDG_DATA_HOME:-$HOME/.local/share}/evaldesk（确认不再需要后可自行删除）。"
