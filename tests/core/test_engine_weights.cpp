// The float weights file: PyTorch layouts in, the engines' layouts out, and clear errors.
#include <catch2/catch.hpp>

#include <cstring>
#include <limits>
#include <random>

#include <string>
#include <vector>

#include "core/engine/float_engine.hpp"
#include "core/engine/float_weights_json.hpp"
#include "core/error.hpp"
#include "core/spec/presets.hpp"
#include "tests/core/graph_test_helpers.hpp"

using namespace tinyml;
using namespace tinyml::engine;
using tinyml::test::graph_of;

namespace {

std::vector<float> counting(int count) {
  std::vector<float> values;
  for (int value = 0; value < count; ++value) values.push_back(static_cast<float>(value));
  return values;
}

std::string error_of(const Graph& graph, const nlohmann::json& document) {
  try {
    float_weights_from_json(graph, document);
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("conv and depthwise weights are read in PyTorch's O, I, KH, KW layout", "[engine]") {
  const Graph graph = graph_of("[3, 4, 4]", R"([
    {"type": "conv2d", "out": 2, "kernel": [1, 2], "bias": false},
    {"type": "dwconv2d", "kernel": [2, 1], "bias": false}])");
  const nlohmann::json document = {{"ops", {{"conv1", {{"weight", counting(12)}}},
                                            {"dwconv1", {{"weight", counting(4)}}}}}};
  const FloatModel model = float_weights_from_json(graph, document);
  // Internal [O, KH, KW, I]: element (o, 0, x, i) is PyTorch's ((o·3 + i)·1 + 0)·2 + x.
  CHECK(model.ops[0].filter(1, 0, 1, 2) == 11.0f);
  CHECK(model.ops[0].filter(0, 0, 1, 0) == 1.0f);
  CHECK(model.ops[0].filter(0, 0, 0, 1) == 2.0f);
  // Depthwise internal [1, KH, KW, C]; PyTorch [C, 1, KH, KW]: (0, y, 0, c) ↔ c·2 + y.
  CHECK(model.ops[1].filter(0, 1, 0, 0) == 1.0f);
  CHECK(model.ops[1].filter(0, 0, 0, 1) == 2.0f);
}

TEST_CASE("linear weights follow PyTorch's C, H, W flatten order", "[engine]") {
  // Input 2×1×2 (C = 2, W = 2), flatten, linear to 1. PyTorch flattens (c0 w0, c0 w1,
  // c1 w0, c1 w1); the engine stores (w0 c0, w0 c1, w1 c0, w1 c1).
  const Graph graph = graph_of("[2, 1, 2]", R"([{"type": "flatten"}, {"type": "linear", "out": 1, "bias": false}])");
  const FloatModel model = float_weights_from_json(graph, {{"ops", {{"fc1", {{"weight", {{1, 10, 100, 1000}}}}}}}});
  // CHW input (c0: 1, 2; c1: 3, 4) is HWC (1, 3, 2, 4): PyTorch gives 1·1 + 2·10 + 3·100 + 4·1000.
  const std::vector<float> hwc = {1, 3, 2, 4};
  CHECK(FloatEngine(graph, model).run({hwc.data(), hwc.size()}) == std::vector<float>{4321.0f});
}

TEST_CASE("a weights file round-trips, BN included, flat or nested", "[engine]") {
  nlohmann::json spec = find_preset("MCUNet").spec;
  spec["input"] = {3, 16, 16};
  const Graph graph = build_graph(parse_network(spec));
  const FloatModel model = init_float_model(graph, 5);
  const nlohmann::json document = float_weights_to_json(graph, model);
  const FloatModel back = read_float_weights(graph, document.dump());
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    INFO(graph.ops[index].name);
    CHECK(std::equal(model.ops[index].filter.begin(), model.ops[index].filter.end(), back.ops[index].filter.begin()));
    CHECK(model.ops[index].bias.size() == back.ops[index].bias.size());
    CHECK(model.ops[index].bn.has_value() == back.ops[index].bn.has_value());
    if (model.ops[index].bn) {
      CHECK(std::equal(model.ops[index].bn->running_var.begin(), model.ops[index].bn->running_var.end(),
                       back.ops[index].bn->running_var.begin()));
    }
  }
  // Nested to the exact shape, as tensor.tolist() writes it.
  const Graph small = graph_of("[1, 2, 2]", R"([{"type": "conv2d", "out": 2, "kernel": 2, "bias": false}])");
  const FloatModel nested = float_weights_from_json(
      small, {{"ops", {{"conv1", {{"weight", {{{{1, 2}, {3, 4}}}, {{{5, 6}, {7, 8}}}}}}}}}});
  CHECK(nested.ops[0].filter(1, 1, 0, 0) == 7.0f);
}

TEST_CASE("a weights file writes each float in few digits and reads back every bit", "[engine]") {
  nlohmann::json spec = find_preset("MCUNet").spec;
  spec["input"] = {3, 16, 16};
  const Graph graph = build_graph(parse_network(spec));
  FloatModel model = init_float_model(graph, 7);
  // Random bit patterns over every exponent (denormals included), signed zeros, extremes.
  std::mt19937 rng(3);
  std::size_t numbers = 0;
  for (OpWeights& weights : model.ops) {
    float* values = weights.filter.data();
    for (std::size_t index = 0; index < weights.filter.size(); ++index) {
      uint32_t bits = static_cast<uint32_t>(rng());
      if ((bits & 0x7f800000u) == 0x7f800000u) bits &= ~0x00800000u;  // not inf or NaN
      std::memcpy(&values[index], &bits, 4);
    }
    if (weights.filter.size() >= 3) values[0] = -0.0f, values[1] = std::numeric_limits<float>::max(), values[2] = 1e-45f;
    numbers += weights.filter.size() + weights.bias.size() + (weights.bn ? 4 * weights.bn->gamma.size() + 1 : 0);
  }
  const std::string text = float_weights_to_json(graph, model).dump();
  const FloatModel back = read_float_weights(graph, text);
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    INFO(graph.ops[index].name);
    const auto& a = model.ops[index].filter;
    const auto& b = back.ops[index].filter;
    REQUIRE(a.size() == b.size());
    CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
  }
  // At most 9 significant digits (a sign, a point, "e-45"): 17-digit doubles would need
  // about 22 characters a number with these exponents.
  CHECK(text.size() < numbers * 17);
  // The seeded weights, the usual case, take about 11 characters a number.
  const FloatModel seeded = init_float_model(graph, 7);
  CHECK(float_weights_to_json(graph, seeded).dump().size() < numbers * 13);
}

TEST_CASE("weights files with missing, extra or misshapen entries are rejected by path", "[engine]") {
  const Graph graph = graph_of("[3, 8, 8]", R"([
    {"type": "conv2d", "out": 4, "kernel": 3, "bn": true},
    {"type": "global_avgpool"},
    {"type": "linear", "out": 2}])");
  nlohmann::json good = float_weights_to_json(graph, init_float_model(graph, 1));
  CHECK_NOTHROW(float_weights_from_json(graph, good));

  nlohmann::json missing = good;
  missing["ops"].erase("fc1");
  CHECK(error_of(graph, missing) == "ops.fc1: is missing (every op with weights needs its weights)");

  nlohmann::json extra = good;
  extra["ops"]["gap1"] = {{"weight", {1}}};
  CHECK(error_of(graph, extra) == "ops.gap1: no op with weights has this name; ops with weights: conv1, fc1");

  nlohmann::json short_weight = good;
  short_weight["ops"]["conv1"]["weight"].erase(0);
  CHECK(error_of(graph, short_weight) == "ops.conv1.weight: must have 108 values (shape [4, 3, 3, 3], row-major), got 107");

  nlohmann::json no_bn = good;
  no_bn["ops"]["conv1"].erase("bn");
  CHECK(error_of(graph, no_bn) == "ops.conv1.bn: is required: the op has batch norm");

  nlohmann::json stray_bias = good;
  stray_bias["ops"]["conv1"]["bias"] = {0, 0, 0, 0};
  CHECK(error_of(graph, stray_bias) == "ops.conv1.bias: the op has no bias (bias: false)");

  nlohmann::json negative_var = good;
  negative_var["ops"]["conv1"]["bn"]["running_var"][2] = -1.0;
  CHECK(error_of(graph, negative_var) == "ops.conv1.bn.running_var: must be ≥ 0, got -1.000000");

  nlohmann::json text_value = good;
  text_value["ops"]["fc1"]["bias"][1] = "x";
  CHECK(error_of(graph, text_value) == "ops.fc1.bias[1]: must be a number, got \"x\"");

  nlohmann::json typo = good;
  typo["ops"]["fc1"]["weights"] = typo["ops"]["fc1"]["weight"];
  CHECK(error_of(graph, typo) == "ops.fc1.weights: unknown field; allowed here: weight, bias, bn");
}
