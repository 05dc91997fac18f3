#!/bin/sh
# The workbook's page fill in LibreOffice under three sets of fonts (benchmarks/workbook_fill.py under each), on a
# Chinese desktop (zh_CN locale), seen through a private fontconfig that shows LibreOffice only:
#   plain   — DejaVu and the fonts evaldesk ships (resources/fonts): no Calibri, no Carlito, no Chinese system font;
#   carlito — the same and Carlito (Debian fonts-crosextra-carlito, installed in /usr/share/fonts/truetype/crosextra);
#   cjk     — plain, with 宋体/SimSun taken as the shipped Noto Sans SC, as a Chinese distribution's font rules do.
# Needs soffice, pdftoppm is not needed. Usage, from the worktree:  sh benchmarks/workbook_fonts.sh [OUT_FOLDER]
set -e
out=${1:-$(mktemp -d)}
fonts=$(cd "$(dirname "$0")/.." && pwd)/resources/fonts
python=${PYTHON:-/work/main/.venv/bin/python}
for set in plain carlito cjk; do
  mkdir -p "$out/$set/cache"
  extra=""
  [ "$set" = carlito ] && extra="<dir>/usr/share/fonts/truetype/crosextra</dir>"
  [ "$set" = cjk ] && extra="<alias binding=\"same\"><family>宋体</family><prefer><family>Noto Sans SC</family></prefer></alias>
  <alias binding=\"same\"><family>SimSun</family><prefer><family>Noto Sans SC</family></prefer></alias>"
  cat > "$out/$set/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <dir>$fonts</dir>
  $extra
  <cachedir>$out/$set/cache</cachedir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
CONF
  echo "== $set"
  LANG=zh_CN.UTF-8 FC_LANG=zh-cn FONTCONFIG_FILE="$out/$set/fonts.conf" "$python" benchmarks/workbook_fill.py "$out/$set"
done
