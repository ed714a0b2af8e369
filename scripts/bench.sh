#!/usr/bin/env bash
# Builds generated bilingual corpora with minsheng and with Hugo, alternately,
# on the same machine, and prints medians and ratios (wall, CPU, peak memory).
#   scripts/bench.sh [N ...]       default: 1000 10000 (articles; pages = 2N)
#   RUNS=5 scripts/bench.sh 50000  more runs, a larger corpus
# Per corpus it also builds the minsheng site again with the search index on,
# and reports what the index adds. Then it times the real site (the full
# default build: minified, with the search index; cold and no-change rebuild)
# and, unless LATENCY=0, the save → reload latency of `serve --watch` on the
# real site and on the largest corpus of 10,000 articles or fewer.
# The corpus generator and the Hugo site are bench/gen_corpus.py and
# bench/hugo-site, copies of the shared benchmark harness (override
# with BENCH_DIR). Output goes to tmpfs (/dev/shm) when available. Reports only:
# it never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
bench_dir=${BENCH_DIR:-bench}
runs=${RUNS:-3}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work=$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}" )/minsheng-bench
mkdir -p "$work"
cargo build --release --quiet
minsheng=$PWD/target/release/minsheng
have_hugo=$(command -v hugo >/dev/null && echo yes || echo no)

# one timed run: prints "wall user+sys maxrss_kb"
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>&1
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$log"
  rm -f "$log"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

search_rows=()
latency_corpus=
printf '| articles (pages) | tool | wall s (median) | CPU s | peak MB | wall ratio minsheng/Hugo |\n|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  corpus=$work/corpus-$n
  if [ ! -d "$corpus" ]; then
    python3 "$bench_dir/gen_corpus.py" --pages "$n" --out "$corpus" >/dev/null
  fi
  site=$work/minsheng-$n hugo_site=$work/hugo-$n
  rm -rf "$site" "$hugo_site"
  cp -R "$corpus" "$site"; cp -R bench/site/. "$site/"
  cp -R "$corpus" "$hugo_site"; cp -R "$bench_dir/hugo-site/." "$hugo_site/"
  : > "$work/m.txt"; : > "$work/h.txt"
  for _ in $(seq "$runs"); do
    rm -rf "$work/out-m-$n"
    measure "$minsheng" --root "$site" build --out "$work/out-m-$n" >> "$work/m.txt"
    if [ "$have_hugo" = yes ]; then
      rm -rf "$work/out-h-$n"
      measure hugo --quiet --source "$hugo_site" --destination "$work/out-h-$n" >> "$work/h.txt"
    fi
  done
  pages=$(find "$work/out-m-$n" -name '*.html' | wc -l)
  mw=$(cut -d' ' -f1 "$work/m.txt" | median); mc=$(cut -d' ' -f2 "$work/m.txt" | median)
  mm=$(cut -d' ' -f3 "$work/m.txt" | median | awk '{printf "%.0f", $1 / 1024}')
  if [ "$have_hugo" = yes ]; then
    hw=$(cut -d' ' -f1 "$work/h.txt" | median); hc=$(cut -d' ' -f2 "$work/h.txt" | median)
    hm=$(cut -d' ' -f3 "$work/h.txt" | median | awk '{printf "%.0f", $1 / 1024}')
    ratio=$(awk -v a="$mw" -v b="$hw" 'BEGIN {printf "%.2f", a / b}')
    printf '| %s (%s) | minsheng | %s | %s | %s | %s |\n' "$n" "$pages" "$mw" "$mc" "$mm" "$ratio"
    printf '| %s | Hugo %s | %s | %s | %s | |\n' "$n" "$(hugo version | awk '{print $2}')" "$hw" "$hc" "$hm"
  else
    printf '| %s (%s) | minsheng | %s | %s | %s | (Hugo not installed) |\n' "$n" "$pages" "$mw" "$mc" "$mm"
  fi
  # the same site with the search index
  sed -i 's/^search: false/search: true/' "$site/config.yaml"
  : > "$work/s.txt"
  for _ in $(seq "$runs"); do
    rm -rf "$work/out-s-$n"
    measure "$minsheng" --root "$site" build --out "$work/out-s-$n" >> "$work/s.txt"
  done
  sed -i 's/^search: true/search: false/' "$site/config.yaml"
  sw=$(cut -d' ' -f1 "$work/s.txt" | median)
  sm=$(cut -d' ' -f3 "$work/s.txt" | median | awk '{printf "%.0f", $1 / 1024}')
  index_mb=$(du -m "$work/out-s-$n/search/index.js" | cut -f1)
  search_rows+=("| $n ($pages) | $sw | $(awk -v a="$sw" -v b="$mw" 'BEGIN {printf "%.2f", a - b}') | $sm | $((sm - mm)) | $index_mb |")
  [ "$n" -le 10000 ] && latency_corpus=$site
  rm -rf "$work/out-m-$n" "$work/out-h-$n" "$work/out-s-$n"
done

printf '\nSearch index (minsheng, same corpus, search on):\n\n'
printf '| articles (pages) | wall s | extra wall s | peak MB | extra MB | index MB |\n|---|---|---|---|---|---|\n'
printf '%s\n' "${search_rows[@]}"

# the real site: full default build, minified, with the search index
real=$work/real-site
rm -rf "$real"; mkdir -p "$real"
cp -R config.yaml content seeds "$real/"
: > "$work/r.txt"; : > "$work/r2.txt"
for _ in $(seq "$((runs < 5 ? 5 : runs))"); do
  rm -rf "$work/out-real"
  measure "$minsheng" --root "$real" build --out "$work/out-real" >> "$work/r.txt"
  measure "$minsheng" --root "$real" build --out "$work/out-real" >> "$work/r2.txt"
done
printf '\nReal site (%s pages, minified, search index):\n\n' "$(find "$work/out-real" -name '*.html' | wc -l)"
printf '| build | wall ms (median) | CPU ms | peak MB |\n|---|---|---|---|\n'
for kind in r r2; do
  label=$([ $kind = r ] && echo "cold (no previous output)" || echo "no-change rebuild")
  w=$(cut -d' ' -f1 "$work/$kind.txt" | median | awk '{printf "%.0f", $1 * 1000}')
  c=$(cut -d' ' -f2 "$work/$kind.txt" | median | awk '{printf "%.0f", $1 * 1000}')
  m=$(cut -d' ' -f3 "$work/$kind.txt" | median | awk '{printf "%.0f", $1 / 1024}')
  printf '| %s | %s | %s | %s |\n' "$label" "$w" "$c" "$m"
done

if [ "${LATENCY:-1}" != 0 ]; then
  printf '\nserve --watch, save → reload message, %s saves:\n\n' "${EDITS:-50}"
  QUIET=1 python3 scripts/reload-latency.py --root "$real" --edits "${EDITS:-50}"
  if [ -n "$latency_corpus" ]; then
    QUIET=1 python3 scripts/reload-latency.py --root "$latency_corpus" --edits "${EDITS:-50}"
  fi
fi
