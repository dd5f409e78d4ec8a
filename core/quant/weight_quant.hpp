// Quantization of constant tensors: int8 weights, symmetric per output channel
// (zero point 0, values in [−127, 127]), and int32 biases with scale
// input_scale · weight_scale[c]. See ../shared/reference/tflite-int8-arithmetic.md §1, §13.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <xtensor/xtensor.hpp>

namespace tinyml::quant {

// Weights quantized along one axis. `values` has the float weights' shape;
// real ≈ scales[c] · values[..., c, ...] where c indexes `channel_axis`.
template <std::size_t Rank>
struct QuantizedWeights {
  xt::xtensor<int8_t, Rank> values;
  std::vector<float> scales;  // one per index of channel_axis, each > 0
  int channel_axis = 0;
};

// Symmetric per-channel quantization, as the TFLite converter does it for conv,
// depthwise and fully-connected weights (tensorflow/compiler/mlir/lite/quantization
// quantization_utils.cc: ExtractMinMaxFromAttr with symmetric ranges,
// ExpandVerySmallRange, then a narrow [−127, 127] range):
//   r_c = max |w| over channel c, raised to 5e-7 when 2·r_c ≤ 1e-6 (so an all-zero
//   channel still gets a usable scale); scale_c = float32(r_c / 127);
//   q = clamp(round(w / scale_c), −127, 127), float32 quotient, ties away from zero.
// Layouts: conv2d filter [O, KH, KW, I] → axis 0; depthwise [1, KH, KW, C·M] → axis 3;
// fully connected [O, K] → axis 0. Throws tinyml::Error if the axis is out of range,
// the axis is empty, or a weight is not finite.
QuantizedWeights<4> quantize_weights_per_channel(const xt::xtensor<float, 4>& weights,
                                                 int channel_axis);
QuantizedWeights<2> quantize_weights_per_channel(const xt::xtensor<float, 2>& weights,
                                                 int channel_axis);

// Bias [C] → int32 with zero point 0 and scale_c = float32(input_scale · weight_scales[c])
// (a single weight scale applies to every channel): q = round(b / scale_c), ties away
// from zero, clamped to [−(2^31 − 1), 2^31 − 1] as TFLite's bias quantizers do.
// Throws tinyml::Error on a count mismatch or a scale ≤ 0.
xt::xtensor<int32_t, 1> quantize_bias(const xt::xtensor<float, 1>& bias, float input_scale,
                                      const std::vector<float>& weight_scales);

}  // namespace tinyml::quant
