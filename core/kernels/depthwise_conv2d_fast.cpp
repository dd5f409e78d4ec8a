#include "core/kernels/depthwise_conv2d_fast.hpp"

#include <cassert>

#include "core/kernels/requantize.hpp"
#include "core/kernels/simd128.hpp"

namespace tinyml::kernels {
namespace {

// The filter taps [begin, end) along one axis whose input coordinate origin + dilation·tap
// lies in [0, size).
struct TapRange {
  int begin = 0;
  int end = 0;
};

TapRange taps_inside(int origin, int dilation, int taps, int size) {
  TapRange range{taps, taps};
  for (int tap = 0; tap < taps; ++tap) {
    const int at = origin + dilation * tap;
    if (at >= 0 && at < size) {
      if (range.begin == taps) range.begin = tap;
      range.end = tap + 1;
    }
  }
  if (range.begin == taps) range.begin = range.end = 0;
  return range;
}

// Where one output pixel's window lies: the input coordinates of tap (0, 0) and the
// taps inside the image.
struct PixelWindow {
  int batch = 0;
  int in_y_origin = 0;
  int in_x_origin = 0;
  TapRange rows;
  TapRange cols;
};

// Channels [channel, channel + 8) of one output pixel.
void depthwise_8_channels(const FastDepthwiseConv2d& conv, const int8_t* input, const PixelWindow& pixel,
                          int channel, int8_t* out) {
  const DepthwiseConv2dParams& params = conv.params;
  const Window2d& window = params.window;
  const int channels = window.output.channels;
  const simd::I16x8 offsets = simd::splat_i16x8(static_cast<int16_t>(params.input_offset));
  simd::I32x4 low = simd::load_i32x4(conv.bias.data() + channel);
  simd::I32x4 high = simd::load_i32x4(conv.bias.data() + channel + 4);
  for (int filter_y = pixel.rows.begin; filter_y < pixel.rows.end; ++filter_y) {
    const int in_y = pixel.in_y_origin + window.dilation_h * filter_y;
    for (int filter_x = pixel.cols.begin; filter_x < pixel.cols.end; ++filter_x) {
      const int in_x = pixel.in_x_origin + window.dilation_w * filter_x;
      const simd::I16x8 values = simd::add_i16x8(
          simd::load_i8x8_widened(input + window.input.offset(pixel.batch, in_y, in_x, channel)), offsets);
      const simd::I16x8 weights = simd::load_i16x8(
          conv.filter.data() + static_cast<std::size_t>(filter_y * window.filter_width + filter_x) * channels +
          channel);
      const simd::I16x8 products = simd::mul_i16x8(values, weights);  // exact: |product| <= 32 640
      low = simd::add_i32x4(low, simd::widen_low_i16x8(products));
      high = simd::add_i32x4(high, simd::widen_high_i16x8(products));
    }
  }
  simd::store_int8x4(out, requantize_i32x4(conv.requantizer, low, channel));
  simd::store_int8x4(out + 4, requantize_i32x4(conv.requantizer, high, channel + 4));
}

// One channel of one output pixel (the channels left over after blocks of 8).
void depthwise_1_channel(const FastDepthwiseConv2d& conv, const int8_t* input, const PixelWindow& pixel,
                         int channel, int8_t* out) {
  const DepthwiseConv2dParams& params = conv.params;
  const Window2d& window = params.window;
  int32_t accumulator = conv.bias[channel];
  for (int filter_y = pixel.rows.begin; filter_y < pixel.rows.end; ++filter_y) {
    const int in_y = pixel.in_y_origin + window.dilation_h * filter_y;
    for (int filter_x = pixel.cols.begin; filter_x < pixel.cols.end; ++filter_x) {
      const int in_x = pixel.in_x_origin + window.dilation_w * filter_x;
      const std::size_t tap = static_cast<std::size_t>(filter_y * window.filter_width + filter_x);
      accumulator += int32_t{conv.filter[tap * window.output.channels + channel]} *
                     (int32_t{input[window.input.offset(pixel.batch, in_y, in_x, channel)]} + params.input_offset);
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
  return conv;
}

void depthwise_conv2d_fast(const FastDepthwiseConv2d& conv, Span<const int8_t> input, Span<int8_t> output) {
  const Window2d& window = conv.params.window;
  assert(input.size == window.input.size());
  assert(output.size == window.output.size());
  const int channels = window.output.channels;
  PixelWindow pixel;
  for (pixel.batch = 0; pixel.batch < window.output.batch; ++pixel.batch) {
    for (int out_y = 0; out_y < window.output.height; ++out_y) {
      pixel.in_y_origin = out_y * window.stride_h - window.pad_top;
      pixel.rows = taps_inside(pixel.in_y_origin, window.dilation_h, window.filter_height, window.input.height);
      for (int out_x = 0; out_x < window.output.width; ++out_x) {
        pixel.in_x_origin = out_x * window.stride_w - window.pad_left;
        pixel.cols = taps_inside(pixel.in_x_origin, window.dilation_w, window.filter_width, window.input.width);
        int8_t* out = output.data + window.output.offset(pixel.batch, out_y, out_x, 0);
        int channel = 0;
        for (; channel + 8 <= channels; channel += 8) {
          depthwise_8_channels(conv, input.data, pixel, channel, out + channel);
        }
        for (; channel < channels; ++channel) depthwise_1_channel(conv, input.data, pixel, channel, out + channel);
      }
    }
  }
}

}  // namespace tinyml::kernels
