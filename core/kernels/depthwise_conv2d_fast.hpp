// Fast int8 depthwise 2-D convolution, bit-exact with the reference depthwise_conv2d
// (depthwise_conv2d.hpp) for depth multiplier 1 (the MobileNet/MCUNet case; other
// multipliers stay on the reference kernel). The filter is widened to int16 once at
// prepare; eval widens each input image into a zero-padded int16 copy (padded_image.hpp:
// input + offset, 0 in the padding), then walks the output pixels two at a time (each
// packed weight vector loaded once for both) and, 8 channels at a time, takes the taps
// two by two: the two taps' inputs interleaved per channel,
// (x_t[c], x_t+1[c]), and one pairwise int16 dot product (i32x4.dot_i16x8 / pmaddwd) with
// the filter packed the same way at prepare gives both products of 4 channels summed in
// int32 (each |255 · 128| = 32 640, so the pair cannot overflow); an odd last tap pairs
// with a zero weight. The sums start at the bias and are requantized as TFLM does.
// Padding taps multiply 0, exactly the reference's skipped taps. The common 3×3, 5×5 and
// 7×7 filters get the tap loop unrolled at compile time.
// Scratch: `scratch_elements()` int16 (the padded image), handed in by the caller.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/kernels/depthwise_conv2d.hpp"
#include "core/kernels/padded_image.hpp"
#include "core/kernels/requantize_vector.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::kernels {

struct FastDepthwiseConv2d {
  DepthwiseConv2dParams params;
  std::vector<int16_t> filter;  // [KH · KW, C] int16 (for the channels past the last block of 8)
  // [C / 8][tap pair][4 channels × (tap 2p, tap 2p + 1)] × 2 halves: 16 int16 per pair.
  std::vector<int16_t> paired_filter;
  // Element offset of each tap from tap (0, 0) in the padded image, padded to an even
  // count with a copy of the last (its paired weight is 0).
  std::vector<std::ptrdiff_t> tap_offsets;
  std::vector<int32_t> bias;    // [C], 0 where there is no bias
  VectorRequantizer requantizer;
  PaddedImage padded;
  std::size_t scratch_elements() const { return padded.elements(); }
};

// Whether the fast kernel handles `params` (depth multiplier 1).
bool depthwise_conv2d_fast_supported(const DepthwiseConv2dParams& params);

// Widens `filter` ([1, KH, KW, C] int8) and copies `bias` ([C] int32 or empty).
// Domain: depthwise_conv2d_fast_supported(params). Prepare-time: allocates.
FastDepthwiseConv2d prepare_depthwise_conv2d_fast(const DepthwiseConv2dParams& params, Span<const int8_t> filter,
                                                  Span<const int32_t> bias);

// Same result as depthwise_conv2d(params, input, filter, bias, output). Allocates nothing.
void depthwise_conv2d_fast(const FastDepthwiseConv2d& conv, Span<const int8_t> input, Span<int16_t> scratch,
                           Span<int8_t> output);

}  // namespace tinyml::kernels
