// Reference int8 2-D average and max pooling, as TFLM computes them
// (reference/integer_ops/pooling.h AveragePool / MaxPool, micro/kernels/pooling_common.cc
// for prepare). See tflite-int8-arithmetic.md §10.
//
// Input and output share scale and zero point: there is no requantization, the raw
// int8 values are averaged (or maxed) and clamped to the fused activation's range.
// The window is clamped to the image: padding is never counted.
// Layouts: input [N, H, W, C] int8; output [N, OH, OW, C] int8.
#pragma once

#include <cstdint>
#include <string>

#include "core/kernels/tensor_span.hpp"
#include "core/kernels/window2d.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::kernels {

struct Pool2dConfig {
  Window2d window;  // dilation must be 1; output.channels = input.channels
  quant::QuantParams input;
  quant::QuantParams output;  // must equal `input` (TFLM checks |Δscale| ≤ 1e-6)
  quant::FusedActivation activation = quant::FusedActivation::None;
};

struct Pool2dParams {
  Window2d window;
  quant::ActivationRange range;
};

// Validates (throws tinyml::Error): equal channels, dilation 1, equal quantization, and
// every output window overlapping the image (else an average would divide by zero).
Pool2dParams prepare_pool2d(const Pool2dConfig& config, const std::string& path = "pool2d");

// Average of the taps inside the image, rounded half away from zero:
// (sum ± n/2) / n with C++'s truncating division. Bound: n ≤ KH·KW taps of |x| ≤ 128.
void average_pool2d(const Pool2dParams& params, Span<const int8_t> input, Span<int8_t> output);

// Maximum of the taps inside the image.
void max_pool2d(const Pool2dParams& params, Span<const int8_t> input, Span<int8_t> output);

// The taps of one window that lie inside the image: [y_begin, y_end) × [x_begin, x_end)
// in filter coordinates, and the input row/column of filter tap 0.
struct PoolWindow {
  int in_y_origin = 0;
  int in_x_origin = 0;
  int y_begin = 0;
  int y_end = 0;
  int x_begin = 0;
  int x_end = 0;
};
PoolWindow clamp_pool_window(const Window2d& window, int out_y, int out_x);

}  // namespace tinyml::kernels
