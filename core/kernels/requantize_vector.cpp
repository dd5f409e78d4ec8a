#include "core/kernels/requantize_vector.hpp"

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <limits>

namespace tinyml::kernels {
namespace {

constexpr int64_t kInt32Max = std::numeric_limits<int32_t>::max();

struct Shifts {
  int left = 0;   // left_shift
  int right = 0;  // e
};

Shifts shifts_of(quant::QuantizedMultiplier m) { return {m.shift > 0 ? m.shift : 0, m.shift > 0 ? 0 : -m.shift}; }

// Fills the short path's tables (see the header); false if some channel fails its check.
bool fill_short_path(VectorRequantizer& q, const std::vector<quant::QuantizedMultiplier>& padded,
                     const std::vector<int64_t>& padded_bounds) {
  const std::size_t channels = padded.size();
  q.factor.assign(channels, 1);
  q.negative_below.assign(channels, std::numeric_limits<int32_t>::min());
  q.addend.assign(channels, 0);
  for (std::size_t block = 0; block < channels / 4; ++block) {
    int shift = 0;  // E
    for (std::size_t lane = 0; lane < 4; ++lane) shift = std::max(shift, shifts_of(padded[block * 4 + lane]).right);
    bool scaled = false;
    for (std::size_t lane = 0; lane < 4; ++lane) {
      const std::size_t channel = block * 4 + lane;
      const quant::QuantizedMultiplier m = padded[channel];
      const Shifts s = shifts_of(m);
      const int factor_shift = s.left + shift - s.right;
      if (factor_shift > 30) return false;
      const int64_t factor = int64_t{1} << factor_shift;
      if (padded_bounds[channel] > (kInt32Max - 2 - (int64_t{1} << shift)) / factor) return false;
      q.factor[channel] = static_cast<int32_t>(factor);
      scaled = scaled || factor != 1;
      const int64_t rounding = (int64_t{1} << 30) + (s.right >= 1 ? int64_t{1} << (30 + s.right) : 0);
      q.addend[block * 4 + static_cast<std::size_t>(simd::kPairLanes[lane])] = rounding << (shift - s.right);
      if (s.right >= 1 && m.multiplier > 0) {
        q.negative_below[channel] = static_cast<int32_t>(-((int64_t{1} << 30) / m.multiplier));
      }
    }
    q.block_shift.push_back(static_cast<int8_t>(shift));
    q.block_scaled.push_back(scaled ? 1 : 0);
  }
  return true;
}

}  // namespace

std::vector<int64_t> accumulator_bounds(const int8_t* filter, int channels, int depth, std::size_t channel_stride,
                                        std::size_t depth_stride, const int32_t* bias) {
  std::vector<int64_t> bounds(static_cast<std::size_t>(channels), 0);
  for (int channel = 0; channel < channels; ++channel) {
    int64_t weights = 0;
    for (int index = 0; index < depth; ++index) {
      weights += std::abs(int64_t{filter[channel * channel_stride + index * depth_stride]});
    }
    bounds[channel] = 255 * weights + (bias != nullptr ? std::abs(int64_t{bias[channel]}) : 0);
  }
  return bounds;
}

VectorRequantizer make_vector_requantizer(const std::vector<quant::QuantizedMultiplier>& multipliers,
                                          int32_t output_zero_point, quant::ActivationRange range,
                                          const std::vector<int64_t>& bounds) {
  assert(!multipliers.empty());
  assert(bounds.empty() || bounds.size() == multipliers.size());
  VectorRequantizer q;
  const std::size_t padded = (multipliers.size() + 7) / 8 * 8;
  std::vector<quant::QuantizedMultiplier> padded_multipliers;
  std::vector<int64_t> padded_bounds;
  for (std::size_t channel = 0; channel < padded; ++channel) {
    const std::size_t source = channel < multipliers.size() ? channel : 0;
    const quant::QuantizedMultiplier m = multipliers[source];
    padded_multipliers.push_back(m);
    if (!bounds.empty()) padded_bounds.push_back(bounds[source]);
    assert(m.shift >= -31 && m.shift <= 30);
    const Shifts s = shifts_of(m);
    q.left_factor.push_back(static_cast<int32_t>(int64_t{1} << s.left));  // ≤ 2^30
    q.multiplier.push_back(m.multiplier);
    q.right_factor.push_back(s.right == 0 ? 0 : static_cast<int32_t>(int64_t{1} << (31 - s.right)));
    const int32_t mask = static_cast<int32_t>((int64_t{1} << s.right) - 1);
    q.remainder_mask.push_back(mask);
    q.threshold.push_back(mask >> 1);
    q.no_right_shift.push_back(s.right == 0 ? -1 : 0);
  }
  for (std::size_t block = 0; block < padded / 4; ++block) {
    const int shift = shifts_of(padded_multipliers[block * 4]).right;
    bool uniform = true;
    for (std::size_t lane = 1; lane < 4; ++lane) {
      uniform = uniform && shifts_of(padded_multipliers[block * 4 + lane]).right == shift;
    }
    q.block_right_shift.push_back(static_cast<int8_t>(uniform ? shift : -1));
  }
  for (int32_t factor : q.left_factor) q.any_left_shift = q.any_left_shift || factor != 1;
  q.short_path = !bounds.empty() && fill_short_path(q, padded_multipliers, padded_bounds);
  if (!q.short_path) {
    q.factor.clear(), q.negative_below.clear(), q.addend.clear(), q.block_shift.clear(), q.block_scaled.clear();
  }
  q.output_zero_point = output_zero_point;
  q.min = range.min;
  q.max = range.max;
  return q;
}

}  // namespace tinyml::kernels
