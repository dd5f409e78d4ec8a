// Reference int8 MEAN over a set of axes (global average pooling is MEAN over H and W of
// an NHWC tensor), as TFLM computes it (micro/kernels/reduce_common.cc,
// reference/reduce.h QuantizedMeanOrSum). See tflite-int8-arithmetic.md §11.
//
// Sums in int32, removes the input zero point, and rescales by
// (input_scale / output_scale) / n with one multiplier whose precision is adjusted to n.
// No fused activation. Layouts: input of rank 1–4, row-major; output holds the kept
// dimensions in order (with or without the reduced ones kept as size 1: the same bytes).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/kernels/tensor_span.hpp"
#include "core/quant/fixed_point.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::kernels {

struct MeanConfig {
  std::vector<int> input_shape;  // rank 1 … 4
  std::vector<int> axes;         // reduced axes; negative counts from the end; repeats allowed
  bool keep_dims = false;
  quant::QuantParams input;
  quant::QuantParams output;
};

struct MeanParams {
  std::vector<int> output_shape;
  std::array<int, 4> kept_dims{};     // input dims left-padded to rank 4, 1 where reduced
  std::array<int, 4> reduced_dims{};  // input dims where reduced, 1 elsewhere
  std::array<std::size_t, 4> input_strides{};  // row-major strides of the padded input
  std::size_t input_size = 0;
  std::size_t output_size = 0;
  int32_t count = 1;  // n, elements averaged into each output
  int32_t input_zero_point = 0;
  int32_t output_zero_point = 0;
  // QuantizeMultiplier(input_scale / output_scale) = (m, s), then divided by n:
  // k = min(floor(log2 n), 32, 31 + s); m' = (m · 2^k) / n; s' = s − k.
  quant::QuantizedMultiplier multiplier;
};

// Validates (throws tinyml::Error) and derives the output shape and the multiplier.
// Bound checked here: n · 255 < 2^31, so the zero-point-corrected sum fits int32.
MeanParams prepare_mean(const MeanConfig& config, const std::string& path = "mean");

// out = clamp(MBQM(sum − input_zp · n, m', s') + output_zp, −128, 127). Allocates nothing.
void mean(const MeanParams& params, Span<const int8_t> input, Span<int8_t> output);

}  // namespace tinyml::kernels
