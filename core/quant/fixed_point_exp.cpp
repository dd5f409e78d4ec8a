#include "core/quant/fixed_point_exp.hpp"

#include <cassert>

#include "core/quant/fixed_point.hpp"

namespace tinyml::quant {
namespace {

int32_t mul(int32_t a, int32_t b) { return saturating_rounding_doubling_high_mul(a, b); }

// exp(−1/8) in Q0.31 and 1/3 in Q0.31 (gemmlowp's checked constants).
constexpr int32_t kExpMinusOneEighth = 1895147668;
constexpr int32_t kOneThird = 715827883;

// exp(−2^k) in Q0.31 for k = −2 … 4, applied for bit (26 + k) of the multiple of 1/4.
struct BarrelStep {
  int k;
  int32_t multiplier;
};
constexpr BarrelStep kExpBarrel[] = {{-2, 1672461947}, {-1, 1302514674}, {0, 790015084},
                                     {1, 290630308},   {2, 39332535},   {3, 720401},
                                     {4, 242}};

// Newton–Raphson constants in Q2.29: 48/17 and −32/17.
constexpr int32_t kFortyEightOverSeventeen = 1515870810;
constexpr int32_t kMinusThirtyTwoOverSeventeen = -1010580540;

}  // namespace

int32_t exp_on_interval_minus_quarter_to_zero(int32_t a) {
  assert(a >= -(int32_t{1} << 29) && a < 0);
  const int32_t x = a + (int32_t{1} << 28);  // x = a + 1/8
  const int32_t x2 = mul(x, x);
  const int32_t x3 = mul(x2, x);
  const int32_t x4 = mul(x2, x2);
  const int32_t x4_over_4 = rounding_divide_by_pot(x4, 2);
  // x²/2 + x³/6 + x⁴/24 = ((x⁴/4 + x³)/3 + x²) / 2
  const int32_t tail = rounding_divide_by_pot(mul(x4_over_4 + x3, kOneThird) + x2, 1);
  return kExpMinusOneEighth + mul(kExpMinusOneEighth, x + tail);
}

int32_t exp_on_negative_values_q5_26(int32_t a) {
  assert(a <= 0);
  constexpr int kFractionalBits = 26;
  constexpr int32_t kOneQuarter = int32_t{1} << (kFractionalBits - 2);
  // a = −(multiple of 1/4) + remainder with remainder in [−1/4, 0).
  const int32_t a_mod_quarter_minus_quarter = (a & (kOneQuarter - 1)) - kOneQuarter;
  // Q5.26 → Q0.31 is a saturating left shift by 5; the value is in [−1/4, 0).
  int32_t result =
      exp_on_interval_minus_quarter_to_zero(saturating_left_shift(a_mod_quarter_minus_quarter, 5));
  // The multiple of 1/4, as a non-negative Q5.26 raw; bounded by 32 · 2^26 = 2^31.
  const int32_t remainder = a_mod_quarter_minus_quarter - a;
  for (const BarrelStep& step : kExpBarrel) {
    if (remainder & (int32_t{1} << (kFractionalBits + step.k))) {
      result = mul(result, step.multiplier);
    }
  }
  // With 5 integer bits a ≥ −32 always, so gemmlowp's clamp below −32 does not apply.
  return a == 0 ? kInt32Max : result;
}

int32_t one_over_one_plus_x_q0_31(int32_t x) {
  assert(x >= 0);
  // (1 + x) / 2 in Q0.31, in [1/2, 1).
  const int32_t half_denominator = rounding_half_sum(x, kInt32Max);
  constexpr int32_t kOneQ2_29 = int32_t{1} << 29;
  // Initial estimate 48/17 − 32/17 · d of 1/d, in Q2.29 (Q0.31 · Q2.29 = Q2.29).
  int32_t estimate = kFortyEightOverSeventeen + mul(half_denominator, kMinusThirtyTwoOverSeventeen);
  for (int step = 0; step < 3; ++step) {
    const int32_t one_minus_d_times_x = kOneQ2_29 - mul(half_denominator, estimate);
    // Q2.29 · Q2.29 = Q4.27; back to Q2.29 with a saturating shift by 2.
    estimate = estimate + saturating_left_shift(mul(estimate, one_minus_d_times_x), 2);
  }
  // estimate ≈ 1/d = 2/(1 + x) in Q2.29; 1/(1 + x) in Q0.31 is the same raw read as
  // Q1.30 (halving) and then shifted left by 1 into Q0.31, saturating.
  return saturating_left_shift(estimate, 1);
}

Reciprocal reciprocal(int32_t x, int integer_bits) {
  assert(x > 0 && integer_bits >= 0 && integer_bits <= 31);
  const int headroom_plus_one = count_leading_zeros(static_cast<uint32_t>(x));
  Reciprocal result;
  result.num_bits_over_unit = integer_bits - headroom_plus_one;
  // x normalised to [1, 2) as Q1.31 unsigned, minus 1: a Q0.31 value in [0, 1).
  const uint32_t normalised = static_cast<uint32_t>(x) << headroom_plus_one;
  const int32_t shifted_minus_one = static_cast<int32_t>(normalised - (uint32_t{1} << 31));
  result.scale_q0_31 = one_over_one_plus_x_q0_31(shifted_minus_one);
  return result;
}

}  // namespace tinyml::quant
