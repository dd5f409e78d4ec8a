// Reference int8 fully connected layer, as TFLM computes it
// (reference/integer_ops/fully_connected.h FullyConnected / FullyConnectedPerChannel,
// micro/kernels/fully_connected_common.cc for prepare). See tflite-int8-arithmetic.md §8.
//
// Layouts: input [B, K] int8 (any input shape, read as B rows of K); filter [O, K] int8,
// symmetric; bias [O] int32 (optional); output [B, O] int8.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/kernels/tensor_span.hpp"
#include "core/quant/fixed_point.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::kernels {

struct FullyConnectedConfig {
  int batches = 1;       // B
  int input_depth = 1;   // K, the filter's last dimension
  int output_depth = 1;  // O
  quant::QuantParams input;
  quant::QuantParams output;
  // One scale: per-tensor filter; O scales: per-channel. TFLM derives the two
  // multipliers differently (see prepare_fully_connected), and so do we.
  std::vector<float> filter_scales;
  quant::FusedActivation activation = quant::FusedActivation::None;
};

struct FullyConnectedParams {
  int batches = 1;
  int input_depth = 1;
  int output_depth = 1;
  int32_t input_offset = 0;  // −input zero point
  int32_t output_zero_point = 0;
  quant::ActivationRange range;
  std::vector<quant::QuantizedMultiplier> channel_multipliers;  // [O]
};

// Per-channel: real_c = (double)input_scale · (double)filter_scale_c / (double)output_scale.
// Per-tensor: real = (double)(input_scale · filter_scale, multiplied in float32) /
// (double)output_scale — TFLite GetQuantizedConvolutionMultipler. Throws tinyml::Error.
FullyConnectedParams prepare_fully_connected(const FullyConnectedConfig& config,
                                             const std::string& path = "linear");

// Runs the layer; `bias` may be empty. Allocates nothing.
// Accumulator bound: K products of at most 128 · 255 = 32 640 plus the bias fit int32
// while K · 32 640 + |bias| < 2^31 (K ≤ 65 793 with no bias).
void fully_connected(const FullyConnectedParams& params, Span<const int8_t> input,
                     Span<const int8_t> filter, Span<const int32_t> bias, Span<int8_t> output);

}  // namespace tinyml::kernels
