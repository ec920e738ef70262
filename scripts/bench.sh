#!/usr/bin/env bash
# The whole performance comparison of issue 8 in one command:
#   scripts/bench.sh [N]          (N contexts, default 20000)
# Builds what it needs (native bench + CLI, the Node Wasm flavour), generates the contexts with
# bench/make_contexts.mjs, checks that native, CLI (`render --jsonl --config`, the batch mode),
# Wasm, nunjucks and Jinja2 agree on every URL + body, then prints µs per webhook and the
# ratios (bench/compare.mjs).
# Environment: HOOKSMITH_BENCH_REPEATS (timed runs per contender and round, default 5),
# HOOKSMITH_BENCH_ROUNDS (default 3: every contender once per round; ratios are the median of the
# rounds' ratios, so that load drifting over the minutes of a run does not skew them), HOOKSMITH_JOBS,
# HOOKSMITH_NATIVE_DIR (default build/native), HOOKSMITH_WASM_DIR (default build/wasm),
# HOOKSMITH_BENCH_NO_BUILD=1 (use the binaries as they are).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-20000}
repeats=${HOOKSMITH_BENCH_REPEATS:-5}
rounds=${HOOKSMITH_BENCH_ROUNDS:-3}
jobs=${HOOKSMITH_JOBS:-2}
native_dir=${HOOKSMITH_NATIVE_DIR:-build/native}
wasm_dir=${HOOKSMITH_WASM_DIR:-build/wasm}
python=/usr/bin/python3

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), nproc $(nproc)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min)"
echo "g++ $(g++ -dumpfullversion), node $(node --version), $($python -c 'import sys, jinja2; print("Python", sys.version.split()[0], "Jinja2", jinja2.__version__)')"

build=${HOOKSMITH_BENCH_NO_BUILD:-0}
if [[ $build != 1 ]]; then
  echo "== native build ($native_dir)"
  [[ -f $native_dir/CMakeCache.txt ]] || cmake -S . -B "$native_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$native_dir" --target hooksmith_bench hooksmith_cli -j "$jobs" >/dev/null
fi

wasm_args=()
if [[ $build == 1 ]]; then
  [[ -f $wasm_dir/dist/hooksmith-core-node.wasm ]] && wasm_args=(--wasm-entry "$wasm_dir/dist/node.mjs")
elif command -v emcmake >/dev/null; then
  echo "== wasm build ($wasm_dir)"
  [[ -f $wasm_dir/CMakeCache.txt ]] || NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B "$wasm_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
  if NODE_PATH=/usr/share/nodejs cmake --build "$wasm_dir" --target hooksmith_wasm_node hooksmith_wasm_js -j "$jobs" >"$wasm_dir/bench-build.log" 2>&1; then
    wasm_args=(--wasm-entry "$wasm_dir/dist/node.mjs")
  else
    echo "wasm build FAILED (see $wasm_dir/bench-build.log): the Wasm contenders are skipped"
  fi
else
  echo "== em++ not installed: the Wasm contenders are skipped"
fi

[[ -d node_modules/nunjucks ]] || npm ci --no-audit --no-fund >/dev/null

work=$native_dir/bench-run
mkdir -p "$work"
contexts=$work/contexts-$count.jsonl
node bench/make_contexts.mjs "$count" "$contexts"

echo "== comparison"
node bench/compare.mjs --contexts "$contexts" --repeats "$repeats" --rounds "$rounds" --work "$work" \
  --native-bench "$native_dir/bin/hooksmith_bench" --cli "$native_dir/bin/hooksmith" \
  "${wasm_args[@]}" --python "$python"
echo "(per-run numbers: $work/results.json)"
