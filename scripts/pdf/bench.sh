#!/usr/bin/env bash
# PDF reading benchmark (not a test): zhibiao vs poppler's pdftotext vs pdfplumber on the same
# PDFs in one run.
#
#   scripts/pdf/bench.sh [PDF...]        default: fixtures/pdf/bench/*.pdf fixtures/pdf/libreoffice/*.pdf
#                                                 fixtures/pdf/weasyprint/*.pdf
#   REPEAT=5 BENCH_VENV=/tmp/zhibiao-bench-venv scripts/pdf/bench.sh
#
# Each tool reads every PDF of the set REPEAT times (env REPEAT, default 5); each measurement
# is one `/usr/bin/time -v` (wall seconds, peak RSS):
#   zhibiao    `cargo build --release`, then ONE process `zhibiao extract -q COPY... -o OUT`
#              over REPEAT copies of every file (hard links with distinct names, so no input is
#              a duplicate path; a fresh OUT each run, so nothing is reused from an earlier run),
#              once with `-j 1` and once with the default thread count (all cores).
#   pdftotext  one `pdftotext -layout FILE OUT.txt` process per file, REPEAT passes over the
#              set, all inside one timed shell (peak RSS = the largest single process).
#   pdfplumber ONE Python process (venv at $BENCH_VENV, `pip install pdfplumber` there on first
#              use) that opens each file and calls page.extract_tables() on every page, REPEAT
#              passes over the set.
# So zhibiao and pdfplumber pay their start-up once, pdftotext once per file (a few ms).
# Pages are counted with pdfinfo. Should zhibiao exit non-zero on the set (a PDF it rejects),
# its rows say "failed" and the ratios are left out; the other tools are measured all the same.
set -uo pipefail
cd "$(dirname "$0")/../.."
repeat=${REPEAT:-5}
venv=${BENCH_VENV:-/tmp/zhibiao-bench-venv}

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends time >/dev/null || true
  fi
  [ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
fi
for t in pdfinfo pdftotext; do
  command -v "$t" >/dev/null || { echo "needs $t (apt-get install poppler-utils)" >&2; exit 1; }
done

if [ $# -gt 0 ]; then files=("$@"); else
  shopt -s nullglob
  files=(fixtures/pdf/bench/*.pdf fixtures/pdf/libreoffice/*.pdf fixtures/pdf/weasyprint/*.pdf)
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# the set: files that pdfinfo reads, and their pages
set_files=(); pages=0
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}')
  if [ -z "$n" ]; then echo "skipped (pdfinfo cannot read it): $f" >&2; continue; fi
  set_files+=("$f"); pages=$((pages + n))
done
[ ${#set_files[@]} -gt 0 ] || { echo "no readable PDF" >&2; exit 1; }
total_pages=$((pages * repeat))
echo "set: ${#set_files[@]} PDFs, $pages pages; REPEAT=$repeat -> $total_pages pages per tool"

# /usr/bin/time -v CMD... -> "wall_seconds peak_kib exit_code" (stdout/stderr of CMD dropped)
measure() {
  local log=$tmp/time.log rc
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$tmp/stderr.log"; rc=$?
  awk -v rc="$rc" '
    /Elapsed \(wall clock\)/ { n = split($NF, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i] }
    /Maximum resident set size/ { m = $NF }
    /Exit status/ { rc = $NF }
    END { printf "%s %s %s\n", s, m, rc }' "$log"
}

declare -a rows
row() { # TOOL WALL PEAK_KIB STATUS
  rows+=("$1|$2|$3|$4")
}

# ---------------------------------------------------------------- zhibiao
mkdir -p "$tmp/in"
i=0
for r in $(seq "$repeat"); do
  for f in "${set_files[@]}"; do
    i=$((i + 1))
    ln "$f" "$tmp/in/$(printf '%04d' "$i")-$(basename "$f")" 2>/dev/null || cp "$f" "$tmp/in/$(printf '%04d' "$i")-$(basename "$f")"
  done
done
if cargo build --release -q 2>"$tmp/build.log"; then
  for j in 1 default; do
    rm -rf "$tmp/out"
    if [ "$j" = 1 ]; then jarg=(-j 1); label="zhibiao -j 1"; else jarg=(); label="zhibiao -j $(nproc)"; fi
    read -r wall peak rc < <(measure target/release/zhibiao extract -q "${jarg[@]}" "$tmp"/in/*.pdf -o "$tmp/out")
    if [ "$rc" = 0 ]; then row "$label" "$wall" "$peak" ok
    else
      failed=$(grep -o '"failed"[^,}]*' "$tmp/out/summary.json" 2>/dev/null | head -1)
      row "$label" "$wall" "$peak" "failed (exit $rc${failed:+, $failed})"
    fi
  done
else
  echo "cargo build --release failed (see below); zhibiao not measured" >&2
  tail -5 "$tmp/build.log" >&2
  row "zhibiao" "-" "-" "failed (build)"
fi

# ---------------------------------------------------------------- pdftotext
printf '%s\n' "${set_files[@]}" > "$tmp/list"
cat > "$tmp/pdftotext.sh" <<'EOF'
#!/usr/bin/env bash
list=$1 repeat=$2 out=$3 rc=0
for _ in $(seq "$repeat"); do
  while IFS= read -r f; do pdftotext -layout "$f" "$out/out.txt" || rc=1; done < "$list"
done
exit $rc
EOF
read -r wall peak rc < <(measure bash "$tmp/pdftotext.sh" "$tmp/list" "$repeat" "$tmp")
row "pdftotext -layout" "$wall" "$peak" "$([ "$rc" = 0 ] && echo ok || echo "failed (exit $rc)")"

# ---------------------------------------------------------------- pdfplumber
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pdfplumber' 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q pdfplumber >"$tmp/pip.log" 2>&1 \
    || { echo "could not set up pdfplumber in $venv:" >&2; tail -5 "$tmp/pip.log" >&2; }
fi
cat > "$tmp/plumber.py" <<'EOF'
import sys
import pdfplumber
files = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
pages = tables = 0
for _ in range(int(sys.argv[2])):
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                tables += len(page.extract_tables())
                pages += 1
                page.flush_cache()
print(pages, tables, file=sys.stderr)
EOF
if [ -x "$venv/bin/python" ]; then
  pv=$("$venv/bin/python" -c 'import pdfplumber; print(pdfplumber.__version__)' 2>/dev/null)
  read -r wall peak rc < <(measure "$venv/bin/python" "$tmp/plumber.py" "$tmp/list" "$repeat")
  row "pdfplumber ${pv} extract_tables" "$wall" "$peak" "$([ "$rc" = 0 ] && echo ok || echo "failed (exit $rc)")"
else
  row "pdfplumber" "-" "-" "failed (no venv)"
fi

# ---------------------------------------------------------------- report
echo
printf '%-34s %8s %9s %9s %12s  %s\n' tool pages "wall s" "pages/s" "peak RSS MB" status
declare -A rate
for r in "${rows[@]}"; do
  IFS='|' read -r tool wall peak status <<<"$r"
  if [ "$wall" = "-" ]; then
    printf '%-34s %8s %9s %9s %12s  %s\n' "$tool" "$total_pages" - - - "$status"; continue
  fi
  pps=$(awk -v p="$total_pages" -v w="$wall" 'BEGIN{ if (w > 0) printf "%.1f", p / w; else print "inf" }')
  [ "$status" = ok ] || pps=-
  mb=$(awk -v k="$peak" 'BEGIN{ printf "%.1f", k / 1024 }')
  printf '%-34s %8s %9.2f %9s %12s  %s\n' "$tool" "$total_pages" "$wall" "$pps" "$mb" "$status"
  [ "$status" = ok ] && rate[$tool]=$pps
done
echo
z1=""; zn=""; pt=""; pp=""
for k in "${!rate[@]}"; do
  case "$k" in
    "zhibiao -j 1") z1=${rate[$k]} ;;
    zhibiao\ -j*) zn=${rate[$k]} ;;
    pdftotext*) pt=${rate[$k]} ;;
    pdfplumber*) pp=${rate[$k]} ;;
  esac
done
ratio() { # LABEL A B
  if [ -n "$2" ] && [ -n "$3" ]; then
    awk -v a="$2" -v b="$3" -v l="$1" 'BEGIN{ printf "%-40s %.2fx (pages/s)\n", l, a / b }'
  else
    printf '%-40s n/a (%s)\n' "$1" "a tool failed"
  fi
}
ratio "zhibiao -j 1 vs pdfplumber" "$z1" "$pp"
ratio "zhibiao -j $(nproc) vs pdfplumber" "$zn" "$pp"
ratio "zhibiao -j 1 vs pdftotext" "$z1" "$pt"
ratio "zhibiao -j $(nproc) vs pdftotext" "$zn" "$pt"
