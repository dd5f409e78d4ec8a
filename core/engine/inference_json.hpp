// JSON reports of int8 inference and of the float-vs-int8 comparison, shared by the CLI
// (and the wasm API). Tensor values are listed in [C, H, W] order (flat: [N]), the
// order of their "shape"; dequantized = scale · (int8 − zero_point).
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/engine/compare.hpp"
#include "core/engine/int8_model.hpp"

namespace tinyml::engine {

// {"model", "output": {"name", "shape", "scale", "zero_point", "int8", "values", "argmax"},
//  "layers": [{"name", "type", "shape", "scale", "zero_point", "int8"}, ...]}  (layers
// only when `with_layers`: the input first, then each op's output in execution order).
// tensors[t] is graph tensor t in [H, W, C] order (Int8Engine::run_all).
nlohmann::json inference_json(const Int8Model& model, const std::vector<std::vector<int8_t>>& tensors,
                              bool with_layers);

// {"layers": [{"name", "type", "shape", "scale", "zero_point", "float_min", "float_max",
//              "max_abs_error", "mean_abs_error", "max_error_steps"}, ...],
//  "output": {"float", "int8", "dequantized", "float_argmax", "int8_argmax",
//             "argmax_equal", "top_k", "top_k_overlap"}}
nlohmann::json comparison_json(const Int8Model& model, const Comparison& comparison);

}  // namespace tinyml::engine
