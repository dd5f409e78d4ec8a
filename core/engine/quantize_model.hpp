// Float model → Int8Model, TFLite's post-training int8 scheme:
//   1. fold BN into the conv before it (bn_folding.hpp);
//   2. calibrate: run the folded float network on sample inputs, min/max per tensor;
//   3. activations: per tensor (scale, zero point) = choose_activation_params(min, max),
//      except the outputs of pools and flatten, which keep their input's quantization
//      (TFLite's pooling and reshape kernels do not requantize; their float range lies
//      inside the input's anyway);
//   4. weights: int8 symmetric per output channel (quantize_weights_per_channel: axis 0
//      for conv and linear, axis 3 for depthwise); biases int32 with scale
//      input_scale · filter_scale[c] (quantize_bias). Fused activations stay on the op.
// Every conversion is core/quant's.
#pragma once

#include <cstdint>
#include <vector>

#include "core/engine/calibration.hpp"
#include "core/engine/float_model.hpp"
#include "core/engine/int8_model.hpp"
#include "core/graph/graph.hpp"

namespace tinyml::engine {

// Steps 3–4 on an already folded network (no BN) with calibrated ranges per tensor.
// Throws tinyml::Error if the model has BN or the ranges do not match the graph.
Int8Model quantize_folded(const Graph& graph, const FloatModel& model, const std::vector<TensorRange>& ranges);

// Steps 1–4. `samples`: calibration inputs [H, W, C]; at least one.
Int8Model quantize_model(const Graph& graph, const FloatModel& model, const std::vector<std::vector<float>>& samples);

}  // namespace tinyml::engine
