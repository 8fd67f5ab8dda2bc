#!/usr/bin/env bash
# Benchmark of `zhibiao extract` (not part of the test suite).
#
#   scripts/bench.sh [text|docx|all] [RUNS]      (default: all, 50 runs)
#
# For each input: wall time per file in its own process (mean of RUNS runs, so it includes
# process start-up) and peak memory (/usr/bin/time -v). Then throughput in one process over a
# batch of copies written as a dataset (`-o OUT`: documents, records.jsonl, records.csv,
# issues.jsonl), on 1 and 2 threads: documents per second and, with
# RAYON_NUM_THREADS=1, the time per document on one core without start-up.
#   text: the seeds; batch of 400 (100 copies of each).
#   docx: the DOCX renderings and fixtures/docx/bench/table-30-pages.docx (35 A4 pages of
#         table, 248 records); batches of 400 renderings and of 200 copies of the 30-page one.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
runs=${2:-50}
cargo build --release -q
bin=target/release/zhibiao
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

per_file() { # FILE...
  printf '%-34s %10s %12s %14s\n' input bytes "ms/file" "peak RSS KiB"
  for f in "$@"; do
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do "$bin" extract "$f" >/dev/null; done
    end=$(date +%s%N)
    ms=$(awk -v a="$start" -v b="$end" -v n="$runs" 'BEGIN{printf "%.2f", (b-a)/1e6/n}')
    rss=$(/usr/bin/time -v "$bin" extract "$f" 2>&1 >/dev/null | awk -F: '/Maximum resident/{gsub(/ /,"",$2); print $2}')
    printf '%-34s %10s %12s %14s\n' "$(basename "$(dirname "$f")")/$(basename "$f")" "$(wc -c <"$f")" "$ms" "$rss"
  done
}

batch() { # LABEL COPIES FILE...  — COPIES copies of each FILE in one process
  local label=$1 copies=$2; shift 2
  rm -rf "$tmp/in" "$tmp/out"; mkdir -p "$tmp/in" "$tmp/out"
  for i in $(seq "$copies"); do for f in "$@"; do cp "$f" "$tmp/in/$i-$(basename "$f")"; done; done
  local n bytes
  n=$(ls "$tmp/in" | wc -l); bytes=$(cat "$tmp/in"/* | wc -c)
  for threads in 1 2; do
    # A fresh OUT each time: into the same OUT, the second run would reuse the documents.
    rm -rf "$tmp/out"
    out=$(RAYON_NUM_THREADS=$threads /usr/bin/time -v "$bin" extract -q "$tmp"/in/* -o "$tmp/out" 2>&1 >/dev/null || true)
    wall=$(echo "$out" | awk '/Elapsed \(wall clock\)/{print $NF}')
    rss=$(echo "$out" | awk -F: '/Maximum resident/{gsub(/ /,"",$2); print $2}')
    secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    awk -v l="$label" -v n="$n" -v s="$secs" -v b="$bytes" -v t="$threads" -v r="$rss" \
      'BEGIN{printf "%s: %d files (%.1f MB), %d thread(s): %.2f s, %.0f docs/s, %.2f ms/doc, %.1f MB/s, peak RSS %d KiB\n", l, n, b/1e6, t, s, n/s, s*1000/n, b/1e6/s, r}'
  done
}

if [ "$what" = text ] || [ "$what" = all ]; then
  echo "== text"
  per_file fixtures/seeds/*.txt
  batch "text batch" 100 fixtures/seeds/*.txt
fi
if [ "$what" = docx ] || [ "$what" = all ]; then
  echo "== docx"
  per_file fixtures/docx/*.docx fixtures/docx/libreoffice/*.docx fixtures/docx/bench/table-30-pages.docx
  batch "docx batch" 100 fixtures/docx/*.docx
  batch "30-page table" 200 fixtures/docx/bench/table-30-pages.docx
fi
