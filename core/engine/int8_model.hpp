// An int8 model: everything the int8 engine needs, without the float weights. Made by
// quantize_model (quantize_model.hpp) or read from a file (int8_model_json.hpp).
//
// Per tensor: shape (in the graph) and affine quantization (scale, zero point).
// Per op: kind and geometry (in the graph, BN already folded: op.bn is false), the fused
// activation (applied as a clamp of the int8 output), int8 weights symmetric per output
// channel (zero point 0), int32 biases with scale input_scale · filter_scales[c], and
// the per-channel filter scales. Layouts are the float model's (float_model.hpp):
//   conv2d [C_out, KH, KW, C_in / groups], dwconv2d [1, KH, KW, C], linear [C_out, 1, 1, K].
// Pools and flatten do not requantize: their output quantization equals their input's.
#pragma once

#include <cstdint>
#include <vector>

#include <xtensor/xtensor.hpp>

#include "core/graph/graph.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::engine {

struct Int8OpData {
  xt::xtensor<int8_t, 4> filter;     // size 0 for ops without weights
  xt::xtensor<int32_t, 1> bias;      // [C_out]; size 0: no bias
  std::vector<float> filter_scales;  // 1 (per tensor) or C_out (per channel); empty without weights
};

struct Int8Model {
  Graph graph;
  std::vector<quant::QuantParams> tensors;  // tensors[t] quantizes graph.tensors[t]
  std::vector<Int8OpData> ops;              // ops[i] belongs to graph.ops[i]
};

// Always-on consistency check of the quantization data against the graph (the graph's
// own structure is trusted: build_graph or the file reader checked it). Paths name the
// model file's fields, whose order is the graph's: "tensors[3].scale",
// "ops[2].weights", "ops[2].weight_scales[5]", "ops[2].bias", "ops[4]". Throws tinyml::Error.
void check_int8_model(const Int8Model& model);

}  // namespace tinyml::engine
