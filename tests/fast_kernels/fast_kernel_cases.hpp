// Fast kernels against the reference kernels on random data: shared by the Catch2 sweeps
// (tests/core/test_kernels_fast.cpp, native: SSE4.1) and by fast_kernels_check.cpp,
// which runs the same comparisons in wasm under Node (SIMD128). No Catch2 here.
//
// Each compare_* prepares both kernels from one config, fills input, filter and bias
// from `seed`, runs both and counts the output bytes that differ.
#pragma once

#include <cstdint>
#include <cmath>
#include <algorithm>
#include <limits>
#include <random>
#include <vector>

#include "core/engine/calibration.hpp"
#include "core/engine/float_model.hpp"
#include "core/engine/int8_engine.hpp"
#include "core/engine/quantize_model.hpp"
#include "core/engine/sample_inputs.hpp"
#include "core/kernels/add.hpp"
#include "core/kernels/add_fast.hpp"
#include "core/kernels/conv2d.hpp"
#include "core/kernels/conv2d_fast.hpp"
#include "core/kernels/depthwise_conv2d.hpp"
#include "core/kernels/depthwise_conv2d_fast.hpp"
#include "core/kernels/fully_connected.hpp"
#include "core/kernels/fully_connected_fast.hpp"
#include "core/kernels/mean_fast.hpp"
#include "core/kernels/pool2d_fast.hpp"
#include "core/kernels/requantize.hpp"
#include "core/kernels/requantize_vector.hpp"

namespace tinyml::test {

struct Mismatches {
  std::size_t compared = 0;  // output bytes compared
  std::size_t differing = 0;
  std::size_t first = 0;     // index of the first differing byte
  int reference_value = 0;
  int fast_value = 0;
};

inline Mismatches count_mismatches(const std::vector<int8_t>& reference, const std::vector<int8_t>& fast) {
  Mismatches result;
  result.compared = reference.size();
  for (std::size_t index = 0; index < reference.size(); ++index) {
    if (reference[index] != fast[index]) {
      if (result.differing++ == 0) {
        result.first = index;
        result.reference_value = reference[index];
        result.fast_value = fast[index];
      }
    }
  }
  return result;
}

// Values for one case. `extreme`: inputs at −128 and weights at ±127 with input zero
// point 127, the largest |(x + offset) · w| = 255 · 127 the int16 paths must carry.
struct RandomData {
  std::mt19937 rng;
  bool extreme = false;

  int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); }
  std::vector<int8_t> int8s(std::size_t count, int low, int high) {
    std::vector<int8_t> values(count);
    for (auto& value : values) value = static_cast<int8_t>(extreme ? (uniform(0, 1) ? high : low) : uniform(low, high));
    return values;
  }
  std::vector<int32_t> biases(std::size_t count) {
    std::vector<int32_t> values(count);
    for (auto& value : values) value = uniform(-40000, 40000);
    return values;
  }
};

// Quantization for one case: zero points anywhere in int8, scales whose multipliers
// input·filter/output range over [2^-12, 2) (right shifts and, above 1, a left shift).
struct CaseQuantization {
  quant::QuantParams input;
  quant::QuantParams output;
  std::vector<float> filter_scales;
  quant::FusedActivation activation = quant::FusedActivation::None;
};

inline CaseQuantization random_quantization(RandomData& data, int channels, bool per_channel) {
  CaseQuantization q;
  q.input = {std::ldexp(1.0f, -data.uniform(4, 8)), data.extreme ? 127 : data.uniform(-128, 127)};
  q.output = {std::ldexp(1.0f, -data.uniform(0, 3)) * (1.0f + data.uniform(0, 99) / 100.0f), data.uniform(-128, 127)};
  const int count = per_channel ? channels : 1;
  for (int channel = 0; channel < count; ++channel) {
    q.filter_scales.push_back(std::ldexp(1.0f + data.uniform(0, 999) / 1000.0f, -data.uniform(-3, 6)));
  }
  const quant::FusedActivation activations[] = {quant::FusedActivation::None, quant::FusedActivation::Relu,
                                                quant::FusedActivation::Relu6};
  q.activation = activations[data.uniform(0, 2)];
  return q;
}

inline Mismatches compare_conv2d(const kernels::Conv2dConfig& config, RandomData& data, bool with_bias) {
  const kernels::Conv2dParams params = kernels::prepare_conv2d(config);
  const std::vector<int8_t> input = data.int8s(config.window.input.size(), -128, 127);
  const std::vector<int8_t> filter = data.int8s(params.filter_size(), -127, 127);
  const std::vector<int32_t> bias = with_bias ? data.biases(config.window.output.channels) : std::vector<int32_t>{};
  std::vector<int8_t> reference(config.window.output.size()), fast(config.window.output.size(), 0);
  kernels::conv2d(params, kernels::span_of(input), kernels::span_of(filter), kernels::span_of(bias),
                  kernels::span_of(reference));
  const kernels::FastConv2d conv = kernels::prepare_conv2d_fast(params, kernels::span_of(filter), kernels::span_of(bias));
  std::vector<int16_t> scratch(conv.scratch_elements(), int16_t{0x5555});  // garbage the kernel must overwrite
  kernels::conv2d_fast(conv, kernels::span_of(input), kernels::span_of(scratch), kernels::span_of(fast));
  return count_mismatches(reference, fast);
}

inline Mismatches compare_depthwise_conv2d(const kernels::DepthwiseConv2dConfig& config, RandomData& data,
                                           bool with_bias) {
  const kernels::DepthwiseConv2dParams params = kernels::prepare_depthwise_conv2d(config);
  const std::vector<int8_t> input = data.int8s(config.window.input.size(), -128, 127);
  const std::vector<int8_t> filter = data.int8s(params.filter_size(), -127, 127);
  const std::vector<int32_t> bias = with_bias ? data.biases(config.window.output.channels) : std::vector<int32_t>{};
  std::vector<int8_t> reference(config.window.output.size()), fast(config.window.output.size(), 0);
  kernels::depthwise_conv2d(params, kernels::span_of(input), kernels::span_of(filter), kernels::span_of(bias),
                            kernels::span_of(reference));
  const kernels::FastDepthwiseConv2d conv =
      kernels::prepare_depthwise_conv2d_fast(params, kernels::span_of(filter), kernels::span_of(bias));
  std::vector<int16_t> scratch(conv.scratch_elements(), int16_t{0x5555});
  kernels::depthwise_conv2d_fast(conv, kernels::span_of(input), kernels::span_of(scratch), kernels::span_of(fast));
  return count_mismatches(reference, fast);
}

inline Mismatches compare_fully_connected(const kernels::FullyConnectedConfig& config, RandomData& data,
                                          bool with_bias) {
  const kernels::FullyConnectedParams params = kernels::prepare_fully_connected(config);
  const std::vector<int8_t> input = data.int8s(static_cast<std::size_t>(config.batches) * config.input_depth, -128, 127);
  const std::vector<int8_t> filter =
      data.int8s(static_cast<std::size_t>(config.output_depth) * config.input_depth, -127, 127);
  const std::vector<int32_t> bias = with_bias ? data.biases(config.output_depth) : std::vector<int32_t>{};
  const std::size_t outputs = static_cast<std::size_t>(config.batches) * config.output_depth;
  std::vector<int8_t> reference(outputs), fast(outputs, 0);
  kernels::fully_connected(params, kernels::span_of(input), kernels::span_of(filter), kernels::span_of(bias),
                           kernels::span_of(reference));
  const kernels::FastFullyConnected layer =
      kernels::prepare_fully_connected_fast(params, kernels::span_of(filter), kernels::span_of(bias));
  std::vector<int16_t> scratch(layer.scratch_elements(), int16_t{0x5555});
  kernels::fully_connected_fast(layer, kernels::span_of(input), kernels::span_of(scratch), kernels::span_of(fast));
  return count_mismatches(reference, fast);
}

// Residual add of two [1, H, W, C] tensors with random quantization (scales within a
// factor 4 of each other, as prepare_add's headroom requires).
inline Mismatches compare_add(int height, int width, int channels, RandomData& data) {
  kernels::AddConfig config;
  config.input1_shape = config.input2_shape = {1, height, width, channels};
  config.input1 = {std::ldexp(1.0f + data.uniform(0, 99) / 100.0f, -data.uniform(3, 5)), data.uniform(-128, 127)};
  config.input2 = {std::ldexp(1.0f + data.uniform(0, 99) / 100.0f, -data.uniform(3, 5)), data.uniform(-128, 127)};
  config.output = {std::ldexp(1.0f + data.uniform(0, 99) / 100.0f, -data.uniform(2, 4)), data.uniform(-128, 127)};
  const quant::FusedActivation activations[] = {quant::FusedActivation::None, quant::FusedActivation::Relu,
                                                quant::FusedActivation::Relu6};
  config.activation = activations[data.uniform(0, 2)];
  const kernels::AddParams params = kernels::prepare_add(config);
  const std::size_t size = static_cast<std::size_t>(height) * width * channels;
  const std::vector<int8_t> input1 = data.int8s(size, -128, 127);
  const std::vector<int8_t> input2 = data.int8s(size, -128, 127);
  std::vector<int8_t> reference(size), fast(size, 0);
  kernels::add(params, kernels::span_of(input1), kernels::span_of(input2), kernels::span_of(reference));
  const kernels::FastAdd add = kernels::prepare_add_fast(params);
  kernels::add_fast(add, kernels::span_of(input1), kernels::span_of(input2), kernels::span_of(fast));
  return count_mismatches(reference, fast);
}

// Average or max pooling with `window` (padding below the kernel size, so no window lies
// entirely in the padding), random int8 input, a random activation clamp: the fast kernel
// against the reference.
inline Mismatches compare_pool2d(const kernels::Window2d& window, bool average, RandomData& data) {
  kernels::Pool2dConfig config;
  config.window = window;
  config.input = config.output = {std::ldexp(1.0f, -data.uniform(2, 6)), data.uniform(-128, 127)};
  const quant::FusedActivation activations[] = {quant::FusedActivation::None, quant::FusedActivation::Relu,
                                                quant::FusedActivation::Relu6};
  config.activation = activations[data.uniform(0, 2)];
  const kernels::Pool2dParams params = kernels::prepare_pool2d(config);
  const std::vector<int8_t> input = data.int8s(window.input.size(), -128, 127);
  std::vector<int8_t> reference(window.output.size()), fast(window.output.size(), 0);
  if (average) {
    kernels::average_pool2d(params, kernels::span_of(input), kernels::span_of(reference));
    kernels::average_pool2d_fast(params, kernels::span_of(input), kernels::span_of(fast));
  } else {
    kernels::max_pool2d(params, kernels::span_of(input), kernels::span_of(reference));
    kernels::max_pool2d_fast(params, kernels::span_of(input), kernels::span_of(fast));
  }
  return count_mismatches(reference, fast);
}

// Global average pool of a random [batches, H, W, C] tensor with random quantization:
// mean_fast against the reference mean.
inline Mismatches compare_mean(int batches, int height, int width, int channels, RandomData& data) {
  kernels::MeanConfig config;
  config.input_shape = {batches, height, width, channels};
  config.axes = {1, 2};
  config.input = {std::ldexp(1.0f + data.uniform(0, 99) / 100.0f, -data.uniform(2, 6)), data.uniform(-128, 127)};
  config.output = {std::ldexp(1.0f + data.uniform(0, 99) / 100.0f, -data.uniform(2, 6)), data.uniform(-128, 127)};
  const kernels::MeanParams params = kernels::prepare_mean(config);
  const std::vector<int8_t> input = data.int8s(params.input_size, -128, 127);
  std::vector<int8_t> reference(params.output_size), fast(params.output_size, 0);
  kernels::mean(params, kernels::span_of(input), kernels::span_of(reference));
  if (!kernels::mean_fast_supported(params)) return {params.output_size, params.output_size, 0, 0, 0};
  kernels::mean_fast(params, kernels::span_of(input), kernels::span_of(fast));
  return count_mismatches(reference, fast);
}

// The vector requantizer (requantize_vector.hpp) against requantize_to_int8, lane by
// lane, over the whole multiplier domain: per channel a shift in [−31, 30] and a
// multiplier 0, 2^30, 2^31 − 1 or between; a bound on |accumulator| that is either
// small (the kernels' usual; prepare then takes the short path unless a shift is too
// large for it) or the largest the reference allows (the general path); accumulators at
// ±bound, 0, ±1 and at random inside, most of them where the output is not saturated.
// The reference's own domain limits the bound: |acc · 2^left_shift| < 2^31 and
// |acc · real| < 2^31 − 129 (requantize.hpp).
struct RequantizerCase {
  Mismatches result;
  bool short_path = false;
};

inline RequantizerCase compare_requantizer(RandomData& data, int channels, bool small_bounds) {
  std::vector<quant::QuantizedMultiplier> multipliers;
  std::vector<int64_t> bounds;
  std::vector<double> reals;
  for (int channel = 0; channel < channels; ++channel) {
    const int kind = data.uniform(0, 9);
    const int32_t multiplier = kind == 0 ? 0
                               : kind == 1 ? int32_t{1} << 30
                               : kind == 2 ? std::numeric_limits<int32_t>::max()
                                           : (int32_t{1} << 30) + data.uniform(0, (1 << 30) - 1);
    // Mostly the right shifts layers have, sometimes anywhere in the domain.
    const int shift = data.uniform(0, 3) == 0 ? data.uniform(-31, 30) : -data.uniform(0, 14);
    multipliers.push_back({multiplier, shift});
    const double real = std::ldexp(static_cast<double>(multiplier), shift - 31);
    reals.push_back(real);
    int64_t bound = small_bounds ? int64_t{1} << data.uniform(4, 24) : std::numeric_limits<int32_t>::max();
    bound = std::min<int64_t>(bound, std::numeric_limits<int32_t>::max() >> (shift > 0 ? shift : 0));
    if (real > 0) bound = std::min<int64_t>(bound, static_cast<int64_t>((2147483648.0 - 130) / real));
    bounds.push_back(bound);
  }
  const int32_t zero_point = data.uniform(-128, 127);
  const quant::ActivationRange ranges[] = {{-128, 127}, {zero_point < -100 ? -128 : zero_point, 127},
                                           {std::max(-128, zero_point - 20), std::min(127, zero_point + 40)}};
  const quant::ActivationRange range = ranges[data.uniform(0, 2)];
  const kernels::VectorRequantizer q = kernels::make_vector_requantizer(multipliers, zero_point, range, bounds);
  const int padded = (channels + 7) / 8 * 8;
  std::vector<int8_t> reference, fast;
  for (int row = 0; row < 200; ++row) {
    std::vector<int32_t> accumulators(static_cast<std::size_t>(padded), 0);
    for (int channel = 0; channel < channels; ++channel) {
      const int64_t bound = bounds[channel];
      const double real = reals[channel];
      int64_t value = 0;
      switch (row) {
        case 0: value = bound; break;
        case 1: value = -bound; break;
        case 2: value = 0; break;
        case 3: value = 1; break;
        case 4: value = -1; break;
        default: {
          // Outputs within ±300 of zero: where every rounding decision shows.
          const double unsaturated = real > 0 ? 300.0 / real : 0;
          const double extent = data.uniform(0, 3) == 0 || unsaturated <= 1 ? static_cast<double>(bound)
                                                                               : std::min<double>(bound, unsaturated);
          value = static_cast<int64_t>(std::uniform_real_distribution<double>(-extent, extent)(data.rng));
        }
      }
      accumulators[channel] = static_cast<int32_t>(value);
      reference.push_back(kernels::requantize_to_int8(accumulators[channel], multipliers[channel], zero_point, range));
    }
    for (int block = 0; block < padded; block += 8) {
      const kernels::simd::I32x4 low = kernels::rescale_i32x4(q, kernels::simd::load_i32x4(accumulators.data() + block), block);
      const kernels::simd::I32x4 high =
          kernels::rescale_i32x4(q, kernels::simd::load_i32x4(accumulators.data() + block + 4), block + 4);
      int8_t bytes[8];
      kernels::simd::store_low_i8x8(bytes, kernels::finish_rows(q, low, high, low, high));
      for (int lane = 0; lane < 8 && block + lane < channels; ++lane) fast.push_back(bytes[lane]);
    }
  }
  return {count_mismatches(reference, fast), q.short_path};
}

// A window over an input of `size`×`size`×`in_channels` with a square `kernel`, `stride`
// and `padding` (TensorFlow SAME when `same`, else explicit `padding` on every side).
inline kernels::Window2d square_window(int size, int in_channels, int out_channels, int kernel, int stride,
                                       int padding, int dilation = 1) {
  kernels::Window2d window;
  window.input = {1, size, size, in_channels};
  const int extent = (kernel - 1) * dilation + 1;
  const int out = (size + 2 * padding - extent) / stride + 1;
  window.output = {1, out, out, out_channels};
  window.filter_height = window.filter_width = kernel;
  window.stride_h = window.stride_w = stride;
  window.dilation_h = window.dilation_w = dilation;
  window.pad_top = window.pad_left = padding;
  return window;
}

// Every tensor of one run of `model` on `input`, with the given kernels.
inline std::vector<std::vector<int8_t>> run_all_with(const engine::Int8Model& model, engine::Int8Kernels kernels,
                                                     const std::vector<int8_t>& input) {
  engine::Int8Engine engine(model, kernels);
  return engine.run_all({input.data(), input.size()});
}

// Every tensor of `graph`, quantized with weights seeded by `seed` and run on a seeded
// sample, with the reference and with the fast kernels.
struct BothKernels {
  std::vector<std::vector<int8_t>> reference;
  std::vector<std::vector<int8_t>> fast;
};
inline BothKernels run_with_both_kernels(const Graph& graph, uint64_t seed) {
  const engine::Int8Model model = engine::quantize_model(graph, engine::init_float_model(graph, seed),
                                                         engine::generated_samples(graph, seed, 2));
  const std::vector<float> image = engine::evaluation_sample(graph.tensors[graph.input].shape, seed, 0);
  const std::vector<int8_t> input = engine::quantize_input(model, {image.data(), image.size()});
  return {run_all_with(model, engine::Int8Kernels::Reference, input),
          run_all_with(model, engine::Int8Kernels::Fast, input)};
}

}  // namespace tinyml::test
