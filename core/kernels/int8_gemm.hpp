// The int8 matrix product at the heart of the fast conv2d and fully connected kernels:
// out[row][channel] = requantize(Σ_k rows[row][k] · filter[channel][k] + bias[channel]),
// with TFLM's int32 accumulation and per-channel requantization (requantize.hpp), so
// every output equals the reference kernels' exactly.
//
// Rows are int16: the caller has already added the input offset (−input zero point) to
// each int8 input, x + offset ∈ [−255, 255], and written 0 for padding taps and for the
// columns past `depth` up to `depth_padded`. Then Σ rows·filter is exactly the
// reference's Σ filter · (input + offset) over the taps inside the image.
// Bound: one product is at most 255 · 128 = 32 640 in magnitude, so the pairwise int16
// dot product (i32x4.dot_i16x8 / pmaddwd) cannot overflow its int32 lanes, and the sum
// of `depth` products plus the bias stays in int32 under the reference kernels' bound.
#pragma once

#include <cstdint>
#include <vector>

#include "core/kernels/requantize_vector.hpp"
#include "core/kernels/simd128.hpp"
#include "core/kernels/tensor_span.hpp"
#include "core/quant/fixed_point.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::kernels {

// Channels are packed in blocks of kGemmChannelBlock, depth in pairs (kGemmDepthStep).
constexpr int kGemmChannelBlock = 8;
constexpr int kGemmDepthStep = 2;

inline int gemm_padded_depth(int depth) {
  return (depth + kGemmDepthStep - 1) / kGemmDepthStep * kGemmDepthStep;
}

// A filter [channels, depth] int8 widened to int16 and laid out for the product:
// [channel block][depth / 2][8 channels][2 depth], zero past `depth` and past
// `channels` (the last block is padded to 8 channels that are computed, never stored).
// One step of the product splats an input pair (x[k], x[k+1]) over four 32-bit lanes
// and takes its pairwise dot product with the pairs of 4 channels (i32x4.dot_i16x8 /
// pmaddwd): lanes stay channels, so no horizontal sum is needed at the end.
struct PackedFilter {
  int channels = 0;
  int depth = 0;
  int depth_padded = 0;
  std::vector<int16_t> values;
  std::vector<int32_t> bias;  // [channels padded to a block], 0 where there is no bias
  VectorRequantizer requantizer;  // per channel
};

// Packs `filter` ([channels, depth] int8, row-major; rows `filter_row_stride` apart) and
// `bias` ([channels] int32, or empty). Prepare-time: allocates.
PackedFilter pack_filter(const int8_t* filter, int channels, int depth, std::size_t filter_row_stride,
                         const int32_t* bias, std::vector<quant::QuantizedMultiplier> multipliers,
                         int32_t output_zero_point, quant::ActivationRange range);

// rows: `row_count` rows of filter.depth_padded int16 (input + offset, see above).
// Writes row r, channel c to output[r · output_stride + c]. Allocates nothing.
void gemm_requantize(const PackedFilter& filter, const int16_t* rows, int row_count, int8_t* output,
                     std::size_t output_stride);

// Writes `count` int8 values x + offset as int16 to `destination` (the columns the
// product reads). Exact: x + offset ∈ [−255, 255]. Inline: the gather calls it per tap.
inline void widen_with_offset(const int8_t* source, int count, int16_t offset, int16_t* destination) {
  const simd::I16x8 offsets = simd::splat_i16x8(offset);
  int index = 0;
  for (; index + 8 <= count; index += 8) {
    simd::store_i16x8(destination + index, simd::add_i16x8(simd::load_i8x8_widened(source + index), offsets));
  }
  for (; index < count; ++index) destination[index] = static_cast<int16_t>(source[index] + offset);
}

}  // namespace tinyml::kernels
