#!/usr/bin/env bash
# Benchmark of `zhibiao extract` on the text fixtures (not part of the test suite).
# Reports wall time per fixture (mean of N runs), throughput on a batch of copies, and peak
# memory from /usr/bin/time -v.  Usage: scripts/bench.sh [RUNS]   (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
cargo build --release -q
bin=target/release/zhibiao
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }

printf '%-30s %10s %12s %14s\n' fixture bytes "ms/file" "peak RSS KiB"
for f in fixtures/seeds/*.txt; do
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$bin" extract "$f" >/dev/null; done
  end=$(date +%s%N)
  ms=$(awk -v a="$start" -v b="$end" -v n="$runs" 'BEGIN{printf "%.2f", (b-a)/1e6/n}')
  rss=$(/usr/bin/time -v "$bin" extract "$f" 2>&1 >/dev/null | awk -F: '/Maximum resident/{gsub(/ /,"",$2); print $2}')
  printf '%-30s %10s %12s %14s\n' "$(basename "$f" .txt)" "$(wc -c <"$f")" "$ms" "$rss"
done

# Batch throughput: 400 copies of the fixtures in one process (rayon over files).
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in" "$tmp/out"
for i in $(seq 100); do for f in fixtures/seeds/*.txt; do cp "$f" "$tmp/in/$i-$(basename "$f")"; done; done
n=$(ls "$tmp/in" | wc -l); bytes=$(cat "$tmp/in"/* | wc -c)
for threads in 1 2; do
  out=$(RAYON_NUM_THREADS=$threads /usr/bin/time -v "$bin" extract "$tmp"/in/* -o "$tmp/out" 2>&1 >/dev/null || true)
  wall=$(echo "$out" | awk '/Elapsed \(wall clock\)/{print $NF}')
  rss=$(echo "$out" | awk -F: '/Maximum resident/{gsub(/ /,"",$2); print $2}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  awk -v n="$n" -v s="$secs" -v b="$bytes" -v t="$threads" -v r="$rss" \
    'BEGIN{printf "batch of %d files (%.1f MB), %d thread(s): %.2f s, %.0f docs/s, %.1f MB/s, peak RSS %d KiB\n", n, b/1e6, t, s, n/s, b/1e6/s, r}'
done
