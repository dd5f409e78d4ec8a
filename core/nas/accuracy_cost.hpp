// The time the accuracy objective's training phase will take (accuracy_objective.hpp),
// measured, not guessed: every candidate is probed in the runtime that will train it
// (one batch trained from its initial weights to warm up, then kProbeBatches timed;
// kProbeTestImages test images evaluated float and int8; calibration and quantization on
// kProbeCalibration images, scaled to `calib`), and the per-image costs are
// scaled to the images the phase runs:
//   estimate = epochs × N × train/image + M × (float/image + int8/image) + quantize.
#pragma once

#include <vector>

#include "core/data/image_dataset.hpp"
#include "core/graph/graph.hpp"
#include "core/nas/accuracy_objective.hpp"
#include "core/train/train_loop.hpp"

namespace tinyml::nas {

inline constexpr int kProbeTestImages = 32;
inline constexpr int kProbeBatches = 2;
inline constexpr int kProbeCalibration = 16;

// `tinyml train`'s options (Adam, lr 0.002, cosine, batch 32) with the settings' epochs and seed.
train::TrainOptions accuracy_train_options(const AccuracySettings& settings);

// train, test: the subsets the phase uses. One probe per graph, in order.
CostEstimate estimate_accuracy_cost(const std::vector<const Graph*>& graphs, const data::ImageDataset& train,
                                    const data::ImageDataset& test, const AccuracySettings& settings);

}  // namespace tinyml::nas
