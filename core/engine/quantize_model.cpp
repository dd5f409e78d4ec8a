#include "core/engine/quantize_model.hpp"

#include "core/engine/bn_folding.hpp"
#include "core/error.hpp"
#include "core/quant/weight_quant.hpp"

namespace tinyml::engine {
namespace {

bool keeps_input_quantization(OpKind kind) {
  return kind == OpKind::AvgPool || kind == OpKind::MaxPool || kind == OpKind::Flatten;
}

Int8OpData quantize_op_weights(const Op& op, const OpWeights& weights,
                               const quant::QuantParams& input) {
  Int8OpData data;
  if (!has_weights(op.kind)) return data;
  const int channel_axis = op.kind == OpKind::DepthwiseConv2d ? 3 : 0;
  quant::QuantizedWeights<4> quantized = quant::quantize_weights_per_channel(weights.filter, channel_axis);
  data.filter = std::move(quantized.values);
  data.filter_scales = std::move(quantized.scales);
  if (weights.bias.size() != 0) data.bias = quant::quantize_bias(weights.bias, input.scale, data.filter_scales);
  return data;
}

}  // namespace

Int8Model quantize_folded(const Graph& graph, const FloatModel& model, const std::vector<TensorRange>& ranges) {
  check_float_model(graph, model);
  if (ranges.size() != graph.tensors.size()) {
    throw Error("calibration", "expected a range for each of the " + std::to_string(graph.tensors.size()) +
                                   " tensors, got " + std::to_string(ranges.size()));
  }
  Int8Model result;
  result.graph = graph;
  result.tensors.resize(graph.tensors.size());
  result.tensors[graph.input] = quant::choose_activation_params(ranges[graph.input].min, ranges[graph.input].max);
  // Execution order: an op's input quantization is known before its output's is chosen.
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    const Op& op = graph.ops[index];
    if (op.bn) throw Error("ops." + op.name, "fold batch norm before quantizing (fold_batch_norm)");
    const quant::QuantParams& input = result.tensors[op.inputs[0]];
    result.tensors[op.output] = keeps_input_quantization(op.kind)
                                    ? input
                                    : quant::choose_activation_params(ranges[op.output].min, ranges[op.output].max);
    result.ops.push_back(quantize_op_weights(op, model.ops[index], input));
  }
  check_int8_model(result);
  return result;
}

Int8Model quantize_model(const Graph& graph, const FloatModel& model, const std::vector<std::vector<float>>& samples) {
  const FoldedNetwork folded = fold_batch_norm(graph, model);
  const FloatEngine engine(folded.graph, folded.model);
  return quantize_folded(folded.graph, folded.model, calibrate(engine, samples));
}

}  // namespace tinyml::engine
