#!/bin/sh
# What the menu entry starts (install-menu.sh). Launched from a menu, a program the system cannot load shows
# nothing at all: on a system older than glibc 2.28, or one missing a library Qt needs, this says why instead.
HERE=$(cd "$(dirname "$0")" && pwd)
NEED=2.28

show() {  # a message box with whatever the desktop has, and the terminal
  echo "$1" >&2
  if command -v zenity >/dev/null 2>&1; then zenity --error --title=evaldesk --text="$1"
  elif command -v kdialog >/dev/null 2>&1; then kdialog --title evaldesk --error "$1"
  elif command -v notify-send >/dev/null 2>&1; then notify-send -u critical evaldesk "$1"
  elif command -v xmessage >/dev/null 2>&1; then xmessage -center "$1"
  fi
}

HAVE=$(getconf GNU_LIBC_VERSION 2>/dev/null | sed 's/^glibc //')
if [ -n "$HAVE" ] && [ "$(printf '%s\n%s\n' "$NEED" "$HAVE" | sort -V | head -n 1)" != "$NEED" ]; then
  show "evaldesk 需要 glibc $NEED 或更新的 Linux（统信UOS 20、银河麒麟 V10、Debian 10 及以后）；本机为 glibc $HAVE，无法运行。请联系系统管理员更换系统或计算机。"
  exit 1
fi
MISSING=$(ldd "$HERE/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" 2>/dev/null | sed -n 's/^[[:space:]]*\([^ ]*\) => not found.*/\1/p' | tr '\n' ' ')
if [ -n "$MISSING" ]; then
  show "evaldesk 缺少系统库：$MISSING。请系统管理员安装后再打开（统信/麒麟的软件包名一般与库名相近，如 libxcb-cursor0）。"
  exit 1
fi
exec "$HERE/evaldesk" "$@"
