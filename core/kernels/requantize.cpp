#include "core/kernels/requantize.hpp"

#include <cmath>

#include "core/error.hpp"

namespace tinyml::kernels {

quant::QuantizedMultiplier checked_multiplier(double real, const std::string& path) {
  if (!std::isfinite(real) || real < 0.0) {
    throw Error(path, "requantization multiplier must be finite and >= 0, got " +
                          std::to_string(real));
  }
  const quant::QuantizedMultiplier result = quant::quantize_multiplier(real);
  if (result.shift > 30) {
    throw Error(path, "requantization multiplier " + std::to_string(real) +
                          " is too large (at most 2^30); check the scales");
  }
  return result;
}

std::vector<quant::QuantizedMultiplier> per_channel_multipliers(
    float input_scale, const std::vector<float>& filter_scales, float output_scale, int channels,
    const std::string& path) {
  const std::size_t count = filter_scales.size();
  if (count != 1 && count != static_cast<std::size_t>(channels)) {
    throw Error(path + ".filter_scales", "expected 1 or " + std::to_string(channels) +
                                             " scales, got " + std::to_string(count));
  }
  std::vector<quant::QuantizedMultiplier> result(channels);
  for (int channel = 0; channel < channels; ++channel) {
    const float filter_scale = filter_scales[count == 1 ? 0 : channel];
    if (!std::isfinite(filter_scale) || !(filter_scale > 0.0f)) {
      throw Error(path + ".filter_scales[" + std::to_string(channel) + "]",
                  "must be a finite number > 0, got " + std::to_string(filter_scale));
    }
    const double real = static_cast<double>(input_scale) * static_cast<double>(filter_scale) /
                        static_cast<double>(output_scale);
    result[channel] = checked_multiplier(real, path + ".filter_scales[" +
                                                   std::to_string(channel) + "]");
  }
  return result;
}

}  // namespace tinyml::kernels
