#include "core/kernels/depthwise_conv2d_fast.hpp"

#include <cassert>

#include "core/kernels/requantize.hpp"
#include "core/kernels/simd128.hpp"

namespace tinyml::kernels {
namespace {

// Channels [channel, channel + 8) of `Pixels` (1 or 2) output pixels side by side;
// `taps` points at channel 0 of the first pixel's tap (0, 0) in the padded image, the
// second pixel's taps are `next_pixel` elements on. Each packed weight vector is loaded
// once for both pixels, and both pixels' 16 outputs are finished in one vector.
// Pairs: tap pairs when known at compile time, else 0.
template <int Pairs, int Pixels>
inline void depthwise_8_channels(const FastDepthwiseConv2d& conv, const int16_t* taps, std::ptrdiff_t next_pixel,
                                 int channel, int8_t* out, int8_t* next_out) {
  const int pairs = Pairs > 0 ? Pairs : static_cast<int>(conv.tap_offsets.size() / 2);
  const std::ptrdiff_t* offsets = conv.tap_offsets.data();
  const int16_t* weights = conv.paired_filter.data() + static_cast<std::size_t>(channel / 8) * pairs * 16;
  const int16_t* base[Pixels];
  simd::I32x4 low[Pixels];
  simd::I32x4 high[Pixels];
  for (int pixel = 0; pixel < Pixels; ++pixel) {
    base[pixel] = taps + channel + pixel * next_pixel;
    low[pixel] = simd::load_i32x4(conv.bias.data() + channel);
    high[pixel] = simd::load_i32x4(conv.bias.data() + channel + 4);
  }
  for (int pair = 0; pair < pairs; ++pair) {
    const simd::I16x8 weights_low = simd::load_i16x8(weights);
    const simd::I16x8 weights_high = simd::load_i16x8(weights + 8);
    weights += 16;
    for (int pixel = 0; pixel < Pixels; ++pixel) {
      const simd::I16x8 first = simd::load_i16x8(base[pixel] + offsets[2 * pair]);
      const simd::I16x8 second = simd::load_i16x8(base[pixel] + offsets[2 * pair + 1]);
      low[pixel] = simd::add_i32x4(low[pixel], simd::dot_i16x8(simd::interleave_low_i16x8(first, second), weights_low));
      high[pixel] =
          simd::add_i32x4(high[pixel], simd::dot_i16x8(simd::interleave_high_i16x8(first, second), weights_high));
    }
  }
  for (int pixel = 0; pixel < Pixels; ++pixel) {
    low[pixel] = rescale_i32x4(conv.requantizer, low[pixel], channel);
    high[pixel] = rescale_i32x4(conv.requantizer, high[pixel], channel + 4);
  }
  const int last = Pixels - 1;
  const simd::I8x16 bytes = finish_rows(conv.requantizer, low[0], high[0], low[last], high[last]);
  simd::store_low_i8x8(out, bytes);
  if (Pixels == 2) simd::store_high_i8x8(next_out, bytes);
}

// One channel of one output pixel (the channels left over after blocks of 8).
void depthwise_1_channel(const FastDepthwiseConv2d& conv, const int16_t* taps, int channel, int8_t* out) {
  const DepthwiseConv2dParams& params = conv.params;
  const Window2d& window = params.window;
  const int channels = window.output.channels;
  int32_t accumulator = conv.bias[channel];
  for (int filter_y = 0; filter_y < window.filter_height; ++filter_y) {
    for (int filter_x = 0; filter_x < window.filter_width; ++filter_x) {
      const std::size_t at = (static_cast<std::size_t>(filter_y) * window.dilation_h * conv.padded.width +
                              static_cast<std::size_t>(filter_x) * window.dilation_w) * channels + channel;
      accumulator += int32_t{conv.filter[(filter_y * window.filter_width + filter_x) * channels + channel]} * taps[at];
    }
  }
  *out = requantize_to_int8(accumulator, params.channel_multipliers[channel], params.output_zero_point,
                            params.range);
}

}  // namespace

bool depthwise_conv2d_fast_supported(const DepthwiseConv2dParams& params) { return params.depth_multiplier == 1; }

FastDepthwiseConv2d prepare_depthwise_conv2d_fast(const DepthwiseConv2dParams& params, Span<const int8_t> filter,
                                                  Span<const int32_t> bias) {
  assert(depthwise_conv2d_fast_supported(params));
  assert(filter.size == params.filter_size());
  FastDepthwiseConv2d conv;
  conv.params = params;
  conv.filter.assign(filter.data, filter.data + filter.size);
  conv.bias.assign(params.window.output.channels, 0);
  if (!bias.empty()) conv.bias.assign(bias.data, bias.data + bias.size);
  const Window2d& window = params.window;
  const int channels = window.output.channels;
  const int taps = window.filter_height * window.filter_width;
  // filter [taps][channels]: channel c's weights are `channels` apart.
  conv.requantizer = make_vector_requantizer(
      params.channel_multipliers, params.output_zero_point, params.range,
      accumulator_bounds(filter.data, channels, taps, 1, static_cast<std::size_t>(channels),
                         bias.empty() ? nullptr : bias.data));
  conv.padded = padded_image_of(window);
  for (int tap = 0; tap < taps; ++tap) {
    const int filter_y = tap / window.filter_width;
    const int filter_x = tap % window.filter_width;
    conv.tap_offsets.push_back(
        (static_cast<std::ptrdiff_t>(filter_y) * window.dilation_h * conv.padded.width +
         static_cast<std::ptrdiff_t>(filter_x) * window.dilation_w) * channels);
  }
  if (taps % 2 != 0) conv.tap_offsets.push_back(conv.tap_offsets.back());
  const int pairs = static_cast<int>(conv.tap_offsets.size() / 2);
  const int blocks = channels / 8;
  conv.paired_filter.assign(static_cast<std::size_t>(blocks) * pairs * 16, 0);
  for (int block = 0; block < blocks; ++block) {
    for (int pair = 0; pair < pairs; ++pair) {
      int16_t* packed = conv.paired_filter.data() + (static_cast<std::size_t>(block) * pairs + pair) * 16;
      for (int lane = 0; lane < 8; ++lane) {
        const int channel = block * 8 + lane;
        // lanes 0–3 in the first 8 values, 4–7 in the next 8; each (tap 2p, tap 2p + 1)
        int16_t* at = packed + (lane / 4) * 8 + (lane % 4) * 2;
        for (int half = 0; half < 2; ++half) {
          const int tap = 2 * pair + half;
          at[half] = tap < taps ? conv.filter[static_cast<std::size_t>(tap) * channels + channel] : int16_t{0};
        }
      }
    }
  }
  return conv;
}

namespace {

template <int Pairs>
void depthwise_image(const FastDepthwiseConv2d& conv, const int16_t* image, int batch, Span<int8_t> output) {
  const Window2d& window = conv.params.window;
  const int channels = window.output.channels;
  const std::size_t row_elements = static_cast<std::size_t>(conv.padded.width) * channels;
  for (int out_y = 0; out_y < window.output.height; ++out_y) {
    for (int out_x = 0; out_x < window.output.width; ++out_x) {
      const int16_t* taps = image + static_cast<std::size_t>(out_y) * window.stride_h * row_elements +
                            static_cast<std::size_t>(out_x) * window.stride_w * channels;
      int8_t* out = output.data + window.output.offset(batch, out_y, out_x, 0);
      int channel = 0;
      if (out_x + 1 < window.output.width) {  // two pixels: this one and the next
        const std::ptrdiff_t next_pixel = static_cast<std::ptrdiff_t>(window.stride_w) * channels;
        for (; channel + 8 <= channels; channel += 8) {
          depthwise_8_channels<Pairs, 2>(conv, taps, next_pixel, channel, out + channel, out + channels + channel);
        }
        for (int rest = channel; rest < channels; ++rest) {
          depthwise_1_channel(conv, taps, rest, out + rest);
          depthwise_1_channel(conv, taps + next_pixel, rest, out + channels + rest);
        }
        ++out_x;
        continue;
      }
      for (; channel + 8 <= channels; channel += 8) {
        depthwise_8_channels<Pairs, 1>(conv, taps, 0, channel, out + channel, nullptr);
      }
      for (; channel < channels; ++channel) depthwise_1_channel(conv, taps, channel, out + channel);
    }
  }
}

}  // namespace

void depthwise_conv2d_fast(const FastDepthwiseConv2d& conv, Span<const int8_t> input, Span<int16_t> scratch,
                           Span<int8_t> output) {
  const Window2d& window = conv.params.window;
  assert(input.size == window.input.size());
  assert(output.size == window.output.size());
  assert(scratch.size >= conv.scratch_elements());
  for (int batch = 0; batch < window.output.batch; ++batch) {
    fill_padded_image(window, conv.padded, conv.params.input_offset, input, batch, scratch.data);
    switch (conv.tap_offsets.size() / 2) {
      case 5: depthwise_image<5>(conv, scratch.data, batch, output); break;     // 3×3
      case 13: depthwise_image<13>(conv, scratch.data, batch, output); break;   // 5×5
      case 25: depthwise_image<25>(conv, scratch.data, batch, output); break;   // 7×7
      default: depthwise_image<0>(conv, scratch.data, batch, output); break;
    }
  }
}

}  // namespace tinyml::kernels
