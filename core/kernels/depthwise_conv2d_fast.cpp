#include "core/kernels/depthwise_conv2d_fast.hpp"

#include <cassert>

#include "core/kernels/requantize.hpp"
#include "core/kernels/simd128.hpp"

namespace tinyml::kernels {
namespace {

// Channels [channel, channel + 8) of one output pixel; `taps` points at channel 0 of
// its tap (0, 0) in the padded image.
void depthwise_8_channels(const FastDepthwiseConv2d& conv, const int16_t* taps, int channel, int8_t* out) {
  const Window2d& window = conv.params.window;
  const int channels = window.output.channels;
  const std::size_t row_step = static_cast<std::size_t>(window.dilation_h) * conv.padded.width * channels;
  const std::size_t column_step = static_cast<std::size_t>(window.dilation_w) * channels;
  simd::I32x4 low = simd::load_i32x4(conv.bias.data() + channel);
  simd::I32x4 high = simd::load_i32x4(conv.bias.data() + channel + 4);
  const int16_t* weights = conv.filter.data() + channel;
  for (int filter_y = 0; filter_y < window.filter_height; ++filter_y) {
    const int16_t* tap = taps + filter_y * row_step + channel;
    for (int filter_x = 0; filter_x < window.filter_width; ++filter_x) {
      const simd::I16x8 products = simd::mul_i16x8(simd::load_i16x8(tap), simd::load_i16x8(weights));  // exact
      low = simd::add_i32x4(low, simd::widen_low_i16x8(products));
      high = simd::add_i32x4(high, simd::widen_high_i16x8(products));
      tap += column_step;
      weights += channels;
    }
  }
  simd::store_int8x4(out, requantize_i32x4(conv.requantizer, low, channel));
  simd::store_int8x4(out + 4, requantize_i32x4(conv.requantizer, high, channel + 4));
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
  conv.requantizer = make_vector_requantizer(params.channel_multipliers, params.output_zero_point, params.range);
  conv.padded = padded_image_of(params.window);
  return conv;
}

void depthwise_conv2d_fast(const FastDepthwiseConv2d& conv, Span<const int8_t> input, Span<int16_t> scratch,
                           Span<int8_t> output) {
  const Window2d& window = conv.params.window;
  assert(input.size == window.input.size());
  assert(output.size == window.output.size());
  assert(scratch.size >= conv.scratch_elements());
  const int channels = window.output.channels;
  const std::size_t row_elements = static_cast<std::size_t>(conv.padded.width) * channels;
  for (int batch = 0; batch < window.output.batch; ++batch) {
    fill_padded_image(window, conv.padded, conv.params.input_offset, input, batch, scratch.data);
    for (int out_y = 0; out_y < window.output.height; ++out_y) {
      for (int out_x = 0; out_x < window.output.width; ++out_x) {
        const int16_t* taps = scratch.data + static_cast<std::size_t>(out_y) * window.stride_h * row_elements +
                              static_cast<std::size_t>(out_x) * window.stride_w * channels;
        int8_t* out = output.data + window.output.offset(batch, out_y, out_x, 0);
        int channel = 0;
        for (; channel + 8 <= channels; channel += 8) depthwise_8_channels(conv, taps, channel, out + channel);
        for (; channel < channels; ++channel) depthwise_1_channel(conv, taps, channel, out + channel);
      }
    }
  }
}

}  // namespace tinyml::kernels
