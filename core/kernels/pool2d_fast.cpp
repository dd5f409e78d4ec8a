#include "core/kernels/pool2d_fast.hpp"

#include <algorithm>
#include <cassert>

#include "core/kernels/simd128.hpp"
#include "core/quant/fixed_point.hpp"

namespace tinyml::kernels {
namespace {

// Calls combine(channel_pointer_offset) for each tap of the clamped window of
// (batch, out_y, out_x): the element offset of the tap's channel 0 in the input.
template <typename Combine>
inline void for_each_tap(const Window2d& window, const PoolWindow& taps, int batch, Combine combine) {
  for (int filter_y = taps.y_begin; filter_y < taps.y_end; ++filter_y) {
    for (int filter_x = taps.x_begin; filter_x < taps.x_end; ++filter_x) {
      combine(window.input.offset(batch, taps.in_y_origin + filter_y, taps.in_x_origin + filter_x, 0));
    }
  }
}

// Calls pixel(batch, taps, out) for each output pixel: its clamped window and where its
// channels go.
template <typename Pixel>
inline void for_each_output_pixel(const Window2d& window, Span<int8_t> output, Pixel pixel) {
  for (int batch = 0; batch < window.output.batch; ++batch) {
    for (int out_y = 0; out_y < window.output.height; ++out_y) {
      for (int out_x = 0; out_x < window.output.width; ++out_x) {
        pixel(batch, clamp_pool_window(window, out_y, out_x),
              output.data + window.output.offset(batch, out_y, out_x, 0));
      }
    }
  }
}

inline int8_t clamp_to_range(int32_t value, const Pool2dParams& params) {
  return static_cast<int8_t>(quant::clamp(value, params.range.min, params.range.max));
}

}  // namespace

bool pool2d_fast_supported(const Pool2dParams& params) {
  return static_cast<int64_t>(params.window.filter_height) * params.window.filter_width <= kMaxFastPoolTaps;
}

void max_pool2d_fast(const Pool2dParams& params, Span<const int8_t> input, Span<int8_t> output) {
  const Window2d& window = params.window;
  assert(pool2d_fast_supported(params));
  assert(input.size == window.input.size() && output.size == window.output.size());
  const int channels = window.output.channels;
  const simd::I8x16 low = simd::splat_i8x16(static_cast<int8_t>(params.range.min));
  const simd::I8x16 high = simd::splat_i8x16(static_cast<int8_t>(params.range.max));
  for_each_output_pixel(window, output, [&](int batch, const PoolWindow& taps, int8_t* out) {
    int channel = 0;
    for (; channel + 16 <= channels; channel += 16) {
      simd::I8x16 maximum = simd::splat_i8x16(quant::kInt8Min);
      for_each_tap(window, taps, batch, [&](std::size_t at) {
        maximum = simd::max_i8x16(maximum, simd::load_i8x16(input.data + at + channel));
      });
      simd::store_i8x16(out + channel, simd::min_i8x16(simd::max_i8x16(maximum, low), high));
    }
    for (; channel < channels; ++channel) {
      int32_t maximum = quant::kInt8Min;
      for_each_tap(window, taps, batch,
                   [&](std::size_t at) { maximum = std::max<int32_t>(maximum, input.data[at + channel]); });
      out[channel] = clamp_to_range(maximum, params);
    }
  });
}

void average_pool2d_fast(const Pool2dParams& params, Span<const int8_t> input, Span<int8_t> output) {
  const Window2d& window = params.window;
  assert(pool2d_fast_supported(params));
  assert(input.size == window.input.size() && output.size == window.output.size());
  const int channels = window.output.channels;
  const simd::I8x16 low = simd::splat_i8x16(static_cast<int8_t>(params.range.min));
  const simd::I8x16 high = simd::splat_i8x16(static_cast<int8_t>(params.range.max));
  for_each_output_pixel(window, output, [&](int batch, const PoolWindow& taps, int8_t* out) {
    const int32_t count = (taps.y_end - taps.y_begin) * (taps.x_end - taps.x_begin);
    assert(count > 0);  // prepare_pool2d rejects windows entirely in the padding
    const simd::I32x4 half = simd::splat_i32x4(count / 2);
    int channel = 0;
    for (; channel + 8 <= channels; channel += 8) {
      simd::I32x4 sums[2] = {simd::zero_i32x4(), simd::zero_i32x4()};
      for_each_tap(window, taps, batch, [&](std::size_t at) {
        const simd::I16x8 values = simd::load_i8x8_widened(input.data + at + channel);
        sums[0] = simd::add_i32x4(sums[0], simd::widen_low_i16x8(values));
        sums[1] = simd::add_i32x4(sums[1], simd::widen_high_i16x8(values));
      });
      simd::I32x4 averages[2];
      for (int part = 0; part < 2; ++part) {
        // sum > 0 ? sum + n/2 : sum − n/2, then truncating division by n.
        const simd::I32x4 positive = simd::greater_i32x4(sums[part], simd::zero_i32x4());
        const simd::I32x4 rounded =
            simd::select_i32x4(positive, simd::add_i32x4(sums[part], half), simd::sub_i32x4(sums[part], half));
        averages[part] = simd::divide_truncate_i32x4(rounded, static_cast<float>(count));
      }
      const simd::I16x8 words = simd::narrow_i32x4(averages[0], averages[1]);
      const simd::I8x16 bytes = simd::min_i8x16(simd::max_i8x16(simd::narrow_i16x8(words, words), low), high);
      simd::store_low_i8x8(out + channel, bytes);
    }
    for (; channel < channels; ++channel) {
      int32_t sum = 0;
      for_each_tap(window, taps, batch, [&](std::size_t at) { sum += input.data[at + channel]; });
      out[channel] = clamp_to_range(sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count, params);
    }
  });
}

}  // namespace tinyml::kernels
