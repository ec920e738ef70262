#!/usr/bin/env bash
# Builds everything: native core + tests + CLI + benchmarks into build/native, the Wasm package
# into build/wasm/dist. `scripts/build.sh native` or `scripts/build.sh wasm` builds one of them.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
jobs=${HOOKSMITH_JOBS:-$(nproc)}

echo "== toolchain"
g++ --version | head -n1
cmake --version | head -n1
node --version | sed 's/^/node /'
em++ --version 2>/dev/null | head -n1 || echo "em++ not installed"

if [[ $what == all || $what == native ]]; then
  echo "== native build (build/native)"
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$jobs"
fi
if [[ $what == all || $what == wasm ]]; then
  echo "== wasm build (build/wasm/dist)"
  NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  NODE_PATH=/usr/share/nodejs cmake --build build/wasm -j "$jobs"
  scripts/wasm-size.sh build/wasm/dist
fi
