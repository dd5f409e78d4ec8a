#include "core/engine/bn_folding.hpp"

#include <cmath>

namespace tinyml::engine {
namespace {

void fold(OpKind kind, OpWeights& weights) {
  const BatchNorm& bn = *weights.bn;
  const std::size_t channels = bn.gamma.size();
  const bool had_bias = weights.bias.size() != 0;
  xt::xtensor<float, 1> bias = xt::xtensor<float, 1>::from_shape({channels});
  std::vector<double> scales(channels);
  for (std::size_t channel = 0; channel < channels; ++channel) {
    scales[channel] = double{bn.gamma(channel)} / std::sqrt(double{bn.running_var(channel)} + bn.eps);
    const double old_bias = had_bias ? double{weights.bias(channel)} : 0.0;
    bias(channel) = static_cast<float>((old_bias - bn.running_mean(channel)) * scales[channel] + bn.beta(channel));
  }
  // Output channel of a filter element: axis 0 for conv [C_out, KH, KW, C_in/g], the
  // last axis for depthwise [1, KH, KW, C].
  const std::size_t inner = kind == OpKind::DepthwiseConv2d ? 1 : weights.filter.size() / channels;
  for (std::size_t index = 0; index < weights.filter.size(); ++index) {
    float& value = weights.filter.data()[index];
    value = static_cast<float>(value * scales[(index / inner) % channels]);
  }
  weights.bias = std::move(bias);
  weights.bn.reset();
}

}  // namespace

FoldedNetwork fold_batch_norm(const Graph& graph, const FloatModel& model) {
  check_float_model(graph, model);
  FoldedNetwork folded{graph, model};
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    OpWeights& weights = folded.model.ops[index];
    if (!weights.bn) continue;
    fold(graph.ops[index].kind, weights);
    folded.graph.ops[index].bn = false;
    folded.graph.ops[index].bias = true;
  }
  return folded;
}

}  // namespace tinyml::engine
