#!/usr/bin/env bash
# Installs what building and testing need, and says nothing when all of it is there.
#   1. Debian packages: the toolchains, header-only libraries, Chromium and the data set.
#      Missing ones are installed with apt-get when running as root; otherwise the exact
#      command is printed and the script fails.
#   2. npm packages: `npm ci` when node_modules is missing or older than the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

# What to look for, and the Debian package that provides it. xtl and xsimd come with
# xtensor-dev, but xsimd only as a Recommends, so both are named on their own; make is
# only recommended by cmake.
checks=(
  "command emcc                                emscripten"
  "command cmake                               cmake"
  "command make                                make"
  "command g++                                 g++"
  "command ccache                              ccache"
  "file    /usr/include/xtensor/xtensor.hpp    xtensor-dev"
  "file    /usr/include/xtl/xtl_config.hpp     xtl-dev"
  "file    /usr/include/xsimd/xsimd.hpp        libxsimd-dev"
  "file    /usr/include/nlohmann/json.hpp      nlohmann-json3-dev"
  "file    /usr/include/catch2/catch.hpp       catch2"
  "file    /usr/bin/chromium                   chromium"
  "dir     /usr/share/datasets/fashion-mnist   dataset-fashion-mnist"
  "file    /usr/include/zlib.h                 zlib1g-dev"
)

missing=()
for check in "${checks[@]}"; do
  read -r kind what package <<<"$check"
  case $kind in
    command) command -v "$what" >/dev/null 2>&1 && continue ;;
    file) [[ -f $what ]] && continue ;;
    dir) [[ -d $what ]] && continue ;;
  esac
  missing+=("$package")
done

if ((${#missing[@]})); then
  install=(apt-get install -y "${missing[@]}")
  if [[ $(id -u) -eq 0 ]]; then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${install[@]}" -qq
  else
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: run: sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive ${install[*]}" >&2
    exit 1
  fi
fi

# npm 11 runs no dependency install scripts unless package.json's allowScripts approves
# them; esbuild's postinstall is denied there and not needed: its binary comes from the
# optional @esbuild/<platform> package.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
