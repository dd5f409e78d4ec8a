#include "core/engine/inference_json.hpp"

#include "core/engine/tensor_layout.hpp"

namespace tinyml::engine {
namespace {

nlohmann::json shape_json(const TensorShape& shape) {
  if (shape.flat) return {shape.c};
  return {shape.c, shape.h, shape.w};
}

// The op that produces tensor t ("input" for the network input).
std::string producer_type(const Graph& graph, int tensor) {
  const int producer = graph.tensors[tensor].producer;
  return producer < 0 ? "input" : op_kind_name(graph.ops[producer].kind);
}

nlohmann::json tensor_header(const Int8Model& model, int tensor) {
  const Tensor& info = model.graph.tensors[tensor];
  return {{"name", info.name},
          {"type", producer_type(model.graph, tensor)},
          {"shape", shape_json(info.shape)},
          {"scale", model.tensors[tensor].scale},
          {"zero_point", model.tensors[tensor].zero_point}};
}

std::vector<int> as_ints(const std::vector<int8_t>& values) { return {values.begin(), values.end()}; }

}  // namespace

nlohmann::json inference_json(const Int8Model& model, const std::vector<std::vector<int8_t>>& tensors,
                              bool with_layers) {
  const Graph& graph = model.graph;
  const std::vector<int8_t> output = hwc_to_chw(tensors[graph.output], graph.tensors[graph.output].shape);
  nlohmann::json out = tensor_header(model, graph.output);
  std::vector<float> values;
  for (int8_t value : output) values.push_back(quant::dequantize_value(value, model.tensors[graph.output]));
  out["int8"] = as_ints(output);
  out["values"] = values;
  out["argmax"] = top_k_indices({values.data(), values.size()}, 1)[0];
  nlohmann::json report = {{"model", graph.name}, {"output", out}};
  if (!with_layers) return report;
  nlohmann::json layers = nlohmann::json::array();
  const auto add_layer = [&](int tensor) {
    nlohmann::json layer = tensor_header(model, tensor);
    layer["int8"] = as_ints(hwc_to_chw(tensors[tensor], graph.tensors[tensor].shape));
    layers.push_back(layer);
  };
  add_layer(graph.input);
  for (const Op& op : graph.ops) add_layer(op.output);
  report["layers"] = layers;
  return report;
}

nlohmann::json comparison_json(const Int8Model& model, const Comparison& comparison) {
  const Graph& graph = model.graph;
  nlohmann::json layers = nlohmann::json::array();
  const auto add_layer = [&](int tensor) {
    const TensorError& error = comparison.tensors[tensor];
    nlohmann::json layer = tensor_header(model, tensor);
    layer["float_min"] = error.float_min;
    layer["float_max"] = error.float_max;
    layer["max_abs_error"] = error.max_abs_error;
    layer["mean_abs_error"] = error.mean_abs_error;
    layer["max_error_steps"] = error.max_error_steps();
    layers.push_back(layer);
  };
  add_layer(graph.input);
  for (const Op& op : graph.ops) add_layer(op.output);
  const OutputAgreement& agreement = comparison.output;
  return {{"layers", layers},
          {"output",
           {{"float", comparison.float_output},
            {"int8", as_ints(comparison.int8_output)},
            {"dequantized", comparison.dequantized_output},
            {"float_argmax", agreement.float_argmax},
            {"int8_argmax", agreement.int8_argmax},
            {"argmax_equal", agreement.argmax_equal},
            {"top_k", agreement.top_k},
            {"top_k_overlap", agreement.top_k_overlap}}}};
}

}  // namespace tinyml::engine
