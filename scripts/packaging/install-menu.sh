#!/bin/sh
# Puts this unpacked program in the desktop's application menu (统信UOS, 银河麒麟, any freedesktop desktop) and on
# the desktop, with its icon. No network, no root: everything goes under ~/.local/share and ~/Desktop. The entry
# starts evaldesk.sh, which explains a system too old instead of showing nothing.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$HOME/.local/share/applications"
sed -e "s|@EXEC@|\"$HERE/evaldesk.sh\"|" -e "s|@ICON@|$HERE/_internal/evaldesk/_resources/icons/evaldesk.png|" \
  "$HERE/evaldesk.desktop" > "$HOME/.local/share/applications/evaldesk.desktop"
for desktop in "$HOME/Desktop" "$HOME/桌面"; do
  if [ -d "$desktop" ]; then
    cp "$HOME/.local/share/applications/evaldesk.desktop" "$desktop/evaldesk.desktop"
    chmod +x "$desktop/evaldesk.desktop"
  fi
done
echo "已加入应用菜单（办公）：部门整体支出绩效评价自评"
