#!/usr/bin/env bash
# Runs the whole test suite. Browser tests need Debian's Chromium and
# ChromeDriver; they are installed here when missing (as root) .
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "Browser tests need Chromium: sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
fi
cargo test --locked "$@"
