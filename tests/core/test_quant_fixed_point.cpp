// Edge cases of the fixed-point primitives, each worked out by hand from the formulas in
// ../shared/reference/tflite-int8-arithmetic.md §2–§3 (gemmlowp / TFLite semantics).
#include <catch2/catch.hpp>

#include <cmath>

#include "core/quant/fixed_point.hpp"

using namespace tinyml::quant;

namespace {
constexpr int32_t kTwoTo30 = int32_t{1} << 30;
}

TEST_CASE("saturating rounding doubling high mul rounds a·b/2^31 with ties toward +infinity",
          "[quant]") {
  SECTION("the one overflowing product saturates") {
    CHECK(saturating_rounding_doubling_high_mul(kInt32Min, kInt32Min) == kInt32Max);
  }
  SECTION("the other extreme products are exact or round once") {
    // −2^31 · (2^31 − 1) / 2^31 = −(2^31 − 1) exactly.
    CHECK(saturating_rounding_doubling_high_mul(kInt32Min, kInt32Max) == -kInt32Max);
    // (2^31 − 1)² / 2^31 = 2^31 − 2 + 2^−31 → 2^31 − 2.
    CHECK(saturating_rounding_doubling_high_mul(kInt32Max, kInt32Max) == kInt32Max - 1);
    CHECK(saturating_rounding_doubling_high_mul(kInt32Min, 1) == -1);  // −1 exactly
    CHECK(saturating_rounding_doubling_high_mul(0, kInt32Min) == 0);
  }
  SECTION("ties: +0.5 → 1, −0.5 → 0, −1.5 → −1 (the nudge 1 − 2^30 makes negative ties go up)") {
    CHECK(saturating_rounding_doubling_high_mul(1, kTwoTo30) == 1);    // 0.5
    CHECK(saturating_rounding_doubling_high_mul(3, kTwoTo30) == 2);    // 1.5
    CHECK(saturating_rounding_doubling_high_mul(-1, kTwoTo30) == 0);   // −0.5
    CHECK(saturating_rounding_doubling_high_mul(-3, kTwoTo30) == -1);  // −1.5
  }
  SECTION("non-ties round to nearest") {
    CHECK(saturating_rounding_doubling_high_mul(-1, kTwoTo30 + 1) == -1);  // −0.5000000005
    CHECK(saturating_rounding_doubling_high_mul(-1, kTwoTo30 - 1) == 0);   // −0.4999999995
    CHECK(saturating_rounding_doubling_high_mul(1, kTwoTo30 - 1) == 0);
  }
}

TEST_CASE("rounding divide by a power of two rounds ties away from zero", "[quant]") {
  SECTION("positive and negative halves") {
    CHECK(rounding_divide_by_pot(5, 1) == 3);    // 2.5
    CHECK(rounding_divide_by_pot(-5, 1) == -3);  // −2.5
    CHECK(rounding_divide_by_pot(-3, 1) == -2);  // −1.5
    CHECK(rounding_divide_by_pot(-1, 1) == -1);  // −0.5
    CHECK(rounding_divide_by_pot(1, 1) == 1);    // 0.5
    CHECK(rounding_divide_by_pot(6, 2) == 2);    // 1.5
    CHECK(rounding_divide_by_pot(-6, 2) == -2);  // −1.5
  }
  SECTION("non-ties round to nearest") {
    CHECK(rounding_divide_by_pot(-7, 2) == -2);  // −1.75
    CHECK(rounding_divide_by_pot(-5, 2) == -1);  // −1.25
    CHECK(rounding_divide_by_pot(5, 2) == 1);    // 1.25
    CHECK(rounding_divide_by_pot(7, 2) == 2);    // 1.75
  }
  SECTION("exponent 0 is the identity, even at the int32 extremes") {
    CHECK(rounding_divide_by_pot(kInt32Min, 0) == kInt32Min);
    CHECK(rounding_divide_by_pot(kInt32Max, 0) == kInt32Max);
    CHECK(rounding_divide_by_pot(-1, 0) == -1);
  }
  SECTION("exponent 31, the largest") {
    CHECK(rounding_divide_by_pot(kInt32Max, 31) == 1);            // 0.9999999995
    CHECK(rounding_divide_by_pot(kInt32Min, 31) == -1);           // −1 exactly
    CHECK(rounding_divide_by_pot(kTwoTo30, 31) == 1);             // 0.5
    CHECK(rounding_divide_by_pot(-kTwoTo30, 31) == -1);           // −0.5
    CHECK(rounding_divide_by_pot(-kTwoTo30 + 1, 31) == 0);        // −0.4999999995
    CHECK(rounding_divide_by_pot(kTwoTo30 - 1, 31) == 0);
  }
}

TEST_CASE("saturating left shift clamps instead of overflowing", "[quant]") {
  CHECK(saturating_left_shift((1 << 26) - 1, 5) == kInt32Max - 31);
  CHECK(saturating_left_shift(1 << 26, 5) == kInt32Max);       // 2^31 does not fit
  CHECK(saturating_left_shift(-(1 << 26), 5) == kInt32Min);    // −2^31 does
  CHECK(saturating_left_shift(-(1 << 26) - 1, 5) == kInt32Min);
  CHECK(saturating_left_shift(1, 31) == kInt32Max);
  CHECK(saturating_left_shift(-1, 31) == kInt32Min);
  CHECK(saturating_left_shift(0, 31) == 0);
  CHECK(saturating_left_shift(kInt32Min, 0) == kInt32Min);
  CHECK(saturating_left_shift(kInt32Max, 0) == kInt32Max);
}

TEST_CASE("rounding half sum averages two int32 without overflow", "[quant]") {
  CHECK(rounding_half_sum(1, 2) == 2);    // 1.5
  CHECK(rounding_half_sum(-1, -2) == -2); // −1.5
  CHECK(rounding_half_sum(kInt32Max, kInt32Max) == kInt32Max);
  CHECK(rounding_half_sum(kInt32Min, kInt32Min) == kInt32Min);
  CHECK(rounding_half_sum(0, kInt32Max) == kTwoTo30);  // 2^30 − 0.5 → 2^30
}

TEST_CASE("quantize multiplier decomposes a real into a Q31 significand and a shift",
          "[quant]") {
  SECTION("zero, one, powers of two") {
    CHECK(quantize_multiplier(0.0) == QuantizedMultiplier{0, 0});
    CHECK(quantize_multiplier(1.0) == QuantizedMultiplier{kTwoTo30, 1});
    CHECK(quantize_multiplier(0.5) == QuantizedMultiplier{kTwoTo30, 0});
    CHECK(quantize_multiplier(2.0) == QuantizedMultiplier{kTwoTo30, 2});
    CHECK(quantize_multiplier(0.75) == QuantizedMultiplier{1610612736, 0});  // 0.75 · 2^31
  }
  SECTION("the significand rounds half away from zero") {
    // 0.5 + 2^−32: significand · 2^31 = 2^30 + 0.5.
    CHECK(quantize_multiplier(std::ldexp(double(kTwoTo30) + 0.5, -31)) ==
          QuantizedMultiplier{kTwoTo30 + 1, 0});
    CHECK(quantize_multiplier(-std::ldexp(double(kTwoTo30) + 0.5, -31)) ==
          QuantizedMultiplier{-kTwoTo30 - 1, 0});
    // 2^31 − 1.5 rounds to 2^31 − 1; 2^31 − 0.5 rounds to 2^31, which is halved.
    CHECK(quantize_multiplier(std::ldexp(2147483646.5, -31)) ==
          QuantizedMultiplier{kInt32Max, 0});
    CHECK(quantize_multiplier(std::ldexp(2147483647.5, -31)) ==
          QuantizedMultiplier{kTwoTo30, 1});
  }
  SECTION("tiny multipliers: 2^−32 is kept, anything smaller flushes to zero") {
    CHECK(quantize_multiplier(std::ldexp(1.0, -32)) == QuantizedMultiplier{kTwoTo30, -31});
    CHECK(quantize_multiplier(std::ldexp(1.0, -33)) == QuantizedMultiplier{0, 0});
    CHECK(quantize_multiplier(1e-300) == QuantizedMultiplier{0, 0});
    // Just below 2^−32, but the significand rounds up to 1.0 and rescues it.
    CHECK(quantize_multiplier(std::ldexp(1.0 - std::ldexp(1.0, -40), -32)) ==
          QuantizedMultiplier{kTwoTo30, -31});
  }
  SECTION("huge multipliers keep their shift (no single-rounding clamp to 30)") {
    CHECK(quantize_multiplier(std::ldexp(1.0, 40)) == QuantizedMultiplier{kTwoTo30, 41});
    CHECK(quantize_multiplier(1e300).shift == 997);
  }
  SECTION("the range-restricted variants") {
    CHECK(quantize_multiplier_smaller_than_one(0.25) == QuantizedMultiplier{kTwoTo30, -1});
    CHECK(quantize_multiplier_greater_than_one(1.5) == QuantizedMultiplier{1610612736, 1});
  }
}

TEST_CASE("multiply by quantized multiplier rounds twice, as TFLM's default build does",
          "[quant]") {
  SECTION("a multiplier of 1.0 is the identity") {
    for (const int32_t x : {0, 1, -1, 5, -5, 1000000, -1000000}) {
      CHECK(multiply_by_quantized_multiplier(x, kTwoTo30, 1) == x);
    }
  }
  SECTION("a real 0.5 rounds halves up in the doubling multiply") {
    CHECK(multiply_by_quantized_multiplier(21, kTwoTo30, 0) == 11);   // 10.5
    CHECK(multiply_by_quantized_multiplier(-21, kTwoTo30, 0) == -10); // −10.5
  }
  SECTION("double rounding can round 0.3 up to 1") {
    // m = round(0.6 · 2^31), shift −1: real ≈ 0.3. SRDHM(1, m) = round(0.6) = 1, then
    // 1 / 2 = 0.5 rounds away from zero to 1; a single rounding would give 0.
    const int32_t m = 1288490189;
    CHECK(multiply_by_quantized_multiplier(1, m, -1) == 1);
    CHECK(multiply_by_quantized_multiplier(-1, m, -1) == -1);
    CHECK(multiply_by_quantized_multiplier(2, m, -1) == 1);  // 0.6: 1.2 → 1 → 0.5 → 1
  }
  SECTION("shift −31, the smallest") {
    // real = 2^30 · 2^−62 = 2^−32; INT32_MAX · 2^−32 ≈ 0.49999999977, but SRDHM first
    // gives 2^30 (rounding 2^30 − 0.5 up) and 2^30 / 2^31 = 0.5 rounds to 1.
    CHECK(multiply_by_quantized_multiplier(kInt32Max, kTwoTo30, -31) == 1);
    CHECK(multiply_by_quantized_multiplier(kInt32Min, kTwoTo30, -31) == -1);  // −0.5
    CHECK(multiply_by_quantized_multiplier(kTwoTo30, kTwoTo30, -31) == 0);    // 0.25
  }
  SECTION("shift 30, the largest") {
    // real = 2^30 · 2^(30 − 31) = 2^29.
    CHECK(multiply_by_quantized_multiplier(1, kTwoTo30, 30) == (1 << 29));
    CHECK(multiply_by_quantized_multiplier(-2, kTwoTo30, 30) == -(1 << 30));
  }
  SECTION("the restricted variants agree with the general one in their ranges") {
    const QuantizedMultiplier small{1288490189, -3};
    const QuantizedMultiplier large{1288490189, 4};
    for (const int32_t x : {0, 1, -1, 7, -7, 12345, -12345, 1 << 20}) {
      CHECK(multiply_by_quantized_multiplier_smaller_than_one(x, small) ==
            multiply_by_quantized_multiplier(x, small));
      CHECK(multiply_by_quantized_multiplier_greater_than_one(x, large) ==
            saturating_rounding_doubling_high_mul(x * 16, large.multiplier));
    }
  }
}

TEST_CASE("clamp and saturate keep values in range", "[quant]") {
  CHECK(saturate_to_int8(128) == 127);
  CHECK(saturate_to_int8(-129) == -128);
  CHECK(saturate_to_int8(kInt32Min) == -128);
  CHECK(saturate_to_int8(-7) == -7);
  CHECK(clamp(5, 0, 3) == 3);
  CHECK(clamp(-5, 0, 3) == 0);
  CHECK(clamp(2, 2, 2) == 2);
  CHECK(count_leading_zeros(uint32_t{0}) == 32);
  CHECK(count_leading_zeros(uint32_t{1}) == 31);
  CHECK(count_leading_zeros(uint64_t{1} << 40) == 23);
}
