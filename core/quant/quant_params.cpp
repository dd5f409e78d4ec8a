#include "core/quant/quant_params.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace tinyml::quant {

void check_quant_params(const QuantParams& params, const std::string& path) {
  if (!std::isfinite(params.scale) || !(params.scale > 0.0f)) {
    throw Error(path + ".scale", "must be a finite number > 0, got " + std::to_string(params.scale));
  }
  if (params.zero_point < kInt8Min || params.zero_point > kInt8Max) {
    throw Error(path + ".zero_point",
                "must be in [-128, 127], got " + std::to_string(params.zero_point));
  }
}

int32_t quantize_to_int32(float value, const QuantParams& params) {
  assert(!std::isnan(value) && params.scale > 0.0f);
  constexpr float kLimit = 1073741824.0f;  // 2^30: keeps the sum with the zero point in int32
  const float rounded = std::round(value / params.scale);  // float32 quotient, ties away from 0
  return static_cast<int32_t>(std::clamp(rounded, -kLimit, kLimit)) + params.zero_point;
}

int8_t quantize_value(float value, const QuantParams& params) {
  return static_cast<int8_t>(std::clamp(quantize_to_int32(value, params), kInt8Min, kInt8Max));
}

float dequantize_value(int32_t q, const QuantParams& params) {
  return params.scale * static_cast<float>(q - params.zero_point);
}

ActivationRange activation_range(FusedActivation activation, const QuantParams& output) {
  ActivationRange range;
  switch (activation) {
    case FusedActivation::None:
      break;
    case FusedActivation::Relu:
      range.min = std::max(kInt8Min, quantize_to_int32(0.0f, output));
      break;
    case FusedActivation::Relu6:
      range.min = std::max(kInt8Min, quantize_to_int32(0.0f, output));
      range.max = std::min(kInt8Max, quantize_to_int32(6.0f, output));
      break;
    case FusedActivation::ReluN1To1:
      range.min = std::max(kInt8Min, quantize_to_int32(-1.0f, output));
      range.max = std::min(kInt8Max, quantize_to_int32(1.0f, output));
      break;
  }
  return range;
}

QuantParams choose_activation_params(float min, float max) {
  if (!std::isfinite(min) || !std::isfinite(max) || min > max) {
    throw Error("", "activation range must be finite with min <= max, got [" +
                        std::to_string(min) + ", " + std::to_string(max) + "]");
  }
  const double qmin = kInt8Min;
  const double qmax = kInt8Max;
  const double rmin = std::min(double{min}, 0.0);
  const double rmax = std::max(double{max}, 0.0);
  if (std::fabs(rmax - rmin) < std::numeric_limits<double>::epsilon()) {
    return {1.0f, kInt8Min};  // all values are 0: any scale represents them exactly
  }
  const double scale = (rmax - rmin) / (qmax - qmin);
  // Two affine pairs give the zero point; the one adding smaller terms has the smaller
  // floating-point error.
  const double zero_point_from_min = qmin - rmin / scale;
  const double zero_point_from_max = qmax - rmax / scale;
  const double error_from_min = std::fabs(qmin) + std::fabs(rmin / scale);
  const double error_from_max = std::fabs(qmax) + std::fabs(rmax / scale);
  const double zero_point =
      error_from_min < error_from_max ? zero_point_from_min : zero_point_from_max;
  int32_t nudged = 0;
  if (zero_point < qmin) {
    nudged = kInt8Min;
  } else if (zero_point > qmax) {
    nudged = kInt8Max;
  } else {
    nudged = static_cast<int32_t>(std::round(zero_point));
  }
  return {static_cast<float>(scale), nudged};
}

}  // namespace tinyml::quant
