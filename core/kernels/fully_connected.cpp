#include "core/kernels/fully_connected.hpp"

#include <cassert>
#include <cmath>

#include "core/error.hpp"
#include "core/kernels/requantize.hpp"

namespace tinyml::kernels {

FullyConnectedParams prepare_fully_connected(const FullyConnectedConfig& config,
                                             const std::string& path) {
  if (config.batches < 1 || config.input_depth < 1 || config.output_depth < 1) {
    throw Error(path, "batches, input depth and output depth must be 1 or more, got " +
                          std::to_string(config.batches) + ", " +
                          std::to_string(config.input_depth) + ", " +
                          std::to_string(config.output_depth));
  }
  quant::check_quant_params(config.input, path + ".input");
  quant::check_quant_params(config.output, path + ".output");
  FullyConnectedParams params;
  params.batches = config.batches;
  params.input_depth = config.input_depth;
  params.output_depth = config.output_depth;
  params.input_offset = -config.input.zero_point;
  params.output_zero_point = config.output.zero_point;
  params.range = quant::activation_range(config.activation, config.output);
  if (config.filter_scales.size() == 1) {
    const float filter_scale = config.filter_scales[0];
    if (!std::isfinite(filter_scale) || !(filter_scale > 0.0f)) {
      throw Error(path + ".filter_scales[0]", "must be a finite number > 0");
    }
    const float input_times_filter = config.input.scale * filter_scale;  // float32 product
    const quant::QuantizedMultiplier multiplier = checked_multiplier(
        static_cast<double>(input_times_filter) / static_cast<double>(config.output.scale),
        path + ".filter_scales[0]");
    params.channel_multipliers.assign(config.output_depth, multiplier);
  } else {
    params.channel_multipliers =
        per_channel_multipliers(config.input.scale, config.filter_scales, config.output.scale,
                                config.output_depth, path);
  }
  return params;
}

void fully_connected(const FullyConnectedParams& params, Span<const int8_t> input,
                     Span<const int8_t> filter, Span<const int32_t> bias, Span<int8_t> output) {
  const std::size_t depth = params.input_depth;
  assert(input.size == static_cast<std::size_t>(params.batches) * depth);
  assert(filter.size == static_cast<std::size_t>(params.output_depth) * depth);
  assert(bias.empty() || bias.size == static_cast<std::size_t>(params.output_depth));
  assert(output.size == static_cast<std::size_t>(params.batches) * params.output_depth);
  for (int batch = 0; batch < params.batches; ++batch) {
    const std::size_t input_base = batch * depth;
    for (int out_channel = 0; out_channel < params.output_depth; ++out_channel) {
      const std::size_t filter_base = out_channel * depth;
      int32_t accumulator = 0;
      for (std::size_t in_index = 0; in_index < depth; ++in_index) {
        accumulator += int32_t{filter[filter_base + in_index]} *
                       (int32_t{input[input_base + in_index]} + params.input_offset);
      }
      if (!bias.empty()) accumulator += bias[out_channel];
      output[static_cast<std::size_t>(batch) * params.output_depth + out_channel] =
          requantize_to_int8(accumulator, params.channel_multipliers[out_channel],
                             params.output_zero_point, params.range);
    }
  }
}

}  // namespace tinyml::kernels
