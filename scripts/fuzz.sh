#!/usr/bin/env bash
# Runs the libFuzzer targets (docs/reliability.md).
#   scripts/fuzz.sh TARGET SECONDS   one of: template context webhook url encode crypto json_document
#   scripts/fuzz.sh all SECONDS      each target in turn, SECONDS each
# Builds build-fuzz/ with clang++-14 when needed, (re)builds the seed corpora, runs at the lowest
# priority, one target at a time. Crashes land in build-fuzz/artifacts/<target>/, logs in
# build-fuzz/logs/<target>.log; the last line printed per target is its exec count and time.
# HOOKSMITH_FUZZ_KEEP_GOING=1 runs libFuzzer in fork mode with -ignore_crashes=1, so that a known,
# not yet fixed crash does not end the run: every distinct crash is still saved and counted.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(template context webhook url encode crypto json_document)
if [[ $# -ne 2 ]]; then
  echo "usage: $0 {$(IFS='|'; echo "${TARGETS[*]}")|all} SECONDS" >&2
  exit 2
fi
which_target=$1
seconds=$2
build=${HOOKSMITH_FUZZ_BUILD:-build-fuzz}

if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S fuzz -B "$build" -DCMAKE_CXX_COMPILER=clang++-14
fi
# HOOKSMITH_FUZZ_NO_BUILD=1 fuzzes the binaries as they are (e.g. a snapshot of a moving tree).
if [[ ${HOOKSMITH_FUZZ_NO_BUILD:-0} != 1 ]]; then
  cmake --build "$build" -j2
fi
python3 fuzz/make_corpus.py

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

run_one() {
  local target=$1
  local corpus=fuzz/corpus-$target artifacts=$build/artifacts/$target log=$build/logs/$target.log
  mkdir -p "$artifacts" "$build/logs"
  touch "$log.start"
  echo "== fuzz_$target for ${seconds}s (log: $log)"
  local status=0 keep_going=()
  if [[ ${HOOKSMITH_FUZZ_KEEP_GOING:-0} == 1 ]]; then
    keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  nice -n 19 "$build/fuzz_$target" "$corpus" "${keep_going[@]}" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  local runs cov crashes
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  if [[ -z $runs ]]; then  # fork mode: the parent's last "#<runs>: cov: …" line
    runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  fi
  cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
  crashes=$(find "$artifacts" -name 'crash-*' -newer "$log.start" 2>/dev/null | wc -l)
  if [[ $status -ne 0 || $crashes -ne 0 ]]; then
    echo "fuzz_$target: FAILED (exit $status, $crashes new crash files) after ${runs:-?} runs; see $log and $artifacts/"
    grep -E 'ERROR|FUZZ_CHECK|runtime error|SUMMARY' "$log" | head -5 || true
    return 1
  fi
  echo "fuzz_$target: ${runs} runs in ${seconds}s, ${cov}, no crash/leak/UB"
}

if [[ $which_target == all ]]; then
  failed=0
  for target in "${TARGETS[@]}"; do run_one "$target" || failed=1; done
  exit $failed
fi
run_one "$which_target"
