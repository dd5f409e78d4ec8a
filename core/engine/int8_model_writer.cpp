// int8_model_to_json: see int8_model_json.hpp and docs/int8-model-format.md.
#include "core/engine/float_model.hpp"
#include "core/engine/int8_model_json.hpp"

namespace tinyml::engine {
namespace {

nlohmann::json shape_json(const TensorShape& shape) {
  if (shape.flat) return {shape.c};
  return {shape.c, shape.h, shape.w};
}

nlohmann::json pair_json(Hw hw) { return {hw.h, hw.w}; }

// 1 when every side is 1, [1, 2] when top = bottom and left = right, else the object.
nlohmann::json padding_json(const Padding& padding) {
  if (padding.top == padding.bottom && padding.left == padding.right) {
    if (padding.top == padding.left) return padding.top;
    return {padding.top, padding.left};
  }
  return {{"top", padding.top}, {"left", padding.left}, {"bottom", padding.bottom}, {"right", padding.right}};
}

nlohmann::json op_json(const Int8Model& model, std::size_t index) {
  const Graph& graph = model.graph;
  const Op& op = graph.ops[index];
  nlohmann::json out = {{"type", op_kind_name(op.kind)}, {"name", op.name}};
  nlohmann::json inputs = nlohmann::json::array();
  for (int tensor : op.inputs) inputs.push_back(graph.tensors[tensor].name);
  out["inputs"] = inputs;
  out["output"] = graph.tensors[op.output].name;
  const bool windowed = is_convolution(op.kind) || op.kind == OpKind::AvgPool || op.kind == OpKind::MaxPool;
  if (windowed) {
    out["kernel"] = pair_json(op.kernel);
    out["stride"] = pair_json(op.stride);
    out["padding"] = padding_json(op.padding);
  }
  if (op.kind == OpKind::Conv2d) out["groups"] = op.groups;
  if (op.act != Activation::None) out["act"] = activation_name(op.act);
  const Int8OpData& data = model.ops[index];
  if (has_weights(op.kind)) {
    out["weights"] = std::vector<int>(data.filter.begin(), data.filter.end());
    out["weight_scales"] = data.filter_scales;
    if (data.bias.size() != 0) out["bias"] = std::vector<int32_t>(data.bias.begin(), data.bias.end());
  }
  return out;
}

}  // namespace

nlohmann::json int8_model_to_json(const Int8Model& model) {
  const Graph& graph = model.graph;
  nlohmann::json tensors = nlohmann::json::array();
  for (std::size_t index = 0; index < graph.tensors.size(); ++index) {
    tensors.push_back({{"name", graph.tensors[index].name},
                       {"shape", shape_json(graph.tensors[index].shape)},
                       {"scale", model.tensors[index].scale},
                       {"zero_point", model.tensors[index].zero_point}});
  }
  nlohmann::json ops = nlohmann::json::array();
  for (std::size_t index = 0; index < graph.ops.size(); ++index) ops.push_back(op_json(model, index));
  return {{"format", kInt8ModelFormat},
          {"version", kInt8ModelVersion},
          {"name", graph.name},
          {"input", graph.tensors[graph.input].name},
          {"output", graph.tensors[graph.output].name},
          {"tensors", tensors},
          {"ops", ops}};
}

}  // namespace tinyml::engine
