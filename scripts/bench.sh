#!/usr/bin/env bash
# newsq benchmark: ingest, queries, start-up and memory against jionlp, DuckDB and SQLite.
#
#   scripts/bench.sh [--quick|--full|--synth ROWS] [--out DIR]
#
#   --quick  small sizes (seeds ×40, 1,000 generated documents), peers skipped when not installed;
#            about a minute after the build; CI runs it so the benchmark cannot rot.
#   (none)   seeds repeated to ~50 MB, 100,000 generated documents (~1M facts); under 15 minutes.
#   --full   the default plus 10M facts added directly through engine.add(facts:).
#   --synth ROWS  only the queries and memory on ROWS facts added through engine.add(facts:)
#            (no text ingest, jionlp or start-up): the query targets at 1M or 10M rows alone.
#   NEWSQ_BENCH_DOCS=N, NEWSQ_BENCH_SEED_COPIES=N override the corpus sizes of the mode (to
#   time the steps at a tenth of the default, say). Each step's wall seconds go to DIR/steps.txt.
#
# Prints one markdown table (also written to DIR/table.md). Exits non-zero only when a step
# crashes or a result differs from the peers' (never because of a timing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MODE=default
SYNTH_ONLY=0
OUT=${TMPDIR:-/tmp}/newsq-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --full) MODE=full ;;
    --synth) MODE=synth; SYNTH_ONLY=$2; shift ;;
    --out) OUT=$2; shift ;;
    -h|--help) sed -n 2,15p "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

case $MODE in
  quick) SEED_COPIES=40; DOCS=1000; RUNS=3; JIO_BYTES=300000; JIO_BUDGET=20; SYNTH_ROWS=0; STARTUP_RUNS=10 ;;
  default) SEED_COPIES=910; DOCS=100000; RUNS=5; JIO_BYTES=5000000; JIO_BUDGET=120; SYNTH_ROWS=0; STARTUP_RUNS=30 ;;
  full) SEED_COPIES=910; DOCS=100000; RUNS=5; JIO_BYTES=5000000; JIO_BUDGET=300; SYNTH_ROWS=10000000; STARTUP_RUNS=30 ;;
  synth) RUNS=5; SYNTH_ROWS=$SYNTH_ONLY ;;
esac
# Smaller (or bigger) corpora for checking how the steps scale, without editing this file.
DOCS=${NEWSQ_BENCH_DOCS:-${DOCS:-}}
SEED_COPIES=${NEWSQ_BENCH_SEED_COPIES:-${SEED_COPIES:-}}
QUERIES=$ROOT/Benchmarks/queries.tsv
R=$OUT/results
rm -rf "$R"; mkdir -p "$R"
STEP_T0=$(date +%s)
STEP_NAME=""
# Prints the step and records how long the previous one took (DIR/steps.txt).
step() {
  local now; now=$(date +%s)
  [ -n "$STEP_NAME" ] && echo "$((now - STEP_T0)) s  $STEP_NAME" >> "$OUT/steps.txt"
  STEP_T0=$now; STEP_NAME="$*"
  echo "== $*" >&2
}
rm -f "$OUT/steps.txt"

step "building (release): Benchmarks package and newsq"
# SwiftPM does not always notice files added to newsq (a path dependency of Benchmarks) and
# then fails with "cannot find … in scope" or "missing inputs": its build plan is made again.
rm -f Benchmarks/.build/release.yaml
swift build -c release --package-path Benchmarks --product newsbench >&2
swift build -c release --package-path Benchmarks --product newsgen >&2
# newsq for start-up exactly as ./newsq.sh builds it (Swift runtime and C++ library linked in).
./newsq.sh --version > /dev/null
NEWSQ_BIN=$ROOT/.build/release/newsq
BIN=$(swift build -c release --package-path Benchmarks --show-bin-path)

PY=python3
if [ "$MODE" = synth ]; then
  step "peers: pip install duckdb (if missing)"
  $PY -c 'import duckdb' 2>/dev/null || $PY -m pip install -q duckdb >&2 || true
  step "newsq: $SYNTH_ROWS facts through engine.add(facts:)"
  "$BIN/newsbench" synth --rows "$SYNTH_ROWS" --seed 7 --queries "$QUERIES" --runs "$RUNS" --export "$R/synth-facts" > "$R/synth.json"
  step "peers: DuckDB and SQLite on the same facts"
  $PY scripts/bench_peers.py sql --tables "$R/synth-facts" --queries "$QUERIES" --runs "$RUNS" > "$R/peers_synth.json"
  rm -rf "$R/synth-facts"
  step "report"
  {
    echo "newsq benchmark — mode synth $SYNTH_ROWS — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    echo
    $PY scripts/bench_peers.py report --results "$R"
  } | tee "$OUT/table.md"
  exit 0
fi
if [ "$MODE" != quick ]; then
  step "peers: pip install duckdb jionlp (if missing)"
  $PY -c 'import duckdb' 2>/dev/null || $PY -m pip install -q duckdb >&2 || true
  $PY -c 'import jionlp' 2>/dev/null || $PY -m pip install -q jionlp >&2 || true
fi

step "corpora: seeds ×$SEED_COPIES, $DOCS generated documents"
SEEDS=$OUT/seeds-rep
if [ ! -f "$SEEDS/.copies-$SEED_COPIES" ]; then
  rm -rf "$SEEDS"; mkdir -p "$SEEDS"
  for i in $(seq -w 1 "$SEED_COPIES"); do mkdir -p "$SEEDS/c$i"; cp seeds/*.txt "$SEEDS/c$i/"; done
  touch "$SEEDS/.copies-$SEED_COPIES"
fi
GEN=$OUT/gen-$DOCS
if [ ! -f "$GEN/truth.jsonl" ]; then
  rm -rf "$GEN"
  "$BIN/newsgen" --docs "$DOCS" --seed 42 --out "$GEN"
fi

step "newsq: ingest seeds (for start-up and ingest speed)"
"$BIN/newsbench" text --data seeds --export "$R/seeds-facts" --label seeds > "$R/text_seeds1.json"
"$BIN/newsbench" text --data "$SEEDS" --label "seeds ×$SEED_COPIES" > "$R/text_seeds.json"
step "newsq: ingest, recall and queries on the generated corpus"
"$BIN/newsbench" text --data "$GEN/docs" --truth "$GEN/truth.jsonl" --queries "$QUERIES" --runs "$RUNS" \
  --export "$R/text-facts" --label "$DOCS generated documents" > "$R/text_synth.json"
step "peers: DuckDB and SQLite on the exported facts"
$PY scripts/bench_peers.py sql --tables "$R/text-facts" --queries "$QUERIES" --runs "$RUNS" > "$R/peers_text.json"
if [ "$SYNTH_ROWS" -gt 0 ]; then
  step "newsq: $SYNTH_ROWS facts through engine.add(facts:)"
  "$BIN/newsbench" synth --rows "$SYNTH_ROWS" --seed 7 --queries "$QUERIES" --runs "$RUNS" --export "$R/synth-facts" > "$R/synth.json"
  $PY scripts/bench_peers.py sql --tables "$R/synth-facts" --queries "$QUERIES" --runs "$RUNS" > "$R/peers_synth.json"
  rm -rf "$R/synth-facts"
fi
step "jionlp on a fixed sample of the generated text"
$PY scripts/bench_peers.py jionlp --docs "$GEN/docs" --bytes "$JIO_BYTES" --budget "$JIO_BUDGET" > "$R/jionlp.json"

step "start-up: newsq -c vs sqlite3 on a prepared file"
$PY scripts/bench_peers.py sql --tables "$R/seeds-facts" --queries /dev/null --runs 1 --sqlite-file "$R/seeds.db" > /dev/null
NEWSQ_CMD="$NEWSQ_BIN -c 'find meeting where city=\"临汾\"'"
SQLITE_CMD="sqlite3 $R/seeds.db \"SELECT * FROM meeting WHERE city = '临汾市'\""
if command -v hyperfine > /dev/null && command -v sqlite3 > /dev/null; then
  hyperfine -N --warmup 3 --runs "$STARTUP_RUNS" --export-json "$R/startup.json" "$NEWSQ_CMD" "$SQLITE_CMD" > /dev/null 2>&1 \
    || echo '["start-up: hyperfine failed (does newsq -c exit non-zero?)"]' > "$R/notes.json"
else
  echo '["start-up skipped: hyperfine or sqlite3 not installed (apt-get install hyperfine sqlite3)"]' > "$R/notes.json"
fi

step "report"
{
  echo "newsq benchmark — mode $MODE — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo
  $PY scripts/bench_peers.py report --results "$R"
} | tee "$OUT/table.md"
