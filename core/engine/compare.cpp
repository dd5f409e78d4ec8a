#include "core/engine/compare.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/engine/tensor_layout.hpp"
#include "core/error.hpp"

namespace tinyml::engine {
namespace {

TensorError tensor_error(int tensor, const quant::QuantParams& params, const std::vector<float>& reference,
                         const std::vector<int8_t>& quantized) {
  TensorError error;
  error.tensor = tensor;
  error.scale = params.scale;
  if (reference.size() != quantized.size() || reference.empty()) {
    throw Error("compare", "tensor " + std::to_string(tensor) + " has " + std::to_string(reference.size()) +
                               " float and " + std::to_string(quantized.size()) + " int8 values");
  }
  error.float_min = *std::min_element(reference.begin(), reference.end());
  error.float_max = *std::max_element(reference.begin(), reference.end());
  double sum = 0.0;
  for (std::size_t index = 0; index < reference.size(); ++index) {
    const double difference =
        std::fabs(double{quant::dequantize_value(quantized[index], params)} - double{reference[index]});
    error.max_abs_error = std::max(error.max_abs_error, difference);
    sum += difference;
  }
  error.mean_abs_error = sum / static_cast<double>(reference.size());
  return error;
}

}  // namespace

std::vector<int> top_k_indices(kernels::Span<const float> values, int k) {
  std::vector<int> order(values.size);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return values[a] > values[b]; });
  order.resize(std::min<std::size_t>(order.size(), static_cast<std::size_t>(k)));
  return order;
}

std::vector<int8_t> quantize_input(const Int8Model& model, kernels::Span<const float> input) {
  const quant::QuantParams& params = model.tensors[model.graph.input];
  std::vector<int8_t> result(input.size);
  for (std::size_t index = 0; index < input.size; ++index) result[index] = quant::quantize_value(input[index], params);
  return result;
}

Comparison compare_tensors(const Int8Model& model, const std::vector<std::vector<float>>& float_tensors,
                           const std::vector<std::vector<int8_t>>& int8_tensors) {
  const Graph& graph = model.graph;
  if (float_tensors.size() != graph.tensors.size() || int8_tensors.size() != graph.tensors.size()) {
    throw Error("compare", "the float and int8 runs must cover the model's " + std::to_string(graph.tensors.size()) +
                               " tensors");
  }
  Comparison comparison;
  for (std::size_t tensor = 0; tensor < graph.tensors.size(); ++tensor) {
    comparison.tensors.push_back(
        tensor_error(static_cast<int>(tensor), model.tensors[tensor], float_tensors[tensor], int8_tensors[tensor]));
  }
  const quant::QuantParams& out_params = model.tensors[graph.output];
  const TensorShape& out_shape = graph.tensors[graph.output].shape;
  comparison.float_output = hwc_to_chw(float_tensors[graph.output], out_shape);
  comparison.int8_output = hwc_to_chw(int8_tensors[graph.output], out_shape);
  for (int8_t value : comparison.int8_output) {
    comparison.dequantized_output.push_back(quant::dequantize_value(value, out_params));
  }
  OutputAgreement& agreement = comparison.output;
  agreement.top_k = static_cast<int>(std::min<std::size_t>(5, comparison.float_output.size()));
  const std::vector<int> float_top =
      top_k_indices({comparison.float_output.data(), comparison.float_output.size()}, agreement.top_k);
  const std::vector<int> int8_top =
      top_k_indices({comparison.dequantized_output.data(), comparison.dequantized_output.size()}, agreement.top_k);
  agreement.float_argmax = float_top[0];
  agreement.int8_argmax = int8_top[0];
  agreement.argmax_equal = float_top[0] == int8_top[0];
  for (int index : float_top) {
    agreement.top_k_overlap += std::count(int8_top.begin(), int8_top.end(), index) > 0 ? 1 : 0;
  }
  return comparison;
}

Comparison compare_on_input(const FloatEngine& float_engine, Int8Engine& int8_engine,
                            kernels::Span<const float> input) {
  const Int8Model& model = int8_engine.model();
  const Graph& float_graph = float_engine.graph();
  if (float_graph.tensors.size() != model.graph.tensors.size()) {
    throw Error("compare", "the float graph and the int8 model have different tensors");
  }
  for (std::size_t tensor = 0; tensor < float_graph.tensors.size(); ++tensor) {
    if (!(float_graph.tensors[tensor].shape == model.graph.tensors[tensor].shape)) {
      throw Error("compare", "tensor " + float_graph.tensors[tensor].name + " differs in shape");
    }
  }
  const std::vector<int8_t> quantized = quantize_input(model, input);
  return compare_tensors(model, float_engine.run_all(input),
                         int8_engine.run_all({quantized.data(), quantized.size()}));
}

}  // namespace tinyml::engine
