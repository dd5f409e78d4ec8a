// Float vs int8, layer by layer: how far each dequantized int8 activation is from the
// float activation it stands for, and whether the two networks agree on the output.
#pragma once

#include <vector>

#include "core/engine/float_engine.hpp"
#include "core/engine/int8_engine.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::engine {

// Error of one tensor, over all its elements: |scale · (q − zero_point) − float|.
struct TensorError {
  int tensor = 0;
  double max_abs_error = 0.0;
  double mean_abs_error = 0.0;
  float float_min = 0.0f;  // range of the float activation on this input
  float float_max = 0.0f;
  float scale = 1.0f;      // the int8 tensor's step
  double max_error_steps() const { return max_abs_error / scale; }
};

struct OutputAgreement {
  int float_argmax = 0;
  int int8_argmax = 0;
  bool argmax_equal = false;
  int top_k = 0;          // min(5, output size)
  int top_k_overlap = 0;  // |top-k(float) ∩ top-k(int8)|
};

struct Comparison {
  std::vector<TensorError> tensors;  // one per graph tensor, in tensor order (input first)
  OutputAgreement output;
  // The network output in [C, H, W] order (flat: [N]); argmax and top-k index these.
  std::vector<float> float_output;
  std::vector<int8_t> int8_output;
  std::vector<float> dequantized_output;
};

// Indices of the k largest values, largest first; ties go to the lower index.
std::vector<int> top_k_indices(kernels::Span<const float> values, int k);

// Compares the tensors of one run of each engine. float_tensors[t] / int8_tensors[t] are
// graph tensor t (FloatEngine::run_all, Int8Engine::run_all); both graphs must have the
// same tensors (the int8 model's graph, or the float graph it was quantized from).
Comparison compare_tensors(const Int8Model& model, const std::vector<std::vector<float>>& float_tensors,
                           const std::vector<std::vector<int8_t>>& int8_tensors);

// Quantizes `input` ([H, W, C] floats) with the model's input quantization, runs both
// engines on it and compares. Throws tinyml::Error if the graphs' tensors differ.
Comparison compare_on_input(const FloatEngine& float_engine, Int8Engine& int8_engine,
                            kernels::Span<const float> input);

// The network input quantized as the int8 model expects it (quant::quantize_value).
std::vector<int8_t> quantize_input(const Int8Model& model, kernels::Span<const float> input);

}  // namespace tinyml::engine
