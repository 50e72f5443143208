#!/usr/bin/env bash
# Installs the system packages the project needs on a fresh Debian machine (idempotent: installs only what is
# missing). Called by scripts/run.sh and scripts/test.sh; safe to run by hand.
set -euo pipefail

packages=(
  sqlite3                 # the sqlite3 shell, to inspect the demo database; the app itself bundles SQLite
  fonts-arphic-gbsn00lp   # 宋体 (AR PL SungtiL GB, gbsn00lp.ttf): the body face of contract PDFs
  fonts-droid-fallback    # sans/黑体 face with wide coverage: headings and rare characters in names
  poppler-utils           # pdftotext, pdffonts, pdftoppm: the document tests read the PDFs back with these
  chromium                # the browser tests drive Debian's Chromium headless (Playwright cannot download its own here)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The web project installs Apache ECharts, and the web tests axe-core, from the npm registry when they build.
if ! command -v npm >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing nodejs npm"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (https://dotnet.microsoft.com/download)"; exit 1; }
