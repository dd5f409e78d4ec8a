// All int8 fixed-point arithmetic of the int8 engine, in one place: decomposing a real
// multiplier into a Q31 int32 and a shift, multiplying by it with TFLite's rounding,
// rounding shifts, saturation. Every function states its domain (checked with debug
// asserts) and the bound that keeps its intermediate values from overflowing.
//
// The rules are TensorFlow Lite Micro's, as it builds by default (TFLITE_SINGLE_ROUNDING
// undefined, i.e. "double rounding"): tensorflow/lite/kernels/internal/common.{h,cc}
// (MultiplyByQuantizedMultiplier), quantization_util.cc (QuantizeMultiplier), and
// gemmlowp fixedpoint/fixedpoint.h (SaturatingRoundingDoublingHighMul,
// RoundingDivideByPOT, SaturatingRoundingMultiplyByPOT, RoundingHalfSum).
// See ../shared/reference/tflite-int8-arithmetic.md §2–§4.
//
// The hot functions are inline: the kernels call them once per output element.
#pragma once

#include <cassert>
#include <cstdint>
#include <limits>

namespace tinyml::quant {

constexpr int32_t kInt32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kInt32Max = std::numeric_limits<int32_t>::max();

// real ≈ multiplier · 2^(shift − 31): `multiplier` is a Q0.31 significand in
// [2^30, 2^31) (or 0 for a zero multiplier); shift > 0 means a left shift.
struct QuantizedMultiplier {
  int32_t multiplier = 0;
  int shift = 0;
  bool operator==(const QuantizedMultiplier& other) const {
    return multiplier == other.multiplier && shift == other.shift;
  }
};

// TFLite QuantizeMultiplier (quantization_util.cc): frexp, significand rounded half
// away from zero to 31 bits; a significand that rounds up to 2^31 is halved and the
// shift incremented; multipliers below 2^-32 (shift < −31) flush to {0, 0}.
// Domain: finite `real` (any sign; the kernels pass real ≥ 0). No clamp of large
// shifts (that is the single-rounding build's behaviour): callers check the range
// their multiply supports.
QuantizedMultiplier quantize_multiplier(double real);

// TFLite QuantizeMultiplierSmallerThanOneExp: domain 0 < real < 1; shift ≤ 0.
QuantizedMultiplier quantize_multiplier_smaller_than_one(double real);

// TFLite QuantizeMultiplierGreaterThanOne: domain real > 1; shift ≥ 0.
QuantizedMultiplier quantize_multiplier_greater_than_one(double real);

// gemmlowp SaturatingRoundingDoublingHighMul (ARM VQRDMULH): a·b / 2^31 rounded to
// nearest with ties toward +infinity (0.5 → 1, −0.5 → 0, −1.5 → −1), saturating the
// single overflowing case INT32_MIN·INT32_MIN to INT32_MAX. Domain: all int32.
// Bound: |a·b| ≤ 2^62, so a·b ± 2^30 fits int64.
inline int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
  if (a == kInt32Min && b == kInt32Min) return kInt32Max;
  const int64_t product = int64_t{a} * int64_t{b};
  const int64_t nudge = product >= 0 ? (int64_t{1} << 30) : (1 - (int64_t{1} << 30));
  // C++ division truncates toward zero; the nudges 2^30 and 1 − 2^30 turn that into
  // rounding to nearest with ties going up.
  return static_cast<int32_t>((product + nudge) / (int64_t{1} << 31));
}

// gemmlowp RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away from
// zero (−2.5 → −3, 2.5 → 3). Domain: 0 ≤ exponent ≤ 31. Bound: the mask and threshold
// are < 2^31; x >> exponent is an arithmetic shift, the result |x|/2^e + 1 fits int32.
inline int32_t rounding_divide_by_pot(int32_t x, int exponent) {
  assert(exponent >= 0 && exponent <= 31);
  const int32_t mask = static_cast<int32_t>((int64_t{1} << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

// gemmlowp SaturatingRoundingMultiplyByPOT for a positive exponent: x · 2^exponent,
// saturated to [INT32_MIN, INT32_MAX]. Domain: 0 ≤ exponent ≤ 31. Bound: compared
// against 2^(31−exponent) before shifting, the shift itself cannot overflow.
inline int32_t saturating_left_shift(int32_t x, int exponent) {
  assert(exponent >= 0 && exponent <= 31);
  const int64_t limit = (int64_t{1} << (31 - exponent)) - 1;  // largest x that fits
  if (x > limit) return kInt32Max;
  if (x < -limit) return kInt32Min;  // gemmlowp saturates −limit − 1 too
  return static_cast<int32_t>(int64_t{x} * (int64_t{1} << exponent));
}

// gemmlowp RoundingHalfSum for int32: (a + b) / 2, ties away from zero, in int64.
inline int32_t rounding_half_sum(int32_t a, int32_t b) {
  const int64_t sum = int64_t{a} + int64_t{b};
  const int64_t sign = sum >= 0 ? 1 : -1;
  return static_cast<int32_t>((sum + sign) / 2);
}

// x · 2^left_shift where the caller guarantees the product fits int32 (TFLite writes
// `x * (1 << left_shift)` in int32). Domain: 0 ≤ left_shift ≤ 31, |x · 2^left_shift|
// < 2^31 (debug-checked); computed in int64 so no shift or multiply is undefined.
inline int32_t exact_left_shift(int32_t x, int left_shift) {
  assert(left_shift >= 0 && left_shift <= 31);
  const int64_t shifted = int64_t{x} * (int64_t{1} << left_shift);
  assert(shifted >= kInt32Min && shifted <= kInt32Max);
  return static_cast<int32_t>(shifted);
}

// TFLM MultiplyByQuantizedMultiplier, double-rounding variant (common.cc):
//   RoundingDivideByPOT(SRDHM(x · 2^max(shift,0), multiplier), max(−shift, 0)).
// Domain: −31 ≤ shift ≤ 30 and x · 2^max(shift,0) fits int32 (debug-checked). The
// rounding happens twice (in SRDHM, then in the divide), which is what TFLM computes.
inline int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
  assert(shift >= -31 && shift <= 30);
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  return rounding_divide_by_pot(
      saturating_rounding_doubling_high_mul(exact_left_shift(x, left_shift), multiplier),
      right_shift);
}

inline int32_t multiply_by_quantized_multiplier(int32_t x, QuantizedMultiplier m) {
  return multiply_by_quantized_multiplier(x, m.multiplier, m.shift);
}

// TFLite MultiplyByQuantizedMultiplierSmallerThanOneExp: RDBPOT(SRDHM(x, m), −shift).
// Domain: −31 ≤ shift ≤ 0 (a multiplier from quantize_multiplier_smaller_than_one).
inline int32_t multiply_by_quantized_multiplier_smaller_than_one(int32_t x,
                                                                 QuantizedMultiplier m) {
  assert(m.shift <= 0 && m.shift >= -31);
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(x, m.multiplier),
                                -m.shift);
}

// TFLite MultiplyByQuantizedMultiplierGreaterThanOne: SRDHM(x · 2^shift, m).
// Domain: 0 ≤ shift ≤ 31 and x · 2^shift fits int32 (debug-checked).
inline int32_t multiply_by_quantized_multiplier_greater_than_one(int32_t x,
                                                                 QuantizedMultiplier m) {
  return saturating_rounding_doubling_high_mul(exact_left_shift(x, m.shift), m.multiplier);
}

// Clamp to [lo, hi]; domain lo ≤ hi.
inline int32_t clamp(int32_t x, int32_t lo, int32_t hi) {
  assert(lo <= hi);
  return x < lo ? lo : (x > hi ? hi : x);
}

// Saturate an int32 to int8 ([−128, 127]).
inline int8_t saturate_to_int8(int32_t x) {
  return static_cast<int8_t>(clamp(x, -128, 127));
}

// Number of leading zero bits of a uint32 (32 for 0), as TFLite CountLeadingZeros.
inline int count_leading_zeros(uint32_t x) {
  if (x == 0) return 32;
  return __builtin_clz(x);
}

// Number of leading zero bits of a uint64 (64 for 0).
inline int count_leading_zeros(uint64_t x) {
  if (x == 0) return 64;
  return __builtin_clzll(x);
}

}  // namespace tinyml::quant
