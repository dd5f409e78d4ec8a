// requantize_to_int8 (requantize.hpp) four channels at a time, with the same result in
// every lane: TFLM's MultiplyByQuantizedMultiplier (double rounding), plus the output
// zero point, clamped to the activation range. Two paths compute the rescaled value
// (before the zero point); finish_rows then adds the zero point and clamps 16 at a time.
//
// The short path (chosen at prepare when the accumulators are known to be small
// enough, see below). With x = accumulator · 2^left_shift, multiplier m and right shift
// e, TFLM computes y = floor((x·m + 2^30) / 2^31) (SRDHM: for p = x·m < 0,
// trunc((p + 1 − 2^30) / 2^31) = floor((p + 2^30) / 2^31); m ≥ 0 so it never
// saturates), then rounds y / 2^e half away from zero:
//   r = floor((y + 2^(e−1) − [y < 0]) / 2^e)                                   (e ≥ 1)
// and since floor(floor(a / 2^31) / 2^e) = floor(a / 2^(31+e)) for integer a,
//   r = floor((x·m + C − [y < 0]·2^31) / 2^(31+e)),  C = 2^30 + 2^(30+e)      (e = 0: C = 2^30, r = y)
// The four lanes share one final shift E (the largest e of the four): scaling the
// numerator and the divisor by 2^(E−e), with factor f = 2^(left_shift + E − e),
//   z = floor((acc·f·m + C·2^(E−e)) / 2^31)        one 64-bit multiply-add per lane
//   r = (z − [y < 0]·2^(E−e)) >> E                  one vector shift for all lanes
// where y < 0 ⟺ x·m < −2^30 ⟺ acc < t, t = −floor(2^30 / m) (t = INT32_MIN for e = 0 or
// m = 0: no correction). Exact when acc·f, z and every sum fit their lanes, which
// prepare checks per channel from a bound on |acc|: |acc| · f + 2^E + 2 < 2^31.
//
// The general path (any accumulator): per channel, prepare computes
//   left_factor = 2^left_shift, multiplier, and for the right shift e:
//   right_factor = 2^(31 − e), remainder_mask = 2^e − 1, threshold = mask >> 1,
//   no_right_shift = −1 when e = 0,
// and each lane then computes, as fixed_point.hpp does:
//   x  = accumulator · 2^left_shift                 (exact, as exact_left_shift)
//   y  = (x · multiplier + 2^30) >> 31              (SRDHM, as above)
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
  std::vector<int32_t> multiplier;
  // General path.
  std::vector<int32_t> left_factor;
  std::vector<int32_t> right_factor;
  std::vector<int32_t> remainder_mask;
  std::vector<int32_t> threshold;
  std::vector<int32_t> no_right_shift;
  std::vector<int8_t> block_right_shift;  // per block of 4 channels: their common e, or −1
  bool any_left_shift = false;
  // Short path (when short_path): per channel f, t and the addend C·2^(E−e) (stored in
  // simd::kPairLanes order within each block of 4); per block E and whether any f ≠ 1.
  bool short_path = false;
  std::vector<int32_t> factor;
  std::vector<int32_t> negative_below;
  std::vector<int64_t> addend;
  std::vector<int8_t> block_shift;
  std::vector<uint8_t> block_scaled;
  int32_t output_zero_point = 0;
  int32_t min = -128;
  int32_t max = 127;
};

// Per channel c, the largest |accumulator| a kernel can reach: 255 · Σ_k |w[c][k]| +
// |bias[c]| (each input term x + offset lies in [−255, 255]); w[c][k] is at
// filter[c · channel_stride + k · depth_stride]; bias may be null.
std::vector<int64_t> accumulator_bounds(const int8_t* filter, int channels, int depth, std::size_t channel_stride,
                                        std::size_t depth_stride, const int32_t* bias);

// Domain: each multiplier from quantize_multiplier with −31 ≤ shift ≤ 30 (as the
// reference kernels' prepare guarantees). `bounds` (one per multiplier, or empty for
// none known) enables the short path where every channel passes its check.
// Prepare-time: allocates.
VectorRequantizer make_vector_requantizer(const std::vector<quant::QuantizedMultiplier>& multipliers,
                                          int32_t output_zero_point, quant::ActivationRange range,
                                          const std::vector<int64_t>& bounds = {});

// The rescaled accumulators of channels [channel, channel + 4), before the output zero
// point: MultiplyByQuantizedMultiplier per lane. `channel` is a multiple of 4 and
// `channel` + 4 does not pass the padded size.
inline simd::I32x4 rescale_i32x4(const VectorRequantizer& q, simd::I32x4 accumulator, int channel) {
  using namespace simd;
  if (q.short_path) {
    const int block = channel / 4;
    const I32x4 factor = load_i32x4(q.factor.data() + channel);
    const I32x4 x = q.block_scaled[block] ? mul_i32x4(accumulator, factor) : accumulator;
    const I32x4 z = mul_add_shift31_i32x4(x, load_i32x4(q.multiplier.data() + channel), q.addend.data() + channel);
    const I32x4 negative = greater_i32x4(load_i32x4(q.negative_below.data() + channel), accumulator);
    return shift_right_i32x4(sub_i32x4(z, and_i32x4(negative, factor)), q.block_shift[block]);
  }
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
  return sub_i32x4(shifted, greater_i32x4(remainder, threshold));
}

// Two rows of 8 rescaled channels (a: channels 0–3 and 4–7, then b) as 16 int8: the
// output zero point added and the activation clamp applied. Exact: the saturating
// narrowings keep every value's order, and the clamp range lies inside int8.
inline simd::I8x16 finish_rows(const VectorRequantizer& q, simd::I32x4 a_low, simd::I32x4 a_high, simd::I32x4 b_low,
                               simd::I32x4 b_high) {
  using namespace simd;
  const I16x8 zero_point = splat_i16x8(static_cast<int16_t>(q.output_zero_point));
  const I8x16 bytes = narrow_i16x8(add_sat_i16x8(narrow_i32x4(a_low, a_high), zero_point),
                                   add_sat_i16x8(narrow_i32x4(b_low, b_high), zero_point));
  return min_i8x16(max_i8x16(bytes, splat_i8x16(static_cast<int8_t>(q.min))), splat_i8x16(static_cast<int8_t>(q.max)));
}

// requantize_to_int8 of channels [channel, channel + 4) as int32 lanes in [min, max].
inline simd::I32x4 requantize_i32x4(const VectorRequantizer& q, simd::I32x4 accumulator, int channel) {
  using namespace simd;
  const I32x4 with_zero_point = add_i32x4(rescale_i32x4(q, accumulator, channel), splat_i32x4(q.output_zero_point));
  return min_i32x4(max_i32x4(with_zero_point, splat_i32x4(q.min)), splat_i32x4(q.max));
}

}  // namespace tinyml::kernels
