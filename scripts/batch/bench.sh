#!/usr/bin/env bash
# Benchmark of batch conversion, `zhibiao extract -r CORPUS -o OUT` (not part of the tests).
#
#   scripts/batch/bench.sh [N]        (default 10000 inputs)
#
# Builds a corpus of N text inputs (scripts/batch/make_corpus.py: the seeds with light
# variations, in AGENCY/YEAR/ directories), then reports for the whole batch — reading,
# extracting, writing OUT/documents/, records.jsonl, records.csv, issues.jsonl and
# summary.json — the wall time, files/s, input MB/s and peak memory (/usr/bin/time -v):
#   - a fresh batch on 1 and on 2 threads;
#   - the same batch run again: every input hashed and found up to date (a resumed batch);
#   - a fresh batch of N/10 inputs, to show that peak memory does not grow with N.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
cargo build --release -q
bin=$PWD/target/release/zhibiao
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

python3 scripts/batch/make_corpus.py "$tmp/corpus" "$n"
python3 scripts/batch/make_corpus.py "$tmp/small" "$((n / 10))"
bytes=$(du -sb "$tmp/corpus" | cut -f1)
echo "corpus: $n text files, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB"

measure() { # LABEL FILES BYTES OUT ARGS...
  local label=$1 files=$2 bytes=$3 out=$4; shift 4
  local log
  log=$(/usr/bin/time -v "$bin" extract -q "$@" -o "$out" 2>&1 >/dev/null || true)
  local wall rss secs
  wall=$(echo "$log" | awk '/Elapsed \(wall clock\)/{print $NF}')
  rss=$(echo "$log" | awk -F: '/Maximum resident/{gsub(/ /,"",$2); print $2}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  local records
  records=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['records'], s['files']['ok'], s['files']['failed'], s['files']['reused'])" "$out/summary.json")
  set -- $records
  awk -v l="$label" -v n="$files" -v s="$secs" -v b="$bytes" -v r="$rss" -v rec="$1" -v ok="$2" -v bad="$3" -v re="$4" \
    'BEGIN{printf "%-28s %6d files in %6.2f s: %6.0f files/s, %5.1f MB/s, peak RSS %6.1f MB; %d records, %d ok, %d failed, %d reused\n", l, n, s, n/s, b/1e6/s, r/1024, rec, ok, bad, re}'
}

measure "fresh, 1 thread" "$n" "$bytes" "$tmp/out1" -r -j 1 "$tmp/corpus"
du -sh "$tmp/out1" | awk '{print "  output: " $1}'
rm -rf "$tmp/out1"
measure "fresh, 2 threads" "$n" "$bytes" "$tmp/out2" -r -j 2 "$tmp/corpus"
measure "rerun, all up to date" "$n" "$bytes" "$tmp/out2" -r -j 2 "$tmp/corpus"
rm -rf "$tmp/out2"
measure "fresh, N/10, 2 threads" "$((n / 10))" "$(du -sb "$tmp/small" | cut -f1)" "$tmp/out3" -r -j 2 "$tmp/small"
