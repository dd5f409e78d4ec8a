// fully_connected and add on small cases worked out by hand.
#include <catch2/catch.hpp>

#include <vector>

#include "core/error.hpp"
#include "core/kernels/add.hpp"
#include "core/kernels/fully_connected.hpp"

using namespace tinyml;
using namespace tinyml::kernels;

TEST_CASE("fully connected multiplies each row by the filter, with offsets and bias",
          "[kernels]") {
  // Rows (1, 2, 3) and (−1, 0, 4) stored with zero point −1; filter rows (1, 1, 1) and
  // (1, −1, 0); bias (1, 0): (7, −1) and (4, −1), plus output zero point 2.
  FullyConnectedConfig config;
  config.batches = 2;
  config.input_depth = 3;
  config.output_depth = 2;
  config.input = {1.0f, -1};
  config.output = {1.0f, 2};
  config.filter_scales = {1.0f};
  const FullyConnectedParams params = prepare_fully_connected(config);
  const std::vector<int8_t> input = {0, 1, 2, -2, -1, 3};
  const std::vector<int8_t> filter = {1, 1, 1, 1, -1, 0};
  const std::vector<int32_t> bias = {1, 0};
  std::vector<int8_t> output(4);
  fully_connected(params, span_of(input), span_of(filter), span_of(bias), span_of(output));
  CHECK(output == std::vector<int8_t>{9, 1, 6, 1});
  SECTION("relu clamps at the output zero point") {
    config.activation = quant::FusedActivation::Relu;
    config.output = {1.0f, 0};
    const FullyConnectedParams relu = prepare_fully_connected(config);
    fully_connected(relu, span_of(input), span_of(filter), {}, span_of(output));
    CHECK(output == std::vector<int8_t>{6, 0, 3, 0});
  }
}

TEST_CASE("fully connected derives per-tensor and per-channel multipliers as TFLM does",
          "[kernels]") {
  // Per-tensor: float32(0.1 · 0.1) / 0.1 in double; per-channel: all in double. The two
  // differ in the last bits of the multiplier.
  FullyConnectedConfig config;
  config.output_depth = 2;
  config.input = {0.1f, 0};
  config.output = {0.1f, 0};
  config.filter_scales = {0.1f};
  const FullyConnectedParams per_tensor = prepare_fully_connected(config);
  CHECK(per_tensor.channel_multipliers[1] == quant::QuantizedMultiplier{1717987014, -3});
  config.filter_scales = {0.1f, 0.1f};
  const FullyConnectedParams per_channel = prepare_fully_connected(config);
  CHECK(per_channel.channel_multipliers[1] == quant::QuantizedMultiplier{1717986944, -3});
}

TEST_CASE("add rescales both inputs to a common scale before adding", "[kernels]") {
  // Input 1 (scale 0.5, zp 0): 2, −4 = reals 1, −2. Input 2 (scale 0.25, zp 10): 14, 6 =
  // reals 1, −1. Sums 2, −3 at output scale 0.5, zero point −3: 4 − 3 = 1, −6 − 3 = −9.
  AddConfig config;
  config.input1_shape = config.input2_shape = {2};
  config.input1 = {0.5f, 0};
  config.input2 = {0.25f, 10};
  config.output = {0.5f, -3};
  const AddParams params = prepare_add(config);
  CHECK(params.input1_multiplier == quant::QuantizedMultiplier{1 << 30, 0});    // 1/2
  CHECK(params.input2_multiplier == quant::QuantizedMultiplier{1 << 30, -1});   // 1/4
  CHECK(params.output_multiplier == quant::QuantizedMultiplier{1 << 30, -18});  // 2^−19
  const std::vector<int8_t> input1 = {2, -4};
  const std::vector<int8_t> input2 = {14, 6};
  std::vector<int8_t> output(2);
  add(params, span_of(input1), span_of(input2), span_of(output));
  CHECK(output == std::vector<int8_t>{1, -9});
  SECTION("relu_n1_to_1 clamps to the quantized [−1, 1] = [−5, −1]") {
    config.activation = quant::FusedActivation::ReluN1To1;
    add(prepare_add(config), span_of(input1), span_of(input2), span_of(output));
    CHECK(output == std::vector<int8_t>{-1, -5});
  }
}

TEST_CASE("add broadcasts like numpy", "[kernels]") {
  AddConfig config;
  config.input1 = config.input2 = config.output = {1.0f, 0};
  SECTION("[2, 1] + [3] → [2, 3]") {
    config.input1_shape = {2, 1};
    config.input2_shape = {3};
    const AddParams params = prepare_add(config);
    CHECK(params.output_shape == std::vector<int>{2, 3});
    const std::vector<int8_t> column = {1, 2};
    const std::vector<int8_t> row = {10, 20, 30};
    std::vector<int8_t> output(params.output_size);
    add(params, span_of(column), span_of(row), span_of(output));
    CHECK(output == std::vector<int8_t>{11, 21, 31,
                                        12, 22, 32});
  }
  SECTION("a scalar broadcasts to every element") {
    config.input1_shape = {2, 2};
    config.input2_shape = {};
    const AddParams params = prepare_add(config);
    CHECK(params.output_shape == std::vector<int>{2, 2});
    const std::vector<int8_t> input = {1, -2, 3, -4};
    const std::vector<int8_t> scalar = {-5};
    std::vector<int8_t> output(4);
    add(params, span_of(input), span_of(scalar), span_of(output));
    CHECK(output == std::vector<int8_t>{-4, -7, -2, -9});
  }
  SECTION("shapes that do not broadcast are an error") {
    config.input1_shape = {2, 3};
    config.input2_shape = {4};
    CHECK_THROWS_WITH(prepare_add(config), Catch::Contains("do not broadcast"));
    config.input2_shape = {1, 1, 1, 1, 3};
    CHECK_THROWS_WITH(prepare_add(config), Catch::Contains("add.input2.shape"));
  }
}

TEST_CASE("add rejects an output scale too small for TFLite's 20-bit headroom", "[kernels]") {
  AddConfig config;
  config.input1_shape = config.input2_shape = {1};
  config.input1 = config.input2 = {1.0f, 0};
  config.output = {1e-7f, 0};  // 2 / (2^20 · 1e-7) ≈ 19 > 1
  CHECK_THROWS_WITH(prepare_add(config), Catch::Contains("add.output.scale"));
}
