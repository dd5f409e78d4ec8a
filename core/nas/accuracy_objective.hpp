// The NAS objective "accuracy" (issue 6): after the search has ranked its feasible
// networks by MACs, train the first `candidates` of them from scratch on the Fashion-MNIST
// subset, with `tinyml train`'s options (Adam, lr 0.002, cosine, batch 32) for `epochs`
// epochs and seed `seed`, measure float and int8 (post-training quantization, `calib`
// training images) accuracy on `test_images` test images, and rank them by the measured
// accuracy. The settings and what was measured; the run itself is nas_accuracy.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/nas/evaluator.hpp"

namespace tinyml::nas {

enum class Objective { Macs, Accuracy };

struct AccuracySettings {
  int candidates = 5;       // the top-K feasible networks by MACs, 1 .. 20
  int epochs = 1;           // 1 .. 10
  int train_images = 2000;  // the first N of the training set, 1 .. 60000
  int test_images = 1000;   // the first M of the test set, 1 .. 10000
  uint64_t seed = 1;        // training seed (initial weights, shuffle), as `tinyml train --seed`
  bool rank_by_int8 = false;  // rank by int8 accuracy instead of float
  int calib = 200;          // calibration images for int8, as `tinyml train --calib`
};

// The time the training phase is expected to take, from a short probe of every
// candidate in this runtime: a few batches trained, a few test images evaluated float
// and int8, one real quantization; scaled to the images the phase will run
// (accuracy_cost.hpp).
struct CandidateCost {
  double train_seconds_per_image = 0;   // forward + backward + update, batch 32
  double float_seconds_per_image = 0;   // float inference
  double int8_seconds_per_image = 0;    // int8 inference
  double quantize_seconds = 0;          // calibration + quantization, measured once
  double estimate_seconds = 0;          // epochs × N × train + M × (float + int8) + quantize
};

struct CostEstimate {
  std::vector<CandidateCost> candidates;  // in the MAC ranking's order
  double seconds = 0;                     // the sum
  double probe_seconds = 0;               // what the probe itself took
  long long train_image_passes = 0;       // K × E × N
  long long test_image_passes = 0;        // K × M (each float and int8)
};

struct MeasuredCandidate {
  Evaluated evaluated;
  int mac_rank = 0;  // 1-based place in the MAC ranking
  bool trained = false;  // false: cancelled before its turn (or during its training)
  double float_percent = 0;
  double int8_percent = 0;
  double final_loss = 0;          // mean training loss of the last epoch
  double train_accuracy_percent = 0;  // during the last epoch
  double seconds = 0;             // training + evaluation, measured
};

struct AccuracyReport {
  AccuracySettings settings;
  int train_images = 0;  // used (at most the data set's size)
  int test_images = 0;
  CostEstimate estimate;
  double elapsed_seconds = 0;  // the training phase, from its first batch to its last evaluation
  bool cancelled = false;
  std::vector<MeasuredCandidate> ranked;  // trained first, by measured accuracy; then untrained by MAC rank
};

}  // namespace tinyml::nas
