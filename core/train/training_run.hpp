// A training run that advances a few batches at a time: what train_network does in one
// call, cut into steps, so a caller that must stay responsive (the page's Web Worker:
// progress messages, cancel) runs it in slices. train_network is this class run to the
// end, so a run in slices gives the same weights bit for bit as one call.
#pragma once

#include <vector>

#include "core/data/image_dataset.hpp"
#include "core/engine/seeded_random.hpp"
#include "core/engine/float_model.hpp"
#include "core/graph/graph.hpp"
#include "core/train/optimizer.hpp"
#include "core/train/train_loop.hpp"
#include "core/train/training_network.hpp"

namespace tinyml::train {

class TrainingRun {
 public:
  // Checks as train_network does (options, data against the network) and throws the
  // same tinyml::Errors. Keeps a reference to `train`: it must outlive the run.
  TrainingRun(const Graph& graph, const engine::FloatModel& initial, const data::ImageDataset& train,
              const TrainOptions& options);
  TrainingRun(const TrainingRun&) = delete;  // slots_ point into network_
  TrainingRun& operator=(const TrainingRun&) = delete;

  // Trains up to `count` batches (fewer at the end); returns false when the run is done.
  // Throws tinyml::Error("--lr", ...) when the loss stops being finite.
  bool step(int count = 1);

  bool done() const { return epoch_ >= options_.epochs; }
  TrainProgress progress() const;  // after the last batch trained
  const std::vector<EpochResult>& epochs() const { return epochs_; }
  long long images() const { return images_; }
  long long total_steps() const { return total_steps_; }
  long long steps_done() const { return step_count_; }
  engine::FloatModel float_model() const { return network_.float_model(); }
  const Graph& graph() const { return network_.graph(); }

 private:
  void start_epoch();

  const data::ImageDataset& train_;
  TrainOptions options_;
  TensorShape input_;
  TrainingNetwork<float> network_;
  Optimizer<float> optimizer_;
  std::vector<ParameterSlot<float>> slots_;
  std::vector<std::size_t> order_;
  engine::SeededRandom random_;
  std::vector<float> inputs_;
  std::vector<uint8_t> labels_;
  int steps_ = 0;           // batches per epoch
  long long total_steps_ = 0;
  long long step_count_ = 0;
  long long images_ = 0;
  std::vector<EpochResult> epochs_;
  int epoch_ = 0;           // the current epoch (0-based); options_.epochs when done
  int step_ = 0;            // batches done in the current epoch
  double loss_sum_ = 0.0;   // over the current epoch
  int correct_ = 0;
  std::size_t seen_ = 0;
};

}  // namespace tinyml::train
