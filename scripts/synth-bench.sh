#!/usr/bin/env bash
# Accuracy benchmark on generated notices (not part of the test suite).
#
#   scripts/synth-bench.sh [COUNT] [FIRST_SEED]      (default: 500 documents per family, seed 1)
#
# Generates COUNT notices of each family with `zhibiao-synth` (performance-target notices and
# budget-target tables, each with its exact gold), extracts each in memory exactly as
# `zhibiao extract` reads a .txt, and scores it with the port of shared/tools/score.py.
# Prints per family: mean and worst field F1, wrong fields and the silent-error rate (wrong
# fields whose record carries no warning or error, as a share of all gold fields), then the
# wrong and silent fields per field and the mean F1 per variation of the generator, and the
# five worst documents. /usr/bin/time -v gives the wall time and peak memory of the run.
# Reproduce one document: cargo run --release --example synth -- bench --seed S --count 1 --show 1
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-500}
seed=${2:-1}
cargo build --release -q --example synth
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
for family in performance budget; do
  /usr/bin/time -v target/release/examples/synth bench --family "$family" --count "$count" --seed "$seed" --breakdown --show 5 \
    2> >(awk -F': ' '/Elapsed \(wall clock\)/{w=$2} /Maximum resident/{m=$2} END{printf "  wall %s, peak RSS %s KiB\n", w, m}' >&2)
done
