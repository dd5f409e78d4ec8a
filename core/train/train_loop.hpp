// Mini-batch training of a graph on an image data set, float32, repeatable: the same
// graph, initial weights, data and options give the same weights bit for bit (the
// shuffle is a seeded Fisher–Yates, every sum runs in a fixed order, one thread).
//
// Per epoch: shuffle the example order (SeededRandom(stream_seed(seed, "shuffle")),
// one stream for the whole run), cut it into batches of `batch` (the last one smaller),
// and per batch: forward in training mode, loss, backward, one optimizer step. The
// learning rate follows a cosine from `learning_rate` down to 0 over all the steps
// (Loshchilov & Hutter 2017, SGDR without restarts) or stays constant.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/data/image_dataset.hpp"
#include "core/engine/float_model.hpp"
#include "core/graph/graph.hpp"
#include "core/train/optimizer.hpp"

namespace tinyml::train {

struct TrainOptions {
  int epochs = 5;
  int batch = 32;
  double learning_rate = 0.05;
  bool cosine = true;
  OptimizerOptions optimizer;
  uint64_t seed = 1;
};

struct EpochResult {
  double mean_loss = 0.0;        // over the epoch's examples, in training mode
  double train_accuracy = 0.0;   // percent right during the epoch (weights changing)
};

struct TrainProgress {
  int epoch = 0;        // 0-based
  int epochs = 0;
  int step = 0;         // batches done in this epoch
  int steps = 0;        // batches per epoch
  double mean_loss = 0.0;  // so far in this epoch
};

// Called after every batch; return false to stop (the weights so far are returned).
using ProgressCallback = std::function<bool(const TrainProgress&)>;

struct TrainResult {
  engine::FloatModel model;
  std::vector<EpochResult> epochs;  // completed epochs
  bool cancelled = false;
  long long images = 0;             // examples trained on (forward + backward)
};

// Throws tinyml::Error("--epochs" etc.) for options out of range: epochs 1..1000,
// batch 1..4096, learning rate finite and > 0, momentum in [0, 1), weight decay ≥ 0.
void check_train_options(const TrainOptions& options);

// Checks the options, that the data fits the network input (check_input_fits) and has
// no label ≥ the network's outputs, then trains from `initial`. Throws tinyml::Error
// ("batch", ...) when a step would exceed kMaxTrainingBytes, ("--lr", ...) when the
// loss stops being finite (diverged).
TrainResult train_network(const Graph& graph, const engine::FloatModel& initial, const data::ImageDataset& train,
                          const TrainOptions& options, const ProgressCallback& progress = {});

}  // namespace tinyml::train
