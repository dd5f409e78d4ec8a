#include "core/kernels/requantize_vector.hpp"

#include <cassert>

namespace tinyml::kernels {

VectorRequantizer make_vector_requantizer(const std::vector<quant::QuantizedMultiplier>& multipliers,
                                          int32_t output_zero_point, quant::ActivationRange range) {
  assert(!multipliers.empty());
  VectorRequantizer q;
  const std::size_t padded = (multipliers.size() + 7) / 8 * 8;
  for (std::size_t channel = 0; channel < padded; ++channel) {
    const quant::QuantizedMultiplier m = multipliers[channel < multipliers.size() ? channel : 0];
    assert(m.shift >= -31 && m.shift <= 30);
    const int left_shift = m.shift > 0 ? m.shift : 0;
    const int right_shift = m.shift > 0 ? 0 : -m.shift;
    q.left_factor.push_back(static_cast<int32_t>(int64_t{1} << left_shift));  // ≤ 2^30
    q.multiplier.push_back(m.multiplier);
    q.right_factor.push_back(right_shift == 0 ? 0 : static_cast<int32_t>(int64_t{1} << (31 - right_shift)));
    const int32_t mask = static_cast<int32_t>((int64_t{1} << right_shift) - 1);
    q.remainder_mask.push_back(mask);
    q.threshold.push_back(mask >> 1);
    q.no_right_shift.push_back(right_shift == 0 ? -1 : 0);
  }
  for (std::size_t block = 0; block < padded / 4; ++block) {
    const int32_t first = q.remainder_mask[block * 4];
    bool uniform = true;
    for (std::size_t lane = 1; lane < 4; ++lane) uniform = uniform && q.remainder_mask[block * 4 + lane] == first;
    int shift = 0;
    while (shift < 31 && (int64_t{1} << shift) - 1 != first) ++shift;
    q.block_right_shift.push_back(static_cast<int8_t>(uniform ? shift : -1));
  }
  for (int32_t factor : q.left_factor) q.any_left_shift = q.any_left_shift || factor != 1;
  q.output_zero_point = output_zero_point;
  q.min = range.min;
  q.max = range.max;
  return q;
}

}  // namespace tinyml::kernels
