// Calibration: the float range every tensor takes on sample inputs, from which the
// int8 activation quantization is chosen (quant::choose_activation_params).
#pragma once

#include <cstdint>
#include <vector>

#include "core/engine/float_engine.hpp"

namespace tinyml::engine {

struct TensorRange {
  float min = 0.0f;
  float max = 0.0f;
};

// Runs `engine` on every sample ([H, W, C] floats each) and returns, per graph tensor
// (input included), the min and max over all its values in all samples. At least one
// sample (throws tinyml::Error otherwise, or when a value is not finite: a float network
// that overflows cannot be quantized).
std::vector<TensorRange> calibrate(const FloatEngine& engine, const std::vector<std::vector<float>>& samples);

// `count` generated samples (sample_inputs.hpp calibration_sample(input shape, seed, i)).
std::vector<std::vector<float>> generated_samples(const Graph& graph, uint64_t seed, int count);

}  // namespace tinyml::engine
