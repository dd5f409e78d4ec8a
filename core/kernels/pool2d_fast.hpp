// Fast int8 average and max pooling over NHWC, with the reference kernels' results
// (pool2d.hpp): for each output pixel the same clamped window, then the taps' values
// combined 16 channels at a time (max) or summed 8 at a time in int32 (average).
// The average's rounding division (sum ± n/2) / n, truncated, is one float32 division
// per lane: exact, because |sum ± n/2| < 2^24 (n ≤ kMaxFastPoolTaps taps of |x| ≤ 128)
// keeps the float quotient's rounding error below 1/n, the least distance from a
// non-integer a/n to an integer, so truncation lands where the integer division does.
#pragma once

#include <cstdint>

#include "core/kernels/pool2d.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::kernels {

inline constexpr int kMaxFastPoolTaps = 65536;

// Whether the fast kernels take `params`: a window of at most kMaxFastPoolTaps taps.
bool pool2d_fast_supported(const Pool2dParams& params);

// Same results as average_pool2d and max_pool2d. Domain: pool2d_fast_supported(params).
// Allocate nothing.
void average_pool2d_fast(const Pool2dParams& params, Span<const int8_t> input, Span<int8_t> output);
void max_pool2d_fast(const Pool2dParams& params, Span<const int8_t> input, Span<int8_t> output);

}  // namespace tinyml::kernels
