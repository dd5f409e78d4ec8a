#include "core/engine/float_model.hpp"

#include <cmath>

#include "core/engine/seeded_random.hpp"
#include "core/error.hpp"

namespace tinyml::engine {
namespace {

template <std::size_t Rank>
void fill_uniform(xt::xtensor<float, Rank>& tensor, SeededRandom& random, double lo, double hi) {
  for (float& value : tensor) value = random.uniform(lo, hi);
}

xt::xtensor<float, 1> uniform_vector(std::size_t size, SeededRandom& random, double lo, double hi) {
  xt::xtensor<float, 1> vector = xt::xtensor<float, 1>::from_shape({size});
  fill_uniform(vector, random, lo, hi);
  return vector;
}

template <std::size_t Rank>
void check_finite(const xt::xtensor<float, Rank>& tensor, const std::string& path) {
  for (std::size_t i = 0; i < tensor.size(); ++i) {
    if (!std::isfinite(tensor.data()[i])) throw Error(path, "value " + std::to_string(i) + " is not finite");
  }
}

void check_channels(const xt::xtensor<float, 1>& vector, int channels, const std::string& path) {
  if (vector.size() != static_cast<std::size_t>(channels)) {
    throw Error(path, "must have " + std::to_string(channels) + " values (one per output channel), got " +
                          std::to_string(vector.size()));
  }
  check_finite(vector, path);
}

std::string shape_text(const std::array<std::size_t, 4>& shape) {
  return "[" + std::to_string(shape[0]) + ", " + std::to_string(shape[1]) + ", " + std::to_string(shape[2]) +
         ", " + std::to_string(shape[3]) + "]";
}

void check_bn(const BatchNorm& bn, int channels, const std::string& path) {
  check_channels(bn.gamma, channels, path + ".gamma");
  check_channels(bn.beta, channels, path + ".beta");
  check_channels(bn.running_mean, channels, path + ".running_mean");
  check_channels(bn.running_var, channels, path + ".running_var");
  for (float var : bn.running_var) {
    if (var < 0.0f) throw Error(path + ".running_var", "must be ≥ 0, got " + std::to_string(var));
  }
  if (!std::isfinite(bn.eps) || !(bn.eps > 0.0f)) throw Error(path + ".eps", "must be a finite number > 0");
}

}  // namespace

bool has_weights(OpKind kind) {
  return kind == OpKind::Conv2d || kind == OpKind::DepthwiseConv2d || kind == OpKind::Linear;
}

std::array<std::size_t, 4> filter_shape(const Graph& graph, int op_index) {
  const Op& op = graph.ops[op_index];
  const TensorShape& in = graph.tensors[op.inputs[0]].shape;
  const auto size = [](int64_t value) { return static_cast<std::size_t>(value); };
  switch (op.kind) {
    case OpKind::Conv2d:
      return {size(output_channels(graph, op_index)), size(op.kernel.h), size(op.kernel.w), size(in.c / op.groups)};
    case OpKind::DepthwiseConv2d: return {1, size(op.kernel.h), size(op.kernel.w), size(in.c)};
    case OpKind::Linear: return {size(output_channels(graph, op_index)), 1, 1, size(in.elements())};
    default: return {0, 0, 0, 0};
  }
}

int output_channels(const Graph& graph, int op_index) {
  return graph.tensors[graph.ops[op_index].output].shape.c;
}

FloatModel init_float_model(const Graph& graph, uint64_t seed, WeightInit init) {
  FloatModel model;
  model.ops.resize(graph.ops.size());
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    const Op& op = graph.ops[index];
    if (!has_weights(op.kind)) continue;
    SeededRandom random(stream_seed(seed, op.name));
    OpWeights& weights = model.ops[index];
    const std::array<std::size_t, 4> shape = filter_shape(graph, static_cast<int>(index));
    const double fan_in = static_cast<double>(shape[1] * shape[2] * shape[3]);
    const double bound = init == WeightInit::He ? std::sqrt(6.0 / fan_in) : 1.0 / std::sqrt(fan_in);
    weights.filter = xt::xtensor<float, 4>::from_shape(shape);
    fill_uniform(weights.filter, random, -bound, bound);
    const std::size_t channels = static_cast<std::size_t>(output_channels(graph, static_cast<int>(index)));
    if (op.bias) weights.bias = uniform_vector(channels, random, -1.0 / std::sqrt(fan_in), 1.0 / std::sqrt(fan_in));
    if (op.bn) {
      BatchNorm bn;
      bn.gamma = uniform_vector(channels, random, 0.5, 1.5);
      bn.beta = uniform_vector(channels, random, -0.25, 0.25);
      bn.running_mean = uniform_vector(channels, random, -0.25, 0.25);
      bn.running_var = uniform_vector(channels, random, 0.5, 2.0);
      weights.bn = std::move(bn);
    }
  }
  return model;
}

void check_float_model(const Graph& graph, const FloatModel& model) {
  if (model.ops.size() != graph.ops.size()) {
    throw Error("ops", "expected weights for " + std::to_string(graph.ops.size()) + " ops, got " +
                           std::to_string(model.ops.size()));
  }
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    const Op& op = graph.ops[index];
    const OpWeights& weights = model.ops[index];
    const std::string path = "ops." + op.name;
    const std::array<std::size_t, 4> expected = filter_shape(graph, static_cast<int>(index));
    if (has_weights(op.kind) ? weights.filter.shape() != expected : weights.filter.size() != 0) {
      throw Error(path + ".filter", "must have shape " + shape_text(expected) + ", got " +
                                        shape_text({weights.filter.shape()[0], weights.filter.shape()[1],
                                                    weights.filter.shape()[2], weights.filter.shape()[3]}));
    }
    check_finite(weights.filter, path + ".filter");
    const int channels = has_weights(op.kind) ? output_channels(graph, static_cast<int>(index)) : 0;
    if (op.bias) {
      check_channels(weights.bias, channels, path + ".bias");
    } else if (weights.bias.size() != 0) {
      throw Error(path + ".bias", "the op has no bias");
    }
    if (op.bn != weights.bn.has_value()) {
      throw Error(path + ".bn", op.bn ? "the op has batch norm but no BN parameters were given"
                                      : "the op has no batch norm");
    }
    if (weights.bn) check_bn(*weights.bn, channels, path + ".bn");
  }
}

}  // namespace tinyml::engine
