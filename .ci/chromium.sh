#!/usr/bin/env bash
# Installs (if needed) Debian's headless Chromium, its WebDriver (chromium-driver, the same version from
# the same archive: Selenium is given /usr/bin/chromedriver and downloads nothing) and a CJK font, so that
# the browser tests (ReportBrowserIT, the portal's) and jobs/screenshot render the Chinese text instead
# of empty boxes.
# Idempotent; prints what it found and how long it took. Fails when either is still missing.
set -euo pipefail
started=$(date +%s%N)
export DEBIAN_FRONTEND=noninteractive
browser() { command -v chromium || command -v chromium-browser || true; }
cjk_fonts() { fc-list :lang=zh family 2>/dev/null | wc -l; }
if [ -z "$(browser)" ] || ! command -v chromedriver >/dev/null || ! command -v fc-list >/dev/null || [ "$(cjk_fonts)" -eq 0 ]; then
  apt-get update -qq
  # wqy-microhei is 1.6 MB against noto-cjk's 57 MB, and renders every character the reports use
  apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-microhei fontconfig >/dev/null
fi
bin="$(browser)"
[ -n "$bin" ] || { echo "chromium is not installed" >&2; exit 1; }
command -v chromedriver >/dev/null || { echo "chromium-driver is not installed" >&2; exit 1; }
[ "$(cjk_fonts)" -gt 0 ] || { echo "no font with Chinese glyphs is installed (fc-list :lang=zh)" >&2; exit 1; }
version="$("$bin" --version 2>/dev/null | grep -v 'unexpected operator' | head -1)"
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "$version at $bin, $(cjk_fonts) CJK font faces, ready in ${elapsed_ms} ms"
