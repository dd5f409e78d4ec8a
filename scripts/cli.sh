#!/usr/bin/env bash
# npm run cli -- ARGS: runs the native CLI with ARGS from the directory npm was started
# in, building it first if it has not been built. Build output goes to stderr, so
# `npm run --silent cli -- analyze preset:TinyNet --json` prints only JSON on stdout.
# (An existing binary is not rebuilt: run `npm run build` after changing the core.)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli=$root/build/native/tools/tinyml

if [[ ! -x $cli ]]; then
  { bash "$root/scripts/setup.sh" && bash "$root/scripts/build.sh" native; } >&2
fi
cd "${INIT_CWD:-$PWD}"
exec "$cli" "$@"
