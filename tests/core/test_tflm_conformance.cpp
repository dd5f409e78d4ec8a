// Conformance with TensorFlow Lite Micro: runs the 56 kernel cases of
// ../shared/reference/tflm-int8-vectors.json (taken from TFLM's own kernel tests) through
// this project's kernels and requires TFLM's reference output byte for byte. The file is
// read where it lies and never copied into the repo; without it the test says it is
// skipped (a warning containing "SKIPPED") instead of passing silently.
// The 4 GREEDY_MEMORY_PLANNER cases of the same file belong to the memory planner's tests.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/kernels/add.hpp"
#include "core/kernels/conv2d.hpp"
#include "core/kernels/depthwise_conv2d.hpp"
#include "core/kernels/fully_connected.hpp"
#include "core/kernels/mean.hpp"
#include "core/kernels/pool2d.hpp"
#include "core/kernels/softmax.hpp"

namespace {

using nlohmann::json;
using namespace tinyml;
using kernels::span_of;

constexpr int kKernelCases = 56;

// TINYML_SHARED_REFERENCE_DIR in the environment overrides the path compiled in.
std::string vectors_path() {
  const char* from_env = std::getenv("TINYML_SHARED_REFERENCE_DIR");
  const std::string dir = from_env ? from_env : TINYML_SHARED_REFERENCE_DIR;
  return dir + "/tflm-int8-vectors.json";
}

template <typename T>
std::vector<T> values(const json& array) { return array.get<std::vector<T>>(); }

quant::QuantParams quant_of(const json& tensor) {
  return {tensor.at("scale").get<float>(), tensor.at("zero_point").get<int32_t>()};
}

quant::FusedActivation activation_of(const json& params) {
  const std::string name = params.value("activation", "NONE");
  if (name == "RELU") return quant::FusedActivation::Relu;
  if (name == "RELU6") return quant::FusedActivation::Relu6;
  if (name == "RELU_N1_TO_1") return quant::FusedActivation::ReluN1To1;
  REQUIRE(name == "NONE");
  return quant::FusedActivation::None;
}

kernels::Nhwc nhwc_of(const json& shape) {
  REQUIRE(shape.size() == 4);
  return {shape[0].get<int>(), shape[1].get<int>(), shape[2].get<int>(), shape[3].get<int>()};
}

// Window from the case's params; padding derived from SAME/VALID as TFLM's prepare does,
// iterating over the declared output shape.
kernels::Window2d window_of(const json& c, int filter_height, int filter_width) {
  const json& p = c.at("params");
  kernels::Window2d window;
  window.input = nhwc_of(c.at("input").at("shape"));
  window.output = nhwc_of(c.at("output").at("shape"));
  window.filter_height = filter_height;
  window.filter_width = filter_width;
  window.stride_h = p.at("stride_h");
  window.stride_w = p.at("stride_w");
  window.dilation_h = p.value("dilation_h", 1);
  window.dilation_w = p.value("dilation_w", 1);
  const kernels::Padding mode =
      p.at("padding") == "SAME" ? kernels::Padding::Same : kernels::Padding::Valid;
  window.pad_top = kernels::compute_padding(mode, window.input.height, filter_height,
                                            window.stride_h, window.dilation_h).before;
  window.pad_left = kernels::compute_padding(mode, window.input.width, filter_width,
                                             window.stride_w, window.dilation_w).before;
  CHECK(json{window.pad_top, window.pad_left} == c.at("derived_params").at("padding_hw"));
  return window;
}

std::vector<int32_t> bias_of(const json& c) {
  return c.at("bias").is_null() ? std::vector<int32_t>{} : values<int32_t>(c["bias"].at("data"));
}

void check_multipliers(const std::vector<quant::QuantizedMultiplier>& multipliers,
                       const json& derived) {
  const auto expected_multipliers = values<int32_t>(derived.at("output_multiplier"));
  const auto expected_shifts = values<int>(derived.at("output_shift"));
  REQUIRE(multipliers.size() >= expected_multipliers.size());
  for (std::size_t i = 0; i < expected_multipliers.size(); ++i) {
    CHECK(multipliers[i].multiplier == expected_multipliers[i]);
    CHECK(multipliers[i].shift == expected_shifts[i]);
  }
}

void check_range(const quant::ActivationRange& range, const json& derived) {
  CHECK(range.min == derived.at("activation_min").get<int32_t>());
  CHECK(range.max == derived.at("activation_max").get<int32_t>());
}

std::vector<int8_t> run_conv2d(const json& c) {
  const json& filter = c.at("filter");
  const auto filter_shape = values<int>(filter.at("shape"));  // [C_out, KH, KW, C_in / groups]
  kernels::Conv2dConfig config;
  config.window = window_of(c, filter_shape[1], filter_shape[2]);
  config.groups = config.window.input.channels / filter_shape[3];
  config.input = quant_of(c.at("input"));
  config.output = quant_of(c.at("output"));
  config.filter_scales = values<float>(filter.at("scales"));
  config.activation = activation_of(c.at("params"));
  const kernels::Conv2dParams params = kernels::prepare_conv2d(config);
  check_multipliers(params.channel_multipliers, c.at("derived_params"));
  check_range(params.range, c.at("derived_params"));
  const auto input = values<int8_t>(c["input"].at("data"));
  const auto weights = values<int8_t>(filter.at("data"));
  const auto bias = bias_of(c);
  std::vector<int8_t> output(config.window.output.size());
  kernels::conv2d(params, span_of(input), span_of(weights), span_of(bias), span_of(output));
  return output;
}

std::vector<int8_t> run_depthwise_conv2d(const json& c) {
  const json& filter = c.at("filter");
  const auto filter_shape = values<int>(filter.at("shape"));  // [1, KH, KW, C · M]
  kernels::DepthwiseConv2dConfig config;
  config.window = window_of(c, filter_shape[1], filter_shape[2]);
  config.input = quant_of(c.at("input"));
  config.output = quant_of(c.at("output"));
  config.filter_scales = values<float>(filter.at("scales"));
  config.activation = activation_of(c.at("params"));
  const kernels::DepthwiseConv2dParams params = kernels::prepare_depthwise_conv2d(config);
  CHECK(params.depth_multiplier == c["params"].at("depth_multiplier").get<int>());
  check_multipliers(params.channel_multipliers, c.at("derived_params"));
  check_range(params.range, c.at("derived_params"));
  const auto input = values<int8_t>(c["input"].at("data"));
  const auto weights = values<int8_t>(filter.at("data"));
  const auto bias = bias_of(c);
  std::vector<int8_t> output(config.window.output.size());
  kernels::depthwise_conv2d(params, span_of(input), span_of(weights), span_of(bias),
                            span_of(output));
  return output;
}

std::vector<int8_t> run_fully_connected(const json& c) {
  const auto filter_shape = values<int>(c.at("filter").at("shape"));  // [O, K]
  const auto input = values<int8_t>(c.at("input").at("data"));
  kernels::FullyConnectedConfig config;
  config.output_depth = filter_shape[0];
  config.input_depth = filter_shape[1];
  config.batches = static_cast<int>(input.size()) / config.input_depth;
  config.input = quant_of(c.at("input"));
  config.output = quant_of(c.at("output"));
  config.filter_scales = values<float>(c["filter"].at("scales"));
  config.activation = activation_of(c.at("params"));
  const kernels::FullyConnectedParams params = kernels::prepare_fully_connected(config);
  check_multipliers(params.channel_multipliers, c.at("derived_params"));
  check_range(params.range, c.at("derived_params"));
  const auto weights = values<int8_t>(c["filter"].at("data"));
  const auto bias = bias_of(c);
  std::vector<int8_t> output(static_cast<std::size_t>(config.batches) * config.output_depth);
  kernels::fully_connected(params, span_of(input), span_of(weights), span_of(bias),
                           span_of(output));
  return output;
}

std::vector<int8_t> run_add(const json& c) {
  kernels::AddConfig config;
  config.input1_shape = values<int>(c.at("input").at("shape"));
  config.input2_shape = values<int>(c.at("input2").at("shape"));
  config.input1 = quant_of(c["input"]);
  config.input2 = quant_of(c["input2"]);
  config.output = quant_of(c.at("output"));
  config.activation = activation_of(c.at("params"));
  const kernels::AddParams params = kernels::prepare_add(config);
  const json& derived = c.at("derived_params");
  CHECK(params.left_shift == derived.at("left_shift").get<int>());
  CHECK(params.input1_multiplier == quant::QuantizedMultiplier{derived.at("input1_multiplier"),
                                                               derived.at("input1_shift")});
  CHECK(params.input2_multiplier == quant::QuantizedMultiplier{derived.at("input2_multiplier"),
                                                               derived.at("input2_shift")});
  CHECK(params.output_multiplier == quant::QuantizedMultiplier{derived.at("output_multiplier"),
                                                               derived.at("output_shift")});
  check_range(params.range, derived);
  CHECK(json(params.output_shape) == c["output"].at("shape"));
  const auto input1 = values<int8_t>(c["input"].at("data"));
  const auto input2 = values<int8_t>(c["input2"].at("data"));
  std::vector<int8_t> output(params.output_size);
  kernels::add(params, span_of(input1), span_of(input2), span_of(output));
  return output;
}

std::vector<int8_t> run_pool2d(const json& c) {
  const json& p = c.at("params");
  kernels::Pool2dConfig config;
  config.window = window_of(c, p.at("filter_h"), p.at("filter_w"));
  config.input = quant_of(c.at("input"));
  config.output = quant_of(c.at("output"));
  config.activation = activation_of(p);
  const kernels::Pool2dParams params = kernels::prepare_pool2d(config);
  check_range(params.range, c.at("derived_params"));
  const auto input = values<int8_t>(c["input"].at("data"));
  std::vector<int8_t> output(config.window.output.size());
  if (c.at("op") == "AVERAGE_POOL_2D") {
    kernels::average_pool2d(params, span_of(input), span_of(output));
  } else {
    kernels::max_pool2d(params, span_of(input), span_of(output));
  }
  return output;
}

std::vector<int8_t> run_mean(const json& c) {
  kernels::MeanConfig config;
  config.input_shape = values<int>(c.at("input").at("shape"));
  config.axes = values<int>(c.at("params").at("axis"));
  config.keep_dims = c["params"].at("keep_dims");
  config.input = quant_of(c["input"]);
  config.output = quant_of(c.at("output"));
  const kernels::MeanParams params = kernels::prepare_mean(config);
  const json& derived = c.at("derived_params");
  // The JSON records TFLM's QuantizeMultiplier(input_scale / output_scale), before the
  // kernel divides it by the element count.
  const quant::QuantizedMultiplier base = quant::quantize_multiplier(
      static_cast<double>(config.input.scale) / static_cast<double>(config.output.scale));
  check_multipliers({base}, derived);
  const auto input = values<int8_t>(c["input"].at("data"));
  std::vector<int8_t> output(params.output_size);
  kernels::mean(params, span_of(input), span_of(output));
  return output;
}

std::vector<int8_t> run_softmax(const json& c) {
  const auto shape = values<int>(c.at("input").at("shape"));
  const auto input = values<int8_t>(c["input"].at("data"));
  kernels::SoftmaxConfig config;
  config.depth = shape.back();
  config.rows = static_cast<int>(input.size()) / config.depth;
  config.beta = c.at("params").at("beta");
  config.input = quant_of(c["input"]);
  config.output = quant_of(c.at("output"));
  const kernels::SoftmaxParams params = kernels::prepare_softmax(config);
  const json& derived = c.at("derived_params");
  CHECK(params.input_multiplier.multiplier == derived.at("input_multiplier").get<int32_t>());
  CHECK(params.input_multiplier.shift == derived.at("input_left_shift").get<int>());
  CHECK(params.diff_min == derived.at("diff_min").get<int32_t>());
  std::vector<int8_t> output(input.size());
  kernels::softmax(params, span_of(input), span_of(output));
  return output;
}

std::vector<int8_t> run_case(const json& c) {
  const std::string op = c.at("op");
  if (op == "CONV_2D") return run_conv2d(c);
  if (op == "DEPTHWISE_CONV_2D") return run_depthwise_conv2d(c);
  if (op == "FULLY_CONNECTED") return run_fully_connected(c);
  if (op == "ADD") return run_add(c);
  if (op == "AVERAGE_POOL_2D" || op == "MAX_POOL_2D") return run_pool2d(c);
  if (op == "MEAN") return run_mean(c);
  if (op == "SOFTMAX") return run_softmax(c);
  FAIL("unknown op " << op);
  return {};
}

}  // namespace

TEST_CASE("every TFLM int8 kernel vector gives TFLM's reference output exactly", "[tflm]") {
  std::ifstream file(vectors_path());
  if (!file) {
    WARN("SKIPPED: " << vectors_path() << " not found; the TFLM conformance test did not run");
    return;
  }
  const json vectors = json::parse(file);
  int kernel_cases = 0;
  int matching = 0;
  for (const json& c : vectors) {
    if (c.at("op") == "GREEDY_MEMORY_PLANNER") continue;  // the memory planner's tests
    ++kernel_cases;
    INFO(c["op"].get<std::string>() << " " << c["source"].at("test").get<std::string>()
                                    << " (case " << kernel_cases << ")");
    const json& output = c.at("output");
    const auto reference = values<int>(output.at("reference_output"));
    const std::vector<int8_t> actual = run_case(c);
    const std::vector<int> actual_int(actual.begin(), actual.end());
    CHECK(actual_int == reference);
    matching += actual_int == reference ? 1 : 0;
    // And, as TFLM's test itself checks, within its tolerance of the test's golden.
    const auto expected = values<int>(output.at("expected"));
    const double tolerance = output.at("test_tolerance");
    REQUIRE(expected.size() == actual_int.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CHECK(std::abs(actual_int[i] - expected[i]) <= tolerance);
    }
  }
  CHECK(kernel_cases == kKernelCases);
  CHECK(matching == kKernelCases);
}
