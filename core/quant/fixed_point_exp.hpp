// Fixed-point exp and reciprocal for the int8 softmax, as gemmlowp computes them
// (fixedpoint/fixedpoint.h at the commit TFLM pins: exp_on_negative_values,
// exp_on_interval_between_negative_one_quarter_and_0_excl,
// one_over_one_plus_x_for_x_in_0_1) and TFLite's GetReciprocal (kernels/internal/common.h).
// See ../shared/reference/tflite-int8-arithmetic.md §12.
//
// Formats are named Qm.n (m integer bits, n fractional bits, one sign bit): a raw int32
// r in Qm.n stands for r / 2^n. Products of two fixed-point numbers are
// saturating_rounding_doubling_high_mul of the raws; sums are plain int32 additions
// whose bounds are given per function.
#pragma once

#include <cstdint>

namespace tinyml::quant {

// exp(a) for a in [−1/4, 0), a and the result in Q0.31: a 4th-order Taylor expansion
// around −1/8. Domain: −2^29 ≤ a < 0. Bound: x = a + 1/8 lies in [−1/8, 1/8), so its
// powers and the polynomial stay far below 2^31.
int32_t exp_on_interval_minus_quarter_to_zero(int32_t a);

// exp(a) for a ≤ 0 given in Q5.26 (a ≥ −32), result in Q0.31 (exp(0) = INT32_MAX,
// the largest Q0.31 value). Splits a into a multiple of 1/4 and a remainder in
// [−1/4, 0), then multiplies by exp(−2^k) for each set bit of the multiple.
// Domain: a ≤ 0.
int32_t exp_on_negative_values_q5_26(int32_t a);

// 1 / (1 + x) for x in [0, 1), x and the result in Q0.31: three Newton–Raphson steps
// on the half denominator (1 + x)/2, computed in Q2.29. Domain: x ≥ 0.
int32_t one_over_one_plus_x_q0_31(int32_t x);

// TFLite GetReciprocal: for x > 0 in Q(integer_bits).(31 − integer_bits), returns
// 1/x as a Q0.31 scale and the power of two to divide by: 1/x = scale · 2^−bits_over_unit.
// Domain: x > 0, 0 ≤ integer_bits ≤ 31.
struct Reciprocal {
  int32_t scale_q0_31 = 0;
  int num_bits_over_unit = 0;
};
Reciprocal reciprocal(int32_t x, int integer_bits);

}  // namespace tinyml::quant
