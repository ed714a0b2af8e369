#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) for the
# home page, an article, the numbers page, the glossary and the local-government
# guide, with Debian's Chromium.
# Usage: scripts/lighthouse.sh   (installs the pinned Lighthouse on first run)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d scripts/lighthouse/node_modules/lighthouse ] || npm ci --prefix scripts/lighthouse --no-audit --no-fund
cargo build --release --quiet
port=${PORT:-18555}
out=$(mktemp -d)
# built for the address it is served at, as a deployed site is (absolute
# canonical and hreflang links)
target/release/minsheng build --out "$out/site" --base-url "http://127.0.0.1:$port/" >/dev/null
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out/site" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
sleep 1
printf '| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|\n'
for page in "/" "/en/jiangbei-shishi-minshengliqu-xingdong/" "/en/numbers/" "/en/glossary/" "/en/local-government/"; do
  CHROME_PATH=/usr/bin/chromium node scripts/lighthouse/node_modules/lighthouse/cli/index.js \
    "http://127.0.0.1:$port$page" --quiet --output=json --output-path="$out/report.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" >/dev/null 2>&1
  python3 - "$out/report.json" "$page" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
c = report["categories"]
score = lambda k: round(c[k]["score"] * 100)
print(f"| `{sys.argv[2]}` | {score('performance')} | {score('accessibility')} | {score('best-practices')} | {score('seo')} |")
PY
done
