#include "core/kernels/conv2d_fast.hpp"

#include <algorithm>
#include <cassert>

namespace tinyml::kernels {
namespace {

// Output pixels per gathered block: columns of about 24 KB of int16, so the block and
// one packed channel block stay in the L1 cache while the product runs.
constexpr int kColumnBlockElements = 12 * 1024;

// Writes the columns of output pixel (batch, out_y, out_x) for `group`: depth_padded int16.
void gather_column(const FastConv2d& conv, const PackedFilter& packed, Span<const int8_t> input, int group,
                   int batch, int out_y, int out_x, int16_t* column) {
  const Conv2dParams& params = conv.params;
  const Window2d& window = params.window;
  const int in_channels = params.filter_in_channels;
  const int in_channel_base = group * in_channels;
  const auto offset = static_cast<int16_t>(params.input_offset);
  const int in_y_origin = out_y * window.stride_h - window.pad_top;
  const int in_x_origin = out_x * window.stride_w - window.pad_left;
  if (conv.pointwise) {
    widen_with_offset(input.data + window.input.offset(batch, in_y_origin, in_x_origin, in_channel_base),
                      in_channels, offset, column);
  } else {
    for (int filter_y = 0; filter_y < window.filter_height; ++filter_y) {
      const int in_y = in_y_origin + window.dilation_h * filter_y;
      const bool row_inside = in_y >= 0 && in_y < window.input.height;
      for (int filter_x = 0; filter_x < window.filter_width; ++filter_x) {
        const int in_x = in_x_origin + window.dilation_w * filter_x;
        int16_t* taps = column + (filter_y * window.filter_width + filter_x) * in_channels;
        if (row_inside && in_x >= 0 && in_x < window.input.width) {
          widen_with_offset(input.data + window.input.offset(batch, in_y, in_x, in_channel_base), in_channels,
                            offset, taps);
        } else {
          std::fill(taps, taps + in_channels, int16_t{0});  // the zero point, offset removed
        }
      }
    }
  }
  std::fill(column + packed.depth, column + packed.depth_padded, int16_t{0});
}

// Copies `count` int16 with vector moves (the runs are short: a plain copy is a library
// call per run in wasm).
inline void copy_run(const int16_t* source, std::size_t count, int16_t* destination) {
  if (count < 8) {
    for (std::size_t index = 0; index < count; ++index) destination[index] = source[index];
    return;
  }
  std::size_t index = 0;
  for (; index + 8 < count; index += 8) simd::store_i16x8(destination + index, simd::load_i16x8(source + index));
  simd::store_i16x8(destination + count - 8, simd::load_i16x8(source + count - 8));  // the last 8, overlapping
}

// The columns of output pixel (out_y, out_x) from the padded image: KH runs of KW·C_in.
void gather_from_padded(const FastConv2d& conv, const PackedFilter& packed, const int16_t* image, int out_y,
                        int out_x, int16_t* column) {
  const Window2d& window = conv.params.window;
  const int channels = window.input.channels;
  const std::size_t run = static_cast<std::size_t>(window.filter_width) * channels;
  const std::size_t row_elements = static_cast<std::size_t>(conv.padded.width) * channels;
  const int16_t* source = image + static_cast<std::size_t>(out_y) * window.stride_h * row_elements +
                          static_cast<std::size_t>(out_x) * window.stride_w * channels;
  for (int filter_y = 0; filter_y < window.filter_height; ++filter_y) {
    copy_run(source, run, column + filter_y * run);
    source += row_elements;
  }
  for (int index = packed.depth; index < packed.depth_padded; ++index) column[index] = 0;
}

}  // namespace

std::size_t FastConv2d::column_elements() const {
  return static_cast<std::size_t>(block_pixels) * groups.front().depth_padded;
}

std::size_t FastConv2d::scratch_elements() const {
  return column_elements() + (padded_image ? padded.elements() : 0);
}

FastConv2d prepare_conv2d_fast(const Conv2dParams& params, Span<const int8_t> filter, Span<const int32_t> bias) {
  assert(filter.size == params.filter_size());
  const Window2d& window = params.window;
  FastConv2d conv;
  conv.params = params;
  conv.pointwise = window.filter_height == 1 && window.filter_width == 1 && window.pad_top == 0 &&
                   window.pad_left == 0 &&
                   (window.output.height - 1) * window.stride_h < window.input.height &&
                   (window.output.width - 1) * window.stride_w < window.input.width;
  const int depth = window.filter_height * window.filter_width * params.filter_in_channels;
  const int channels = params.out_channels_per_group;
  const int group_count = window.output.channels / channels;
  for (int group = 0; group < group_count; ++group) {
    const int first_channel = group * channels;
    conv.groups.push_back(pack_filter(
        filter.data + static_cast<std::size_t>(first_channel) * depth, channels, depth, depth,
        bias.empty() ? nullptr : bias.data + first_channel,
        {params.channel_multipliers.begin() + first_channel,
         params.channel_multipliers.begin() + first_channel + channels},
        params.output_zero_point, params.range));
  }
  conv.block_pixels = std::max(4, std::min(96, kColumnBlockElements / gemm_padded_depth(depth)));
  conv.padded_image = !conv.pointwise && group_count == 1 && window.dilation_h == 1 && window.dilation_w == 1;
  if (conv.padded_image) conv.padded = padded_image_of(window);
  return conv;
}

namespace {

// One group; per image, widen into the padded image, then gather blocks of pixels from it.
void conv2d_fast_padded(const FastConv2d& conv, Span<const int8_t> input, Span<int16_t> scratch,
                        Span<int8_t> output) {
  const Window2d& window = conv.params.window;
  const PackedFilter& packed = conv.groups.front();
  int16_t* columns = scratch.data;
  int16_t* image = scratch.data + conv.column_elements();
  const int pixels = window.output.height * window.output.width;
  for (int batch = 0; batch < window.output.batch; ++batch) {
    fill_padded_image(window, conv.padded, conv.params.input_offset, input, batch, image);
    int8_t* image_output = output.data + window.output.offset(batch, 0, 0, 0);
    for (int first = 0; first < pixels; first += conv.block_pixels) {
      const int count = std::min(conv.block_pixels, pixels - first);
      for (int index = 0; index < count; ++index) {
        const int pixel = first + index;
        gather_from_padded(conv, packed, image, pixel / window.output.width, pixel % window.output.width,
                           columns + static_cast<std::size_t>(index) * packed.depth_padded);
      }
      gemm_requantize(packed, columns, count, image_output + static_cast<std::size_t>(first) * window.output.channels,
                      static_cast<std::size_t>(window.output.channels));
    }
  }
}

}  // namespace

void conv2d_fast(const FastConv2d& conv, Span<const int8_t> input, Span<int16_t> scratch, Span<int8_t> output) {
  const Window2d& window = conv.params.window;
  assert(input.size == window.input.size());
  assert(output.size == window.output.size());
  assert(scratch.size >= conv.scratch_elements());
  const int pixels_per_image = window.output.height * window.output.width;
  if (conv.padded_image) {
    conv2d_fast_padded(conv, input, scratch, output);
    return;
  }
  const int pixels = window.output.batch * pixels_per_image;
  for (int first = 0; first < pixels; first += conv.block_pixels) {
    const int count = std::min(conv.block_pixels, pixels - first);
    for (std::size_t group = 0; group < conv.groups.size(); ++group) {
      const PackedFilter& packed = conv.groups[group];
      for (int index = 0; index < count; ++index) {
        const int pixel = first + index;
        const int in_image = pixel % pixels_per_image;
        gather_column(conv, packed, input, static_cast<int>(group), pixel / pixels_per_image,
                      in_image / window.output.width, in_image % window.output.width,
                      scratch.data + static_cast<std::size_t>(index) * packed.depth_padded);
      }
      gemm_requantize(packed, scratch.data, count,
                      output.data + static_cast<std::size_t>(first) * window.output.channels + group * packed.channels,
                      static_cast<std::size_t>(window.output.channels));
    }
  }
}

}  // namespace tinyml::kernels
