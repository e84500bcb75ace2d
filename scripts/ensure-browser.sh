#!/usr/bin/env bash
# Make sure a Chromium exists for the browser tests, installing one if we can.
# The tests find it the same way (hooks/studykit/tools/browser.py): $CHROMIUM, then the usual names on PATH,
# then Playwright's own download.
set -euo pipefail

for candidate in "${CHROMIUM:-}" chromium chromium-browser google-chrome google-chrome-stable; do
  if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1; then
    exit 0
  fi
done

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && exit 0
fi

echo "Trying Playwright's Chromium download..."
if .venv/bin/python -m playwright install chromium; then
  exit 0
fi

cat >&2 <<'MSG'
No Chromium for the browser tests, and none could be installed.
Install one and run `make test` again, for example:
  - Debian/Ubuntu:  sudo apt-get install chromium
  - macOS:          brew install --cask chromium
  - anywhere:       .venv/bin/python -m playwright install chromium
or point CHROMIUM at an existing Chrome or Chromium binary.
MSG
exit 1
