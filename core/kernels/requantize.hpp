// Prepare-time helpers shared by the kernels that requantize an int32 accumulator:
// per-channel multipliers from scales, and the always-on check that a multiplier is in
// the range multiply_by_quantized_multiplier supports.
#pragma once

#include <string>
#include <vector>

#include "core/quant/fixed_point.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::kernels {

// quantize_multiplier(real), throwing tinyml::Error(path, ...) unless real is finite and
// ≥ 0 and the shift is at most 30 (the largest left shift the requantization allows).
quant::QuantizedMultiplier checked_multiplier(double real, const std::string& path);

// Per output channel c: real_c = (double)input_scale · (double)filter_scale_c /
// (double)output_scale, the expression of TFLite PopulateConvolutionQuantizationParams
// (kernel_util.cc), one multiplier per channel. A single filter scale is broadcast to
// all `channels`. Throws if the count is neither 1 nor `channels` or a scale is ≤ 0.
std::vector<quant::QuantizedMultiplier> per_channel_multipliers(
    float input_scale, const std::vector<float>& filter_scales, float output_scale, int channels,
    const std::string& path);

// The tail of conv, depthwise and fully connected: scale the int32 accumulator (bias
// included) by its multiplier, add the output zero point, clamp to the activation range.
// Domain: as multiply_by_quantized_multiplier. Bound: the sum with the zero point
// (|zero point| ≤ 128) stays in int32 while |accumulator · real| < 2^31 − 129.
inline int8_t requantize_to_int8(int32_t accumulator, quant::QuantizedMultiplier multiplier,
                                 int32_t output_zero_point, quant::ActivationRange range) {
  const int32_t scaled =
      quant::multiply_by_quantized_multiplier(accumulator, multiplier) + output_zero_point;
  return static_cast<int8_t>(quant::clamp(scaled, range.min, range.max));
}

}  // namespace tinyml::kernels
