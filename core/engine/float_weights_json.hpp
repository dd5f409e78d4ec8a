// The float weights file (docs/float-weights-format.md): trained weights for a network,
// keyed by op name, in PyTorch's layouts so that a state_dict can be written out as is:
//   {"format": "tinyml-float-weights",                      (optional)
//    "ops": {"conv1": {"weight": [...], "bias": [...],
//                      "bn": {"weight", "bias", "running_mean", "running_var", "eps"}}}}
//   conv2d   weight [C_out, C_in / groups, KH, KW]
//   dwconv2d weight [C, 1, KH, KW]
//   linear   weight [O, K], K in PyTorch's flatten order (C, H, W) of the spatial tensor
//            the linear (or the flatten before it) reads
// Arrays are flat (row-major) or nested to the exact shape (tensor.tolist()). Every op
// with weights must be present, with a bias exactly when the op has one and "bn" exactly
// when it has batch norm; other names are errors. The reader converts to the float
// model's layouts (float_model.hpp) and runs check_float_model.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "core/engine/float_model.hpp"
#include "core/graph/graph.hpp"

namespace tinyml::engine {

constexpr std::size_t kMaxFloatWeightsTextBytes = std::size_t{256} << 20;  // 256 MiB
constexpr const char* kFloatWeightsFormat = "tinyml-float-weights";

// Throws tinyml::Error naming the path ("ops.conv1.weight: must have 432 values ...").
FloatModel read_float_weights(const Graph& graph, const std::string& text);
FloatModel float_weights_from_json(const Graph& graph, const nlohmann::json& document);

// The file for `model` (flat arrays, PyTorch layouts); reading it back gives `model`.
nlohmann::json float_weights_to_json(const Graph& graph, const FloatModel& model);

}  // namespace tinyml::engine
