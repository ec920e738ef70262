#!/usr/bin/env bash
# Wasm size report (issue 8): each flavour's .wasm + Emscripten glue + the JS API, raw and
# gzipped (gzip -9), and the .wasm's sections. Budget: <= 150 KB gzipped for what a page loads
# (the lite core's .wasm + index.min.mjs, the bundle of its glue and the JS API), aiming at
# <= 120 KB; the full core a page loads on demand (Linked Data, date filters) is listed apart.
#   scripts/wasm-size.sh [DIST_DIR] [--enforce] [--ceiling]
#     default DIST_DIR build/wasm/dist; --enforce: exit 1 over budget;
#     --ceiling: exit 1 when the page or the full core grew past bench/wasm-size-ceiling (the test
#     command runs both: nothing grows unnoticed, and the page stays within budget)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=build/wasm/dist
enforce=0 ceiling=0
for arg in "$@"; do
  case $arg in
    --enforce) enforce=1 ;;
    --ceiling) ceiling=1 ;;
    *) dist=$arg ;;
  esac
done
budget=$((150 * 1024))
aim=$((120 * 1024))
for f in hooksmith-core-lite.wasm hooksmith-core.wasm; do
  [[ -f $dist/$f ]] || { echo "wasm-size: $dist/$f is missing (scripts/build.sh wasm)" >&2; exit 2; }
done

gz() { gzip -9 -c "$1" | wc -c; }
row() { printf '%-28s %10s %10s\n' "$1" "$2" "$3"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }

[[ -f $dist/index.min.mjs ]] || { echo "wasm-size: $dist/index.min.mjs is missing (scripts/build.sh wasm bundles it)" >&2; exit 2; }

echo "== wasm size ($dist)"
row file raw gzip-9
# Rows for FILE…, each name after PREFIX; their sums land in sum_raw and sum_gz.
rows_summed() {
  local prefix=$1 f raw z; shift
  sum_raw=0 sum_gz=0
  for f in "$@"; do
    raw=$(wc -c <"$f"); z=$(gz "$f")
    row "$prefix$(basename "$f")" "$raw" "$z"
    sum_raw=$((sum_raw + raw)); sum_gz=$((sum_gz + z))
  done
}
rows_summed "" "$dist/hooksmith-core-lite.wasm" "$dist/index.min.mjs"
web_gz=$sum_gz
row "= page total (web)" "$sum_raw" "$sum_gz"
echo "loaded on demand (loadFullCore: Linked Data, date filters):"
rows_summed "  " "$dist/hooksmith-core.wasm" "$dist/hooksmith-core.mjs"
full_gz=$sum_gz
row "= full core" "$sum_raw" "$sum_gz"
# The same code unbundled, as a bundler imports it (node.mjs is the Node-only entry point).
echo "index.min.mjs bundles (the modules a bundler imports instead):"
for f in "$dist"/*.mjs; do
  case $(basename "$f") in index.min.mjs|node.mjs|hooksmith-core.mjs) ;; *) row "  $(basename "$f")" "$(wc -c <"$f")" "$(gz "$f")" ;; esac
done
echo "Node flavour:"
for f in "$dist/hooksmith-core-node.wasm" "$dist/hooksmith-core-node.cjs" "$dist/node.mjs"; do
  [[ -f $f ]] && row "$(basename "$f")" "$(wc -c <"$f")" "$(gz "$f")"
done

if command -v llvm-objdump >/dev/null; then
  echo "== sections of hooksmith-core-lite.wasm (bytes)"
  llvm-objdump -h "$dist/hooksmith-core-lite.wasm" | awk '$1 ~ /^[0-9]+$/ && NF >= 3 { print $2, $3 }' |
    while read -r name hex; do printf '%-12s %10d\n' "$name" "$((16#$hex))"; done
fi

status="within budget ($(kb $web_gz) <= 150 KB gzipped"
if (( web_gz > budget )); then status="OVER BUDGET ($(kb $web_gz) > 150 KB gzipped"
elif (( web_gz > aim )); then status="within budget but above the 120 KB aim ($(kb $web_gz)"
fi
echo "wasm size: $status)"
if (( enforce && web_gz > budget )); then exit 1; fi
if (( ceiling )); then
  # First number in the file: the page's gzip -9 bytes allowed; the line "full N": the full core's.
  limit=$(grep -o -m1 '^[0-9]\+' bench/wasm-size-ceiling)
  full_limit=$(sed -n 's/^full \([0-9]\+\).*/\1/p' bench/wasm-size-ceiling)
  [[ $limit =~ ^[0-9]+$ && $full_limit =~ ^[0-9]+$ ]] ||
    { echo "wasm-size: bench/wasm-size-ceiling must start with a number and have one line \"full N\"" >&2; exit 2; }
  if (( full_gz > full_limit )); then
    echo "wasm size: the full core grew to $full_gz bytes gzipped, past its ceiling of $full_limit (bench/wasm-size-ceiling)." >&2
    exit 1
  fi
  if (( web_gz > limit )); then
    echo "wasm size: the page grew to $web_gz bytes gzipped, past the ceiling of $limit (bench/wasm-size-ceiling)." >&2
    echo "  Find what grew (bench/wasm_functions.py on a --profiling-funcs link) and win it back; if the growth" >&2
    echo "  is worth its bytes, raise the ceiling in the same commit and say why in docs/performance.md." >&2
    exit 1
  fi
  echo "wasm size: $web_gz bytes gzipped, within the ceiling of $limit; the full core $full_gz, within $full_limit (bench/wasm-size-ceiling)"
fi
