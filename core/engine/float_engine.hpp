// The float32 reference engine: runs a Graph (batch 1, NHWC) on a FloatModel, op by op
// in execution order, with BN in inference mode (or already folded into the weights:
// bn_folding.hpp). The truth the int8 engine is measured against.
//
// Tensors are float vectors in NHWC order ([H, W, C]; flat tensors [C]), one per graph
// tensor. Unlike the int8 engine this one allocates per run: it is the reference, not
// the deployment path.
#pragma once

#include <vector>

#include "core/engine/float_model.hpp"
#include "core/graph/graph.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::engine {

class FloatEngine {
 public:
  // Checks the model against the graph (check_float_model, throws tinyml::Error) and
  // precomputes each BN's per-channel scale γ / sqrt(var + eps) and shift
  // β − mean · scale (in double, stored as float). Keeps references: `graph` and `model`
  // must outlive the engine.
  FloatEngine(const Graph& graph, const FloatModel& model);
  FloatEngine(Graph&&, const FloatModel&) = delete;
  FloatEngine(const Graph&, FloatModel&&) = delete;

  // input: the network input [H, W, C] (graph.tensors[graph.input] elements; checked,
  // throws). Returns the network output. Frees each tensor after its last reader.
  std::vector<float> run(kernels::Span<const float> input) const;

  // The same, keeping every tensor: result[t] holds graph.tensors[t] (input included).
  std::vector<std::vector<float>> run_all(kernels::Span<const float> input) const;

  const Graph& graph() const { return graph_; }

 private:
  struct BnAffine {
    std::vector<float> scale;
    std::vector<float> shift;
  };
  std::vector<std::vector<float>> run_ops(kernels::Span<const float> input, bool keep_all) const;
  void run_op(int op_index, std::vector<std::vector<float>>& tensors) const;

  const Graph& graph_;
  const FloatModel& model_;
  std::vector<BnAffine> bn_;        // per op; empty vectors without BN
  std::vector<int> last_reader_;    // per tensor: last op reading it (-1: none)
};

}  // namespace tinyml::engine
