#!/usr/bin/env bash
# Builds everything, or the named parts: scripts/build.sh [native] [wasm] [web]
#   native  g++ build in build/native: the core, the CLI (tools/tinyml) and the Catch2 tests
#   wasm    emcmake build in build/wasm: build/wasm/tinyml_wasm.mjs
#   web     node tools/build-web.mjs: bundles web/ into dist/ (skipped if it does not exist)
# Configuring again an up-to-date build dir takes well under a second and rewrites
# nothing, so every run configures (this also repairs a dir whose last configure failed).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's emcc runs node helpers (acorn) that live in /usr/share/nodejs.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=${TINYML_JOBS:-2}

# ccache (installed by setup.sh) keeps compiled objects across build dirs and clones:
# paths below the checkout are hashed relative to it, so a fresh clone (CI) or a second
# work tree reuses what this machine compiled before. TINYML_CCACHE=0 turns it off.
launcher=()
if [[ ${TINYML_CCACHE:-1} != 0 ]] && command -v ccache >/dev/null 2>&1; then
  export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
else
  launcher=(-UCMAKE_CXX_COMPILER_LAUNCHER)
fi

log() { echo "build.sh: $*" >&2; }

build_native() {
  log "native (build/native)"
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release "${launcher[@]}"
  cmake --build build/native -j"$jobs"
}

# Under emcmake, -I/usr/include would pull in glibc's headers, so the wasm build sees
# only a staging folder with links to the four header-only libraries.
stage_wasm_includes() {
  local lib
  mkdir -p build/wasm-include
  for lib in xtensor xtl xsimd nlohmann; do
    ln -sfn "/usr/include/$lib" "build/wasm-include/$lib"
  done
}

build_wasm() {
  log "wasm (build/wasm)"
  stage_wasm_includes
  # emcmake 3.1.6 sets the emulator to `node;--experimental-wasm-threads`, which
  # Node 20 rejects; the later -D wins.
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
    -DTINYML_STAGING_INCLUDE="$PWD/build/wasm-include" \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node "${launcher[@]}"
  cmake --build build/wasm -j"$jobs"
}

build_web() {
  if [[ -f tools/build-web.mjs ]]; then
    log "web (dist/)"
    node tools/build-web.mjs
    # The Fashion-MNIST subsets the page ships (issue 6): dist/data/fashion-mnist.
    node tools/prepare-fashion-mnist.mjs
    # ...and as on-demand classic scripts, with the presets' trained weights (issue 6).
    node tools/bundle-page-data.mjs
  else
    log "web: tools/build-web.mjs does not exist yet, skipped"
  fi
}

parts=("$@")
((${#parts[@]})) || parts=(native wasm web)
for part in "${parts[@]}"; do
  case $part in
    native | wasm | web) "build_$part" ;;
    *) log "unknown part '$part' (expected native, wasm or web)"; exit 2 ;;
  esac
done
