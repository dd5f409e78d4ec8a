#include "core/engine/float_weights_json.hpp"

#include <cstdio>
#include <cstdlib>

#include "core/engine/json_arrays.hpp"
#include "core/error.hpp"
#include "core/spec/field_reader.hpp"
#include "core/spec/json_text.hpp"

namespace tinyml::engine {
namespace {

// The spatial shape a linear's K index runs over: its input, looking through flattens.
TensorShape linear_source_shape(const Graph& graph, const Op& op) {
  int tensor = op.inputs[0];
  while (graph.tensors[tensor].producer >= 0 && graph.ops[graph.tensors[tensor].producer].kind == OpKind::Flatten) {
    tensor = graph.ops[graph.tensors[tensor].producer].inputs[0];
  }
  return graph.tensors[tensor].shape;
}

// PyTorch shape of the filter and, for every element of the internal layout, its flat
// index in the PyTorch layout.
struct FilterMapping {
  std::vector<std::size_t> torch_shape;
  std::vector<std::size_t> torch_index;  // [internal flat index] → PyTorch flat index
};

FilterMapping filter_mapping(const Graph& graph, int op_index) {
  const Op& op = graph.ops[op_index];
  const std::array<std::size_t, 4> shape = filter_shape(graph, op_index);
  FilterMapping mapping;
  if (op.kind == OpKind::Linear) {
    const TensorShape source = linear_source_shape(graph, op);
    const std::size_t channels = source.c, height = source.flat ? 1 : source.h, width = source.flat ? 1 : source.w;
    mapping.torch_shape = {shape[0], shape[3]};
    for (std::size_t out = 0; out < shape[0]; ++out) {
      for (std::size_t y = 0; y < height; ++y) {
        for (std::size_t x = 0; x < width; ++x) {
          for (std::size_t c = 0; c < channels; ++c) {  // internal K order: H, W, C
            mapping.torch_index.push_back(out * shape[3] + (c * height + y) * width + x);
          }
        }
      }
    }
    return mapping;
  }
  const bool depthwise = op.kind == OpKind::DepthwiseConv2d;
  const std::size_t outs = depthwise ? shape[3] : shape[0], ins = depthwise ? 1 : shape[3];
  const std::size_t kh = shape[1], kw = shape[2];
  mapping.torch_shape = {outs, ins, kh, kw};
  // Internal [O, KH, KW, I] (depthwise [1, KH, KW, C]); PyTorch [O, I, KH, KW].
  for (std::size_t a = 0; a < shape[0]; ++a) {
    for (std::size_t y = 0; y < kh; ++y) {
      for (std::size_t x = 0; x < kw; ++x) {
        for (std::size_t d = 0; d < shape[3]; ++d) {
          const std::size_t out = depthwise ? d : a, in = depthwise ? 0 : d;
          mapping.torch_index.push_back(((out * ins + in) * kh + y) * kw + x);
        }
      }
    }
  }
  return mapping;
}

xt::xtensor<float, 1> read_vector(const nlohmann::json& object, const char* key, const std::string& path,
                                  std::size_t channels) {
  if (!object.contains(key)) throw Error(path + "." + key, "is required");
  const std::vector<float> values = read_float_array(object[key], path + "." + key, channels);
  xt::xtensor<float, 1> vector = xt::xtensor<float, 1>::from_shape({channels});
  std::copy(values.begin(), values.end(), vector.begin());
  return vector;
}

BatchNorm read_bn(const nlohmann::json& value, const std::string& path, std::size_t channels) {
  const FieldReader fields(value, path);
  fields.reject_unknown({"weight", "bias", "running_mean", "running_var", "eps", "num_batches_tracked"});
  BatchNorm bn;
  bn.gamma = read_vector(value, "weight", path, channels);
  bn.beta = read_vector(value, "bias", path, channels);
  bn.running_mean = read_vector(value, "running_mean", path, channels);
  bn.running_var = read_vector(value, "running_var", path, channels);
  if (value.contains("eps")) bn.eps = read_finite_float(value["eps"], path + ".eps");
  return bn;
}

OpWeights read_op(const Graph& graph, int op_index, const nlohmann::json& value, const std::string& path) {
  const Op& op = graph.ops[op_index];
  const FieldReader fields(value, path);
  fields.reject_unknown({"weight", "bias", "bn"});
  if (!fields.has("weight")) throw Error(path + ".weight", "is required");
  const FilterMapping mapping = filter_mapping(graph, op_index);
  const std::vector<float> torch = read_float_tensor(value["weight"], path + ".weight", mapping.torch_shape);
  OpWeights weights;
  weights.filter = xt::xtensor<float, 4>::from_shape(filter_shape(graph, op_index));
  for (std::size_t index = 0; index < mapping.torch_index.size(); ++index) {
    weights.filter.data()[index] = torch[mapping.torch_index[index]];
  }
  const std::size_t channels = static_cast<std::size_t>(output_channels(graph, op_index));
  if (fields.has("bias") != op.bias) {
    throw Error(path + ".bias", op.bias ? "is required: the op has a bias" : "the op has no bias (bias: false)");
  }
  if (op.bias) weights.bias = read_vector(value, "bias", path, channels);
  if (fields.has("bn") != op.bn) {
    throw Error(path + ".bn", op.bn ? "is required: the op has batch norm" : "the op has no batch norm");
  }
  if (op.bn) weights.bn = read_bn(value["bn"], path + ".bn", channels);
  return weights;
}

std::string weighted_op_names(const Graph& graph) {
  std::string names;
  for (const Op& op : graph.ops) {
    if (has_weights(op.kind)) names += (names.empty() ? "" : ", ") + op.name;
  }
  return names;
}

// A float as the JSON number with the fewest significant digits (6 to 9) that reads back
// as the same float through a double, as every reader here does (nlohmann parses a
// double, the engine casts it to float). Checked per value, so exact by construction;
// the double of the float itself (up to 17 digits) when no shorter text reads back.
// Typically 10-12 characters a number instead of about 20.
double shortest_float_text(float value) {
  char text[32];
  for (int digits = 6; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
    const double parsed = std::strtod(text, nullptr);
    if (static_cast<float>(parsed) == value) return parsed;
  }
  return static_cast<double>(value);
}

nlohmann::json float_array_json(const float* values, std::size_t count) {
  nlohmann::json array = nlohmann::json::array();
  array.get_ref<nlohmann::json::array_t&>().reserve(count);
  for (std::size_t index = 0; index < count; ++index) array.push_back(shortest_float_text(values[index]));
  return array;
}

nlohmann::json vector_json(const xt::xtensor<float, 1>& values) { return float_array_json(values.data(), values.size()); }

}  // namespace

FloatModel float_weights_from_json(const Graph& graph, const nlohmann::json& document) {
  const FieldReader fields(document, "");
  fields.reject_unknown({"format", "ops"});
  if (fields.string_or("format", kFloatWeightsFormat) != kFloatWeightsFormat) {
    throw Error("format", std::string("must be \"") + kFloatWeightsFormat + "\"");
  }
  if (!fields.has("ops") || !document["ops"].is_object()) throw Error("ops", "must be an object keyed by op name");
  const nlohmann::json& ops = document["ops"];
  for (const auto& item : ops.items()) {
    bool known = false;
    for (const Op& op : graph.ops) known = known || (op.name == item.key() && has_weights(op.kind));
    if (!known) {
      throw Error("ops." + item.key(), "no op with weights has this name; ops with weights: " + weighted_op_names(graph));
    }
  }
  FloatModel model;
  model.ops.resize(graph.ops.size());
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    const Op& op = graph.ops[index];
    if (!has_weights(op.kind)) continue;
    if (!ops.contains(op.name)) throw Error("ops." + op.name, "is missing (every op with weights needs its weights)");
    model.ops[index] = read_op(graph, static_cast<int>(index), ops[op.name], "ops." + op.name);
  }
  check_float_model(graph, model);
  return model;
}

FloatModel read_float_weights(const Graph& graph, const std::string& text) {
  return float_weights_from_json(graph, parse_json_text(text, kMaxFloatWeightsTextBytes, "the weights file"));
}

nlohmann::json float_weights_to_json(const Graph& graph, const FloatModel& model) {
  check_float_model(graph, model);
  nlohmann::json ops = nlohmann::json::object();
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    if (!has_weights(graph.ops[index].kind)) continue;
    const OpWeights& weights = model.ops[index];
    const FilterMapping mapping = filter_mapping(graph, static_cast<int>(index));
    std::vector<float> torch(mapping.torch_index.size());
    for (std::size_t i = 0; i < torch.size(); ++i) torch[mapping.torch_index[i]] = weights.filter.data()[i];
    nlohmann::json op = {{"weight", float_array_json(torch.data(), torch.size())}};
    if (weights.bias.size() != 0) op["bias"] = vector_json(weights.bias);
    if (weights.bn) {
      op["bn"] = {{"weight", vector_json(weights.bn->gamma)}, {"bias", vector_json(weights.bn->beta)},
                  {"running_mean", vector_json(weights.bn->running_mean)},
                  {"running_var", vector_json(weights.bn->running_var)}, {"eps", shortest_float_text(weights.bn->eps)}};
    }
    ops[graph.ops[index].name] = op;
  }
  return {{"format", kFloatWeightsFormat}, {"ops", ops}};
}

}  // namespace tinyml::engine
