#!/usr/bin/env bash
# Runs every Fyren test, on a fresh machine too: first installs what the
# tests need and is missing (Debian's Chromium and ChromeDriver for the
# browser tests), then runs the Maven wrapper. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
# Thai glyphs, so the widget's Thai screenshots show text rather than boxes.
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=th | grep -q .; } || missing+=(fonts-thai-tlwg)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the browser tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec ./mvnw -B verify "$@"
