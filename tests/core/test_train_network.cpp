// The trainer on whole networks: gradients of every parameter through the loss against
// finite differences (double), the training forward pass against the float engine,
// repeatable runs, and training that learns.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/data/image_dataset.hpp"
#include "core/engine/float_engine.hpp"
#include "core/engine/seeded_random.hpp"
#include "core/error.hpp"
#include "core/graph/graph.hpp"
#include "core/spec/network_spec.hpp"
#include "core/train/evaluate.hpp"
#include "core/train/optimizer.hpp"
#include "core/train/train_loop.hpp"
#include "core/train/training_run.hpp"
#include "core/train/training_network.hpp"

using namespace tinyml;
using namespace tinyml::train;

namespace {

// Every op kind: conv (with BN, ReLU6; grouped; strided), mbconv (expand, depthwise,
// project, residual add), dwconv2d, resblock (projection shortcut), max and average
// pools (padded), flatten and linear; the second ends in a global average pool.
constexpr const char* kEveryOp = R"({
  "name": "every-op",
  "input": [2, 8, 8],
  "layers": [
    {"type": "conv2d", "out": 4, "kernel": 3, "bn": true, "act": "relu6"},
    {"type": "mbconv", "out": 4, "expand": 2},
    {"type": "conv2d", "out": 4, "kernel": 3, "groups": 2, "act": "relu"},
    {"type": "maxpool", "kernel": 2},
    {"type": "dwconv2d", "kernel": 3, "act": "relu"},
    {"type": "resblock", "out": 6, "stride": 2},
    {"type": "avgpool", "kernel": 3, "stride": 1, "padding": 1},
    {"type": "flatten"},
    {"type": "linear", "out": 3}
  ]
})";

constexpr const char* kGlobalPool = R"({
  "name": "gap",
  "input": [1, 6, 6],
  "layers": [
    {"type": "conv2d", "out": 3, "kernel": 3, "stride": 2, "bn": true, "act": "relu"},
    {"type": "resblock", "out": 3},
    {"type": "global_avgpool"},
    {"type": "linear", "out": 4}
  ]
})";

// No BN, so the training forward pass and the float engine compute the same function.
constexpr const char* kNoBatchNorm = R"({
  "name": "no-bn",
  "input": [2, 9, 9],
  "layers": [
    {"type": "conv2d", "out": 6, "kernel": 3, "stride": 2, "padding": 1, "act": "relu6"},
    {"type": "conv2d", "out": 6, "kernel": 1, "groups": 3, "act": "relu"},
    {"type": "dwconv2d", "kernel": 3, "act": "relu"},
    {"type": "maxpool", "kernel": 3, "stride": 2, "padding": 1},
    {"type": "avgpool", "kernel": 2, "stride": 1},
    {"type": "flatten"},
    {"type": "linear", "out": 5}
  ]
})";

Graph graph_of(const char* spec) { return build_graph(parse_network(std::string(spec))); }

std::vector<double> random_inputs(std::size_t size, uint64_t seed) {
  engine::SeededRandom random(seed);
  std::vector<double> values(size);
  for (double& value : values) value = random.unit() * 2.0 - 1.0;
  return values;
}

void check_network_gradients(const char* spec) {
  const Graph graph = graph_of(spec);
  TrainingNetwork<double> network(graph, initial_training_model(graph, 7));
  const int batch = 3;
  const std::vector<double> inputs = random_inputs(batch * network.input_elements(), 8);
  std::vector<uint8_t> labels = {0, 2, 1};
  network.forward_backward(batch, inputs.data(), labels.data(), false);
  const std::vector<ParameterSlot<double>> slots = network.parameters();
  // Copies: the next forward passes overwrite nothing of the gradients, but be explicit.
  std::vector<std::vector<double>> analytic;
  for (const ParameterSlot<double>& slot : slots) analytic.emplace_back(slot.gradients, slot.gradients + slot.size);
  constexpr double step = 1e-6;
  int checked = 0;
  for (std::size_t slot_index = 0; slot_index < slots.size(); ++slot_index) {
    const ParameterSlot<double>& slot = slots[slot_index];
    for (std::size_t element = 0; element < slot.size; ++element) {
      const double saved = slot.values[element];
      slot.values[element] = saved + step;
      const double plus = network.loss(batch, inputs.data(), labels.data());
      slot.values[element] = saved - step;
      const double minus = network.loss(batch, inputs.data(), labels.data());
      slot.values[element] = saved;
      const double numeric = (plus - minus) / (2 * step);
      INFO("parameter slot " << slot_index << " element " << element);
      CHECK(analytic[slot_index][element] == Approx(numeric).margin(1e-6).epsilon(1e-4));
      ++checked;
    }
  }
  CHECK(checked == graph.params);  // every parameter PyTorch counts was checked
}

// A data set of 4×4 images with 2 classes: a bright left half or a bright right half,
// with seeded noise.
data::ImageDataset halves(int count, uint64_t seed) {
  engine::SeededRandom random(seed);
  data::ImageDataset dataset;
  dataset.height = dataset.width = 4;
  dataset.classes = 2;
  for (int index = 0; index < count; ++index) {
    const uint8_t label = static_cast<uint8_t>(index % 2);
    dataset.labels.push_back(label);
    for (int y = 0; y < 4; ++y) {
      for (int x = 0; x < 4; ++x) {
        const bool bright = (x < 2) == (label == 0);
        dataset.pixels.push_back(static_cast<uint8_t>((bright ? 150 : 20) + random.unit() * 100));
      }
    }
  }
  return dataset;
}

constexpr const char* kHalvesNet = R"({
  "name": "halves",
  "input": [1, 4, 4],
  "layers": [
    {"type": "conv2d", "out": 4, "kernel": 3, "bn": true, "act": "relu"},
    {"type": "global_avgpool"},
    {"type": "linear", "out": 2}
  ]
})";

}  // namespace

TEST_CASE("network gradients match finite differences for every op kind", "[train]") {
  SECTION("convs, BN, mbconv, resblock, pools, flatten, linear") { check_network_gradients(kEveryOp); }
  SECTION("global average pool after a residual block") { check_network_gradients(kGlobalPool); }
}

TEST_CASE("the training forward pass computes what the float engine computes", "[train]") {
  const Graph graph = graph_of(kNoBatchNorm);
  const engine::FloatModel model = initial_training_model(graph, 3);
  TrainingNetwork<float> network(graph, model);
  const int batch = 2;
  const std::vector<double> doubles = random_inputs(batch * network.input_elements(), 4);
  const std::vector<float> inputs(doubles.begin(), doubles.end());
  const std::vector<uint8_t> labels = {1, 4};
  network.loss(batch, inputs.data(), labels.data());
  const engine::FloatEngine engine(graph, model);
  for (int image = 0; image < batch; ++image) {
    const std::vector<float> expected = engine.run(
        {inputs.data() + image * network.input_elements(), network.input_elements()});
    for (int label = 0; label < 5; ++label) {
      CHECK(network.output()[image * 5 + label] == Approx(expected[label]).margin(1e-5));
    }
  }
  // And the weights come back unchanged.
  const engine::FloatModel round_trip = network.float_model();
  CHECK(round_trip.ops[0].filter == model.ops[0].filter);
  CHECK(round_trip.ops[6].bias == model.ops[6].bias);
}

TEST_CASE("BN running statistics follow PyTorch's momentum update", "[train]") {
  const Graph graph = graph_of(kHalvesNet);
  TrainingNetwork<double> network(graph, initial_training_model(graph, 1));
  const std::vector<double> inputs = random_inputs(2 * 16, 5);
  const std::vector<uint8_t> labels = {0, 1};
  network.forward_backward(2, inputs.data(), labels.data(), true);
  const engine::FloatModel model = network.float_model();
  // running = 0.9 · initial + 0.1 · batch statistic; initial mean 0, variance 1.
  const std::vector<double> filter(model.ops[0].filter.begin(), model.ops[0].filter.end());
  const std::vector<double> bias(model.ops[0].bias.begin(), model.ops[0].bias.end());
  REQUIRE(bias.empty());  // a conv with BN has no bias by default
  // The conv output of channel 0 over 2 images × 4×4 pixels (padding 1), recomputed here.
  std::vector<double> outputs;
  for (int image = 0; image < 2; ++image) {
    for (int out_y = 0; out_y < 4; ++out_y) {
      for (int out_x = 0; out_x < 4; ++out_x) {
        double sum = 0.0;
        for (int filter_y = 0; filter_y < 3; ++filter_y) {
          for (int filter_x = 0; filter_x < 3; ++filter_x) {
            const int in_y = out_y + filter_y - 1, in_x = out_x + filter_x - 1;
            if (in_y < 0 || in_y >= 4 || in_x < 0 || in_x >= 4) continue;
            sum += filter[filter_y * 3 + filter_x] * inputs[image * 16 + in_y * 4 + in_x];
          }
        }
        outputs.push_back(sum);
      }
    }
  }
  double mean = 0.0, squares = 0.0;
  for (double value : outputs) mean += value / 32;
  for (double value : outputs) squares += (value - mean) * (value - mean);
  CHECK(model.ops[0].bn->running_mean(0) == Approx(0.1 * mean).epsilon(1e-5));
  CHECK(model.ops[0].bn->running_var(0) == Approx(0.9 + 0.1 * squares / 31).epsilon(1e-5));  // unbiased
}

TEST_CASE("SGD with momentum and Adam take PyTorch's steps", "[train]") {
  std::vector<double> weights = {1.0, -2.0};
  std::vector<double> gradients = {0.5, 0.25};
  const std::vector<ParameterSlot<double>> slots = {{weights.data(), gradients.data(), 2, true}};
  SECTION("SGD") {
    OptimizerOptions options;
    options.weight_decay = 0.1;
    Optimizer<double> sgd(options);
    sgd.step(slots, 0.1);  // g = 0.5 + 0.1·1 = 0.6; v = 0.6; w = 1 − 0.06
    CHECK(weights[0] == Approx(0.94));
    sgd.step(slots, 0.1);  // g = 0.5 + 0.094 = 0.594; v = 0.9·0.6 + 0.594 = 1.134
    CHECK(weights[0] == Approx(0.94 - 0.1134));
    // w1: g = 0.25 + 0.1·(−2) = 0.05, w = −2.005; g = 0.25 + 0.1·(−2.005) = 0.0495, v = 0.0945
    CHECK(weights[1] == Approx(-2.005 - 0.1 * 0.0945));
  }
  SECTION("Adam") {
    OptimizerOptions options;
    options.kind = OptimizerKind::Adam;
    options.weight_decay = 0.0;
    Optimizer<double> adam(options);
    adam.step(slots, 0.01);  // the first bias-corrected step is lr · g / (|g| + ε)
    CHECK(weights[0] == Approx(1.0 - 0.01));
    CHECK(weights[1] == Approx(-2.0 - 0.01));
  }
  CHECK(parse_optimizer("ADAM") == OptimizerKind::Adam);
  CHECK_THROWS_WITH(parse_optimizer("rmsprop"), "optimizer: unknown optimizer \"rmsprop\"; known: sgd, adam");
}

TEST_CASE("training repeats exactly with the same seed and learns a simple task", "[train]") {
  const Graph graph = graph_of(kHalvesNet);
  const data::ImageDataset train = halves(64, 1);
  const data::ImageDataset test = halves(40, 2);
  TrainOptions options;
  options.epochs = 8;
  options.batch = 8;
  options.learning_rate = 0.1;
  options.seed = 5;
  const TrainResult first = train_network(graph, initial_training_model(graph, 5), train, options);
  const TrainResult second = train_network(graph, initial_training_model(graph, 5), train, options);
  REQUIRE(first.epochs.size() == 8);
  CHECK(first.images == 8 * 64);
  for (std::size_t op = 0; op < graph.ops.size(); ++op) {
    CHECK(first.model.ops[op].filter == second.model.ops[op].filter);
    CHECK(first.model.ops[op].bias == second.model.ops[op].bias);
  }
  CHECK(first.epochs.back().mean_loss < first.epochs.front().mean_loss);
  CHECK(float_accuracy(graph, first.model, test).percent() >= 95.0);
  options.seed = 6;  // another shuffle order: other weights
  const TrainResult other = train_network(graph, initial_training_model(graph, 5), train, options);
  CHECK_FALSE(other.model.ops[2].filter == first.model.ops[2].filter);
}

TEST_CASE("training stops when the progress callback says so", "[train]") {
  const Graph graph = graph_of(kHalvesNet);
  TrainOptions options;
  options.epochs = 3;
  options.batch = 4;
  int calls = 0;
  const TrainResult result = train_network(graph, initial_training_model(graph, 1), halves(16, 3), options,
                                           [&](const TrainProgress& progress) {
                                             ++calls;
                                             CHECK(progress.steps == 4);
                                             return !(progress.epoch == 1 && progress.step == 2);
                                           });
  CHECK(result.cancelled);
  CHECK(calls == 6);
  CHECK(result.images == 24);
  CHECK(result.epochs.size() == 1);
}

TEST_CASE("training rejects options out of range and data that does not fit", "[train]") {
  const Graph graph = graph_of(kHalvesNet);
  const engine::FloatModel model = initial_training_model(graph, 1);
  TrainOptions options;
  options.batch = 0;
  CHECK_THROWS_WITH(train_network(graph, model, halves(4, 1), options), "--batch: must be 1 to 4096");
  options = TrainOptions{};
  options.learning_rate = -1;
  CHECK_THROWS_WITH(train_network(graph, model, halves(4, 1), options), "--lr: must be a finite number > 0");
  data::ImageDataset large = halves(4, 1);
  large.height = large.width = 2;  // smaller images fit (padded); check a larger one
  large.pixels.resize(4 * 36);
  large.height = large.width = 6;
  CHECK_THROWS_WITH(train_network(graph, model, large, TrainOptions{}),
                    "input: the data set's images are 1×6×6; the network input must be 1 channel and at least 6×6, "
                    "got 1×4×4");
}

TEST_CASE("a training step that would need more than the memory limit is refused before allocating", "[train]") {
  // 1×512×512 input, 64 channels: 16 Mi elements per activation; at batch 8,
  // 4 · (3 · 17039426 · 8 + 2 · 262144 · 9) bytes = 1578 MiB.
  const Graph graph = build_graph(parse_network(std::string(R"({
    "name": "large", "input": [1, 512, 512],
    "layers": [{"type": "conv2d", "out": 64, "kernel": 3}, {"type": "global_avgpool"}, {"type": "linear", "out": 2}]
  })")));
  CHECK(training_step_bytes(graph, 1) == 4 * (3 * (262144 + 16777216 + 64 + 2) + 2 * 262144 * 9));
  TrainingNetwork<float> network(graph, initial_training_model(graph, 1));
  const std::vector<float> inputs(262144 * 8, 0.5f);
  const std::vector<uint8_t> labels(8, 0);
  CHECK_THROWS_WITH(network.forward_backward(8, inputs.data(), labels.data(), true),
                    "batch: a batch of 8 needs 1578 MiB to train this network; the limit is 1024 MiB: use a smaller "
                    "batch or network");
}

TEST_CASE("training that diverges stops with an error naming the learning rate", "[train]") {
  const Graph graph = graph_of(kHalvesNet);
  TrainOptions options;
  options.learning_rate = 1e30;
  options.optimizer.kind = OptimizerKind::Sgd;
  CHECK_THROWS_WITH(train_network(graph, initial_training_model(graph, 1), halves(32, 1), options),
                    Catch::Matchers::StartsWith("--lr: the loss is not finite at epoch "));
}

TEST_CASE("a training run in slices gives train_network's weights and reports its progress", "[train]") {
  const Graph graph = graph_of(kHalvesNet);
  const data::ImageDataset train = halves(30, 4);
  TrainOptions options;
  options.epochs = 2;
  options.batch = 8;  // 4 batches an epoch, the last of 6
  options.seed = 9;
  const TrainResult whole = train_network(graph, initial_training_model(graph, 9), train, options);
  TrainingRun run(graph, initial_training_model(graph, 9), train, options);
  CHECK(run.total_steps() == 8);
  CHECK(run.step(3));
  CHECK(run.progress().epoch == 0);
  CHECK(run.progress().step == 3);
  CHECK(run.step(1));  // the end of epoch 1
  CHECK(run.progress().epoch == 0);
  CHECK(run.progress().step == 4);
  CHECK(run.progress().mean_loss == whole.epochs[0].mean_loss);
  CHECK_FALSE(run.step(100));  // the rest; stops at the end
  CHECK(run.done());
  CHECK(run.steps_done() == 8);
  CHECK(run.images() == 60);
  CHECK(run.progress().epoch == 1);
  CHECK(run.progress().step == 4);
  REQUIRE(run.epochs().size() == 2);
  CHECK(run.epochs()[1].mean_loss == whole.epochs[1].mean_loss);
  const engine::FloatModel sliced = run.float_model();
  for (std::size_t op = 0; op < graph.ops.size(); ++op) {
    CHECK(sliced.ops[op].filter == whole.model.ops[op].filter);
    CHECK(sliced.ops[op].bias == whole.model.ops[op].bias);
  }
}
