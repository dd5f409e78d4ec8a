#include "core/quant/weight_quant.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"

namespace tinyml::quant {
namespace {

constexpr double kNearZeroRange = 1.0e-6;            // TFLite kNearZeroTolerance
constexpr double kSmallestHalfRange = kNearZeroRange / 2;
constexpr float kMaxQuantizedWeight = 127.0f;

template <std::size_t Rank>
QuantizedWeights<Rank> quantize_per_channel(const xt::xtensor<float, Rank>& weights,
                                            int channel_axis) {
  if (channel_axis < 0 || channel_axis >= static_cast<int>(Rank)) {
    throw Error("weights", "channel axis " + std::to_string(channel_axis) +
                               " is out of range for a rank-" + std::to_string(Rank) + " tensor");
  }
  const std::size_t channels = weights.shape()[channel_axis];
  if (channels == 0 || weights.size() == 0) throw Error("weights", "tensor is empty");
  std::size_t inner = 1;  // elements between two consecutive indices of the channel axis
  for (std::size_t axis = channel_axis + 1; axis < Rank; ++axis) inner *= weights.shape()[axis];
  const auto channel_of = [&](std::size_t flat) { return (flat / inner) % channels; };

  std::vector<double> half_range(channels, 0.0);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const float w = weights.data()[i];
    if (!std::isfinite(w)) throw Error("weights", "weight " + std::to_string(i) + " is not finite");
    half_range[channel_of(i)] = std::max(half_range[channel_of(i)], std::fabs(double{w}));
  }
  QuantizedWeights<Rank> result;
  result.channel_axis = channel_axis;
  result.scales.resize(channels);
  for (std::size_t c = 0; c < channels; ++c) {
    const double r = 2 * half_range[c] > kNearZeroRange ? half_range[c]
                                                         : std::max(half_range[c], kSmallestHalfRange);
    result.scales[c] = static_cast<float>(r / kMaxQuantizedWeight);
  }
  result.values = xt::xtensor<int8_t, Rank>::from_shape(weights.shape());
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const float q = std::round(weights.data()[i] / result.scales[channel_of(i)]);
    result.values.data()[i] =
        static_cast<int8_t>(std::clamp(q, -kMaxQuantizedWeight, kMaxQuantizedWeight));
  }
  return result;
}

}  // namespace

QuantizedWeights<4> quantize_weights_per_channel(const xt::xtensor<float, 4>& weights,
                                                 int channel_axis) {
  return quantize_per_channel(weights, channel_axis);
}

QuantizedWeights<2> quantize_weights_per_channel(const xt::xtensor<float, 2>& weights,
                                                 int channel_axis) {
  return quantize_per_channel(weights, channel_axis);
}

xt::xtensor<int32_t, 1> quantize_bias(const xt::xtensor<float, 1>& bias, float input_scale,
                                      const std::vector<float>& weight_scales) {
  const std::size_t channels = bias.size();
  if (weight_scales.size() != 1 && weight_scales.size() != channels) {
    throw Error("bias", "expected 1 or " + std::to_string(channels) + " weight scales, got " +
                            std::to_string(weight_scales.size()));
  }
  constexpr double kLimit = 2147483647.0;  // 2^31 − 1
  xt::xtensor<int32_t, 1> result = xt::xtensor<int32_t, 1>::from_shape({channels});
  for (std::size_t c = 0; c < channels; ++c) {
    const float scale = input_scale * weight_scales[weight_scales.size() == 1 ? 0 : c];
    if (!std::isfinite(scale) || !(scale > 0.0f)) {
      throw Error("bias", "scale of channel " + std::to_string(c) + " must be > 0");
    }
    const double q = std::round(double{bias(c)} / double{scale});
    if (std::isnan(q)) throw Error("bias", "value of channel " + std::to_string(c) + " is NaN");
    result(c) = static_cast<int32_t>(std::clamp(q, -kLimit, kLimit));
  }
  return result;
}

}  // namespace tinyml::quant
