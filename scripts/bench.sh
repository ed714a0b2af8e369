#!/usr/bin/env bash
# Builds generated bilingual corpora with minsheng and with Hugo, alternately,
# on the same machine, and prints medians and ratios (wall, CPU, peak memory).
#   scripts/bench.sh [N ...]       default: 1000 10000 (articles; pages = 2N)
#   RUNS=5 scripts/bench.sh 50000  more runs, a larger corpus
# The corpus generator and the Hugo site come from ../shared/bench (override
# with BENCH_DIR). Output goes to tmpfs (/dev/shm) when available. Reports only:
# it never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
bench_dir=${BENCH_DIR:-../shared/bench}
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
done
