// conv2d and depthwise conv2d on small cases worked out by hand, plus TFLite's padding rule.
#include <catch2/catch.hpp>

#include <vector>

#include "core/error.hpp"
#include "core/kernels/conv2d.hpp"
#include "core/kernels/depthwise_conv2d.hpp"

using namespace tinyml;
using namespace tinyml::kernels;

namespace {

// 3×3 image with values 1…9 (real), stored with the given zero point: [1, 3, 3, 1].
std::vector<int8_t> one_to_nine(int32_t zero_point) {
  std::vector<int8_t> image;
  for (int value = 1; value <= 9; ++value) image.push_back(static_cast<int8_t>(value + zero_point));
  return image;
}

Window2d same_3x3_window() {
  Window2d window;
  window.input = {1, 3, 3, 1};
  window.output = {1, 3, 3, 1};
  window.filter_height = window.filter_width = 3;
  window.pad_top = compute_padding(Padding::Same, 3, 3, 1, 1).before;
  window.pad_left = window.pad_top;
  return window;
}

std::vector<int8_t> run_conv(const Conv2dConfig& config, const std::vector<int8_t>& input,
                             const std::vector<int8_t>& filter, const std::vector<int32_t>& bias) {
  const Conv2dParams params = prepare_conv2d(config);
  std::vector<int8_t> output(config.window.output.size());
  conv2d(params, span_of(input), span_of(filter), span_of(bias), span_of(output));
  return output;
}

}  // namespace

TEST_CASE("padding follows TensorFlow: SAME puts the odd pixel after", "[kernels]") {
  const AxisPadding same_odd = compute_padding(Padding::Same, 5, 3, 2, 1);
  CHECK(same_odd.output == 3);
  CHECK(same_odd.before == 1);
  CHECK(same_odd.after == 1);
  const AxisPadding same_even = compute_padding(Padding::Same, 4, 3, 2, 1);
  CHECK(same_even.output == 2);
  CHECK(same_even.before == 0);
  CHECK(same_even.after == 1);
  const AxisPadding valid = compute_padding(Padding::Valid, 5, 3, 2, 1);
  CHECK(valid.output == 2);
  CHECK(valid.before + valid.after == 0);
  CHECK(compute_padding(Padding::Valid, 7, 3, 1, 2).output == 3);  // dilated: 5 taps wide
  CHECK(compute_padding(Padding::Same, 32, 3, 2, 1).before == 0);
}

TEST_CASE("conv2d pads with the input zero point", "[kernels]") {
  // Sums of each 3×3 neighbourhood of 1…9 with ones: corners 12, 16, 24, 28;
  // edges 21, 27, 33, 39; centre 45.
  Conv2dConfig config;
  config.window = same_3x3_window();
  config.input = {1.0f, 3};
  config.output = {1.0f, 0};
  config.filter_scales = {1.0f};
  const std::vector<int8_t> ones(9, 1);
  CHECK(run_conv(config, one_to_nine(3), ones, {}) ==
        std::vector<int8_t>{12, 21, 16,
                            27, 45, 33,
                            24, 39, 28});
}

TEST_CASE("conv2d adds the bias, requantizes and adds the output zero point", "[kernels]") {
  // (sum + 2) / 2 with ties rounded up, minus 5: 14→7, 23→12, 18→9, 29→15, 47→24,
  // 35→18, 26→13, 41→21, 30→15.
  Conv2dConfig config;
  config.window = same_3x3_window();
  config.input = {1.0f, 0};
  config.output = {2.0f, -5};
  config.filter_scales = {1.0f};
  const std::vector<int8_t> ones(9, 1);
  CHECK(run_conv(config, one_to_nine(0), ones, {2}) ==
        std::vector<int8_t>{2, 7, 4,
                            10, 19, 13,
                            8, 16, 10});
}

TEST_CASE("conv2d uses one multiplier per output channel and clamps to relu6", "[kernels]") {
  // 1×1 conv over [1, 1, 1, 2] = (4, 6); filters (1, 1), (1, −1), (1, 1) with scales
  // 1, 1, 0.25: sums 10, −2, 10 → relu6 with scale 1 → 6, 0, 2.5 → 3.
  Conv2dConfig config;
  config.window.input = {1, 1, 1, 2};
  config.window.output = {1, 1, 1, 3};
  config.input = {1.0f, 0};
  config.output = {1.0f, 0};
  config.filter_scales = {1.0f, 1.0f, 0.25f};
  config.activation = quant::FusedActivation::Relu6;
  CHECK(run_conv(config, {4, 6}, {1, 1, 1, -1, 1, 1}, {}) == std::vector<int8_t>{6, 0, 3});
}

TEST_CASE("conv2d with stride 2 and dilation 2 reads every other pixel", "[kernels]") {
  // 5×5 image with value 5y + x; 2×2 filter of ones dilated by 2 covers (y, x), (y, x+2),
  // (y+2, x), (y+2, x+2); VALID output 2×2 at stride 2.
  Conv2dConfig config;
  config.window.input = {1, 5, 5, 1};
  config.window.output = {1, 2, 2, 1};
  config.window.filter_height = config.window.filter_width = 2;
  config.window.stride_h = config.window.stride_w = 2;
  config.window.dilation_h = config.window.dilation_w = 2;
  config.input = {1.0f, 0};
  config.output = {1.0f, 0};
  config.filter_scales = {1.0f};
  std::vector<int8_t> image(25);
  for (int i = 0; i < 25; ++i) image[i] = static_cast<int8_t>(i);
  CHECK(run_conv(config, image, {1, 1, 1, 1}, {}) == std::vector<int8_t>{24, 32, 64, 72});
}

TEST_CASE("conv2d with groups convolves each channel group separately", "[kernels]") {
  // Input (1, 2, 3, 4), 2 groups: output 0 sees (1, 2) with (1, 1) → 3; output 1 sees
  // (3, 4) with (1, −1) → −1.
  Conv2dConfig config;
  config.window.input = {1, 1, 1, 4};
  config.window.output = {1, 1, 1, 2};
  config.groups = 2;
  config.input = {1.0f, 0};
  config.output = {1.0f, 0};
  config.filter_scales = {1.0f};
  CHECK(run_conv(config, {1, 2, 3, 4}, {1, 1, 1, -1}, {}) == std::vector<int8_t>{3, -1});
}

TEST_CASE("conv2d prepare rejects inconsistent configurations, naming the field", "[kernels]") {
  Conv2dConfig config;
  config.window.input = {1, 4, 4, 3};
  config.window.output = {1, 4, 4, 4};
  config.input = {1.0f, 0};
  config.output = {1.0f, 0};
  config.filter_scales = {1.0f};
  CHECK_NOTHROW(prepare_conv2d(config));
  SECTION("groups") {
    config.groups = 2;
    CHECK_THROWS_WITH(prepare_conv2d(config, "layers[1]"), Catch::Contains("layers[1].groups"));
  }
  SECTION("filter scale count") {
    config.filter_scales = {1.0f, 1.0f};
    CHECK_THROWS_WITH(prepare_conv2d(config), Catch::Contains("conv2d.filter_scales"));
  }
  SECTION("a multiplier too large for the requantization") {
    config.output.scale = 1e-12f;
    CHECK_THROWS_AS(prepare_conv2d(config), Error);
  }
  SECTION("stride") {
    config.window.stride_w = 0;
    CHECK_THROWS_WITH(prepare_conv2d(config), Catch::Contains("conv2d.stride_w"));
  }
  SECTION("batch") {
    config.window.output.batch = 2;
    CHECK_THROWS_WITH(prepare_conv2d(config), Catch::Contains("conv2d.output.batch"));
  }
}

TEST_CASE("depthwise conv2d maps output channel m + c·M to input channel c", "[kernels]") {
  // Input [1, 2, 2, 2]: channel 0 = (1, 2, 3, 4), channel 1 = (10, 20, 30, 40) over the
  // taps (0,0), (0,1), (1,0), (1,1). Depth multiplier 2, filter [1, 2, 2, 4]:
  // output 0 (c0): ones → 10; output 1 (c0): (1, 0, 0, −1) → −3;
  // output 2 (c1): ones → 100, bias −50 → 50; output 3 (c1): (0, 1, 1, 0) → 50.
  DepthwiseConv2dConfig config;
  config.window.input = {1, 2, 2, 2};
  config.window.output = {1, 1, 1, 4};
  config.window.filter_height = config.window.filter_width = 2;
  config.input = {1.0f, 0};
  config.output = {1.0f, 0};
  config.filter_scales = {1.0f};
  const DepthwiseConv2dParams params = prepare_depthwise_conv2d(config);
  CHECK(params.depth_multiplier == 2);
  const std::vector<int8_t> input = {1, 10, 2, 20, 3, 30, 4, 40};
  const std::vector<int8_t> filter = {1, 1, 1, 0,    // tap (0,0), outputs 0…3
                                      1, 0, 1, 1,    // tap (0,1)
                                      1, 0, 1, 1,    // tap (1,0)
                                      1, -1, 1, 0};  // tap (1,1)
  const std::vector<int32_t> bias = {0, 0, -50, 0};
  std::vector<int8_t> output(4);
  depthwise_conv2d(params, span_of(input), span_of(filter), span_of(bias), span_of(output));
  CHECK(output == std::vector<int8_t>{10, -3, 50, 50});
}

TEST_CASE("depthwise conv2d with SAME padding skips taps outside the image", "[kernels]") {
  // One channel 1…9 with zero point −4, 3×3 ones, SAME: the same neighbourhood sums as
  // conv2d, then scaled by 1/3 = 1431655765 · 2^(−1 − 31). TFLM rounds twice: 16 · (2/3)
  // = 10.67 → 11, then 11 / 2 = 5.5 → 6, so 16/3 = 5.33 gives 6 (and 28/3 = 9.33 gives
  // 10: 18.67 → 19 → 9.5 → 10); the other sums divide exactly.
  DepthwiseConv2dConfig config;
  config.window = same_3x3_window();
  config.input = {1.0f, -4};
  config.output = {3.0f, 0};
  config.filter_scales = {1.0f};
  const DepthwiseConv2dParams params = prepare_depthwise_conv2d(config);
  const std::vector<int8_t> input = one_to_nine(-4);
  const std::vector<int8_t> filter(9, 1);
  std::vector<int8_t> output(9);
  depthwise_conv2d(params, span_of(input), span_of(filter), {}, span_of(output));
  CHECK(output == std::vector<int8_t>{4, 7, 6,
                                      9, 15, 11,
                                      8, 13, 10});
}

TEST_CASE("depthwise prepare rejects an output that is not a multiple of the input depth",
          "[kernels]") {
  DepthwiseConv2dConfig config;
  config.window.input = {1, 2, 2, 2};
  config.window.output = {1, 2, 2, 3};
  config.input = config.output = {1.0f, 0};
  config.filter_scales = {1.0f};
  CHECK_THROWS_WITH(prepare_depthwise_conv2d(config), Catch::Contains("dwconv2d.output.channels"));
}
