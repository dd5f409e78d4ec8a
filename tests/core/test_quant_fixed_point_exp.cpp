// The softmax's fixed-point exp and reciprocal against their real-valued definitions.
// gemmlowp's polynomial is accurate to about 2.3e-7 (≈ 490 raw Q0.31 units) over the
// whole Q5.26 domain; the tests allow 1024 units.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/quant/fixed_point.hpp"
#include "core/quant/fixed_point_exp.hpp"

using namespace tinyml::quant;

namespace {
constexpr double kQ31 = 2147483648.0;
constexpr double kQ26 = 67108864.0;
}  // namespace

TEST_CASE("fixed-point exp of a non-positive Q5.26 value is within 2^-21 of exp", "[quant]") {
  SECTION("exact end points") {
    CHECK(exp_on_negative_values_q5_26(0) == kInt32Max);  // exp(0) = 1, the largest Q0.31
    CHECK(exp_on_negative_values_q5_26(kInt32Min) == 0);  // exp(−32) < 2^−31
  }
  SECTION("sweep") {
    const double real = GENERATE(-1e-7, -0.01, -0.125, -0.25, -0.2500001, -0.5, -0.75, -1.0,
                                 -1.3, -2.0, -3.999, -4.0, -7.5, -8.0, -15.9, -16.0, -31.99);
    const int32_t a = static_cast<int32_t>(std::lround(real * kQ26));
    const double exact = std::exp(a / kQ26) * kQ31;
    CAPTURE(real, a);
    CHECK(std::fabs(exp_on_negative_values_q5_26(a) - exact) <= 1024.0);
  }
  SECTION("the Taylor kernel on [−1/4, 0) alone") {
    const int32_t a = GENERATE(-(1 << 29), -(1 << 28), -(1 << 20), -1);
    CHECK(std::fabs(exp_on_interval_minus_quarter_to_zero(a) - std::exp(a / kQ31) * kQ31) <=
          1024.0);
  }
}

TEST_CASE("fixed-point 1/(1 + x) is within 16 units of Q0.31 for 0 ≤ x < 1", "[quant]") {
  const double x = GENERATE(0.0, 1e-9, 0.25, 0.5, 0.75, 0.999999);
  const int32_t raw = static_cast<int32_t>(std::lround(x * kQ31));
  const double exact = 1.0 / (1.0 + raw / kQ31) * kQ31;
  CAPTURE(x);
  CHECK(std::fabs(one_over_one_plus_x_q0_31(raw) - std::min(exact, double(kInt32Max))) <= 16.0);
}

TEST_CASE("reciprocal splits 1/x into a Q0.31 scale and a power of two", "[quant]") {
  // x in Q12.19: 1.0 is 2^19.
  SECTION("1/1 = 1 · 2^0") {
    const Reciprocal r = reciprocal(1 << 19, 12);
    CHECK(r.num_bits_over_unit == 0);
    CHECK(r.scale_q0_31 >= kInt32Max - 16);
  }
  SECTION("1/3 = (2/3) · 2^−1") {
    const Reciprocal r = reciprocal(3 << 19, 12);
    CHECK(r.num_bits_over_unit == 1);
    CHECK(std::fabs(r.scale_q0_31 - 2.0 / 3.0 * kQ31) <= 16.0);
  }
  SECTION("1/4095.99 = (≈1/2) · 2^−11, the largest sum a softmax row can reach") {
    const Reciprocal r = reciprocal(kInt32Max, 12);
    CHECK(r.num_bits_over_unit == 11);
    CHECK(std::fabs(r.scale_q0_31 - 0.5 * kQ31) <= 16.0);
  }
}
