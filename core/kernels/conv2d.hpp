// Reference int8 2-D convolution, per-channel requantized, as TFLM computes it
// (tensorflow/lite/kernels/internal/reference/integer_ops/conv.h ConvPerChannel, with
// micro/kernels/conv_common.cc for prepare). See tflite-int8-arithmetic.md §6.
//
// Layouts: input [N, H, W, C_in] int8; filter [C_out, KH, KW, C_in / groups] int8,
// symmetric (zero point 0); bias [C_out] int32 with scale input_scale · filter_scale[c]
// (optional); output [N, OH, OW, C_out] int8.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/kernels/tensor_span.hpp"
#include "core/kernels/window2d.hpp"
#include "core/quant/fixed_point.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::kernels {

struct Conv2dConfig {
  Window2d window;
  int groups = 1;  // C_in and C_out must both be multiples of it
  quant::QuantParams input;
  quant::QuantParams output;
  std::vector<float> filter_scales;  // 1 (broadcast) or C_out
  quant::FusedActivation activation = quant::FusedActivation::None;
};

// Everything eval needs, computed once.
struct Conv2dParams {
  Window2d window;
  int filter_in_channels = 1;      // C_in / groups
  int out_channels_per_group = 1;  // C_out / groups
  int32_t input_offset = 0;        // −input zero point
  int32_t output_zero_point = 0;
  quant::ActivationRange range;
  std::vector<quant::QuantizedMultiplier> channel_multipliers;  // [C_out]

  std::size_t filter_size() const {
    return static_cast<std::size_t>(window.output.channels) * window.filter_height *
           window.filter_width * filter_in_channels;
  }
};

// Validates the config (throws tinyml::Error naming `path` and the field) and derives
// the offsets, multipliers and activation range.
Conv2dParams prepare_conv2d(const Conv2dConfig& config, const std::string& path = "conv2d");

// Runs the convolution. `bias` may be empty (no bias). Allocates nothing.
// Accumulator bound: each tap adds |filter · (input − input_zp)| ≤ 128 · 255 = 32 640,
// so KH·KW·C_in/groups taps plus the bias fit int32 while taps · 32 640 + |bias| < 2^31
// (65 793 taps with no bias) — the same int32 accumulator as TFLM.
void conv2d(const Conv2dParams& params, Span<const int8_t> input, Span<const int8_t> filter,
            Span<const int32_t> bias, Span<int8_t> output);

}  // namespace tinyml::kernels
