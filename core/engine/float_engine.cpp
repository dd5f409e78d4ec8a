#include "core/engine/float_engine.hpp"

#include <algorithm>
#include <cmath>

#include "core/engine/float_ops.hpp"
#include "core/engine/op_geometry.hpp"
#include "core/error.hpp"

namespace tinyml::engine {
namespace {

template <typename T>
Span<const T> view(const std::vector<T>& values) {
  return {values.data(), values.size()};
}
template <std::size_t Rank>
Span<const float> view(const xt::xtensor<float, Rank>& values) {
  return {values.data(), values.size()};
}

}  // namespace

FloatEngine::FloatEngine(const Graph& graph, const FloatModel& model) : graph_(graph), model_(model) {
  check_float_model(graph, model);
  bn_.resize(graph.ops.size());
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    const std::optional<BatchNorm>& bn = model.ops[index].bn;
    if (!bn) continue;
    for (std::size_t channel = 0; channel < bn->gamma.size(); ++channel) {
      const double scale = double{bn->gamma(channel)} / std::sqrt(double{bn->running_var(channel)} + bn->eps);
      bn_[index].scale.push_back(static_cast<float>(scale));
      bn_[index].shift.push_back(static_cast<float>(bn->beta(channel) - bn->running_mean(channel) * scale));
    }
  }
  last_reader_.assign(graph.tensors.size(), -1);
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    for (int tensor : graph.ops[index].inputs) last_reader_[tensor] = static_cast<int>(index);
  }
}

std::vector<float> FloatEngine::run(Span<const float> input) const {
  return std::move(run_ops(input, false)[graph_.output]);
}

std::vector<std::vector<float>> FloatEngine::run_all(Span<const float> input) const {
  return run_ops(input, true);
}

std::vector<std::vector<float>> FloatEngine::run_ops(Span<const float> input, bool keep_all) const {
  const std::size_t expected = static_cast<std::size_t>(graph_.tensors[graph_.input].shape.elements());
  if (input.size != expected) {
    throw Error("input", "expected " + std::to_string(expected) + " values, got " + std::to_string(input.size));
  }
  std::vector<std::vector<float>> tensors(graph_.tensors.size());
  tensors[graph_.input].assign(input.data, input.data + input.size);
  for (std::size_t index = 0; index < graph_.ops.size(); ++index) {
    run_op(static_cast<int>(index), tensors);
    if (keep_all) continue;
    for (int tensor : graph_.ops[index].inputs) {
      if (last_reader_[tensor] == static_cast<int>(index) && tensor != graph_.output) {
        std::vector<float>().swap(tensors[tensor]);
      }
    }
  }
  return tensors;
}

void FloatEngine::run_op(int op_index, std::vector<std::vector<float>>& tensors) const {
  const Op& op = graph_.ops[op_index];
  const OpWeights& weights = model_.ops[op_index];
  std::vector<float>& out = tensors[op.output];
  out.assign(static_cast<std::size_t>(graph_.tensors[op.output].shape.elements()), 0.0f);
  const Span<float> output{out.data(), out.size()};
  const Span<const float> input = view(tensors[op.inputs[0]]);
  switch (op.kind) {
    case OpKind::Conv2d:
      conv2d_float(window_of(graph_, op), op.groups, input, view(weights.filter), view(weights.bias), output);
      break;
    case OpKind::DepthwiseConv2d:
      depthwise_conv2d_float(window_of(graph_, op), input, view(weights.filter), view(weights.bias), output);
      break;
    case OpKind::Linear:
      fully_connected_float(static_cast<int>(input.size), static_cast<int>(output.size), input, view(weights.filter),
                            view(weights.bias), output);
      break;
    case OpKind::Add: add_float(input, view(tensors[op.inputs[1]]), output); break;
    case OpKind::AvgPool: average_pool2d_float(window_of(graph_, op), input, output); break;
    case OpKind::MaxPool: max_pool2d_float(window_of(graph_, op), input, output); break;
    case OpKind::GlobalAvgPool:
      global_average_pool_float(nhwc_of(graph_.tensors[op.inputs[0]].shape), input, output);
      break;
    case OpKind::Flatten: std::copy(input.data, input.data + input.size, out.begin()); break;
  }
  if (!bn_[op_index].scale.empty()) {
    channel_affine(output, graph_.tensors[op.output].shape.c, view(bn_[op_index].scale), view(bn_[op_index].shift));
  }
  apply_activation(op.act, output);
}

}  // namespace tinyml::engine
