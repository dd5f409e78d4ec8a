#include "core/engine/int8_model.hpp"

#include <cmath>
#include <string>

#include "core/engine/float_model.hpp"
#include "core/error.hpp"

namespace tinyml::engine {
namespace {

std::string shape_text(const xt::xtensor<int8_t, 4>::shape_type& shape) {
  return "[" + std::to_string(shape[0]) + ", " + std::to_string(shape[1]) + ", " + std::to_string(shape[2]) +
         ", " + std::to_string(shape[3]) + "]";
}

void check_weights(const Int8Model& model, int index, const std::string& path) {
  const Int8OpData& data = model.ops[index];
  const std::array<std::size_t, 4> expected = filter_shape(model.graph, index);
  if (data.filter.shape() != expected) {
    throw Error(path + ".weights", "must have shape " + shape_text(expected) + " (" +
                                       std::to_string(expected[0] * expected[1] * expected[2] * expected[3]) +
                                       " values), got " + shape_text(data.filter.shape()));
  }
  const std::size_t channels = static_cast<std::size_t>(output_channels(model.graph, index));
  if (data.filter_scales.size() != 1 && data.filter_scales.size() != channels) {
    throw Error(path + ".weight_scales", "must have 1 or " + std::to_string(channels) + " values, got " +
                                            std::to_string(data.filter_scales.size()));
  }
  for (std::size_t channel = 0; channel < data.filter_scales.size(); ++channel) {
    const float scale = data.filter_scales[channel];
    if (!std::isfinite(scale) || !(scale > 0.0f)) {
      throw Error(path + ".weight_scales[" + std::to_string(channel) + "]",
                  "must be a finite number > 0, got " + std::to_string(scale));
    }
  }
  if (data.bias.size() != 0 && data.bias.size() != channels) {
    throw Error(path + ".bias", "must have " + std::to_string(channels) + " values (one per output channel), got " +
                                    std::to_string(data.bias.size()));
  }
}

void check_no_weights(const Int8OpData& data, const std::string& path) {
  if (data.filter.size() != 0 || data.bias.size() != 0 || !data.filter_scales.empty()) {
    throw Error(path, "this op type has no weights, bias or weight scales");
  }
}

}  // namespace

void check_int8_model(const Int8Model& model) {
  const Graph& graph = model.graph;
  if (model.tensors.size() != graph.tensors.size()) {
    throw Error("tensors", "expected quantization for " + std::to_string(graph.tensors.size()) + " tensors, got " +
                               std::to_string(model.tensors.size()));
  }
  if (model.ops.size() != graph.ops.size() || graph.ops.empty()) {
    throw Error("ops", "expected data for " + std::to_string(graph.ops.size()) + " ops (at least 1), got " +
                           std::to_string(model.ops.size()));
  }
  for (std::size_t tensor = 0; tensor < model.tensors.size(); ++tensor) {
    quant::check_quant_params(model.tensors[tensor], "tensors[" + std::to_string(tensor) + "]");
  }
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    const Op& op = graph.ops[index];
    const std::string path = "ops[" + std::to_string(index) + "]";
    if (op.bn) throw Error(path, "batch norm must be folded into the weights of an int8 model");
    if (has_weights(op.kind)) {
      check_weights(model, static_cast<int>(index), path);
    } else {
      check_no_weights(model.ops[index], path);
    }
    const bool keeps_quantization =
        op.kind == OpKind::AvgPool || op.kind == OpKind::MaxPool || op.kind == OpKind::Flatten;
    if (keeps_quantization && !(model.tensors[op.output] == model.tensors[op.inputs[0]])) {
      throw Error(path, std::string(op_kind_name(op.kind)) +
                            " does not requantize: its output's scale and zero point must equal its input's");
    }
  }
}

}  // namespace tinyml::engine
