#!/usr/bin/env bash
# Installs what the build and the tests need, and nothing that is already there: Debian packages
# through apt, JS tooling through `npm ci` from the committed lock file. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make emscripten nlohmann-json3-dev catch2 libbenchmark-dev python3 python3-jinja2
          chromium chromium-driver)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v node >/dev/null || { echo "setup: Node.js 18+ is required (it comes with the machine image)" >&2; exit 1; }

# npm ci only when an installed package is missing or differs from the lock file (optional
# packages are platform-specific builds, e.g. esbuild's binary: only this platform's is installed).
lock_matches_install='const lock = require("./package-lock.json").packages;
for (const path in lock) {
  if (!path) continue;
  try { if (require("./" + path + "/package.json").version !== lock[path].version) process.exit(1); }
  catch { if (!lock[path].optional) process.exit(1); }
}'
if ! node -e "$lock_matches_install"; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
