// Float weights of a graph: one OpWeights per op, seeded or loaded from a file
// (float_weights_json.hpp). The float engine runs on them and the quantizer turns them
// into an Int8Model.
//
// Layouts (TFLite's, what the kernels read; the weights file uses PyTorch's):
//   conv2d           filter [C_out, KH, KW, C_in / groups]
//   dwconv2d         filter [1, KH, KW, C]                  (depth multiplier 1)
//   linear           filter [C_out, 1, 1, K], K indexing the flattened input in H, W, C
//                    order (NHWC storage), i.e. a 1×1 convolution over a 1×1 image
//   bias             [C_out]; empty when the op has none
//   BN               per output channel, applied after the bias:
//                    y = (x − running_mean) · gamma / sqrt(running_var + eps) + beta
// Ops without weights (add, pools, flatten) have an empty filter, no bias and no BN.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xtensor/xtensor.hpp>

#include "core/graph/graph.hpp"

namespace tinyml::engine {

struct BatchNorm {
  xt::xtensor<float, 1> gamma;         // [C_out] (PyTorch "weight")
  xt::xtensor<float, 1> beta;          // [C_out] (PyTorch "bias")
  xt::xtensor<float, 1> running_mean;  // [C_out]
  xt::xtensor<float, 1> running_var;   // [C_out], ≥ 0
  float eps = 1e-5f;                   // PyTorch's default
};

struct OpWeights {
  xt::xtensor<float, 4> filter;  // layout above; size 0 for ops without weights
  xt::xtensor<float, 1> bias;    // [C_out]; size 0: no bias
  std::optional<BatchNorm> bn;
};

struct FloatModel {
  std::vector<OpWeights> ops;  // ops[i] belongs to graph.ops[i]
};

// True for the ops that carry a filter: conv2d, dwconv2d, linear.
bool has_weights(OpKind kind);

// The filter shape graph.ops[op_index] needs (layout above); {0, 0, 0, 0} without weights.
std::array<std::size_t, 4> filter_shape(const Graph& graph, int op_index);

// Output channels of an op with weights (C_out, or linear's out features).
int output_channels(const Graph& graph, int op_index);

// How seeded filters are drawn, with fan_in = C_in / groups · KH · KW (linear: K):
//   He             U(±sqrt(6 / fan_in)): Kaiming-uniform for ReLU
//                  (torch.nn.init.kaiming_uniform_(w, nonlinearity="relu")); keeps the
//                  activations' second moment steady through ReLU layers.
//   PyTorchDefault U(±1 / sqrt(fan_in)): what nn.Conv2d / nn.Linear do by default
//                  (kaiming_uniform_ with a = sqrt(5)); activations shrink layer by layer.
// Biases are U(±1 / sqrt(fan_in)) in both (PyTorch's default).
enum class WeightInit { He, PyTorchDefault };

// Deterministic weights for every op of `graph`. Each op draws from its own stream,
// SeededRandom(stream_seed(seed, op name)), in this order: filter (row-major, layout
// above), bias, then BN gamma ~ U(0.5, 1.5), beta ~ U(−0.25, 0.25),
// running_mean ~ U(−0.25, 0.25), running_var ~ U(0.5, 2) — non-trivial so that folding
// is exercised. Identical natively and in wasm.
FloatModel init_float_model(const Graph& graph, uint64_t seed, WeightInit init = WeightInit::He);

// Always-on check that `model` fits `graph`: one entry per op, filter shapes as above,
// bias/BN present exactly where the op has them and sized C_out, every value finite,
// running_var ≥ 0, eps > 0. Throws tinyml::Error("ops.<op name>.<field>", reason).
void check_float_model(const Graph& graph, const FloatModel& model);

}  // namespace tinyml::engine
