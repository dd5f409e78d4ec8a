#include <algorithm>
#include <cassert>

#include "core/kernels/pool2d.hpp"
#include "core/quant/fixed_point.hpp"

namespace tinyml::kernels {

void max_pool2d(const Pool2dParams& params, Span<const int8_t> input, Span<int8_t> output) {
  const Window2d& window = params.window;
  assert(input.size == window.input.size());
  assert(output.size == window.output.size());
  for (int batch = 0; batch < window.output.batch; ++batch) {
    for (int out_y = 0; out_y < window.output.height; ++out_y) {
      for (int out_x = 0; out_x < window.output.width; ++out_x) {
        const PoolWindow taps = clamp_pool_window(window, out_y, out_x);
        for (int channel = 0; channel < window.output.channels; ++channel) {
          int32_t maximum = quant::kInt8Min;
          for (int filter_y = taps.y_begin; filter_y < taps.y_end; ++filter_y) {
            for (int filter_x = taps.x_begin; filter_x < taps.x_end; ++filter_x) {
              maximum = std::max<int32_t>(
                  maximum, input[window.input.offset(batch, taps.in_y_origin + filter_y,
                                                     taps.in_x_origin + filter_x, channel)]);
            }
          }
          output[window.output.offset(batch, out_y, out_x, channel)] =
              static_cast<int8_t>(quant::clamp(maximum, params.range.min, params.range.max));
        }
      }
    }
  }
}

}  // namespace tinyml::kernels
