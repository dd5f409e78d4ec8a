#!/usr/bin/env bash
# Runs every test suite against what scripts/build.sh built, stopping at the first
# failure: native Catch2 tests (ctest), the native CLI and the wasm API under Node, the
# page in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

passed=()

# stage NAME COMMAND...: runs COMMAND and prints one summary line for it.
stage() {
  local name=$1 started=$SECONDS
  shift
  echo "test.sh: $name: $*"
  if "$@"; then
    echo "test.sh: $name: passed ($((SECONDS - started)) s)"
    passed+=("$name")
  else
    echo "test.sh: $name: FAILED ($((SECONDS - started)) s)"
    exit 1
  fi
}

# node_stage NAME DIR [required]: node --test on DIR, skipped when DIR has no *.test.mjs
# (an error instead for a required stage).
node_stage() {
  local name=$1 dir=$2 required=${3:-}
  if compgen -G "$dir/*.test.mjs" >/dev/null; then
    stage "$name (node --test)" node --test "$dir/"
  elif [[ -n $required ]]; then
    echo "test.sh: $name: no tests in $dir: FAILED"
    exit 1
  else
    echo "test.sh: $name: no tests in $dir yet, skipped"
  fi
}

stage "native (ctest)" ctest --test-dir build/native --output-on-failure --no-tests=error -j2
node_stage cli tests/cli
node_stage wasm tests/wasm required
node_stage e2e tests/e2e
echo "test.sh: all ${#passed[@]} stages passed: ${passed[*]}"
