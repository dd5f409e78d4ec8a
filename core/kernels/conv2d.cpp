#include "core/kernels/conv2d.hpp"

#include <cassert>

#include "core/error.hpp"
#include "core/kernels/requantize.hpp"

namespace tinyml::kernels {
namespace {

// Sum over the taps of one output element; taps outside the input contribute nothing,
// which equals padding the input with its zero point.
int32_t accumulate(const Conv2dParams& params, Span<const int8_t> input,
                   Span<const int8_t> filter, int batch, int out_y, int out_x, int out_channel) {
  const Window2d& window = params.window;
  const int group = out_channel / params.out_channels_per_group;
  const int in_channel_base = group * params.filter_in_channels;
  const int in_y_origin = out_y * window.stride_h - window.pad_top;
  const int in_x_origin = out_x * window.stride_w - window.pad_left;
  int32_t accumulator = 0;
  for (int filter_y = 0; filter_y < window.filter_height; ++filter_y) {
    const int in_y = in_y_origin + window.dilation_h * filter_y;
    if (in_y < 0 || in_y >= window.input.height) continue;
    for (int filter_x = 0; filter_x < window.filter_width; ++filter_x) {
      const int in_x = in_x_origin + window.dilation_w * filter_x;
      if (in_x < 0 || in_x >= window.input.width) continue;
      const std::size_t input_base = window.input.offset(batch, in_y, in_x, in_channel_base);
      const std::size_t filter_base =
          ((static_cast<std::size_t>(out_channel) * window.filter_height + filter_y) *
               window.filter_width + filter_x) * params.filter_in_channels;
      for (int in_channel = 0; in_channel < params.filter_in_channels; ++in_channel) {
        accumulator += int32_t{filter[filter_base + in_channel]} *
                       (int32_t{input[input_base + in_channel]} + params.input_offset);
      }
    }
  }
  return accumulator;
}

}  // namespace

Conv2dParams prepare_conv2d(const Conv2dConfig& config, const std::string& path) {
  const Window2d& window = config.window;
  check_window2d(window, path);
  quant::check_quant_params(config.input, path + ".input");
  quant::check_quant_params(config.output, path + ".output");
  if (config.groups < 1 || window.input.channels % config.groups != 0 ||
      window.output.channels % config.groups != 0) {
    throw Error(path + ".groups", "must divide the input channels (" +
                                      std::to_string(window.input.channels) +
                                      ") and output channels (" +
                                      std::to_string(window.output.channels) + "), got " +
                                      std::to_string(config.groups));
  }
  Conv2dParams params;
  params.window = window;
  params.filter_in_channels = window.input.channels / config.groups;
  params.out_channels_per_group = window.output.channels / config.groups;
  params.input_offset = -config.input.zero_point;
  params.output_zero_point = config.output.zero_point;
  params.range = quant::activation_range(config.activation, config.output);
  params.channel_multipliers = per_channel_multipliers(
      config.input.scale, config.filter_scales, config.output.scale, window.output.channels, path);
  return params;
}

void conv2d(const Conv2dParams& params, Span<const int8_t> input, Span<const int8_t> filter,
            Span<const int32_t> bias, Span<int8_t> output) {
  const Window2d& window = params.window;
  assert(input.size == window.input.size());
  assert(filter.size == params.filter_size());
  assert(bias.empty() || bias.size == static_cast<std::size_t>(window.output.channels));
  assert(output.size == window.output.size());
  for (int batch = 0; batch < window.output.batch; ++batch) {
    for (int out_y = 0; out_y < window.output.height; ++out_y) {
      for (int out_x = 0; out_x < window.output.width; ++out_x) {
        for (int out_channel = 0; out_channel < window.output.channels; ++out_channel) {
          int32_t accumulator =
              accumulate(params, input, filter, batch, out_y, out_x, out_channel);
          if (!bias.empty()) accumulator += bias[out_channel];
          output[window.output.offset(batch, out_y, out_x, out_channel)] =
              requantize_to_int8(accumulator, params.channel_multipliers[out_channel],
                                 params.output_zero_point, params.range);
        }
      }
    }
  }
}

}  // namespace tinyml::kernels
