#include "core/kernels/softmax.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "core/error.hpp"
#include "core/quant/fixed_point_exp.hpp"

namespace tinyml::kernels {
namespace {

constexpr int kScaledDiffIntegerBits = 5;     // differences in Q5.26
constexpr int kAccumulationIntegerBits = 12;  // sum of exponentials in Q12.19
constexpr int kMaxDepth = (1 << kAccumulationIntegerBits) - 1;

// exp(β · input_scale · diff) in Q0.31 for diff ≥ diff_min (diff ≤ 0). Bound: diff_min
// keeps |diff| · 2^left_shift ≤ 31 · 2^26 < 2^31.
int32_t exp_of_difference(const SoftmaxParams& params, int32_t diff) {
  const int32_t scaled_diff_q5_26 =
      quant::multiply_by_quantized_multiplier_greater_than_one(diff, params.input_multiplier);
  return quant::exp_on_negative_values_q5_26(scaled_diff_q5_26);
}

// rounding_divide_by_pot extended to exponents 32…34, reached when a row holds more
// than 256 near-equal values (the sum exceeds 2^8): a non-negative int32 divided by
// 2^32 or more rounds to 0. (TFLM shifts an int32 by ≥ 32 there, which C++ leaves
// undefined; every defined case is unchanged.)
int32_t divide_scaled_exp(int32_t scaled_exp, int exponent) {
  assert(scaled_exp >= 0 && exponent >= 0);
  return exponent > 31 ? 0 : quant::rounding_divide_by_pot(scaled_exp, exponent);
}

}  // namespace

SoftmaxParams prepare_softmax(const SoftmaxConfig& config, const std::string& path) {
  quant::check_quant_params(config.input, path + ".input");
  quant::check_quant_params(config.output, path + ".output");
  if (config.output.scale != 1.0f / 256 || config.output.zero_point != -128) {
    throw Error(path + ".output", "int8 softmax output must have scale 1/256 and zero point -128");
  }
  if (config.rows < 1 || config.depth < 1 || config.depth > kMaxDepth) {
    throw Error(path, "needs rows >= 1 and a last dimension of 1 to " +
                          std::to_string(kMaxDepth) + ", got " + std::to_string(config.rows) +
                          " x " + std::to_string(config.depth));
  }
  const double real = std::min(static_cast<double>(config.beta) *
                                   static_cast<double>(config.input.scale) *
                                   double(int64_t{1} << (31 - kScaledDiffIntegerBits)),
                               double((int64_t{1} << 31) - 1));
  if (!(real > 1.0)) {
    throw Error(path, "beta * input scale must exceed 2^-26, got " + std::to_string(real / (1 << 26)));
  }
  SoftmaxParams params;
  params.rows = config.rows;
  params.depth = config.depth;
  params.input_multiplier = quant::quantize_multiplier_greater_than_one(real);
  const double radius = double((1 << kScaledDiffIntegerBits) - 1) *
                        double(int64_t{1} << (31 - kScaledDiffIntegerBits)) /
                        double(int64_t{1} << params.input_multiplier.shift);
  params.diff_min = -static_cast<int32_t>(std::floor(radius));
  return params;
}

void softmax(const SoftmaxParams& params, Span<const int8_t> input, Span<int8_t> output) {
  const std::size_t depth = params.depth;
  assert(input.size == static_cast<std::size_t>(params.rows) * depth);
  assert(output.size == input.size);
  for (std::size_t row_start = 0; row_start < input.size; row_start += depth) {
    int32_t max_in_row = quant::kInt8Min;
    for (std::size_t i = row_start; i < row_start + depth; ++i) {
      max_in_row = std::max<int32_t>(max_in_row, input[i]);
    }
    // Q12.19 sum; depth ≤ 4095 terms of at most 2^19 each stays below 2^31.
    int32_t sum_of_exps = 0;
    for (std::size_t i = row_start; i < row_start + depth; ++i) {
      const int32_t diff = int32_t{input[i]} - max_in_row;
      if (diff >= params.diff_min) {
        sum_of_exps += quant::rounding_divide_by_pot(exp_of_difference(params, diff),
                                                     kAccumulationIntegerBits);
      }
    }
    // The row's maximum contributes exp(0), so the sum is positive.
    const quant::Reciprocal reciprocal = quant::reciprocal(sum_of_exps, kAccumulationIntegerBits);
    // p = exp / sum = (exp · scale) / 2^num_bits_over_unit with exp · scale in Q0.31;
    // 256 · p = (exp · scale) / 2^(31 − 8 + num_bits_over_unit), in units of 1/256.
    const int exponent = reciprocal.num_bits_over_unit + 31 - 8;
    for (std::size_t i = row_start; i < row_start + depth; ++i) {
      const int32_t diff = int32_t{input[i]} - max_in_row;
      if (diff < params.diff_min) {
        output[i] = static_cast<int8_t>(quant::kInt8Min);
        continue;
      }
      const int32_t scaled_exp = quant::saturating_rounding_doubling_high_mul(
          reciprocal.scale_q0_31, exp_of_difference(params, diff));
      output[i] = quant::saturate_to_int8(divide_scaled_exp(scaled_exp, exponent) +
                                          quant::kInt8Min);
    }
  }
}

}  // namespace tinyml::kernels
