// A prepared model kept between inference calls (the page quantizes once, then runs it
// on many inputs): the int8 model and its engine, and — when it was quantized here from
// a float network — the float graph, weights and engine it came from, for comparison.
//
// Prepare happens in the factories (quantize, plan the arena); afterwards running only
// copies the input in and dispatches. Not copyable or movable: the engines hold
// references to the graph and models stored beside them.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/engine/float_engine.hpp"
#include "core/engine/float_model.hpp"
#include "core/engine/int8_engine.hpp"
#include "core/engine/int8_model.hpp"
#include "core/graph/graph.hpp"

namespace tinyml::engine {

class InferenceSession {
 public:
  // Quantizes `float_model` of `graph` on `samples` (quantize_model) and prepares both
  // engines. Throws tinyml::Error.
  static std::unique_ptr<InferenceSession> quantized(Graph graph, FloatModel float_model,
                                                     const std::vector<std::vector<float>>& samples);
  // An int8 model alone (e.g. read from a model file): no float engine.
  static std::unique_ptr<InferenceSession> from_int8_model(Int8Model model);

  InferenceSession(const InferenceSession&) = delete;
  InferenceSession& operator=(const InferenceSession&) = delete;

  bool has_float() const { return float_engine_ != nullptr; }
  const Int8Model& model() const { return model_; }
  Int8Engine& engine() { return *engine_; }
  const FloatEngine& float_engine() const { return *float_engine_; }  // only when has_float()
  const TensorShape& input_shape() const { return model_.graph.tensors[model_.graph.input].shape; }

  // {"model", "input_shape", "output_shape", "has_float", "ops", "tensors", "macs",
  //  "weight_bytes", "bias_bytes", "arena_bytes"}; shapes as [C, H, W] (flat: [N]).
  nlohmann::json summary() const;

 private:
  InferenceSession() = default;

  Graph graph_;                                // the float network (empty without float)
  FloatModel float_model_;
  std::unique_ptr<FloatEngine> float_engine_;  // refers to graph_ and float_model_
  Int8Model model_;
  std::unique_ptr<Int8Engine> engine_;         // refers to model_
};

}  // namespace tinyml::engine
