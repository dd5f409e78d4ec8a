#include "core/kernels/int8_gemm.hpp"

#include <cassert>

#include "core/kernels/simd128.hpp"

namespace tinyml::kernels {
namespace {

using simd::I16x8;
using simd::I32x4;

// Rows of output pixels computed together: each loaded filter vector is used this many
// times. Four rows × eight channels keep 8 accumulators, four splatted inputs and two
// filter vectors in the 16 vector registers of x86-64 (where V8 maps wasm SIMD too).
constexpr int kTileRows = 4;

// Writes the first `count` (< 8; none when ≤ 0) bytes.
inline void store_row(int8_t* output, const int8_t* bytes, int count) {
  for (int lane = 0; lane < count; ++lane) output[lane] = bytes[lane];
}

// One tile: `Rows` rows × the 8 channels of `block`, accumulated over the padded depth.
template <int Rows>
void gemm_tile(const PackedFilter& filter, const int16_t* rows, int block, int8_t* output,
               std::size_t output_stride) {
  const int depth_padded = filter.depth_padded;
  const int16_t* weights = filter.values.data() + static_cast<std::size_t>(block) * kGemmChannelBlock * depth_padded;
  I32x4 low[Rows];   // channels 0–3 of the block
  I32x4 high[Rows];  // channels 4–7
  for (int row = 0; row < Rows; ++row) low[row] = high[row] = simd::zero_i32x4();
  for (int step = 0; step < depth_padded; step += kGemmDepthStep) {
    const I16x8 weights_low = simd::load_i16x8(weights);
    const I16x8 weights_high = simd::load_i16x8(weights + 8);
    weights += kGemmChannelBlock * kGemmDepthStep;
    for (int row = 0; row < Rows; ++row) {
      const I16x8 pair = simd::load_i16x2_splat(rows + row * depth_padded + step);
      low[row] = simd::add_i32x4(low[row], simd::dot_i16x8(pair, weights_low));
      high[row] = simd::add_i32x4(high[row], simd::dot_i16x8(pair, weights_high));
    }
  }
  const int first_channel = block * kGemmChannelBlock;
  const int count = filter.channels - first_channel;
  const I32x4 bias_low = simd::load_i32x4(filter.bias.data() + first_channel);
  const I32x4 bias_high = simd::load_i32x4(filter.bias.data() + first_channel + 4);
  const VectorRequantizer& q = filter.requantizer;
  for (int row = 0; row < Rows; ++row) {
    low[row] = rescale_i32x4(q, simd::add_i32x4(low[row], bias_low), first_channel);
    high[row] = rescale_i32x4(q, simd::add_i32x4(high[row], bias_high), first_channel + 4);
  }
  for (int row = 0; row < Rows; row += 2) {
    const int second = row + 1 < Rows ? row + 1 : row;
    const simd::I8x16 bytes = finish_rows(q, low[row], high[row], low[second], high[second]);
    int8_t* out = output + row * output_stride + first_channel;
    int8_t* second_out = output + second * output_stride + first_channel;
    if (count >= 8) {
      simd::store_low_i8x8(out, bytes);
      if (second != row) simd::store_high_i8x8(second_out, bytes);
    } else {
      alignas(16) int8_t values[16];
      simd::store_low_i8x8(values, bytes);
      simd::store_high_i8x8(values + 8, bytes);
      store_row(out, values, count);
      if (second != row) store_row(second_out, values + 8, count);
    }
  }
}

}  // namespace

PackedFilter pack_filter(const int8_t* filter, int channels, int depth, std::size_t filter_row_stride,
                         const int32_t* bias, std::vector<quant::QuantizedMultiplier> multipliers,
                         int32_t output_zero_point, quant::ActivationRange range) {
  assert(channels >= 1 && depth >= 1);
  assert(multipliers.size() == static_cast<std::size_t>(channels));
  PackedFilter packed;
  packed.channels = channels;
  packed.depth = depth;
  packed.depth_padded = gemm_padded_depth(depth);
  const int blocks = (channels + kGemmChannelBlock - 1) / kGemmChannelBlock;
  packed.values.assign(static_cast<std::size_t>(blocks) * kGemmChannelBlock * packed.depth_padded, 0);
  for (int channel = 0; channel < channels; ++channel) {
    const int block = channel / kGemmChannelBlock;
    const int lane = channel % kGemmChannelBlock;
    for (int index = 0; index < depth; ++index) {
      const int step = index / kGemmDepthStep;
      const std::size_t at = ((static_cast<std::size_t>(block) * (packed.depth_padded / kGemmDepthStep) + step) *
                                  kGemmChannelBlock + lane) * kGemmDepthStep + index % kGemmDepthStep;
      packed.values[at] = filter[channel * filter_row_stride + index];
    }
  }
  packed.bias.assign(static_cast<std::size_t>(blocks) * kGemmChannelBlock, 0);
  if (bias != nullptr) {
    for (int channel = 0; channel < channels; ++channel) packed.bias[channel] = bias[channel];
  }
  packed.requantizer = make_vector_requantizer(
      multipliers, output_zero_point, range, accumulator_bounds(filter, channels, depth, filter_row_stride, 1, bias));
  return packed;
}

void gemm_requantize(const PackedFilter& filter, const int16_t* rows, int row_count, int8_t* output,
                     std::size_t output_stride) {
  const int blocks = (filter.channels + kGemmChannelBlock - 1) / kGemmChannelBlock;
  for (int block = 0; block < blocks; ++block) {
    int row = 0;
    for (; row + kTileRows <= row_count; row += kTileRows) {
      gemm_tile<kTileRows>(filter, rows + static_cast<std::size_t>(row) * filter.depth_padded, block, output + row * output_stride,
                           output_stride);
    }
    for (; row < row_count; ++row) {
      gemm_tile<1>(filter, rows + static_cast<std::size_t>(row) * filter.depth_padded, block,
                   output + row * output_stride, output_stride);
    }
  }
}

}  // namespace tinyml::kernels
