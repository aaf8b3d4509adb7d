#!/usr/bin/env bash
# Regenerates the tab-bar icons in src/assets/tab (81×81 PNG, grey and WeChat green). Needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/../src/assets/tab"
for c in "7f7f7f:" "07c160:-active"; do
  col=${c%%:*}; suf=${c#*:}
  convert -size 81x81 xc:none -stroke "#$col" -strokewidth 5 -fill none -draw "polyline 14,40 40,16 67,40" -draw "rectangle 22,38 59,68" -draw "rectangle 35,50 46,68" "home$suf.png"
  convert -size 81x81 xc:none -stroke "#$col" -strokewidth 5 -fill none -draw "roundrectangle 10,24 71,66 8,8" -draw "polyline 28,24 33,14 48,14 53,24" -draw "circle 40.5,45 40.5,33" "report$suf.png"
  convert -size 81x81 xc:none -stroke "#$col" -strokewidth 5 -fill none -draw "circle 40.5,28 40.5,14" -draw "arc 14,44 67,96 180,360" "me$suf.png"
done
