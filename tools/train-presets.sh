#!/usr/bin/env bash
# Trains the Fashion-MNIST presets with the project's own trainer and writes the weights
# the page ships: web/data/weights/NAME.json (float weights file,
# docs/float-weights-format.md) and NAME.report.json (the run's options and its float
# and int8 test accuracy, without the wall-clock fields, so a re-run gives the same
# bytes: the trainer is seeded and single-threaded, tests/core/test_train_network.cpp).
#
#   bash tools/train-presets.sh [NAME...]      default: FashionTinyNet FashionMCUNet
#
# Data: Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist), the first
# 6000 training and 2000 test images. Options: `tinyml train`'s defaults (Adam, lr 0.002
# cosine, batch 32, 4 epochs, seed 1, 200 calibration images), written out here so a
# change of defaults does not silently change the shipped weights.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=build/native/tools/tinyml
[[ -x $cli ]] || { echo "train-presets: $cli missing; run scripts/build.sh native" >&2; exit 1; }
out=web/data/weights
mkdir -p "$out"
presets=("$@")
((${#presets[@]})) || presets=(FashionTinyNet FashionMCUNet)
for name in "${presets[@]}"; do
  echo "train-presets: $name" >&2
  "$cli" train "preset:$name" --train-subset 6000 --test-subset 2000 --epochs 4 --batch 32 \
    --optimizer adam --lr 0.002 --weight-decay 5e-4 --seed 1 --calib 200 \
    -o "$out/$name.json" --json > "$out/$name.report.tmp"
  node -e '
    const fs = require("fs");
    const report = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    delete report.train_seconds;
    delete report.train_images_per_second;
    fs.writeFileSync(process.argv[2], JSON.stringify(report, null, 2) + "\n");
    console.error(`train-presets: ${report.model}: float ${report.float_test_accuracy_percent}%, int8 ${report.int8_test_accuracy_percent}%`);
  ' "$out/$name.report.tmp" "$out/$name.report.json"
  rm "$out/$name.report.tmp"
done
