#include "core/train/train_loop.hpp"

#include <cmath>
#include <numeric>

#include "core/engine/seeded_random.hpp"
#include "core/error.hpp"
#include "core/train/dataset_input.hpp"

namespace tinyml::train {
namespace {

constexpr double kPi = 3.14159265358979323846;

void shuffle(std::vector<std::size_t>& order, engine::SeededRandom& random) {
  for (std::size_t index = order.size(); index > 1; --index) {
    const std::size_t other = static_cast<std::size_t>(random.unit() * static_cast<double>(index));
    std::swap(order[index - 1], order[other]);
  }
}

}  // namespace

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
  check_train_options(options);
  const TensorShape& input = graph.tensors[graph.input].shape;
  check_input_fits(train, input);
  if (train.size() == 0) throw Error("data", "the training set is empty");
  TrainingNetwork<float> network(graph, initial);
  if (train.classes > network.classes()) {
    throw Error("network", "the output has " + std::to_string(network.classes()) + " values, the data set " +
                               std::to_string(train.classes) + " classes");
  }
  Optimizer<float> optimizer(options.optimizer);
  const std::vector<ParameterSlot<float>> slots = network.parameters();
  std::vector<std::size_t> order(train.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  engine::SeededRandom random(engine::stream_seed(options.seed, "shuffle"));

  const int steps = static_cast<int>((train.size() + options.batch - 1) / options.batch);
  const long long total_steps = static_cast<long long>(steps) * options.epochs;
  const std::size_t elements = network.input_elements();
  std::vector<float> inputs(elements * options.batch);
  std::vector<uint8_t> labels(options.batch);
  TrainResult result;
  long long step_count = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    shuffle(order, random);
    double loss_sum = 0.0;
    int correct = 0;
    std::size_t seen = 0;
    for (int step = 0; step < steps; ++step) {
      const std::size_t begin = static_cast<std::size_t>(step) * options.batch;
      const int batch = static_cast<int>(std::min<std::size_t>(options.batch, train.size() - begin));
      for (int example = 0; example < batch; ++example) {
        write_network_input(train, order[begin + example], input, inputs.data() + example * elements);
        labels[example] = train.labels[order[begin + example]];
      }
      const double loss = network.forward_backward(batch, inputs.data(), labels.data(), true, &correct);
      if (!std::isfinite(loss)) {
        throw Error("--lr", "the loss is not finite at epoch " + std::to_string(epoch + 1) + ", batch " +
                                std::to_string(step + 1) + ": training diverged; try a smaller learning rate");
      }
      loss_sum += loss * batch;
      seen += batch;
      const double rate = options.cosine
                              ? options.learning_rate * 0.5 * (1.0 + std::cos(kPi * step_count / total_steps))
                              : options.learning_rate;
      optimizer.step(slots, rate);
      ++step_count;
      result.images += batch;
      if (progress && !progress({epoch, options.epochs, step + 1, steps, loss_sum / seen})) {
        result.cancelled = true;
        result.model = network.float_model();
        return result;
      }
    }
    result.epochs.push_back({loss_sum / seen, 100.0 * correct / seen});
  }
  result.model = network.float_model();
  return result;
}

}  // namespace tinyml::train
