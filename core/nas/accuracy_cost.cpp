#include "core/nas/accuracy_cost.hpp"

#include <algorithm>
#include <chrono>

#include "core/engine/quantize_model.hpp"
#include "core/train/evaluate.hpp"
#include "core/train/training_network.hpp"
#include "core/train/training_run.hpp"

namespace tinyml::nas {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

CandidateCost probe(const Graph& graph, const data::ImageDataset& train, const data::ImageDataset& probe_test,
                    const AccuracySettings& settings, long long train_images, int test_images) {
  const train::TrainOptions options = accuracy_train_options(settings);
  train::TrainingRun run(graph, train::initial_training_model(graph, settings.seed), train, options);
  CandidateCost cost;
  // One batch to warm up (the first allocates the optimizer's state and, in wasm, may
  // still run unoptimised code), then kProbeBatches timed.
  run.step(1);
  const long long warm_images = run.images();
  Clock::time_point start = Clock::now();
  run.step(kProbeBatches);
  cost.train_seconds_per_image =
      seconds_since(start) / static_cast<double>(std::max<long long>(run.images() - warm_images, 1));
  const engine::FloatModel model = run.float_model();

  start = Clock::now();
  train::float_accuracy(graph, model, probe_test);
  cost.float_seconds_per_image = seconds_since(start) / static_cast<double>(probe_test.size());
  // Calibration runs the float network once per calibration image: timed on
  // kProbeCalibration images and scaled to the run's count.
  const int calibration = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(settings.calib), train.size()));
  const int probe_calibration = std::min(calibration, kProbeCalibration);
  start = Clock::now();
  const engine::Int8Model int8_model =
      engine::quantize_model(graph, model, train::calibration_inputs(graph, train, probe_calibration));
  cost.quantize_seconds = seconds_since(start) * calibration / probe_calibration;
  start = Clock::now();
  train::int8_accuracy(int8_model, probe_test);
  cost.int8_seconds_per_image = seconds_since(start) / static_cast<double>(probe_test.size());

  cost.estimate_seconds = static_cast<double>(settings.epochs) * static_cast<double>(train_images) * cost.train_seconds_per_image +
                          test_images * (cost.float_seconds_per_image + cost.int8_seconds_per_image) + cost.quantize_seconds;
  return cost;
}

}  // namespace

train::TrainOptions accuracy_train_options(const AccuracySettings& settings) {
  train::TrainOptions options;
  options.epochs = settings.epochs;
  options.batch = 32;
  options.cosine = true;
  options.optimizer.kind = train::OptimizerKind::Adam;
  options.learning_rate = 0.002;
  options.seed = settings.seed;
  return options;
}

CostEstimate estimate_accuracy_cost(const std::vector<const Graph*>& graphs, const data::ImageDataset& train,
                                    const data::ImageDataset& test, const AccuracySettings& settings) {
  const Clock::time_point start = Clock::now();
  const data::ImageDataset probe_test = data::first_examples(test, kProbeTestImages);
  CostEstimate estimate;
  // In a fresh runtime the first probe runs cold code (wasm tiers up while it runs; the
  // first candidate's estimate came out 20-50% high in Node, and still 60% high after a
  // shorter warm-up on 4 test images): the same probe once, untimed, first.
  if (!graphs.empty()) probe(*graphs.front(), train, probe_test, settings, 0, 0);
  for (const Graph* graph : graphs) {
    estimate.candidates.push_back(probe(*graph, train, probe_test, settings, static_cast<long long>(train.size()),
                                        static_cast<int>(test.size())));
    estimate.seconds += estimate.candidates.back().estimate_seconds;
  }
  const long long count = static_cast<long long>(graphs.size());
  estimate.train_image_passes = count * settings.epochs * static_cast<long long>(train.size());
  estimate.test_image_passes = count * static_cast<long long>(test.size());
  estimate.probe_seconds = seconds_since(start);
  return estimate;
}

}  // namespace tinyml::nas
