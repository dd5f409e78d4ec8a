// Reference int8 depthwise 2-D convolution, per-channel requantized, as TFLM computes it
// (reference/integer_ops/depthwise_conv.h DepthwiseConvPerChannel, with
// micro/kernels/depthwise_conv_common.cc for prepare). See tflite-int8-arithmetic.md §7.
//
// Layouts: input [N, H, W, C] int8; filter [1, KH, KW, C · M] int8, symmetric, where M is
// the depth multiplier and output channel m + in_channel · M reads input channel
// in_channel; bias [C · M] int32 (optional); output [N, OH, OW, C · M] int8.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/kernels/tensor_span.hpp"
#include "core/kernels/window2d.hpp"
#include "core/quant/fixed_point.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::kernels {

struct DepthwiseConv2dConfig {
  Window2d window;  // output.channels = input.channels · depth multiplier
  quant::QuantParams input;
  quant::QuantParams output;
  std::vector<float> filter_scales;  // 1 (broadcast) or C · M
  quant::FusedActivation activation = quant::FusedActivation::None;
};

struct DepthwiseConv2dParams {
  Window2d window;
  int depth_multiplier = 1;
  int32_t input_offset = 0;  // −input zero point
  int32_t output_zero_point = 0;
  quant::ActivationRange range;
  std::vector<quant::QuantizedMultiplier> channel_multipliers;  // [C · M]

  std::size_t filter_size() const {
    return static_cast<std::size_t>(window.filter_height) * window.filter_width *
           window.output.channels;
  }
};

// Validates (throws tinyml::Error) and derives offsets, multipliers, activation range.
DepthwiseConv2dParams prepare_depthwise_conv2d(const DepthwiseConv2dConfig& config,
                                               const std::string& path = "dwconv2d");

// Runs the depthwise convolution; `bias` may be empty. Allocates nothing.
// Accumulator bound: KH·KW taps of at most 128 · 255 = 32 640 each plus the bias.
void depthwise_conv2d(const DepthwiseConv2dParams& params, Span<const int8_t> input,
                      Span<const int8_t> filter, Span<const int32_t> bias, Span<int8_t> output);

}  // namespace tinyml::kernels
