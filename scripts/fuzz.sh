#!/usr/bin/env bash
# Runs newsq's libFuzzer targets (Fuzz/): statement, document, mentions.
#
#   scripts/fuzz.sh TARGET SECONDS   fuzz one target, growing Fuzz/Corpus/TARGET; every crash,
#                                    leak, timeout or OOM input is copied to Fuzz/Regressions/TARGET/
#                                    (replayed by ReliabilityFuzzRegressionTests), and libFuzzer's
#                                    final statistics go to Fuzz/logs/TARGET.log
#   scripts/fuzz.sh --smoke          build, replay the regressions, fuzz each target 30 s from a
#                                    scratch copy of its corpus (CI; about 2 minutes with the build cached)
#   scripts/fuzz.sh --merge TARGET   minimise Fuzz/Corpus/TARGET (libFuzzer -merge=1)
#   scripts/fuzz.sh --build          only build
#
# Environment: FUZZ_JOBS (default 1), FUZZ_NICE (default 10), FUZZ_FLAGS (extra libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch="$root/Fuzz/.build-fuzz"
targets=(statement document mentions)
nice_level=${FUZZ_NICE:-10}

build() {
  # Only the fuzz products: newsq-difftest in the same package is a plain executable.
  local t
  for t in "${targets[@]}"; do
    nice -n "$nice_level" swift build --package-path Fuzz --scratch-path "$scratch" --product "fuzz-$t" \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
  done
}

binary() { echo "$scratch/debug/fuzz-$1"; }

check_target() {
  case " ${targets[*]} " in *" $1 "*) ;; *) echo "fuzz.sh: unknown target '$1' (${targets[*]})" >&2; exit 2 ;; esac
}

# Common libFuzzer flags: 10 s per input is a hang, 4 GB is an OOM, inputs up to 64 KB.
flags() {
  local t=$1
  local max_len=4096
  [ "$t" = document ] && max_len=65536
  echo "-timeout=10 -rss_limit_mb=4096 -max_len=$max_len -print_final_stats=1 -detect_leaks=0 ${FUZZ_FLAGS:-}"
}

# Copies crash/leak/timeout/oom files of ARTDIR into Fuzz/Regressions/TARGET.
collect() {
  local t=$1 art=$2 n=0
  mkdir -p "Fuzz/Regressions/$t"
  for f in "$art"/crash-* "$art"/leak-* "$art"/timeout-* "$art"/oom-*; do
    [ -e "$f" ] || continue
    cp "$f" "Fuzz/Regressions/$t/$(basename "$f")"
    n=$((n + 1))
  done
  if [ "$n" -gt 0 ]; then
    echo "fuzz.sh: $n new regression input(s) in Fuzz/Regressions/$t — run: swift test --filter ReliabilityFuzzRegression" >&2
  fi
  return 0
}

fuzz() {
  local t=$1 secs=$2 corpus=$3
  local art; art=$(mktemp -d)
  mkdir -p Fuzz/logs "$corpus"
  echo "fuzz.sh: $t for $secs s (corpus $corpus)" >&2
  set +e
  # shellcheck disable=SC2046
  local dirs=("$corpus")
  [ "$corpus" = "$root/Fuzz/Corpus/$t" ] || dirs+=("$root/Fuzz/Corpus/$t")
  local jobs=()
  [ "${FUZZ_JOBS:-1}" -gt 1 ] && jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
  # Leaks are not checked (-detect_leaks=0 per input, and LSan off at exit): a one-time global
  # (the seed engine) is reported as leaked at exit, which is not a bug an input can cause.
  ( cd "$art" && ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" TMPDIR="$art" nice -n "$nice_level" "$(binary "$t")" $(flags "$t") \
      -max_total_time="$secs" -artifact_prefix="$art/" "${jobs[@]}" "${dirs[@]}" ) > "Fuzz/logs/$t.log" 2>&1
  local rc=$?
  set -e
  # With -jobs, libFuzzer writes fuzz-N.log files in the working directory.
  cat "$art"/fuzz-*.log >> "Fuzz/logs/$t.log" 2>/dev/null || true
  grep -E '^#[0-9]+[[:space:]]+DONE|^stat::' "Fuzz/logs/$t.log" | tail -n 12 >&2 || true
  collect "$t" "$art"
  rm -rf "$art"
  return $rc
}

case "${1:-}" in
  --build) build ;;
  --smoke)
    build
    swift test --filter ReliabilityFuzzRegression >&2 || { echo "fuzz.sh: regression replay failed" >&2; exit 1; }
    status=0
    for t in "${targets[@]}"; do
      tmp=$(mktemp -d)
      fuzz "$t" "${FUZZ_SMOKE_SECONDS:-30}" "$tmp" || status=1
      rm -rf "$tmp"
    done
    exit $status ;;
  --merge)
    check_target "${2:-}"; t=$2
    build
    new=$(mktemp -d)
    # shellcheck disable=SC2046
    nice -n "$nice_level" "$(binary "$t")" $(flags "$t") -merge=1 "$new" "Fuzz/Corpus/$t" >&2
    rm -rf "Fuzz/Corpus/$t"; mv "$new" "Fuzz/Corpus/$t"; chmod 755 "Fuzz/Corpus/$t"
    echo "fuzz.sh: Fuzz/Corpus/$t: $(ls "Fuzz/Corpus/$t" | wc -l) inputs, $(du -sh --apparent-size "Fuzz/Corpus/$t" | cut -f1)" >&2 ;;
  ""|-h|--help) sed -n '2,16p' "$0"; exit 0 ;;
  *)
    check_target "$1"
    secs=${2:?seconds}
    build
    fuzz "$1" "$secs" "$root/Fuzz/Corpus/$1" ;;
esac
