// The CLI's training command:
//   tinyml train <spec.json | preset:NAME> [--data DIR] [--train-subset N] [--test-subset N]
//                [--epochs N] [--batch B] [--lr X] [--constant-lr] [--optimizer sgd|adam]
//                [--momentum M] [--weight-decay W] [--seed S] [--calib N]
//                [-o weights.json] [--int8-model model.json] [--json]
// Trains from seeded weights (defaults: Adam, lr 0.002 with a cosine decay, batch 32,
// 4 epochs, 6000 training and 2000 test images) on the first N training images of
// Fashion-MNIST (DIR holds the IDX files, plain or .gz; default Debian's
// /usr/share/datasets/fashion-mnist), writes
// the float weights file (docs/float-weights-format.md), then quantizes (calibrated on
// the first --calib training images) and reports float and int8 accuracy on the first
// --test-subset test images, with the training time and images per second.
#pragma once

#include <string>
#include <vector>

namespace tinyml::cli {

int train(const std::vector<std::string>& args);

}  // namespace tinyml::cli
