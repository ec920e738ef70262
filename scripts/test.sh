#!/usr/bin/env bash
# The one command that sets up, builds and runs every test suite:
# Catch2 (ctest) natively and again under ASan + UBSan, the Wasm module's JS suite in Node, and
# the same suite plus the end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh all

echo "== native: ctest"
ctest --test-dir build/native --output-on-failure -j "$(nproc)"

echo "== native with AddressSanitizer + UndefinedBehaviorSanitizer: ctest"
cmake --preset asan >/dev/null
cmake --build build/asan -j "${HOOKSMITH_JOBS:-$(nproc)}"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j "$(nproc)"

echo "== wasm: JS suite in Node, then in headless Chromium"
node --test --test-reporter=spec tests/js/ tests/e2e/

echo "== wasm size: the page within its 150 KB budget; neither it nor the full core past bench/wasm-size-ceiling"
scripts/wasm-size.sh build/wasm/dist --ceiling --enforce
