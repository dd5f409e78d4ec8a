#include "core/quant/fixed_point.hpp"

#include <cmath>

namespace tinyml::quant {

QuantizedMultiplier quantize_multiplier(double real) {
  assert(std::isfinite(real));
  if (real == 0.0) return {0, 0};
  int shift = 0;
  const double significand = std::frexp(real, &shift);  // real = significand · 2^shift
  // std::round rounds half away from zero, as TfLiteRound does. |significand| < 1, so
  // the rounded value is at most 2^31 in magnitude.
  int64_t q_fixed = static_cast<int64_t>(std::round(significand * double(int64_t{1} << 31)));
  assert(q_fixed <= (int64_t{1} << 31) && q_fixed >= -(int64_t{1} << 31));
  if (q_fixed == (int64_t{1} << 31)) {  // significand rounded up to 1.0
    q_fixed /= 2;
    ++shift;
  }
  if (shift < -31) {  // below 2^-32: TFLite flushes the multiplier to zero
    return {0, 0};
  }
  return {static_cast<int32_t>(q_fixed), shift};
}

QuantizedMultiplier quantize_multiplier_smaller_than_one(double real) {
  assert(real > 0.0 && real < 1.0);
  const QuantizedMultiplier result = quantize_multiplier(real);
  assert(result.shift <= 0);
  return result;
}

QuantizedMultiplier quantize_multiplier_greater_than_one(double real) {
  assert(real > 1.0);
  const QuantizedMultiplier result = quantize_multiplier(real);
  assert(result.shift >= 0);
  return result;
}

}  // namespace tinyml::quant
