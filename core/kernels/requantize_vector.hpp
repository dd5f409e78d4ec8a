// requantize_to_int8 (requantize.hpp) four channels at a time, with the same result in
// every lane: TFLM's MultiplyByQuantizedMultiplier (double rounding), plus the output
// zero point, clamped to the activation range. Per channel, prepare computes
//   left_factor = 2^left_shift, multiplier, and for the right shift e:
//   right_factor = 2^(31 − e), remainder_mask = 2^e − 1, threshold = mask >> 1,
//   no_right_shift = −1 when e = 0,
// and each lane then computes, as fixed_point.hpp does:
//   x  = accumulator · 2^left_shift                 (exact, as exact_left_shift)
//   y  = (x · multiplier + 2^30) >> 31              (= SRDHM: for p = x·m < 0,
//        trunc((p + 1 − 2^30) / 2^31) = floor((p + 2^30) / 2^31); never saturates
//        since multiplier ≥ 0)
//   y >> e = (y · 2^(31 − e)) >> 31                 (the per-lane shift wasm lacks)
//   result = (y >> e) + ((y & mask) > mask/2 + (y < 0))   (= rounding_divide_by_pot)
// Two shortcuts, exact as well: the multiply by 2^left_shift is skipped when no channel
// shifts left, and where the 4 channels of a block share e, y >> e is one vector shift.
#pragma once

#include <cstdint>
#include <vector>

#include "core/kernels/simd128.hpp"
#include "core/quant/fixed_point.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::kernels {

struct VectorRequantizer {
  // Per channel, padded with copies of channel 0's values to a multiple of 8.
  std::vector<int32_t> left_factor;
  std::vector<int32_t> multiplier;
  std::vector<int32_t> right_factor;
  std::vector<int32_t> remainder_mask;
  std::vector<int32_t> threshold;
  std::vector<int32_t> no_right_shift;
  std::vector<int8_t> block_right_shift;  // per block of 4 channels: their common e, or −1
  bool any_left_shift = false;
  int32_t output_zero_point = 0;
  int32_t min = -128;
  int32_t max = 127;
};

// Domain: each multiplier from quantize_multiplier with −31 ≤ shift ≤ 30 (as the
// reference kernels' prepare guarantees). Prepare-time: allocates.
VectorRequantizer make_vector_requantizer(const std::vector<quant::QuantizedMultiplier>& multipliers,
                                          int32_t output_zero_point, quant::ActivationRange range);

// Requantized outputs of channels [channel, channel + 4), in [min, max]. `channel` is a
// multiple of 4 and `channel` + 4 does not pass the padded size.
inline simd::I32x4 requantize_i32x4(const VectorRequantizer& q, simd::I32x4 accumulator, int channel) {
  using namespace simd;
  const I32x4 x =
      q.any_left_shift ? mul_i32x4(accumulator, load_i32x4(q.left_factor.data() + channel)) : accumulator;
  const I32x4 y = mul_shift31_i32x4(x, load_i32x4(q.multiplier.data() + channel), int64_t{1} << 30);
  const int common_shift = q.block_right_shift[channel / 4];
  const I32x4 shifted =
      common_shift >= 0 ? shift_right_i32x4(y, common_shift)
                        : select_i32x4(load_i32x4(q.no_right_shift.data() + channel), y,
                                       mul_shift31_i32x4(y, load_i32x4(q.right_factor.data() + channel), 0));
  const I32x4 remainder = and_i32x4(y, load_i32x4(q.remainder_mask.data() + channel));
  const I32x4 threshold = sub_i32x4(load_i32x4(q.threshold.data() + channel), sign_i32x4(y));
  const I32x4 rounded = sub_i32x4(shifted, greater_i32x4(remainder, threshold));
  const I32x4 with_zero_point = add_i32x4(rounded, splat_i32x4(q.output_zero_point));
  return min_i32x4(max_i32x4(with_zero_point, splat_i32x4(q.min)), splat_i32x4(q.max));
}

}  // namespace tinyml::kernels
