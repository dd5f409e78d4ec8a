// Folding batch norm into the conv before it, as TFLite's converter does before
// quantizing: with scale_c = γ_c / sqrt(var_c + eps) (in double),
//   filter'[c, …] = float(filter[c, …] · scale_c)
//   bias'[c]      = float((bias[c] − mean_c) · scale_c + β_c)     (bias 0 when absent)
// For a depthwise filter [1, KH, KW, C] channel c is the last axis. The folded op has a
// bias and no BN; it computes the same function up to float rounding.
#pragma once

#include "core/engine/float_model.hpp"
#include "core/graph/graph.hpp"

namespace tinyml::engine {

struct FoldedNetwork {
  Graph graph;  // the input graph with op.bn = false and op.bias = true where BN was folded
  FloatModel model;
};

// Checks `model` against `graph` (throws tinyml::Error), then folds every BN.
FoldedNetwork fold_batch_norm(const Graph& graph, const FloatModel& model);

}  // namespace tinyml::engine
