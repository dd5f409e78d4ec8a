#include "core/kernels/pool2d.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace tinyml::kernels {

PoolWindow clamp_pool_window(const Window2d& window, int out_y, int out_x) {
  PoolWindow taps;
  taps.in_y_origin = out_y * window.stride_h - window.pad_top;
  taps.in_x_origin = out_x * window.stride_w - window.pad_left;
  taps.y_begin = std::max(0, -taps.in_y_origin);
  taps.y_end = std::min(window.filter_height, window.input.height - taps.in_y_origin);
  taps.x_begin = std::max(0, -taps.in_x_origin);
  taps.x_end = std::min(window.filter_width, window.input.width - taps.in_x_origin);
  return taps;
}

Pool2dParams prepare_pool2d(const Pool2dConfig& config, const std::string& path) {
  const Window2d& window = config.window;
  check_window2d(window, path);
  quant::check_quant_params(config.input, path + ".input");
  quant::check_quant_params(config.output, path + ".output");
  if (window.output.channels != window.input.channels) {
    throw Error(path + ".output.channels", "must equal the input channels (" +
                                               std::to_string(window.input.channels) +
                                               "), got " + std::to_string(window.output.channels));
  }
  if (window.dilation_h != 1 || window.dilation_w != 1) {
    throw Error(path, "pooling has no dilation; got " + std::to_string(window.dilation_h) + "x" +
                          std::to_string(window.dilation_w));
  }
  if (std::fabs(config.input.scale - config.output.scale) > 1e-6f ||
      config.input.zero_point != config.output.zero_point) {
    throw Error(path + ".output", "pooling needs the input's scale and zero point");
  }
  // The first and last windows of each axis must reach into the image.
  const PoolWindow first = clamp_pool_window(window, 0, 0);
  const PoolWindow last = clamp_pool_window(window, window.output.height - 1,
                                            window.output.width - 1);
  if (first.y_begin >= first.y_end || last.y_begin >= last.y_end ||
      first.x_begin >= first.x_end || last.x_begin >= last.x_end) {
    throw Error(path + ".output", "a pooling window lies entirely in the padding");
  }
  Pool2dParams params;
  params.window = window;
  params.range = quant::activation_range(config.activation, config.output);
  return params;
}

}  // namespace tinyml::kernels
