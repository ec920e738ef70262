#!/usr/bin/env bash
# Sets up, builds the Wasm package and serves the dashboard demo (plus a local echo receiver)
# on 127.0.0.1. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh wasm
exec node web-demo/server.mjs "$@"
