#include "core/engine/float_ops.hpp"

#include <algorithm>
#include <cassert>
#include <limits>

#include "core/kernels/pool2d.hpp"

namespace tinyml::engine {
namespace {

// Where one output element reads its filter: row `row` of a [rows, KH, KW, channels]
// filter, from channel `channel_base` of each tap.
struct FilterSlice {
  std::size_t row = 0;
  int channels = 1;
  int channel_base = 0;
};

// Sum of filter · input over the taps of one output element inside the image, reading
// `depth` consecutive input channels from in_channel_base and `depth` consecutive
// filter channels of `slice` per tap.
float window_dot(const Window2d& window, Span<const float> input, Span<const float> filter, int out_y, int out_x,
                 int in_channel_base, int depth, const FilterSlice& slice) {
  const int in_y_origin = out_y * window.stride_h - window.pad_top;
  const int in_x_origin = out_x * window.stride_w - window.pad_left;
  float sum = 0.0f;
  for (int filter_y = 0; filter_y < window.filter_height; ++filter_y) {
    const int in_y = in_y_origin + window.dilation_h * filter_y;
    if (in_y < 0 || in_y >= window.input.height) continue;
    for (int filter_x = 0; filter_x < window.filter_width; ++filter_x) {
      const int in_x = in_x_origin + window.dilation_w * filter_x;
      if (in_x < 0 || in_x >= window.input.width) continue;
      const std::size_t input_base = window.input.offset(0, in_y, in_x, in_channel_base);
      const std::size_t filter_base =
          ((slice.row * window.filter_height + filter_y) * window.filter_width + filter_x) * slice.channels +
          slice.channel_base;
      for (int channel = 0; channel < depth; ++channel) {
        sum += filter[filter_base + channel] * input[input_base + channel];
      }
    }
  }
  return sum;
}

}  // namespace

void conv2d_float(const Window2d& window, int groups, Span<const float> input, Span<const float> filter,
                  Span<const float> bias, Span<float> output) {
  assert(input.size == window.input.size() && output.size == window.output.size());
  const int filter_in_channels = window.input.channels / groups;
  const int out_channels_per_group = window.output.channels / groups;
  for (int out_y = 0; out_y < window.output.height; ++out_y) {
    for (int out_x = 0; out_x < window.output.width; ++out_x) {
      for (int out_channel = 0; out_channel < window.output.channels; ++out_channel) {
        const int in_channel_base = (out_channel / out_channels_per_group) * filter_in_channels;
        const FilterSlice slice{static_cast<std::size_t>(out_channel), filter_in_channels, 0};
        float sum = window_dot(window, input, filter, out_y, out_x, in_channel_base, filter_in_channels, slice);
        if (!bias.empty()) sum += bias[out_channel];
        output[window.output.offset(0, out_y, out_x, out_channel)] = sum;
      }
    }
  }
}

void depthwise_conv2d_float(const Window2d& window, Span<const float> input, Span<const float> filter,
                            Span<const float> bias, Span<float> output) {
  assert(input.size == window.input.size() && output.size == window.output.size());
  const int channels = window.output.channels;
  for (int out_y = 0; out_y < window.output.height; ++out_y) {
    for (int out_x = 0; out_x < window.output.width; ++out_x) {
      for (int channel = 0; channel < channels; ++channel) {
        float sum = window_dot(window, input, filter, out_y, out_x, channel, 1, FilterSlice{0, channels, channel});
        if (!bias.empty()) sum += bias[channel];
        output[window.output.offset(0, out_y, out_x, channel)] = sum;
      }
    }
  }
}

void fully_connected_float(int input_depth, int output_depth, Span<const float> input, Span<const float> filter,
                           Span<const float> bias, Span<float> output) {
  assert(input.size == static_cast<std::size_t>(input_depth) && output.size == static_cast<std::size_t>(output_depth));
  for (int out_channel = 0; out_channel < output_depth; ++out_channel) {
    const std::size_t row = static_cast<std::size_t>(out_channel) * input_depth;
    float sum = 0.0f;
    for (int depth = 0; depth < input_depth; ++depth) sum += filter[row + depth] * input[depth];
    if (!bias.empty()) sum += bias[out_channel];
    output[out_channel] = sum;
  }
}

void channel_affine(Span<float> values, int channels, Span<const float> scale, Span<const float> shift) {
  assert(values.size % channels == 0);
  for (std::size_t index = 0; index < values.size; ++index) {
    const std::size_t channel = index % channels;
    values[index] = values[index] * scale[channel] + shift[channel];
  }
}

void apply_activation(Activation act, Span<float> values) {
  if (act == Activation::None) return;
  const float upper = act == Activation::Relu6 ? 6.0f : std::numeric_limits<float>::infinity();
  for (std::size_t index = 0; index < values.size; ++index) values[index] = std::clamp(values[index], 0.0f, upper);
}

void add_float(Span<const float> input1, Span<const float> input2, Span<float> output) {
  assert(input1.size == output.size && input2.size == output.size);
  for (std::size_t index = 0; index < output.size; ++index) output[index] = input1[index] + input2[index];
}

// Both pools walk the window exactly as the int8 kernels do (kernels::clamp_pool_window).
void average_pool2d_float(const Window2d& window, Span<const float> input, Span<float> output) {
  for (int out_y = 0; out_y < window.output.height; ++out_y) {
    for (int out_x = 0; out_x < window.output.width; ++out_x) {
      const kernels::PoolWindow taps = kernels::clamp_pool_window(window, out_y, out_x);
      const int count = (taps.y_end - taps.y_begin) * (taps.x_end - taps.x_begin);
      for (int channel = 0; channel < window.output.channels; ++channel) {
        float sum = 0.0f;
        for (int filter_y = taps.y_begin; filter_y < taps.y_end; ++filter_y) {
          for (int filter_x = taps.x_begin; filter_x < taps.x_end; ++filter_x) {
            sum += input[window.input.offset(0, taps.in_y_origin + filter_y, taps.in_x_origin + filter_x, channel)];
          }
        }
        output[window.output.offset(0, out_y, out_x, channel)] = sum / static_cast<float>(count);
      }
    }
  }
}

void max_pool2d_float(const Window2d& window, Span<const float> input, Span<float> output) {
  for (int out_y = 0; out_y < window.output.height; ++out_y) {
    for (int out_x = 0; out_x < window.output.width; ++out_x) {
      const kernels::PoolWindow taps = kernels::clamp_pool_window(window, out_y, out_x);
      for (int channel = 0; channel < window.output.channels; ++channel) {
        float best = -std::numeric_limits<float>::infinity();
        for (int filter_y = taps.y_begin; filter_y < taps.y_end; ++filter_y) {
          for (int filter_x = taps.x_begin; filter_x < taps.x_end; ++filter_x) {
            best = std::max(
                best, input[window.input.offset(0, taps.in_y_origin + filter_y, taps.in_x_origin + filter_x, channel)]);
          }
        }
        output[window.output.offset(0, out_y, out_x, channel)] = best;
      }
    }
  }
}

void global_average_pool_float(const Nhwc& input_shape, Span<const float> input, Span<float> output) {
  const int channels = input_shape.channels;
  const std::size_t pixels = static_cast<std::size_t>(input_shape.height) * input_shape.width;
  for (int channel = 0; channel < channels; ++channel) output[channel] = 0.0f;
  for (std::size_t pixel = 0; pixel < pixels; ++pixel) {
    for (int channel = 0; channel < channels; ++channel) output[channel] += input[pixel * channels + channel];
  }
  for (int channel = 0; channel < channels; ++channel) output[channel] /= static_cast<float>(pixels);
}

}  // namespace tinyml::engine
