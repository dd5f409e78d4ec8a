// Average pool, max pool and mean on cases worked out by hand — in particular the
// rounding of non-integer averages, which TFLM's own test vectors do not pin down.
#include <catch2/catch.hpp>

#include <vector>

#include "core/error.hpp"
#include "core/kernels/mean.hpp"
#include "core/kernels/pool2d.hpp"

using namespace tinyml;
using namespace tinyml::kernels;

namespace {

Pool2dConfig pool_config(Nhwc input, Nhwc output, int filter_h, int filter_w, int stride) {
  Pool2dConfig config;
  config.window.input = input;
  config.window.output = output;
  config.window.filter_height = filter_h;
  config.window.filter_width = filter_w;
  config.window.stride_h = config.window.stride_w = stride;
  config.input = config.output = {1.0f, 0};
  return config;
}

std::vector<int8_t> run_mean(const MeanConfig& config, const std::vector<int8_t>& input) {
  const MeanParams params = prepare_mean(config);
  std::vector<int8_t> output(params.output_size);
  mean(params, span_of(input), span_of(output));
  return output;
}

}  // namespace

TEST_CASE("average pool rounds half averages away from zero", "[kernels]") {
  // Pairs (1, 2) → 1.5 → 2; (−1, −2) → −1.5 → −2; (0, −1) → −0.5 → −1; (0, 1) → 0.5 → 1.
  const Pool2dParams params =
      prepare_pool2d(pool_config({1, 1, 8, 1}, {1, 1, 4, 1}, 1, 2, 2));
  const std::vector<int8_t> input = {1, 2, -1, -2, 0, -1, 0, 1};
  std::vector<int8_t> output(4);
  average_pool2d(params, span_of(input), span_of(output));
  CHECK(output == std::vector<int8_t>{2, -2, -1, 1});
}

TEST_CASE("a padded average pool divides by the taps inside the image", "[kernels]") {
  // 3×3 image 1…9, 3×3 window, SAME: corners average 4 taps, edges 6, the centre 9:
  // 12/4 = 3, 21/6 = 3.5 → 4, 16/4 = 4, 27/6 = 4.5 → 5, 45/9 = 5, 33/6 = 5.5 → 6,
  // 24/4 = 6, 39/6 = 6.5 → 7, 28/4 = 7.
  Pool2dConfig config = pool_config({1, 3, 3, 1}, {1, 3, 3, 1}, 3, 3, 1);
  config.window.pad_top = config.window.pad_left = 1;
  const Pool2dParams params = prepare_pool2d(config);
  const std::vector<int8_t> input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  std::vector<int8_t> output(9);
  average_pool2d(params, span_of(input), span_of(output));
  CHECK(output == std::vector<int8_t>{3, 4, 4,
                                      5, 5, 6,
                                      6, 7, 7});
}

TEST_CASE("a padded max pool ignores the padding", "[kernels]") {
  // All-negative 2×2 image, 2×2 window, SAME (padding after): the windows hold
  // {−5, −6, −7, −8}, {−6, −8}, {−7, −8}, {−8}; padding never contributes a 0.
  Pool2dConfig config = pool_config({1, 2, 2, 1}, {1, 2, 2, 1}, 2, 2, 1);
  const Pool2dParams params = prepare_pool2d(config);
  const std::vector<int8_t> input = {-5, -6, -7, -8};
  std::vector<int8_t> output(4);
  max_pool2d(params, span_of(input), span_of(output));
  CHECK(output == std::vector<int8_t>{-5, -6, -7, -8});
  SECTION("relu clamps at the zero point") {
    config.input = config.output = {1.0f, -6};
    config.activation = quant::FusedActivation::Relu;
    max_pool2d(prepare_pool2d(config), span_of(input), span_of(output));
    CHECK(output == std::vector<int8_t>{-5, -6, -6, -6});
  }
}

TEST_CASE("pool prepare rejects requantization and windows entirely in the padding",
          "[kernels]") {
  Pool2dConfig config = pool_config({1, 4, 4, 2}, {1, 2, 2, 2}, 2, 2, 2);
  CHECK_NOTHROW(prepare_pool2d(config));
  SECTION("different output quantization") {
    config.output = {0.5f, 0};
    CHECK_THROWS_WITH(prepare_pool2d(config, "pool"), Catch::Contains("pool.output"));
  }
  SECTION("a window that sees only padding") {
    config.window.pad_top = 2;
    CHECK_THROWS_WITH(prepare_pool2d(config), Catch::Contains("padding"));
  }
  SECTION("channels") {
    config.window.output.channels = 3;
    CHECK_THROWS_WITH(prepare_pool2d(config), Catch::Contains("pool2d.output.channels"));
  }
}

TEST_CASE("mean over H and W is a global average pool, rounded as TFLM rounds", "[kernels]") {
  // [1, 2, 2, 2]; n = 4, multiplier QuantizeMultiplier(1) = (2^30, 1) divided by 4 →
  // (2^30, −1). Channel 0: 1 + 2 + 3 + 4 = 10 → 2.5 → 3. Channel 1: −1 −2 −3 −5 = −11 →
  // SRDHM gives −5.5 → −5, then −5 / 2 = −2.5 → −3 (true −2.75).
  MeanConfig config;
  config.input_shape = {1, 2, 2, 2};
  config.axes = {1, 2};
  config.input = config.output = {1.0f, 0};
  const MeanParams params = prepare_mean(config);
  CHECK(params.count == 4);
  CHECK(params.multiplier == quant::QuantizedMultiplier{1 << 30, -1});
  CHECK(params.output_shape == std::vector<int>{1, 2});
  CHECK(run_mean(config, {1, -1, 2, -2, 3, -3, 4, -5}) == std::vector<int8_t>{3, -3});
}

TEST_CASE("mean rounds quarter and half averages with TFLM's double rounding", "[kernels]") {
  // Four values per output; sum s → SRDHM(s, 2^30) = s/2 (ties up), then /2 (ties away).
  MeanConfig config;
  config.input_shape = {6, 4};
  config.axes = {-1};
  config.input = config.output = {1.0f, 0};
  const std::vector<int8_t> input = {
      -3, -3, -3, -1,  // −10/4 = −2.5 → −5 → −2.5 → −3
      -1, -2, -3, 0,   // −6/4 = −1.5 → −3 → −1.5 → −2
      -1, -1, 0, 0,    // −2/4 = −0.5 → −1 → −0.5 → −1
      -1, 0, 0, 0,     // −1/4 = −0.25 → −0.5 → 0 → 0
      1, 0, 0, 0,      // 1/4 = 0.25 → 0.5 → 1 → 0.5 → 1 (double rounding; exact is 0)
      3, 0, 0, 0};     // 3/4 = 0.75 → 1.5 → 2 → 1
  CHECK(run_mean(config, input) == std::vector<int8_t>{-3, -2, -1, 0, 1, 1});
}

TEST_CASE("mean removes the input zero point and adds the output zero point", "[kernels]") {
  MeanConfig config;
  config.input_shape = {4};
  config.axes = {0};
  config.keep_dims = true;
  config.input = {1.0f, 2};
  config.output = {0.5f, -1};
  // Reals (1, 1, 1, 3): mean 1.5 at scale 0.5 → 3, plus −1 → 2.
  CHECK(prepare_mean(config).output_shape == std::vector<int>{1});
  CHECK(run_mean(config, {3, 3, 3, 5}) == std::vector<int8_t>{2});
}

TEST_CASE("mean prepare checks axes, shapes and the int32 bound", "[kernels]") {
  MeanConfig config;
  config.input = config.output = {1.0f, 0};
  config.input_shape = {2, 3};
  config.axes = {2};
  CHECK_THROWS_WITH(prepare_mean(config), Catch::Contains("mean.axes"));
  config.input_shape = {1, 4096, 4096, 1};
  config.axes = {1, 2};
  CHECK_THROWS_WITH(prepare_mean(config), Catch::Contains("int32"));
}
