#include "core/train/train_loop.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/train/training_run.hpp"

namespace tinyml::train {

void check_train_options(const TrainOptions& options) {
  if (options.epochs < 1 || options.epochs > 1000) throw Error("--epochs", "must be 1 to 1000");
  if (options.batch < 1 || options.batch > 4096) throw Error("--batch", "must be 1 to 4096");
  if (!std::isfinite(options.learning_rate) || !(options.learning_rate > 0)) {
    throw Error("--lr", "must be a finite number > 0");
  }
  if (!(options.optimizer.momentum >= 0 && options.optimizer.momentum < 1)) {
    throw Error("--momentum", "must be in [0, 1)");
  }
  if (!std::isfinite(options.optimizer.weight_decay) || options.optimizer.weight_decay < 0) {
    throw Error("--weight-decay", "must be a finite number ≥ 0");
  }
}

TrainResult train_network(const Graph& graph, const engine::FloatModel& initial, const data::ImageDataset& train,
                          const TrainOptions& options, const ProgressCallback& progress) {
  TrainingRun run(graph, initial, train, options);
  TrainResult result;
  while (run.step(1)) {
    if (progress && !progress(run.progress())) {
      result.cancelled = true;
      break;
    }
  }
  if (!result.cancelled && progress) progress(run.progress());
  result.model = run.float_model();
  result.epochs = run.epochs();
  result.images = run.images();
  return result;
}

}  // namespace tinyml::train
