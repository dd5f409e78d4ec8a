// The float32 engine on small cases worked out by hand, seeded weights, and BN folding.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/engine/bn_folding.hpp"
#include "core/engine/float_engine.hpp"
#include "core/engine/float_model.hpp"
#include "core/engine/seeded_random.hpp"
#include "core/spec/presets.hpp"
#include "tests/core/graph_test_helpers.hpp"

using namespace tinyml;
using namespace tinyml::engine;
using tinyml::test::graph_of;

namespace {

// xtensor's operators clash with Catch's expression decomposer: compare outside CHECK.
bool same(const xt::xtensor<float, 4>& a, const xt::xtensor<float, 4>& b) { return a == b; }
template <std::size_t Rank>
float largest_magnitude(const xt::xtensor<float, Rank>& values) {
  float largest = 0.0f;
  for (float value : values) largest = std::max(largest, std::fabs(value));
  return largest;
}

std::vector<float> one_to_nine() { return {1, 2, 3, 4, 5, 6, 7, 8, 9}; }

std::vector<float> run(const Graph& graph, const FloatModel& model, const std::vector<float>& input) {
  return FloatEngine(graph, model).run({input.data(), input.size()});
}

// A model with every filter set to `value` (and biases 0) for hand-worked cases.
FloatModel constant_model(const Graph& graph, float value) {
  FloatModel model = init_float_model(graph, 1);
  for (OpWeights& weights : model.ops) {
    weights.filter.fill(value);
    weights.bias.fill(0.0f);
  }
  return model;
}

}  // namespace

TEST_CASE("seeded floats map mt19937_64's standard sequence the documented way", "[engine]") {
  // [rand.predef]: the 10000th draw of a default-seeded mt19937_64 is 9981545732273789042.
  SeededRandom random(5489u);
  for (int draw = 1; draw < 10000; ++draw) random.unit();
  CHECK(random.unit() == static_cast<double>(9981545732273789042ull >> 11) * 0x1.0p-53);
  CHECK(stream_seed(1, "conv1") != stream_seed(1, "conv2"));
  CHECK(stream_seed(1, "conv1") != stream_seed(2, "conv1"));
}

TEST_CASE("seeded weights repeat, stay in their bounds and do not depend on other layers", "[engine]") {
  const Graph graph = build_graph(parse_network(find_preset("MCUNet").spec));
  const FloatModel first = init_float_model(graph, 7);
  const FloatModel again = init_float_model(graph, 7);
  const FloatModel other = init_float_model(graph, 8);
  CHECK(same(first.ops[0].filter, again.ops[0].filter));
  CHECK_FALSE(same(first.ops[0].filter, other.ops[0].filter));
  check_float_model(graph, first);
  // He: U(±sqrt(6 / fan_in)); the stem has fan_in 3·3·3 = 27.
  const float bound = static_cast<float>(std::sqrt(6.0 / 27.0));
  const float largest = largest_magnitude(first.ops[0].filter);
  CHECK(largest <= bound);
  CHECK(largest > 0.9f * bound);
  REQUIRE(first.ops[0].bn);
  for (float var : first.ops[0].bn->running_var) CHECK((var >= 0.5f && var <= 2.0f));
  // Appending a layer leaves the seeded weights of the others unchanged.
  const Graph shorter = graph_of("[3, 8, 8]", R"([{"type": "conv2d", "out": 4, "kernel": 3}])");
  const Graph longer = graph_of("[3, 8, 8]", R"([{"type": "conv2d", "out": 4, "kernel": 3}, {"type": "linear", "out": 2}])");
  CHECK(same(init_float_model(shorter, 3).ops[0].filter, init_float_model(longer, 3).ops[0].filter));
}

TEST_CASE("float conv2d pads with zeros and adds the bias", "[engine]") {
  // 3×3 ones over 1…9 with padding 1: corners 12, 16, 24, 28; edges 21, 27, 33, 39; centre 45.
  const Graph graph = graph_of("[1, 3, 3]", R"([{"type": "conv2d", "out": 1, "kernel": 3, "padding": 1}])");
  FloatModel model = constant_model(graph, 1.0f);
  model.ops[0].bias(0) = 0.5f;
  CHECK(run(graph, model, one_to_nine()) == std::vector<float>{12.5f, 21.5f, 16.5f,
                                                                27.5f, 45.5f, 33.5f,
                                                                24.5f, 39.5f, 28.5f});
}

TEST_CASE("float grouped and depthwise convs read only their group's channels", "[engine]") {
  // 1×1, 4 → 2 channels in 2 groups: out0 = x0 + x1, out1 = x2 + x3 (all weights 1).
  const Graph grouped = graph_of("[4, 1, 1]", R"([{"type": "conv2d", "out": 2, "kernel": 1, "groups": 2}])");
  CHECK(run(grouped, constant_model(grouped, 1.0f), {1, 2, 3, 4}) == std::vector<float>{3, 7});
  // Depthwise 3×3, stride 2, padding 1 over two channels (HWC: channel 1 = −channel 0),
  // filter 1 everywhere: the 2×2 output sums each clamped window per channel.
  const Graph depthwise = graph_of("[2, 3, 3]", R"([{"type": "dwconv2d", "kernel": 3, "stride": 2, "padding": 1}])");
  std::vector<float> input;
  for (float value : one_to_nine()) input.insert(input.end(), {value, -value});
  // Windows: rows/cols {0,1} → 1+2+4+5 = 12; {0,1}×{1,2} → 16; {1,2}×{0,1} → 24; {1,2}×{1,2} → 28.
  CHECK(run(depthwise, constant_model(depthwise, 1.0f), input) ==
        std::vector<float>{12, -12, 16, -16,
                           24, -24, 28, -28});
}

TEST_CASE("float pools ignore padding: the average divides by the taps inside the image", "[engine]") {
  // 2×2 windows, stride 2, padding 1 over 1…9: {1}, {2, 3}, {4, 7}, {5, 6, 8, 9}.
  const Graph avg = graph_of("[1, 3, 3]", R"([{"type": "avgpool", "kernel": 2, "stride": 2, "padding": 1}])");
  CHECK(run(avg, FloatModel{{OpWeights{}}}, one_to_nine()) == std::vector<float>{1.0f, 2.5f, 5.5f, 7.0f});
  const Graph max = graph_of("[1, 3, 3]", R"([{"type": "maxpool", "kernel": 2, "stride": 2, "padding": 1}])");
  std::vector<float> negative = one_to_nine();
  for (float& value : negative) value = -value;
  CHECK(run(max, FloatModel{{OpWeights{}}}, negative) == std::vector<float>{-1.0f, -2.0f, -4.0f, -5.0f});
}

TEST_CASE("float global average, flatten and linear", "[engine]") {
  const Graph graph = graph_of("[2, 2, 2]", R"([{"type": "global_avgpool"}, {"type": "linear", "out": 1}])");
  FloatModel model = constant_model(graph, 0.0f);
  model.ops[1].filter(0, 0, 0, 0) = 1.0f;   // channel 0
  model.ops[1].filter(0, 0, 0, 1) = -2.0f;  // channel 1
  model.ops[1].bias(0) = 0.25f;
  // HWC input: channel 0 = 1, 2, 3, 4 (mean 2.5); channel 1 = 10, 20, 30, 40 (mean 25).
  CHECK(run(graph, model, {1, 10, 2, 20, 3, 30, 4, 40}) == std::vector<float>{2.5f - 50.0f + 0.25f});
}

TEST_CASE("activations clamp: relu at 0, relu6 at 0 and 6", "[engine]") {
  const Graph relu6 = graph_of("[1, 1, 3]", R"([{"type": "conv2d", "out": 1, "kernel": 1, "act": "relu6"}])");
  CHECK(run(relu6, constant_model(relu6, 2.0f), {-1, 2, 5}) == std::vector<float>{0, 4, 6});
  const Graph relu = graph_of("[1, 1, 3]", R"([{"type": "conv2d", "out": 1, "kernel": 1, "act": "relu"}])");
  CHECK(run(relu, constant_model(relu, 2.0f), {-1, 2, 5}) == std::vector<float>{0, 4, 10});
}

TEST_CASE("residual blocks add their shortcut", "[engine]") {
  // mbconv expand 1, stride 1, 1 → 1 channel: dw (3×3) → project (1×1) → add input.
  const Graph graph = graph_of("[1, 1, 1]", R"([{"type": "mbconv", "out": 1, "expand": 1, "act": "relu"}])");
  FloatModel model = init_float_model(graph, 1);
  for (OpWeights& weights : model.ops) {
    if (!weights.bn) continue;
    weights.filter.fill(0.0f);
    weights.filter(0, 1, 1, 0) = 2.0f;  // centre tap (a 1×1 image only sees the centre)
    weights.bn->gamma.fill(1.0f);
    weights.bn->beta.fill(0.0f);
    weights.bn->running_mean.fill(0.0f);
    weights.bn->running_var.fill(1.0f - weights.bn->eps);  // BN is the identity
  }
  model.ops[1].filter(0, 0, 0, 0) = 3.0f;  // project 1×1
  // x = 1.5: dw 3.0, relu 3.0, project 9.0, add 10.5.
  CHECK(std::fabs(run(graph, model, {1.5f})[0] - 10.5f) < 1e-5f);
}

TEST_CASE("folding BN into the conv computes the same network", "[engine]") {
  nlohmann::json spec = find_preset("MCUNet").spec;
  spec["input"] = {3, 24, 24};
  const Graph graph = build_graph(parse_network(spec));
  const FloatModel model = init_float_model(graph, 11);
  const FoldedNetwork folded = fold_batch_norm(graph, model);
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    CHECK_FALSE(folded.model.ops[index].bn);
    CHECK(folded.graph.ops[index].bn == false);
    CHECK(folded.graph.ops[index].bias == (graph.ops[index].bias || graph.ops[index].bn));
  }
  std::vector<float> input(3 * 24 * 24);
  for (std::size_t index = 0; index < input.size(); ++index) input[index] = std::fmod(index * 0.37f, 2.0f) - 1.0f;
  const std::vector<std::vector<float>> reference = FloatEngine(graph, model).run_all({input.data(), input.size()});
  const std::vector<std::vector<float>> fused =
      FloatEngine(folded.graph, folded.model).run_all({input.data(), input.size()});
  for (std::size_t tensor = 0; tensor < reference.size(); ++tensor) {
    float range = 0.0f, worst = 0.0f;
    for (std::size_t index = 0; index < reference[tensor].size(); ++index) {
      range = std::max(range, std::fabs(reference[tensor][index]));
      worst = std::max(worst, std::fabs(reference[tensor][index] - fused[tensor][index]));
    }
    INFO(graph.tensors[tensor].name);
    CHECK(worst <= 1e-5f * (1.0f + range));
  }
}

TEST_CASE("the float engine rejects weights that do not fit the graph", "[engine]") {
  const Graph graph = graph_of("[3, 8, 8]", R"([{"type": "conv2d", "out": 4, "kernel": 3}])");
  FloatModel model = init_float_model(graph, 1);
  model.ops[0].filter = xt::xtensor<float, 4>::from_shape({4, 3, 3, 2});
  CHECK_THROWS_WITH(FloatEngine(graph, model), Catch::Contains("ops.conv1.filter: must have shape [4, 3, 3, 3]"));
  const FloatModel good = init_float_model(graph, 1);
  const std::vector<float> short_input(10);
  CHECK_THROWS_WITH(FloatEngine(graph, good).run({short_input.data(), short_input.size()}),
                    Catch::Contains("expected 192 values, got 10"));
}
