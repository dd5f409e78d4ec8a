// The fast kernels (conv2d_fast, depthwise_conv2d_fast, fully_connected_fast, add_fast) give the
// reference kernels' int8 outputs exactly, swept over shapes, kernel sizes, strides,
// paddings, dilations, groups, channel counts (odd, and not multiples of the vector
// widths 4 and 8), quantization and activation clamps; and whole networks give the same
// bytes in every tensor with either kernel set. The same comparisons run in wasm
// (SIMD128) through tests/wasm/fast_kernels.test.mjs.
#include <catch2/catch.hpp>

#include <string>

#include "core/engine/calibration.hpp"
#include "core/engine/compare.hpp"
#include "core/engine/float_model.hpp"
#include "core/engine/quantize_model.hpp"
#include "core/engine/sample_inputs.hpp"
#include "core/spec/presets.hpp"
#include "tests/core/graph_test_helpers.hpp"
#include "tests/core/random_networks.hpp"
#include "tests/fast_kernels/fast_kernel_cases.hpp"

using namespace tinyml;
using namespace tinyml::kernels;
using tinyml::test::Mismatches;
using tinyml::test::RandomData;

namespace {

std::string describe(const Mismatches& result) {
  return std::to_string(result.differing) + " of " + std::to_string(result.compared) + " bytes differ; first at " +
         std::to_string(result.first) + ": reference " + std::to_string(result.reference_value) + ", fast " +
         std::to_string(result.fast_value);
}

}  // namespace

TEST_CASE("fast conv2d equals the reference over kernels, strides, paddings and channel counts", "[kernels][fast]") {
  const int kernel = GENERATE(1, 2, 3, 5, 7);
  const int stride = GENERATE(1, 2, 3);
  const int in_channels = GENERATE(1, 3, 8, 13);
  const int out_channels = GENERATE(1, 5, 8, 19);
  const int padding = GENERATE(0, 1, 3);
  const int size = 9;
  if (size + 2 * padding < kernel) return;  // no output
  RandomData data{std::mt19937(static_cast<unsigned>(kernel * 1000 + stride * 100 + in_channels * 10 + out_channels)),
                  false};
  const test::CaseQuantization q = test::random_quantization(data, out_channels, data.uniform(0, 3) > 0);
  const Conv2dConfig config{test::square_window(size, in_channels, out_channels, kernel, stride, padding), 1, q.input,
                            q.output, q.filter_scales, q.activation};
  const Mismatches result = test::compare_conv2d(config, data, data.uniform(0, 3) > 0);
  INFO(describe(result));
  CHECK(result.differing == 0);
}

TEST_CASE("fast conv2d equals the reference with groups, dilation, SAME padding and batches", "[kernels][fast]") {
  const int groups = GENERATE(1, 2, 3);
  const int dilation = GENERATE(1, 2);
  const int batch = GENERATE(1, 2);
  const unsigned seed = GENERATE(range(0u, 4u));
  RandomData data{std::mt19937(seed * 31 + groups * 7 + dilation + batch * 3), false};
  const int in_channels = groups * data.uniform(1, 6);
  const int out_channels = groups * data.uniform(1, 7);
  const int kernel = data.uniform(1, 4);
  const int stride = data.uniform(1, 2);
  const int height = data.uniform(kernel * dilation, 15);
  const int width = data.uniform(kernel * dilation, 15);
  Window2d window;
  window.input = {batch, height, width, in_channels};
  const AxisPadding rows = compute_padding(kernels::Padding::Same, height, kernel, stride, dilation);
  const AxisPadding cols = compute_padding(kernels::Padding::Same, width, kernel, stride, dilation);
  window.output = {batch, rows.output, cols.output, out_channels};
  window.filter_height = window.filter_width = kernel;
  window.stride_h = window.stride_w = stride;
  window.dilation_h = window.dilation_w = dilation;
  window.pad_top = rows.before;
  window.pad_left = cols.before;
  const test::CaseQuantization q = test::random_quantization(data, out_channels, true);
  const Mismatches result =
      test::compare_conv2d({window, groups, q.input, q.output, q.filter_scales, q.activation}, data, true);
  INFO(describe(result));
  CHECK(result.differing == 0);
}

TEST_CASE("fast conv2d equals the reference at the int16 extremes of input and weights", "[kernels][fast]") {
  // (x + offset) = −255 against weights ±127: the largest products the int16 columns and
  // the pairwise dot product carry, over a deep 5×5×64 window.
  const int kernel = GENERATE(1, 5);
  RandomData data{std::mt19937(11u + kernel), true};
  const test::CaseQuantization q = test::random_quantization(data, 6, true);
  const Conv2dConfig config{test::square_window(7, 64, 6, kernel, 1, kernel / 2), 1, q.input, q.output,
                            q.filter_scales, q.activation};
  const Mismatches result = test::compare_conv2d(config, data, true);
  INFO(describe(result));
  CHECK(result.compared == 7 * 7 * 6);
  CHECK(result.differing == 0);
}

TEST_CASE("fast depthwise conv2d equals the reference over kernels, strides, paddings and channels",
          "[kernels][fast]") {
  const int kernel = GENERATE(1, 3, 5, 7);
  const int stride = GENERATE(1, 2);
  const int padding = GENERATE(0, 1, 2, 3);
  const int channels = GENERATE(1, 7, 8, 16, 21, 29);  // 29: three blocks of 8 and 5 left over
  const int dilation = GENERATE(1, 2);
  const int size = 10;
  if (size + 2 * padding < (kernel - 1) * dilation + 1) return;
  RandomData data{std::mt19937(static_cast<unsigned>(kernel * 1000 + stride * 100 + padding * 10 + channels +
                                                     dilation * 7)),
                  channels == 16 && kernel == 3};  // one extreme case per stride/padding
  const test::CaseQuantization q = test::random_quantization(data, channels, data.uniform(0, 3) > 0);
  const DepthwiseConv2dConfig config{test::square_window(size, channels, channels, kernel, stride, padding, dilation),
                                     q.input, q.output, q.filter_scales, q.activation};
  const Mismatches result = test::compare_depthwise_conv2d(config, data, data.uniform(0, 3) > 0);
  INFO(describe(result));
  CHECK(result.differing == 0);
}

TEST_CASE("fast fully connected equals the reference over depths, widths and batches", "[kernels][fast]") {
  const int input_depth = GENERATE(1, 7, 8, 9, 64, 100, 1280);
  const int output_depth = GENERATE(1, 3, 4, 10, 17);
  const int batches = GENERATE(1, 4);
  const bool per_channel = GENERATE(false, true);
  RandomData data{std::mt19937(static_cast<unsigned>(input_depth * 100 + output_depth * 3 + batches)),
                  input_depth == 9};
  const test::CaseQuantization q = test::random_quantization(data, output_depth, per_channel);
  const FullyConnectedConfig config{batches, input_depth, output_depth, q.input, q.output, q.filter_scales,
                                    q.activation};
  const Mismatches result = test::compare_fully_connected(config, data, output_depth != 3);
  INFO(describe(result));
  CHECK(result.differing == 0);
}

TEST_CASE("fast add equals the reference over sizes, quantization and clamps", "[kernels][fast]") {
  const int channels = GENERATE(1, 3, 8, 16, 27);
  const unsigned seed = GENERATE(range(0u, 6u));
  RandomData data{std::mt19937(seed * 97 + channels), seed == 0};
  const Mismatches result = test::compare_add(data.uniform(1, 9), data.uniform(1, 9), channels, data);
  INFO(describe(result));
  CHECK(result.differing == 0);
}

namespace {

// Every tensor of `graph` quantized with seeded weights, run with both kernel sets.
void check_network_kernels_agree(const Graph& graph, uint64_t seed) {
  const auto [reference, fast] = test::run_with_both_kernels(graph, seed);
  REQUIRE(reference.size() == fast.size());
  for (std::size_t tensor = 0; tensor < reference.size(); ++tensor) {
    INFO("tensor " << tensor << " (" << graph.tensors[tensor].name << ")");
    CHECK(reference[tensor] == fast[tensor]);
  }
}

}  // namespace

TEST_CASE("fast average and max pooling equal the reference over windows, strides, paddings and channels",
          "[kernels][fast]") {
  const int kernel = GENERATE(1, 2, 3, 5);
  const int stride = GENERATE(1, 2, 3);
  const int channels = GENERATE(1, 7, 8, 16, 17, 40);
  const int padding = GENERATE(0, 1, 2);
  const bool average = GENERATE(true, false);
  if (padding >= kernel) return;  // a corner window would lie entirely in the padding
  RandomData data{std::mt19937(static_cast<unsigned>(kernel * 1000 + stride * 100 + channels * 10 + padding)),
                  false};
  const Mismatches result =
      test::compare_pool2d(test::square_window(9, channels, channels, kernel, stride, padding), average, data);
  INFO(describe(result));
  CHECK(result.differing == 0);
}

TEST_CASE("fast average pooling rounds halves away from zero at the largest sums", "[kernels][fast]") {
  // A 64x64 window of -128 (and of 127): sums of -524288 and 520192, averaged over 4096
  // taps, the largest magnitudes the float division meets in this sweep.
  for (const int value : {-128, 127}) {
    const kernels::Window2d window = test::square_window(64, 3, 3, 64, 1, 0);
    kernels::Pool2dConfig config{window, {0.1f, 0}, {0.1f, 0}, quant::FusedActivation::None};
    const kernels::Pool2dParams params = kernels::prepare_pool2d(config);
    std::vector<int8_t> values(window.input.size(), static_cast<int8_t>(value));
    values[5] = static_cast<int8_t>(value == 127 ? 0 : -127);  // not a multiple of the count
    const std::vector<int8_t>& input = values;
    std::vector<int8_t> reference(window.output.size()), fast(window.output.size());
    kernels::average_pool2d(params, kernels::span_of(input), kernels::span_of(reference));
    kernels::average_pool2d_fast(params, kernels::span_of(input), kernels::span_of(fast));
    CHECK(reference == fast);
  }
}

TEST_CASE("fast mean equals the reference over shapes, channel counts and quantization", "[kernels][fast]") {
  const int channels = GENERATE(1, 7, 8, 13, 64, 161);
  const int size = GENERATE(1, 2, 5, 16);
  const int batches = GENERATE(1, 2);
  RandomData data{std::mt19937(static_cast<unsigned>(channels * 100 + size * 10 + batches)), false};
  const Mismatches result = test::compare_mean(batches, size, size + 1, channels, data);
  INFO(describe(result));
  CHECK(result.differing == 0);
}

TEST_CASE("the vector requantizer equals requantize_to_int8 over the whole multiplier domain", "[kernels][fast]") {
  int short_cases = 0;
  int general_cases = 0;
  for (unsigned seed = 0; seed < 400; ++seed) {
    RandomData data{std::mt19937(seed), false};
    const bool small_bounds = seed % 4 != 0;
    const test::RequantizerCase result = test::compare_requantizer(data, data.uniform(1, 20), small_bounds);
    INFO("seed " << seed << ": " << describe(result.result));
    REQUIRE(result.result.differing == 0);
    (result.short_path ? short_cases : general_cases) += 1;
    // Accumulators up to the reference's limit never fit the short path's check.
    if (!small_bounds) CHECK_FALSE(result.short_path);
  }
  // Both paths ran, many times each.
  CHECK(short_cases > 50);
  CHECK(general_cases > 100);
}

TEST_CASE("every preset gives identical int8 tensors with fast and reference kernels", "[engine][fast]") {
  for (const Preset& preset : presets()) {
    INFO(preset.name);
    nlohmann::json spec = preset.spec;
    spec["input"] = {3, 32, 32};
    check_network_kernels_agree(build_graph(parse_network(spec)), 3);
  }
}

TEST_CASE("random networks give identical int8 tensors with fast and reference kernels", "[engine][fast]") {
  const unsigned seed = GENERATE(range(0u, 12u));
  INFO("random network seed " << seed);
  check_network_kernels_agree(build_graph(parse_network(test::random_network_spec(seed))), seed);
}
